/* myna-diagnostics-window.h
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

#include "myna-card-manager.h"

G_BEGIN_DECLS

#define MYNA_TYPE_DIAGNOSTICS_WINDOW (myna_diagnostics_window_get_type ())

G_DECLARE_FINAL_TYPE (MynaDiagnosticsWindow, myna_diagnostics_window, MYNA, DIAGNOSTICS_WINDOW, AdwWindow)

GtkWidget *myna_diagnostics_window_new          (GtkWindow             *parent,
                                                 MynaCardManager       *manager);
void       myna_diagnostics_window_run          (MynaDiagnosticsWindow *self);
char      *myna_diagnostics_window_build_report (MynaDiagnosticsWindow *self);
void       myna_diagnostics_window_set_force_redaction (MynaDiagnosticsWindow *self,
                                                        gboolean               force);

G_END_DECLS
