/* myna-text-row.h
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

G_BEGIN_DECLS

#define MYNA_TYPE_TEXT_ROW (myna_text_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (MynaTextRow, myna_text_row, MYNA, TEXT_ROW, AdwPreferencesRow)

struct _MynaTextRowClass
{
  AdwPreferencesRowClass parent_class;
};

GtkWidget  *myna_text_row_new          (const char  *title,
                                        const char  *subtitle);
const char *myna_text_row_get_subtitle (MynaTextRow *self);
void        myna_text_row_set_subtitle (MynaTextRow *self,
                                        const char  *subtitle);
void        myna_text_row_set_subtitle_language (MynaTextRow *self,
                                                 const char  *language);
void        myna_text_row_set_subtitle_lines (MynaTextRow *self,
                                              int          lines);
void        myna_text_row_add_prefix   (MynaTextRow *self,
                                        GtkWidget   *widget);
void        myna_text_row_add_suffix   (MynaTextRow *self,
                                        GtkWidget   *widget);
void        myna_text_row_set_activatable_widget (MynaTextRow *self,
                                                  GtkWidget   *widget);

G_END_DECLS
