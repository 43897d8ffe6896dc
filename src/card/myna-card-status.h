/* myna-card-status.h
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
#include "myna-pin.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CARD_STATUS (myna_card_status_get_type ())

G_DECLARE_FINAL_TYPE (MynaCardStatus, myna_card_status, MYNA, CARD_STATUS, GObject)

const char          *myna_card_kind_to_string             (MynaCardKind     kind);
const char          *myna_card_kind_get_name              (MynaCardKind     kind);
const char          *myna_cert_id_to_string               (MynaCertId       id);
const char          *myna_cert_id_get_name                (MynaCertId       id);

const char          *myna_card_status_get_reader_name     (MynaCardStatus  *self);
GBytes              *myna_card_status_get_atr             (MynaCardStatus  *self);
MynaCardKind         myna_card_status_get_kind            (MynaCardStatus  *self);
const char          *myna_card_status_get_token           (MynaCardStatus  *self);
const MynaPinStatus *myna_card_status_get_pin             (MynaCardStatus  *self,
                                                           MynaPinId        id);
GBytes              *myna_card_status_get_certificate     (MynaCardStatus  *self,
                                                           MynaCertId       id);
const GError        *myna_card_status_get_certificate_error (MynaCardStatus *self,
                                                             MynaCertId      id);
guint                myna_card_status_get_apdu_count      (MynaCardStatus  *self);
gboolean             myna_card_status_get_extended_length (MynaCardStatus  *self);
void                 myna_card_status_clear               (MynaCardStatus  *self);
MynaCardStatus      *myna_card_status_copy_with_pin       (MynaCardStatus  *self,
                                                           const MynaPinStatus *pin);
MynaCardStatus      *myna_card_status_copy_with_certificate (MynaCardStatus *self,
                                                             MynaCertId      id,
                                                             GBytes         *der);

G_END_DECLS
