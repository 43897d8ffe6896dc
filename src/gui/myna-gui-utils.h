/* myna-gui-utils.h
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

#include "myna-pin.h"

G_BEGIN_DECLS

GtkWidget *myna_preferences_page_add_group (AdwPreferencesPage *page,
                                            const char         *title,
                                            const char         *description);
char      *myna_text_with_term             (const char         *text,
                                            const char         *term);
void       myna_label_set_language         (GtkLabel           *label,
                                            const char         *language);
void       myna_secret_row_lock_down       (AdwPasswordEntryRow *row);
void       myna_secret_row_set_hide_length (AdwPasswordEntryRow *row,
                                            gboolean            hide_length);
char      *myna_pin_format_hint            (MynaPinId           pin,
                                            MynaPinFormat       format,
                                            guint               length,
                                            gboolean            hide_length);

GtkWidget *myna_tooltip_label_new          (const char         *text);
void       myna_widget_set_tooltip         (GtkWidget          *widget,
                                            const char         *text);
void       myna_tooltips_keep_words        (GtkWidget          *root);

G_END_DECLS
