/* myna-text-column.h
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

G_BEGIN_DECLS

#define MYNA_TYPE_TEXT_COLUMN (myna_text_column_get_type ())

G_DECLARE_FINAL_TYPE (MynaTextColumn, myna_text_column, MYNA, TEXT_COLUMN, GtkWidget)

GtkWidget  *myna_text_column_new            (void);
GtkWidget  *myna_text_column_get_title_label    (MynaTextColumn *self);
GtkWidget  *myna_text_column_get_subtitle_label (MynaTextColumn *self);
void        myna_text_column_set_title      (MynaTextColumn *self,
                                             const char     *title);
void        myna_text_column_set_subtitle   (MynaTextColumn *self,
                                             const char     *subtitle);

G_END_DECLS
