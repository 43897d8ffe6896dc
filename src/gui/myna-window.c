/* myna-window.c
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

#define G_LOG_DOMAIN "mynacheck-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-window.h"

/* The main window. Its content comes with the interface issue (#4); for
 * now it is the frame: header bar, primary menu, title. */
struct _MynaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
};

G_DEFINE_FINAL_TYPE (MynaWindow, myna_window, ADW_TYPE_APPLICATION_WINDOW)

static void
myna_window_class_init (MynaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/myna-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, window_title);
}

static void
myna_window_init (MynaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * myna_window_new:
 * @application: the application
 *
 * Returns: (transfer floating): a new main window
 */
MynaWindow *
myna_window_new (MynaApplication *application)
{
  MynaWindow *self;
  const char *scenario;

  g_return_val_if_fail (MYNA_IS_APPLICATION (application), NULL);

  self = g_object_new (MYNA_TYPE_WINDOW, "application", application, NULL);

  scenario = myna_application_get_demo_scenario (application);
  if (scenario != NULL)
    adw_window_title_set_subtitle (self->window_title, _("Demo card"));

  return self;
}
