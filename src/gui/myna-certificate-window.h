/* myna-certificate-window.h
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

#include "myna-card-report.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CERTIFICATE_WINDOW (myna_certificate_window_get_type ())

G_DECLARE_FINAL_TYPE (MynaCertificateWindow, myna_certificate_window, MYNA, CERTIFICATE_WINDOW, AdwWindow)

typedef enum
{
  MYNA_CERTIFICATE_WINDOW_HIDE_PERSONAL = 1 << 0, /* help-desk mode */
  MYNA_CERTIFICATE_WINDOW_NO_COPY       = 1 << 1, /* a public terminal */
} MynaCertificateWindowFlags;

GtkWidget *myna_certificate_window_new        (GtkWindow      *parent,
                                               MynaCardReport *report,
                                               MynaCertId      id,
                                               GDateTime      *now,
                                               MynaCertificateWindowFlags flags);
void       myna_certificate_window_copy_fingerprint (MynaCertificateWindow *self);

G_END_DECLS
