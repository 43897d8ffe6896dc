/* myna-guide-printer.h
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

#include "myna-guide.h"

G_BEGIN_DECLS

#define MYNA_TYPE_GUIDE_PRINTER (myna_guide_printer_get_type ())

G_DECLARE_FINAL_TYPE (MynaGuidePrinter, myna_guide_printer, MYNA, GUIDE_PRINTER, GObject)

MynaGuidePrinter *myna_guide_printer_new       (MynaGuide        *guide);
char             *myna_guide_printer_get_markup (MynaGuidePrinter *self);
gboolean          myna_guide_printer_run       (MynaGuidePrinter *self,
                                                GtkWindow        *parent,
                                                const char       *export_filename,
                                                GError          **error);
void              myna_guide_printer_set_without_dialog (MynaGuidePrinter *self,
                                                         gboolean          without_dialog);

G_END_DECLS
