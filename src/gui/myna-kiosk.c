/* myna-kiosk.c
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

#include "myna-kiosk-private.h"

/*
 * A public terminal's sessions. A session ends when the card leaves the
 * reader, or after the idle timeout without use (any key, click, movement
 * or scroll in a watched window, or a card event); the card still in the
 * reader is then set aside. Ending a session destroys every window, the
 * dialogs with them, and empties the clipboard; then the application
 * opens a fresh main window. ::start-over is emitted first, for what the
 * application must reset (the language, after the idle timeout).
 *
 * The kiosk also keeps the GTK Inspector away: in every watched window
 * the keys with which GtkWindow opens it (Ctrl+Shift+I, Ctrl+Shift+D) do
 * nothing, except Ctrl+Shift+D in the main window, which is Diagnostics
 * there (see myna_window_init()).
 *
 * The window draws the kiosk's choices (full screen, no menu, the banner
 * reminding the user to take the card); this object decides when a
 * session ends.
 */
struct _MynaKiosk
{
  GObject          parent_instance;

  GtkApplication  *application;  /* weak */
  MynaCardManager *manager;
  GSignalGroup    *manager_signals;
  MynaCardState    last_state;
  guint            idle_timeout; /* seconds */
  guint            idle_timeout_ms; /* the timer's: the bench's, or the seconds' */
  guint            idle_id;
  guint            start_over_id;
  gboolean         start_over_language;
  GPtrArray       *main_windows; /* weak */
};

G_DEFINE_FINAL_TYPE (MynaKiosk, myna_kiosk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MANAGER,
  PROP_IDLE_TIMEOUT,
  N_PROPS
};

enum {
  START_OVER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Used when nobody sets it: the default of the setting kiosk-idle-timeout. */
#define DEFAULT_IDLE_TIMEOUT 90

static gboolean
idle_timeout_cb (gpointer data)
{
  MynaKiosk *self = data;

  self->idle_id = 0;
  g_debug ("Public terminal idle: starting over");
  if (self->manager != NULL)
    myna_card_manager_set_aside (self->manager);
  myna_kiosk_start_over (self, TRUE);

  return G_SOURCE_REMOVE;
}

/**
 * myna_kiosk_user_active:
 * @self: a #MynaKiosk
 *
 * Any use of the terminal, and any card event, keeps the session: the
 * idle time counts from now. The clock runs only while a main window is
 * open.
 */
void
myna_kiosk_user_active (MynaKiosk *self)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->main_windows->len == 0)
    return;

  /* Milliseconds, not g_timeout_add_seconds(), which may fire a second early. */
  self->idle_id = g_timeout_add (self->idle_timeout_ms, idle_timeout_cb, self);
}

static void
card_state_changed_cb (MynaKiosk *self)
{
  MynaCardState state = myna_card_manager_get_state (self->manager);

  /* The card leaving ends the session: a fresh window, with nothing of
   * this user's in it. */
  if (self->main_windows->len > 0 && myna_card_state_holds_card (self->last_state) && !myna_card_state_holds_card (state))
    myna_kiosk_start_over (self, FALSE);
  self->last_state = state;

  myna_kiosk_user_active (self);
}

static gboolean
user_input_cb (MynaKiosk *self)
{
  myna_kiosk_user_active (self);

  return GDK_EVENT_PROPAGATE;
}

static gboolean
swallow_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return TRUE;
}

/* The keys with which GtkWindow opens the GTK Inspector do nothing. */
static void
swallow_inspector_keys (GtkWindow *window,
                        gboolean   main_window)
{
  const guint inspector_keys[] = { GDK_KEY_i, GDK_KEY_d };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (inspector_keys); i++)
    {
      /* Diagnostics, in the main window. */
      if (inspector_keys[i] == GDK_KEY_d && main_window)
        continue;
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (inspector_keys[i],
                                                                                      GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                              gtk_callback_action_new (swallow_key_cb, NULL, NULL)));
    }
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Input anywhere in @window counts as use of the terminal. */
static void
watch_input (MynaKiosk *self,
             GtkWindow *window)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "myna-kiosk-activity");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (user_input_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "motion", G_CALLBACK (myna_kiosk_user_active), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (myna_kiosk_user_active), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  /* "scroll", as a mouse wheel sends no "scroll-begin". */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (user_input_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Every window goes: dialogs, details, the about window, and whatever the
 * last user typed into a page. A dialog someone waits on (the print
 * dialog) is cancelled first, so that its caller hears the end of it. */
static void
destroy_every_window (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  g_list_foreach (toplevels, (GFunc) g_object_ref, NULL);
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (GTK_IS_DIALOG (l->data))
        gtk_dialog_response (l->data, GTK_RESPONSE_CANCEL);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_window_destroy (l->data);
    }
  g_list_free_full (toplevels, g_object_unref);
}

/* Nor may the clipboard keep what the last user copied. */
static void
empty_clipboards (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  gdk_clipboard_set_content (gdk_display_get_clipboard (display), NULL);
  gdk_clipboard_set_content (gdk_display_get_primary_clipboard (display), NULL);
}

static gboolean
start_over_cb (gpointer data)
{
  MynaKiosk *self = data;
  gboolean reset_language = self->start_over_language;
  gboolean had_window = self->main_windows->len > 0;

  self->start_over_id = 0;
  self->start_over_language = FALSE;

  g_signal_emit (self, signals[START_OVER], 0, reset_language);
  destroy_every_window ();
  empty_clipboards ();

  /* The application's activate opens the fresh main window. */
  if (had_window && self->application != NULL)
    g_application_activate (G_APPLICATION (self->application));

  return G_SOURCE_REMOVE;
}

/**
 * myna_kiosk_start_over:
 * @self: a #MynaKiosk
 * @reset_language: whether to go back to the default language too
 *
 * What a public terminal does when its user leaves: soon after, every
 * window is replaced by a fresh main window, with nothing of the last
 * session in it.
 */
void
myna_kiosk_start_over (MynaKiosk *self,
                       gboolean   reset_language)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));

  self->start_over_language |= reset_language;
  if (self->start_over_id == 0)
    self->start_over_id = g_idle_add (start_over_cb, self);
}

static void
main_window_destroyed_cb (MynaKiosk *self,
                          GtkWidget *window)
{
  g_ptr_array_remove (self->main_windows, window);
  if (self->main_windows->len == 0)
    g_clear_handle_id (&self->idle_id, g_source_remove);
}

/**
 * myna_kiosk_watch_main_window:
 * @self: a #MynaKiosk
 * @window: a main window
 *
 * As myna_kiosk_watch_window(), but Ctrl+Shift+D stays the window's
 * (Diagnostics). A new main window counts as use: it is made for the next
 * user, or in another language, and nobody may have touched anything yet.
 */
void
myna_kiosk_watch_main_window (MynaKiosk *self,
                              GtkWindow *window)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_ptr_array_add (self->main_windows, window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (main_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  swallow_inspector_keys (window, TRUE);
  watch_input (self, window);
  myna_kiosk_user_active (self);
}

/**
 * myna_kiosk_watch_window:
 * @self: a #MynaKiosk
 * @window: a window the main window opened
 *
 * Input in @window counts as use of the terminal, and the keys that open
 * the GTK Inspector do nothing in it.
 */
void
myna_kiosk_watch_window (MynaKiosk *self,
                         GtkWindow *window)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  swallow_inspector_keys (window, FALSE);
  watch_input (self, window);
}

static void
myna_kiosk_dispose (GObject *object)
{
  MynaKiosk *self = (MynaKiosk *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->start_over_id, g_source_remove);
  if (self->manager_signals != NULL)
    g_signal_group_set_target (self->manager_signals, NULL);
  g_clear_object (&self->manager_signals);
  g_clear_object (&self->manager);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (myna_kiosk_parent_class)->dispose (object);
}

static void
myna_kiosk_finalize (GObject *object)
{
  MynaKiosk *self = (MynaKiosk *)object;

  for (guint i = 0; i < self->main_windows->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->main_windows, i), self);
  g_clear_pointer (&self->main_windows, g_ptr_array_unref);

  G_OBJECT_CLASS (myna_kiosk_parent_class)->finalize (object);
}

static void
myna_kiosk_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MynaKiosk *self = MYNA_KIOSK (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_kiosk_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MynaKiosk *self = MYNA_KIOSK (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      myna_kiosk_set_manager (self, g_value_get_object (value));
      break;

    case PROP_IDLE_TIMEOUT:
      myna_kiosk_set_idle_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_kiosk_class_init (MynaKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = myna_kiosk_dispose;
  object_class->finalize = myna_kiosk_finalize;
  object_class->get_property = myna_kiosk_get_property;
  object_class->set_property = myna_kiosk_set_property;

  /**
   * MynaKiosk:manager:
   *
   * The card manager whose card events end and keep sessions.
   */
  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         MYNA_TYPE_CARD_MANAGER,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MynaKiosk:idle-timeout:
   *
   * Seconds without use after which a session ends, as the setting
   * kiosk-idle-timeout says.
   */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       1, G_MAXUINT / 1000, DEFAULT_IDLE_TIMEOUT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MynaKiosk::start-over:
   * @self: a #MynaKiosk
   * @reset_language: whether the next session starts in the default
   *   language
   *
   * Emitted when a session ends, before its windows go.
   */
  signals[START_OVER] =
    g_signal_new ("start-over",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
myna_kiosk_init (MynaKiosk *self)
{
  self->idle_timeout = DEFAULT_IDLE_TIMEOUT;
  self->idle_timeout_ms = DEFAULT_IDLE_TIMEOUT * 1000;
  self->main_windows = g_ptr_array_new ();
  self->manager_signals = g_signal_group_new (MYNA_TYPE_CARD_MANAGER);
  g_signal_group_connect_swapped (self->manager_signals, "notify::state",
                                  G_CALLBACK (card_state_changed_cb), self);
}

/**
 * myna_kiosk_new:
 * @application: the application, which opens the fresh main window when
 *   a session ends (#GApplication::activate)
 *
 * Returns: (transfer full): the public terminal's session keeper
 */
MynaKiosk *
myna_kiosk_new (GtkApplication *application)
{
  MynaKiosk *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (MYNA_TYPE_KIOSK, NULL);
  g_set_weak_pointer (&self->application, application);

  return self;
}

MynaCardManager *
myna_kiosk_get_manager (MynaKiosk *self)
{
  g_return_val_if_fail (MYNA_IS_KIOSK (self), NULL);

  return self->manager;
}

/**
 * myna_kiosk_set_manager:
 * @self: a #MynaKiosk
 * @manager: (nullable): the card manager to follow
 */
void
myna_kiosk_set_manager (MynaKiosk       *self,
                        MynaCardManager *manager)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));
  g_return_if_fail (manager == NULL || MYNA_IS_CARD_MANAGER (manager));

  if (!g_set_object (&self->manager, manager))
    return;

  self->last_state = manager != NULL ? myna_card_manager_get_state (manager) : MYNA_CARD_STATE_STARTING;
  g_signal_group_set_target (self->manager_signals, manager);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER]);
}

guint
myna_kiosk_get_idle_timeout (MynaKiosk *self)
{
  g_return_val_if_fail (MYNA_IS_KIOSK (self), DEFAULT_IDLE_TIMEOUT);

  return self->idle_timeout;
}

/**
 * myna_kiosk_set_idle_timeout:
 * @self: a #MynaKiosk
 * @seconds: seconds without use after which a session ends; from the
 *   next use on
 */
void
myna_kiosk_set_idle_timeout (MynaKiosk *self,
                             guint      seconds)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));
  g_return_if_fail (seconds > 0);

  if (self->idle_timeout == seconds)
    return;

  self->idle_timeout = seconds;
  self->idle_timeout_ms = seconds * 1000;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

/*
 * _myna_kiosk_set_idle_timeout_ms:
 * @self: a #MynaKiosk
 * @milliseconds: as myna_kiosk_set_idle_timeout(), finer
 *
 * For the bench's endurance run, which starts over a hundred times; the
 * setting counts in whole seconds, five at least. A running idle time
 * starts again with the new length.
 */
void
_myna_kiosk_set_idle_timeout_ms (MynaKiosk *self,
                                 guint      milliseconds)
{
  g_return_if_fail (MYNA_IS_KIOSK (self));
  g_return_if_fail (milliseconds > 0);

  self->idle_timeout_ms = milliseconds;
  if (self->idle_id != 0)
    myna_kiosk_user_active (self);
}
