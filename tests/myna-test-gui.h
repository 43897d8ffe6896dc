/* myna-test-gui.h
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

#include "myna-application.h"
#include "myna-card-manager.h"
#include "myna-window.h"

G_BEGIN_DECLS

MynaApplication *myna_test_gui_init          (int         *argc,
                                              char      ***argv,
                                              const char  *demo_scenario);
void       myna_test_gui_finish              (MynaApplication *app);

gboolean   myna_test_gui_is_shown            (GtkWidget   *widget);
gboolean   myna_test_gui_wait_until          (gboolean   (*condition) (gpointer data),
                                              gpointer     data,
                                              guint        timeout_ms);
void       myna_test_gui_flush               (void);
GtkWidget *myna_test_gui_find_named          (GtkWidget   *root,
                                              const char  *name);
GtkWidget *myna_test_gui_find_shown          (GtkWidget   *root,
                                              const char  *name);
GtkWidget *myna_test_gui_assert_button       (GtkWidget   *root,
                                              const char  *name,
                                              const char  *action);
GtkWidget *myna_test_gui_find_type           (GtkWidget   *root,
                                              GType        type);
GPtrArray *myna_test_gui_find_all            (GtkWidget   *root,
                                              GType        type);
GPtrArray *myna_test_gui_find_every          (GtkWidget   *root,
                                              GType        type);
GtkWidget *myna_test_gui_find_text           (GtkWidget   *root,
                                              const char  *text);
gboolean   myna_test_gui_shows_text          (GtkWidget   *root,
                                              const char  *text);
char      *myna_test_gui_collect_text        (GtkWidget   *root);
char      *myna_test_gui_describe_labels     (GtkWidget   *root);
GtkWindow *myna_test_gui_find_toplevel       (GType        type);
char      *myna_test_gui_clipboard_text      (GdkClipboard *clipboard);
void       myna_test_gui_assert_no_clipping  (GtkWidget    *root);
void       myna_test_gui_assert_fits         (GtkWidget    *root,
                                              int           width);
void       myna_test_gui_assert_accessible   (GtkWidget   *root);
void       myna_test_gui_assert_secret_hidden (GtkEditable *entry);
gboolean   myna_test_gui_trigger_matches     (GtkShortcutTrigger *trigger,
                                              guint               keyval,
                                              GdkModifierType     modifiers);
gboolean   myna_test_gui_press_shortcut      (GtkWidget          *window,
                                              guint               keyval,
                                              GdkModifierType     modifiers);
char      *myna_test_gui_save_screenshot     (GtkWidget   *widget,
                                              const char  *name);

gboolean    myna_test_gui_manager_settled     (gpointer      manager);
MynaWindow *myna_test_gui_only_window         (MynaApplication *app);
MynaWindow *myna_test_gui_open_window         (MynaApplication *app,
                                              MynaCardManager *manager,
                                              int           width,
                                              int           height);
void        myna_test_gui_assert_shows        (GtkWidget    *root,
                                              const char   *text);
void        myna_test_gui_read_signing_certificate (MynaCardManager *manager,
                                                    const char      *password);
gboolean    myna_test_gui_diagnostics_done    (gpointer      diagnostics_window);

G_END_DECLS
