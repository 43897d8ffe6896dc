/* myna-certificate-box.h
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

#include <gtk/gtk.h>

#include "myna-card-report.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CERTIFICATE_BOX (myna_certificate_box_get_type ())

G_DECLARE_FINAL_TYPE (MynaCertificateBox, myna_certificate_box, MYNA, CERTIFICATE_BOX, GtkBox)

void        myna_certificate_box_set_certificate (MynaCertificateBox *self,
                                                  MynaCertId          id);
void        myna_certificate_box_set_report      (MynaCertificateBox *self,
                                                  MynaCardReport     *report,
                                                  GDateTime          *now);
void        myna_certificate_box_set_signing_allowed (MynaCertificateBox *self,
                                                      gboolean            allowed);

G_END_DECLS
