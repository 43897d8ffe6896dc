/* myna-kiosk.h
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

#include "myna-card-manager.h"

G_BEGIN_DECLS

#define MYNA_TYPE_KIOSK (myna_kiosk_get_type ())

G_DECLARE_FINAL_TYPE (MynaKiosk, myna_kiosk, MYNA, KIOSK, GObject)

MynaKiosk       *myna_kiosk_new                (GtkApplication  *application);
MynaCardManager *myna_kiosk_get_manager        (MynaKiosk       *self);
void             myna_kiosk_set_manager        (MynaKiosk       *self,
                                                MynaCardManager *manager);
guint            myna_kiosk_get_idle_timeout   (MynaKiosk       *self);
void             myna_kiosk_set_idle_timeout   (MynaKiosk       *self,
                                                guint            seconds);
void             myna_kiosk_watch_main_window  (MynaKiosk       *self,
                                                GtkWindow       *window);
void             myna_kiosk_watch_window       (MynaKiosk       *self,
                                                GtkWindow       *window);
void             myna_kiosk_user_active        (MynaKiosk       *self);
void             myna_kiosk_start_over         (MynaKiosk       *self,
                                                gboolean         reset_language);

G_END_DECLS
