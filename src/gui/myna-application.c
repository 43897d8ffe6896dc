/* myna-application.c
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

#include "myna-application.h"
#include "myna-window.h"

struct _MynaApplication
{
  AdwApplication  parent_instance;

  char           *demo_scenario;
  char           *reader;
};

G_DEFINE_FINAL_TYPE (MynaApplication, myna_application, ADW_TYPE_APPLICATION)

static void
myna_application_activate (GApplication *app)
{
  MynaApplication *self = MYNA_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (myna_window_new (self));

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The MynaCheck authors", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, PACKAGE_NAME);
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, PACKAGE_WEBSITE);
  adw_about_window_set_comments (about,
                                 _("Check your My Number card: its certificates, how long they are valid, and how many tries each PIN has left."));
  /* Translators: put your names here, one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
myna_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (myna_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
myna_application_finalize (GObject *object)
{
  MynaApplication *self = (MynaApplication *)object;

  g_clear_pointer (&self->demo_scenario, g_free);
  g_clear_pointer (&self->reader, g_free);

  G_OBJECT_CLASS (myna_application_parent_class)->finalize (object);
}

static void
myna_application_class_init (MynaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = myna_application_finalize;
  app_class->activate = myna_application_activate;
  app_class->startup = myna_application_startup;
}

static void
myna_application_init (MynaApplication *self)
{
}

/**
 * myna_application_new:
 * @options: (nullable): the parsed command line
 *
 * Returns: (transfer full): the application
 */
MynaApplication *
myna_application_new (const MynaOptions *options)
{
  MynaApplication *self;

  self = g_object_new (MYNA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);

  if (options != NULL)
    {
      self->demo_scenario = g_strdup (options->demo);
      self->reader = g_strdup (options->reader);
    }

  return self;
}

/**
 * myna_application_get_demo_scenario:
 * @self: a #MynaApplication
 *
 * Returns: (nullable): the demo card scenario given with --demo
 */
const char *
myna_application_get_demo_scenario (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), NULL);

  return self->demo_scenario;
}

/**
 * myna_application_get_reader:
 * @self: a #MynaApplication
 *
 * Returns: (nullable): the reader given with --reader
 */
const char *
myna_application_get_reader (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), NULL);

  return self->reader;
}
