/* myna-pin-row.h
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

#include <adwaita.h>

#include "myna-text-row.h"

#include "myna-card-status.h"
#include "myna-pin.h"

G_BEGIN_DECLS

#define MYNA_TYPE_PIN_ROW (myna_pin_row_get_type ())

G_DECLARE_FINAL_TYPE (MynaPinRow, myna_pin_row, MYNA, PIN_ROW, MynaTextRow)

GtkWidget   *myna_pin_row_new        (MynaPinId            id);
void         myna_pin_row_set_status (MynaPinRow          *self,
                                      MynaCardStatus      *card);
void         myna_pin_row_clear      (MynaPinRow          *self);
char        *myna_pin_dots           (const MynaPinStatus *status);
char        *myna_pin_describe       (const MynaPinStatus *status);

G_END_DECLS
