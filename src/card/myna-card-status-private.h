/* myna-card-status-private.h
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

#include "myna-card-status.h"

G_BEGIN_DECLS

MynaCardStatus *_myna_card_status_new                   (const char     *reader_name,
                                                         GBytes         *atr);
void            _myna_card_status_set_token             (MynaCardStatus *self,
                                                         const char     *token,
                                                         MynaCardKind    kind);
void            _myna_card_status_set_pin               (MynaCardStatus *self,
                                                         const MynaPinStatus *pin);
void            _myna_card_status_set_certificate       (MynaCardStatus *self,
                                                         MynaCertId      id,
                                                         GBytes         *der);
void            _myna_card_status_set_certificate_error (MynaCardStatus *self,
                                                         MynaCertId      id,
                                                         const GError   *error);
void            _myna_card_status_set_apdu_count        (MynaCardStatus *self,
                                                         guint           apdu_count,
                                                         gboolean        extended_length);

G_END_DECLS
