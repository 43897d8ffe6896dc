/* myna-card-source.h
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
#include "myna-transport.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CARD_SOURCE (myna_card_source_get_type ())

G_DECLARE_INTERFACE (MynaCardSource, myna_card_source, MYNA, CARD_SOURCE, GObject)

/**
 * MynaCardSourceInterface:
 *
 * Where cards come from, for the card manager: the PC/SC readers
 * (#MynaReaderMonitor) or the demo card (#MynaVirtualReader). A source
 * says what its readers hold and emits #MynaCardSource::changed on the
 * main context when that changes; it opens a transport to its card and
 * runs the diagnostics self-test.
 *
 * open_transport() and run_self_test() are called in a worker thread:
 * they must only read what does not change while the source is in use.
 */
struct _MynaCardSourceInterface
{
  GTypeInterface parent_iface;

  void             (*start)                (MynaCardSource  *self);
  void             (*stop)                 (MynaCardSource  *self);
  void             (*refresh)              (MynaCardSource  *self);
  MynaReaderState  (*get_state)            (MynaCardSource  *self);
  GPtrArray       *(*get_readers)          (MynaCardSource  *self);
  const char      *(*get_card_reader)      (MynaCardSource  *self);
  guint            (*get_card_event_count) (MynaCardSource  *self);
  void             (*set_preferred_reader) (MynaCardSource  *self,
                                            const char      *reader_name);
  MynaTransport   *(*open_transport)       (MynaCardSource  *self,
                                            const char      *reader_name,
                                            gboolean         exclusive,
                                            GError         **error);
  GPtrArray       *(*run_self_test)        (MynaCardSource  *self,
                                            const char      *preferred_reader);
};

void             myna_card_source_start                (MynaCardSource  *self);
void             myna_card_source_stop                 (MynaCardSource  *self);
void             myna_card_source_refresh              (MynaCardSource  *self);
MynaReaderState  myna_card_source_get_state            (MynaCardSource  *self);
GPtrArray       *myna_card_source_get_readers          (MynaCardSource  *self);
const char      *myna_card_source_get_card_reader      (MynaCardSource  *self);
guint            myna_card_source_get_card_event_count (MynaCardSource  *self);
void             myna_card_source_set_preferred_reader (MynaCardSource  *self,
                                                        const char      *reader_name);
MynaTransport   *myna_card_source_open_transport       (MynaCardSource  *self,
                                                        const char      *reader_name,
                                                        gboolean         exclusive,
                                                        GError         **error);
GPtrArray       *myna_card_source_run_self_test        (MynaCardSource  *self,
                                                        const char      *preferred_reader);
void             myna_card_source_emit_changed         (MynaCardSource  *self);

G_END_DECLS
