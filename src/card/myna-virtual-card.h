/* myna-virtual-card.h
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

#define MYNA_TYPE_VIRTUAL_CARD (myna_virtual_card_get_type ())

G_DECLARE_FINAL_TYPE (MynaVirtualCard, myna_virtual_card, MYNA, VIRTUAL_CARD, GObject)

/* Ways a card or reader can differ from the well-behaved default. */
typedef enum
{
  MYNA_VIRTUAL_QUIRK_NONE               = 0,
  MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH = 1 << 0, /* a reader without extended APDUs: 6700 */
  MYNA_VIRTUAL_QUIRK_GET_RESPONSE       = 1 << 1, /* data comes as 61xx + GET RESPONSE */
  MYNA_VIRTUAL_QUIRK_WRONG_LE           = 1 << 2, /* 6Cxx when Le is longer than the rest */
  MYNA_VIRTUAL_QUIRK_6F00_AFTER_POWER   = 1 << 3, /* 6F00 to the first command after power-up */
  MYNA_VIRTUAL_QUIRK_COMMON_KEY_FAILS   = 1 << 4, /* the common card application refuses CHANGE KEY: 6581 */
} MynaVirtualQuirks;

MynaVirtualCard *myna_virtual_card_new                 (const char        *scenario,
                                                        GError           **error);
const char      *myna_virtual_card_get_scenario        (MynaVirtualCard   *self);
GBytes          *myna_virtual_card_get_atr             (MynaVirtualCard   *self);
guint            myna_virtual_card_power_on            (MynaVirtualCard   *self);
void             myna_virtual_card_power_off           (MynaVirtualCard   *self);
void             myna_virtual_card_power_off_cycle     (MynaVirtualCard   *self,
                                                        guint              cycle);
void             myna_virtual_card_reset               (MynaVirtualCard   *self);
void             myna_virtual_card_begin_transaction   (MynaVirtualCard   *self);
void             myna_virtual_card_end_transaction     (MynaVirtualCard   *self);
gsize            myna_virtual_card_transmit            (MynaVirtualCard   *self,
                                                        guint              cycle,
                                                        const guint8      *command,
                                                        gsize              command_length,
                                                        guint8            *response,
                                                        gsize              response_size);
gboolean         myna_virtual_card_is_powered          (MynaVirtualCard   *self);
gboolean         myna_virtual_card_has_verified_pin    (MynaVirtualCard   *self);
gsize            myna_virtual_card_process             (MynaVirtualCard   *self,
                                                        const guint8      *command,
                                                        gsize              command_length,
                                                        guint8            *response,
                                                        gsize              response_size);
void             myna_virtual_card_set_quirks          (MynaVirtualCard   *self,
                                                        MynaVirtualQuirks  quirks);
guint            myna_virtual_card_get_apdu_count      (MynaVirtualCard   *self);
guint            myna_virtual_card_get_tries_spent     (MynaVirtualCard   *self);
guint            myna_virtual_card_get_verify_count    (MynaVirtualCard   *self);
guint            myna_virtual_card_get_power_down_count (MynaVirtualCard  *self);
guint            myna_virtual_card_get_change_count    (MynaVirtualCard   *self);
int              myna_virtual_card_get_pin_remaining   (MynaVirtualCard   *self,
                                                        MynaPinId          id);
GBytes          *myna_virtual_card_get_certificate     (MynaVirtualCard   *self,
                                                        MynaCertId         id);

G_END_DECLS
