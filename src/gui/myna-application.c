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
#include "myna-i18n.h"
#include "myna-window.h"

struct _MynaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* NULL when the schema is not installed */
  char           *demo_scenario;
  char           *reader;
  char           *language;      /* from the command line */
};

G_DEFINE_FINAL_TYPE (MynaApplication, myna_application, ADW_TYPE_APPLICATION)

static void
myna_application_activate (GApplication *app)
{
  MynaApplication *self = MYNA_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (myna_window_new (self, NULL));

  gtk_window_present (window);
}

/* Templates are translated when they are built: a new language means new
 * windows. Each keeps its card manager, so nothing is read again, and the
 * page the user was on. */
static void
rebuild_windows (MynaApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      MynaWindow *old = l->data;
      MynaWindow *window;

      if (!MYNA_IS_WINDOW (old))
        continue;

      window = myna_window_new (self, myna_window_get_manager (old));
      myna_window_copy_view (window, old);
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (old));
    }

  g_list_free (windows);
}

static void
language_changed (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  MynaApplication *self = MYNA_APPLICATION (user_data);
  const char *code = g_variant_get_string (value, NULL);

  if (g_variant_equal (value, g_action_get_state (G_ACTION (action))))
    return;
  if (!myna_i18n_set_language (code))
    return;

  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "language", code);

  rebuild_windows (self);
}

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      /* Run from the build directory without GSETTINGS_SCHEMA_DIR: the
       * app works, it only forgets. */
      g_message ("The settings schema %s is not installed: choices are not remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
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
  { "language", NULL, "s", "''", language_changed },
};

static void
myna_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  MynaApplication *self = MYNA_APPLICATION (app);
  g_autofree char *language = NULL;
  GAction *action;

  G_APPLICATION_CLASS (myna_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  /* --language for this run, else the remembered choice, else the system. */
  self->settings = load_settings ();
  if (self->language != NULL)
    language = g_strdup (self->language);
  else if (self->settings != NULL)
    language = g_settings_get_string (self->settings, "language");
  if (language == NULL || !myna_i18n_set_language (language))
    g_clear_pointer (&language, g_free);

  action = g_action_map_lookup_action (G_ACTION_MAP (app), "language");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (myna_i18n_get_chosen_language () != NULL
                                                     ? myna_i18n_get_chosen_language () : ""));
}

static void
myna_application_finalize (GObject *object)
{
  MynaApplication *self = (MynaApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->demo_scenario, g_free);
  g_clear_pointer (&self->reader, g_free);
  g_clear_pointer (&self->language, g_free);

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
      self->language = g_strdup (options->language);
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

/**
 * myna_application_get_settings:
 * @self: a #MynaApplication
 *
 * Returns: (transfer none) (nullable): MynaCheck's settings, or %NULL when
 *   the schema is not installed
 */
GSettings *
myna_application_get_settings (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), NULL);

  return self->settings;
}
