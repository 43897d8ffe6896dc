/* myna-jpki.h
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

#include <gio/gio.h>

#include "myna-card-session.h"
#include "myna-card-status.h"
#include "myna-pin.h"

G_BEGIN_DECLS

#define MYNA_AID_LENGTH 10

/* Reference §1.1. */
extern const guint8 myna_aid_jpki[MYNA_AID_LENGTH];
extern const guint8 myna_aid_card_info[MYNA_AID_LENGTH];
extern const guint8 myna_aid_juki[MYNA_AID_LENGTH];
extern const guint8 myna_aid_common[MYNA_AID_LENGTH];

typedef enum
{
  MYNA_SIGN_READ_NONE             = 0,
  MYNA_SIGN_READ_CONFIRM_LAST_TRY = 1 << 0,
} MynaSignReadFlags;

typedef enum
{
  MYNA_PIN_CHANGE_NONE             = 0,
  MYNA_PIN_CHANGE_CONFIRM_LAST_TRY = 1 << 0,
} MynaPinChangeFlags;

/* Where one key reference of a PIN stands after a change. The resident
 * registry PIN is held twice, by the 住基 and the common card
 * applications (reference §3.3), and changed in each. */
typedef enum
{
  MYNA_KEY_ABSENT,     /* the card has no such key */
  MYNA_KEY_UNCHANGED,  /* it still takes the current PIN */
  MYNA_KEY_CHANGED,    /* it takes the new PIN */
  MYNA_KEY_UNKNOWN,    /* the card went away while it took the new PIN */
} MynaKeyOutcome;

typedef struct
{
  MynaPinId      pin;
  MynaPinStatus  status;                      /* the tries after the attempt */
  MynaKeyOutcome keys[MYNA_PIN_MAX_KEYS];     /* in the order of myna_pin_get_key_name() */
  gboolean       not_powered_down;            /* changed, but the verified state may linger */
} MynaPinChangeResult;

MynaCardKind    myna_jpki_kind_from_token          (const char         *token);
MynaCardStatus *myna_jpki_read_status              (MynaCardSession    *session,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
GBytes         *myna_jpki_read_signing_certificate (MynaCardSession    *session,
                                                    char               *password,
                                                    MynaSignReadFlags   flags,
                                                    MynaPinStatus      *sign_pin,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
gboolean        myna_jpki_check_pin_change         (MynaPinId           pin,
                                                    char               *current,
                                                    char               *new_pin,
                                                    GError            **error);
const char     *myna_pin_change_result_get_warning (const MynaPinChangeResult *result);
gboolean        myna_jpki_change_pin               (MynaCardSession    *session,
                                                    MynaPinId           pin,
                                                    char               *current,
                                                    char               *new_pin,
                                                    MynaPinChangeFlags  flags,
                                                    MynaPinChangeResult *result,
                                                    GCancellable       *cancellable,
                                                    GError            **error);

G_END_DECLS
