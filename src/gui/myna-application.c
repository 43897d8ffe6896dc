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
#include "myna-kiosk.h"
#include "myna-window.h"

struct _MynaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* NULL when the schema is not installed */
  MynaCardManager *manager;      /* the one every window follows */
  char           *demo_scenario;
  char           *reader;
  char           *language;      /* from the command line */
  gboolean        kiosk_option;
  gboolean        help_desk_option;
  MynaKiosk      *kiosk;         /* a public terminal's sessions, or NULL */
  gboolean        help_desk;
};

G_DEFINE_FINAL_TYPE (MynaApplication, myna_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_HELP_DESK,
  PROP_MANAGER,
  PROP_DEMO_SCENARIO,
  PROP_READER,
  PROP_LANGUAGE,
  PROP_KIOSK_OPTION,
  PROP_HELP_DESK_OPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Templates are translated when they are built: a new language means new
 * windows. They follow the same card manager, so nothing is read again,
 * and each keeps the page the user was on. */
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

      window = myna_window_new (self);
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
  /* A public terminal writes nothing: the next user starts in the
   * administrator's language. */
  if (self->settings != NULL && !self->kiosk)
    g_settings_set_string (self->settings, "language", code);

  rebuild_windows (self);
}

static void
help_desk_changed (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  MynaApplication *self = MYNA_APPLICATION (user_data);

  g_simple_action_set_state (action, value);
  myna_application_set_help_desk (self, g_variant_get_boolean (value));
}

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source == NULL)
    return NULL;

  return g_settings_schema_source_lookup (source, APP_ID, TRUE);
}

static GSettings *
load_settings (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

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
  { "help-desk", NULL, NULL, "false", help_desk_changed },
};

/* --language for this run, else the remembered choice, else the system. */
static char *
default_language (MynaApplication *self)
{
  if (self->language != NULL)
    return g_strdup (self->language);
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "language");
  return NULL;
}

static void
set_language_state (MynaApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  const char *chosen = myna_i18n_get_chosen_language ();

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (chosen != NULL ? chosen : ""));
}

/* A session of a public terminal ends: the next starts in the default
 * language after the terminal sat idle. */
static void
kiosk_start_over_cb (MynaApplication *self,
                     gboolean         reset_language)
{
  g_autofree char *language = NULL;

  if (!reset_language)
    return;

  language = default_language (self);
  if (language == NULL || !myna_i18n_set_language (language))
    myna_i18n_set_language (NULL);
  set_language_state (self);
}

static void
setup_kiosk (MynaApplication *self)
{
  self->kiosk = myna_kiosk_new (GTK_APPLICATION (self));
  if (self->settings != NULL)
    g_settings_bind (self->settings, "kiosk-idle-timeout", self->kiosk, "idle-timeout", G_SETTINGS_BIND_GET);
  myna_kiosk_set_manager (self->kiosk, self->manager);
  g_signal_connect_object (self->kiosk, "start-over", G_CALLBACK (kiosk_start_over_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
myna_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  MynaApplication *self = MYNA_APPLICATION (app);
  g_autofree char *language = NULL;

  self->settings = load_settings ();
  if (self->kiosk_option || (self->settings != NULL && g_settings_get_boolean (self->settings, "kiosk")))
    setup_kiosk (self);

  G_APPLICATION_CLASS (myna_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  /* The shortcuts window is built on demand, so GTK does not bind this. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  if (self->kiosk)
    {
      /* A public terminal is left by its administrator's session, not by
       * its users; and the about window's links would open a browser. */
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "quit")), FALSE);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "about")), FALSE);
    }
  else
    {
      gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
    }

  language = default_language (self);
  if (language == NULL || !myna_i18n_set_language (language))
    myna_i18n_set_language (NULL);
  set_language_state (self);

  myna_application_set_help_desk (self, self->help_desk_option ||
                                        (self->settings != NULL && g_settings_get_boolean (self->settings, "help-desk")));
  if (self->kiosk)
    g_debug ("Public terminal mode");
}

static void
myna_application_finalize (GObject *object)
{
  MynaApplication *self = (MynaApplication *)object;

  g_clear_object (&self->kiosk);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->demo_scenario, g_free);
  g_clear_pointer (&self->reader, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (myna_application_parent_class)->finalize (object);
}

static void
myna_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MynaApplication *self = MYNA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_HELP_DESK:
      g_value_set_boolean (value, self->help_desk);
      break;

    case PROP_MANAGER:
      g_value_set_object (value, myna_application_get_manager (self));
      break;

    case PROP_DEMO_SCENARIO:
      g_value_set_string (value, self->demo_scenario);
      break;

    case PROP_READER:
      g_value_set_string (value, self->reader);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_KIOSK_OPTION:
      g_value_set_boolean (value, self->kiosk_option);
      break;

    case PROP_HELP_DESK_OPTION:
      g_value_set_boolean (value, self->help_desk_option);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_application_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MynaApplication *self = MYNA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_HELP_DESK:
      myna_application_set_help_desk (self, g_value_get_boolean (value));
      break;

    case PROP_DEMO_SCENARIO:
      self->demo_scenario = g_value_dup_string (value);
      break;

    case PROP_READER:
      self->reader = g_value_dup_string (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_KIOSK_OPTION:
      self->kiosk_option = g_value_get_boolean (value);
      break;

    case PROP_HELP_DESK_OPTION:
      self->help_desk_option = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (myna_application_parent_class)->constructed (object);

  g_application_set_application_id (G_APPLICATION (object), APP_ID);
  g_application_set_flags (G_APPLICATION (object), G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (object), RESOURCE_BASE_PATH);
}

static void
myna_application_class_init (MynaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = myna_application_constructed;
  object_class->finalize = myna_application_finalize;
  object_class->get_property = myna_application_get_property;
  object_class->set_property = myna_application_set_property;
  app_class->activate = myna_application_activate;
  app_class->startup = myna_application_startup;

  /**
   * MynaApplication:help-desk:
   *
   * Whether personal details are hidden, for a screen shared with a help
   * desk.
   */
  properties[PROP_HELP_DESK] =
    g_param_spec_boolean ("help-desk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * MynaApplication:manager:
   *
   * The card manager every window follows. The application owns it: a
   * window rebuilt in another language or for the next user of a public
   * terminal follows the same one, and switching to the demo card
   * replaces it for every window.
   */
  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         MYNA_TYPE_CARD_MANAGER,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* What the command line asked for (main.c), in plain values: the
   * window knows nothing of how options are parsed. */
  properties[PROP_DEMO_SCENARIO] =
    g_param_spec_string ("demo-scenario", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READER] =
    g_param_spec_string ("reader", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIOSK_OPTION] =
    g_param_spec_boolean ("kiosk-option", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HELP_DESK_OPTION] =
    g_param_spec_boolean ("help-desk-option", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
myna_application_init (MynaApplication *self)
{
}

/**
 * myna_application_choose_renderer:
 * @dri_dir: where the kernel lists the machine's GPUs, "/dev/dri"
 *
 * With no GPU, GTK's GL renderer runs on Mesa's software rasterizer
 * (llvmpipe), which on a two-core machine takes about twice as long as
 * cairo to draw the overview of a card that has just been read, and more
 * memory (docs/benchmarks.md). Library terminals are often such machines.
 *
 * Returns: (nullable): the GSK renderer to ask for, or %NULL for GTK's
 *   own choice
 */
const char *
myna_application_choose_renderer (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return "cairo";

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
        return NULL;
    }

  return "cairo";
}

/**
 * myna_application_draws_in_software:
 *
 * Returns: whether windows are drawn with cairo, as
 *   myna_application_prepare_environment() chose where there is no GPU
 *   (or the user did with GSK_RENDERER)
 */
gboolean
myna_application_draws_in_software (void)
{
  return g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0;
}

/**
 * myna_application_prepare_environment:
 * @kiosk_option: whether --kiosk was given
 *
 * Call before GTK opens the display. A public terminal writes nothing to
 * disk, not even the GL driver's shader cache, which the driver sets up
 * as the display opens. Without a GPU, windows are drawn with cairo
 * (see myna_application_choose_renderer()) and GDK leaves GL alone, unless
 * GSK_RENDERER says otherwise.
 */
void
myna_application_prepare_environment (gboolean kiosk_option)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  gboolean kiosk = kiosk_option;

  if (!kiosk && (schema = lookup_schema ()) != NULL)
    {
      settings = g_settings_new_full (schema, NULL, NULL);
      kiosk = g_settings_get_boolean (settings, "kiosk");
    }

  if (kiosk)
    g_setenv ("MESA_SHADER_CACHE_DISABLE", "true", TRUE);

  if (g_getenv ("GSK_RENDERER") == NULL)
    {
      const char *renderer = myna_application_choose_renderer ("/dev/dri");

      if (renderer != NULL)
        {
          const char *debug = g_getenv ("GDK_DEBUG");
          g_autofree char *without_gl = NULL;

          g_setenv ("GSK_RENDERER", renderer, FALSE);
          /* Nor does GDK load Mesa's software GL then, which it would
           * only to find out what GL can do: 56 MiB less resident memory
           * (docs/benchmarks.md). GTK 4.8 knows no GDK_DISABLE=gl. */
          without_gl = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                                        : g_strdup ("gl-disable");
          g_setenv ("GDK_DEBUG", without_gl, TRUE);
        }
    }
}

/**
 * myna_application_new:
 * @demo_scenario: (nullable): a demo card to start with, as --demo
 *
 * main() sets the other options of the command line as construct
 * properties ("reader", "language", "kiosk-option", "help-desk-option").
 *
 * Returns: (transfer full): the application
 */
MynaApplication *
myna_application_new (const char *demo_scenario)
{
  return g_object_new (MYNA_TYPE_APPLICATION,
                       "demo-scenario", demo_scenario,
                       NULL);
}

/* As the command line asked: the demo card with --demo, else the PC/SC
 * readers, the one given with --reader first. */
static MynaCardManager *
new_default_manager (MynaApplication *self)
{
  MynaCardManager *manager = NULL;

  if (self->demo_scenario != NULL)
    manager = myna_card_manager_new_demo (self->demo_scenario, NULL);
  if (manager == NULL)
    {
      manager = myna_card_manager_new ();
      myna_card_manager_choose_reader (manager, self->reader);
    }

  return manager;
}

/**
 * myna_application_get_manager:
 * @self: a #MynaApplication
 *
 * Returns: (transfer none): the card manager every window follows, made
 *   as the command line asked when first asked for
 */
MynaCardManager *
myna_application_get_manager (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), NULL);

  if (self->manager == NULL)
    {
      self->manager = new_default_manager (self);
      if (self->kiosk != NULL)
        myna_kiosk_set_manager (self->kiosk, self->manager);
    }

  return self->manager;
}

/**
 * myna_application_set_manager:
 * @self: a #MynaApplication
 * @manager: (nullable): the card manager every window is to follow, or
 *   %NULL for one made as the command line asked
 *
 * The old manager stops when its last user lets go of it.
 */
void
myna_application_set_manager (MynaApplication *self,
                              MynaCardManager *manager)
{
  g_return_if_fail (MYNA_IS_APPLICATION (self));
  g_return_if_fail (manager == NULL || MYNA_IS_CARD_MANAGER (manager));

  if (manager == self->manager && manager != NULL)
    return;

  g_clear_object (&self->manager);
  self->manager = manager != NULL ? g_object_ref (manager) : new_default_manager (self);
  if (self->kiosk != NULL)
    myna_kiosk_set_manager (self->kiosk, self->manager);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER]);
}

/**
 * myna_application_open_demo:
 * @self: a #MynaApplication
 * @scenario: a demo card scenario
 * @error: return location for a #GError
 *
 * Every window follows the demo card instead.
 *
 * Returns: %FALSE, with @error set, when @scenario is unknown
 */
gboolean
myna_application_open_demo (MynaApplication  *self,
                            const char       *scenario,
                            GError          **error)
{
  g_autoptr(MynaCardManager) manager = NULL;

  g_return_val_if_fail (MYNA_IS_APPLICATION (self), FALSE);

  manager = myna_card_manager_new_demo (scenario, error);
  if (manager == NULL)
    return FALSE;

  myna_application_set_manager (self, manager);

  return TRUE;
}

/**
 * myna_application_leave_demo:
 * @self: a #MynaApplication
 *
 * Every window follows the PC/SC readers again.
 */
void
myna_application_leave_demo (MynaApplication *self)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new ();

  g_return_if_fail (MYNA_IS_APPLICATION (self));

  myna_application_set_manager (self, manager);
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

/**
 * myna_application_get_kiosk:
 * @self: a #MynaApplication
 *
 * A public terminal, from --kiosk or the "kiosk" setting, is fixed once
 * the application has started.
 *
 * Returns: (transfer none) (nullable): the public terminal's sessions, or
 *   %NULL when this is not one
 */
MynaKiosk *
myna_application_get_kiosk (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), NULL);

  return self->kiosk;
}

/**
 * myna_application_get_signing_allowed:
 * @self: a #MynaApplication
 *
 * Returns: whether the user may read the signing certificate: always at
 *   home, on a public terminal only when its administrator allows it
 */
gboolean
myna_application_get_signing_allowed (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), FALSE);

  if (!self->kiosk)
    return TRUE;

  return self->settings != NULL && g_settings_get_boolean (self->settings, "kiosk-allow-signing");
}

/**
 * myna_application_get_pin_change_allowed:
 * @self: a #MynaApplication
 *
 * Returns: whether the user may change a PIN: always at home, on a
 *   public terminal only when its administrator allows it
 */
gboolean
myna_application_get_pin_change_allowed (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), FALSE);

  if (!self->kiosk)
    return TRUE;

  return self->settings != NULL && g_settings_get_boolean (self->settings, "kiosk-allow-pin-change");
}

/**
 * myna_application_get_help_desk:
 * @self: a #MynaApplication
 *
 * Returns: whether personal details are hidden
 */
gboolean
myna_application_get_help_desk (MynaApplication *self)
{
  g_return_val_if_fail (MYNA_IS_APPLICATION (self), FALSE);

  return self->help_desk;
}

/**
 * myna_application_set_help_desk:
 * @self: a #MynaApplication
 * @help_desk: whether to hide personal details
 */
void
myna_application_set_help_desk (MynaApplication *self,
                                gboolean         help_desk)
{
  GAction *action;

  g_return_if_fail (MYNA_IS_APPLICATION (self));

  help_desk = !!help_desk;
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "help-desk");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (help_desk));

  if (self->help_desk == help_desk)
    return;

  self->help_desk = help_desk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELP_DESK]);
}
