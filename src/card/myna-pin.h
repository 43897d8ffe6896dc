/* myna-pin.h
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

#include <glib.h>

#include "myna-card-types.h"
#include "myna-secret.h"

G_BEGIN_DECLS

#define MYNA_PIN_MAX_LENGTH 16
#define MYNA_PIN_MAX_KEYS 2

/* Why a PIN as typed cannot be sent, checked before anything reaches the
 * card; the first reason that applies, in this order of checks: the
 * characters, then the length, then the mix of letters and digits. */
typedef enum
{
  MYNA_PIN_FORMAT_OK,
  MYNA_PIN_FORMAT_BAD_CHARACTER, /* not a digit, or a letter where only digits go */
  MYNA_PIN_FORMAT_EMPTY,
  MYNA_PIN_FORMAT_TOO_SHORT,
  MYNA_PIN_FORMAT_TOO_LONG,
  MYNA_PIN_FORMAT_NOT_MIXED,     /* a signing password without a letter or a digit */
} MynaPinFormat;

/* What an empty VERIFY told about one PIN. Reading it spends no try. */
typedef struct
{
  MynaPinId    id;
  MynaPinState state;
  int          remaining; /* -1 when the card did not say */
  int          max_tries;
  gboolean     verified;  /* verified earlier while the card was powered */
  guint16      sw;        /* the card's answer; 0 when nothing was asked */
} MynaPinStatus;

const char *myna_pin_id_to_string     (MynaPinId           id);
gboolean    myna_pin_id_from_string   (const char         *str,
                                       MynaPinId          *id);
const char *myna_pin_get_name         (MynaPinId           id);
int         myna_pin_get_max_tries    (MynaPinId           id);
guint       myna_pin_get_n_keys       (MynaPinId           id);
const char *myna_pin_get_key_name     (MynaPinId           id,
                                       guint               key);
guint       myna_pin_get_min_length   (MynaPinId           id);
guint       myna_pin_get_max_length   (MynaPinId           id);
const char *myna_pin_state_to_string  (MynaPinState        state);

void        myna_pin_status_init      (MynaPinStatus      *status,
                                       MynaPinId           id);
gboolean    myna_pin_status_update    (MynaPinStatus      *status,
                                       guint16             sw);
gboolean    myna_pin_status_is_usable (const MynaPinStatus *status);

MynaPinFormat myna_pin_check_format   (MynaPinId           id,
                                       const char         *pin,
                                       guint              *length);
gboolean    myna_pin_normalize        (MynaPinId           id,
                                       char               *pin,
                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MynaPinStatus, g_free)

G_END_DECLS
