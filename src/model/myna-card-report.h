/* myna-card-report.h
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

#include "myna-card-status.h"
#include "myna-certificate.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CARD_REPORT (myna_card_report_get_type ())

G_DECLARE_FINAL_TYPE (MynaCardReport, myna_card_report, MYNA, CARD_REPORT, GObject)

MynaCardReport  *myna_card_report_new                     (MynaCardStatus  *status);
MynaCardStatus  *myna_card_report_get_status              (MynaCardReport  *self);
MynaCertificate *myna_card_report_get_certificate         (MynaCardReport  *self,
                                                           MynaCertId       id);
const GError    *myna_card_report_get_certificate_error   (MynaCardReport  *self,
                                                           MynaCertId       id);
MynaChainResult  myna_card_report_get_chain_result        (MynaCardReport  *self,
                                                           MynaCertId       id);
gboolean         myna_card_report_set_signing_certificate (MynaCardReport  *self,
                                                           GBytes          *der,
                                                           GError         **error);
void             myna_card_report_update_pin              (MynaCardReport  *self,
                                                           const MynaPinStatus *pin);
void             myna_card_report_clear                   (MynaCardReport  *self);

G_END_DECLS
