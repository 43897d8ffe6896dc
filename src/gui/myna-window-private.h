/* myna-window-private.h
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

#include "myna-guides-view.h"
#include "myna-overview.h"
#include "myna-state-page.h"
#include "myna-window.h"

G_BEGIN_DECLS

/* The window's two files: myna-window.c draws, myna-window-actions.c
 * holds the win.* actions. Nothing else includes this. */

struct _MynaWindow
{
  AdwApplicationWindow  parent_instance;

  MynaCardManager      *manager;        /* the application's */
  GSignalGroup         *manager_signals;
  GPtrArray            *card_windows;   /* windows that show card data */
  GtkWidget            *diagnostics;    /* weak */
  GtkWidget            *shortcuts;      /* weak */
  guint                 refresh_id;
  guint                 prepare_overview_id;
  gboolean              kiosk;          /* a public terminal: see MynaKiosk */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *demo_revealer;
  GtkLabel             *demo_label;
  GtkWidget            *help_desk_button;
  GtkWidget            *menu_button;
  GtkRevealer          *privacy_revealer;
  GtkLabel             *status_line_label;
  GtkWidget            *copy_status_button;
  GtkRevealer          *take_card_revealer;
  AdwViewStack         *view_stack;
  GtkStack             *card_stack;
  MynaStatePage        *state_page;
  GtkSpinner           *reading_spinner;
  MynaOverview         *overview;
  MynaGuidesView       *guides_view;
  GMenu                *primary_menu;
  GMenu                *language_menu;
  GMenu                *demo_menu;
};

void             _myna_window_class_actions_init (GtkWidgetClass *widget_class);
void             _myna_window_update_actions     (MynaWindow     *self);

MynaApplication *_myna_window_get_application    (MynaWindow     *self);
gboolean         _myna_window_get_help_desk      (MynaWindow     *self);
void             _myna_window_add_card_window    (MynaWindow     *self,
                                                  GtkWidget      *window);

G_END_DECLS
