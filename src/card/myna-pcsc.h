/* myna-pcsc.h
 *
 * Copyright 2026 The MynaCheck authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "myna-card-types.h"

G_BEGIN_DECLS

#define MYNA_TYPE_READER_INFO (myna_reader_info_get_type ())

/* One reader as PC/SC sees it. */
typedef struct
{
  char     *name;
  gboolean  card_present;
  gboolean  exclusive;   /* another program holds the card exclusively */
  gboolean  in_use;      /* another program has the card open, shared */
  gboolean  mute;        /* the card does not answer reset */
  GBytes   *atr;
  guint     event_count; /* moves on every insertion and removal */
} MynaReaderInfo;

GType            myna_reader_info_get_type     (void) G_GNUC_CONST;
MynaReaderInfo  *myna_reader_info_copy         (const MynaReaderInfo *info);
void             myna_reader_info_free         (MynaReaderInfo       *info);
gboolean         myna_reader_info_equal        (const MynaReaderInfo *a,
                                                const MynaReaderInfo *b);

GPtrArray       *myna_pcsc_get_readers         (GError              **error);
const MynaReaderInfo *myna_reader_find        (GPtrArray            *readers,
                                                const char           *wanted,
                                                guint                *n_matches);
MynaReaderState  myna_reader_state_compute     (GPtrArray            *readers,
                                                const char           *preferred_reader,
                                                const MynaReaderInfo **card_reader);
gboolean         myna_reader_state_to_error    (MynaReaderState       state,
                                                GError              **error);
const char      *myna_reader_state_to_string   (MynaReaderState       state);
gboolean         myna_pcsc_set_error           (GError              **error,
                                                long                  rv,
                                                const char           *what);
gboolean         myna_pcsc_is_service_lost     (long                  rv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MynaReaderInfo, myna_reader_info_free)

G_END_DECLS
