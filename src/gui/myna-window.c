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

#include "myna-calculator.h"
#include "myna-clock.h"
#include "myna-diagnostics-window.h"
#include "myna-gui-utils.h"
#include "myna-guides-view.h"
#include "myna-i18n.h"
#include "myna-overview.h"
#include "myna-status-line.h"
#include "myna-virtual-scenarios.h"
#include "myna-window-private.h"

/*
 * The main window draws what the application's card manager says: the
 * state page (MynaStatePage) for every state without a card to show, a
 * spinner while the card is read in its worker thread, and the overview
 * once it is read; the banners for help-desk mode, the demo card and a
 * public terminal. When the card leaves, the overview and every window
 * showing its data are emptied or closed at once.
 *
 * It draws, and nothing else: its actions are in myna-window-actions.c,
 * a public terminal's sessions in MynaKiosk, the card in MynaCardManager.
 */
G_DEFINE_FINAL_TYPE (MynaWindow, myna_window, ADW_TYPE_APPLICATION_WINDOW)

/* Days left and the renewal state move with the date, not with the card. */
#define REFRESH_SECONDS 3600

static void update_view        (MynaWindow *self);

static void card_window_destroyed_cb (MynaWindow *self,
                                      GtkWidget  *window);

MynaApplication *
_myna_window_get_application (MynaWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return application != NULL ? MYNA_APPLICATION (application) : NULL;
}

static void
close_card_windows (MynaWindow *self)
{
  g_autoptr(GPtrArray) windows = g_steal_pointer (&self->card_windows);

  self->card_windows = g_ptr_array_new ();

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      g_signal_handlers_disconnect_by_func (window, card_window_destroyed_cb, self);
      gtk_window_destroy (window);
    }
}

static void
card_window_destroyed_cb (MynaWindow *self,
                          GtkWidget  *window)
{
  g_ptr_array_remove (self->card_windows, window);
}

/* A window that shows card data: closed as soon as the card leaves, or
 * is shown another way. No reference is kept: a window the user closes
 * is freed at once, and the card data it showed with it. */
void
_myna_window_add_card_window (MynaWindow *self,
                              GtkWidget  *window)
{
  g_ptr_array_add (self->card_windows, window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (card_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->kiosk)
    myna_kiosk_watch_window (myna_application_get_kiosk (_myna_window_get_application (self)), GTK_WINDOW (window));
}


gboolean
_myna_window_get_help_desk (MynaWindow *self)
{
  MynaApplication *application = _myna_window_get_application (self);

  return application != NULL && myna_application_get_help_desk (application);
}

/* The privacy banner with the status line to read aloud, and a public
 * terminal's reminder to take the card. */
static void
update_banners (MynaWindow *self)
{
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  gboolean privacy = _myna_window_get_help_desk (self);
  g_autofree char *line = NULL;

  gtk_revealer_set_reveal_child (self->privacy_revealer, privacy);
  if (privacy && report != NULL)
    {
      g_autoptr(GDateTime) now = myna_clock_now_jst ();

      line = myna_status_line_build (report, now);
    }
  if (line != NULL)
    {
      /* Translators: before the help-desk status line ("AUTH 3/3 · SIGN 1/5 ·
       * …"), which the resident reads aloud. */
      g_autofree char *text = g_strdup_printf (_("Read aloud: %s"), line);

      gtk_label_set_label (self->status_line_label, text);
    }
  else
    {
      gtk_label_set_label (self->status_line_label, "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_line_label), line != NULL);
  gtk_widget_set_visible (self->copy_status_button, line != NULL);

  gtk_revealer_set_reveal_child (self->take_card_revealer,
                                 self->kiosk && myna_card_state_holds_card (myna_card_manager_get_state (self->manager)));
}

static void
update_demo_banner (MynaWindow *self)
{
  gboolean demo = myna_card_manager_is_demo (self->manager);

  if (demo)
    {
      const char *scenario = myna_card_manager_get_demo_scenario (self->manager);
      /* Translators: a banner in demo mode; %s describes the card. */
      g_autofree char *text = g_strdup_printf (_("Demo card, not a real one: %s."),
                                               myna_virtual_scenario_describe (scenario));

      gtk_label_set_label (self->demo_label, text);
    }
  gtk_revealer_set_reveal_child (self->demo_revealer, demo);
}

/* Draws what the card manager says: the overview of the card read, a
 * spinner while it is read, or the state page. */
static void
update_view (MynaWindow *self)
{
  MynaCardState state = myna_card_manager_get_state (self->manager);
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();

  /* Whatever was shown of a card goes as soon as it is not the card now. */
  if (report == NULL)
    {
      close_card_windows (self);
      myna_overview_set_report (self->overview, NULL, now);
    }

  if (state != MYNA_CARD_STATE_READING)
    gtk_spinner_stop (self->reading_spinner);

  switch (state)
    {
    case MYNA_CARD_STATE_READING:
      gtk_spinner_start (self->reading_spinner);
      gtk_stack_set_visible_child_name (self->card_stack, "reading");
      break;

    case MYNA_CARD_STATE_READY:
      myna_overview_set_report (self->overview, report, now);
      gtk_stack_set_visible_child_name (self->card_stack, "overview");
      break;

    case MYNA_CARD_STATE_STARTING:
    case MYNA_CARD_STATE_SERVICE_UNAVAILABLE:
    case MYNA_CARD_STATE_NO_READER:
    case MYNA_CARD_STATE_NO_CARD:
    case MYNA_CARD_STATE_SET_ASIDE:
    case MYNA_CARD_STATE_SEVERAL_CARDS:
    case MYNA_CARD_STATE_CARD_IN_USE:
    case MYNA_CARD_STATE_UNSUPPORTED:
    case MYNA_CARD_STATE_ERROR:
    default:
      myna_state_page_show (self->state_page, self->manager, self->kiosk);
      gtk_stack_set_visible_child_name (self->card_stack, "state");
      break;
    }

  update_banners (self);
  _myna_window_update_actions (self);
}

static gboolean
refresh_cb (gpointer data)
{
  MynaWindow *self = data;

  update_view (self);

  return G_SOURCE_CONTINUE;
}

/* The application's card manager, or another one it switched to (the
 * demo card, or back): whatever showed the old one's card goes. */
static void
set_manager (MynaWindow      *self,
             MynaCardManager *manager)
{
  if (self->manager == manager)
    return;

  close_card_windows (self);
  /* The diagnostics window tests the card manager it was opened with. */
  if (self->diagnostics != NULL)
    gtk_window_destroy (GTK_WINDOW (self->diagnostics));
  g_set_object (&self->manager, manager);
  g_signal_group_set_target (self->manager_signals, manager);

  update_demo_banner (self);
  myna_card_manager_start (manager);
  update_view (self);
}

static void
application_manager_changed_cb (MynaWindow      *self,
                                GParamSpec      *pspec,
                                MynaApplication *application)
{
  set_manager (self, myna_application_get_manager (application));
}

static void
help_desk_changed_cb (MynaWindow *self)
{
  /* Open windows show the card the other way: close them, the user opens
   * them again if needed. */
  close_card_windows (self);
  if (self->diagnostics != NULL)
    myna_diagnostics_window_set_force_redaction (MYNA_DIAGNOSTICS_WINDOW (self->diagnostics),
                                                 _myna_window_get_help_desk (self) || self->kiosk);
  myna_overview_set_hide_personal (self->overview, _myna_window_get_help_desk (self));
  update_view (self);
}

static void
setup_modes (MynaWindow      *self,
             MynaApplication *application)
{
  self->kiosk = myna_application_get_kiosk (application) != NULL;
  myna_overview_set_signing_allowed (self->overview, myna_application_get_signing_allowed (application));
  myna_overview_set_hide_personal (self->overview, myna_application_get_help_desk (application));
  g_signal_connect_object (application, "notify::help-desk", G_CALLBACK (help_desk_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->kiosk)
    {
      /* The staff's privacy switch has no use on a public terminal. */
      gtk_widget_set_visible (self->help_desk_button, FALSE);
      /* Nothing to leave the terminal by, or to take it elsewhere with:
       * the language is on the start page. */
      gtk_widget_set_visible (self->menu_button, FALSE);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      myna_kiosk_watch_main_window (myna_application_get_kiosk (application), GTK_WINDOW (self));
    }
}

/* The first layout of the overview loads the fonts of its styles and
 * shapes its fixed text, which on a two-core machine without a GPU takes
 * about as long again as drawing it (docs/benchmarks.md). Done once while
 * the window waits, so that a card that has just been read appears in one
 * short frame. */
static gboolean
prepare_overview_cb (gpointer data)
{
  MynaWindow *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->card_stack));

  self->prepare_overview_id = 0;
  if (width > 0)
    gtk_widget_measure (GTK_WIDGET (self->overview), GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
first_frame_drawn_cb (GdkFrameClock *frame_clock,
                      MynaWindow    *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_drawn_cb, self);
  self->prepare_overview_id = g_idle_add_full (G_PRIORITY_LOW, prepare_overview_cb, self, NULL);
}

static void
myna_window_map (GtkWidget *widget)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  static gboolean overview_prepared;

  GTK_WIDGET_CLASS (myna_window_parent_class)->map (widget);

  /* Fonts and shaped text are kept for the whole process; after the first
   * frame, which must not wait for them. */
  if (!overview_prepared)
    {
      overview_prepared = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_frame_drawn_cb), self, 0);
    }
}

static void
myna_window_dispose (GObject *object)
{
  MynaWindow *self = (MynaWindow *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->prepare_overview_id, g_source_remove);
  if (self->shortcuts != NULL)
    gtk_window_destroy (GTK_WINDOW (self->shortcuts));
  g_clear_weak_pointer (&self->shortcuts);
  if (self->diagnostics != NULL)
    gtk_window_destroy (GTK_WINDOW (self->diagnostics));
  g_clear_weak_pointer (&self->diagnostics);
  if (self->card_windows != NULL)
    close_card_windows (self);
  if (self->manager_signals != NULL)
    g_signal_group_set_target (self->manager_signals, NULL);
  g_clear_object (&self->manager_signals);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->card_windows, g_ptr_array_unref);

  /* libadwaita 1.2 crashes when a switcher outlives its stack's pages
   * during disposal; let go of the stack first. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), MYNA_TYPE_WINDOW);

  G_OBJECT_CLASS (myna_window_parent_class)->dispose (object);
}

static void
myna_window_class_init (MynaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_window_dispose;

  widget_class->map = myna_window_map;

  g_type_ensure (MYNA_TYPE_OVERVIEW);
  g_type_ensure (MYNA_TYPE_GUIDES_VIEW);
  g_type_ensure (MYNA_TYPE_CALCULATOR);
  g_type_ensure (MYNA_TYPE_STATE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/myna-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, help_desk_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, language_menu);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_menu);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, privacy_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, status_line_label);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, copy_status_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, take_card_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, card_stack);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, state_page);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, guides_view);

  _myna_window_class_actions_init (widget_class);
}

static void
fill_menus (MynaWindow *self)
{
  const MynaLanguage *languages;
  const MynaVirtualScenario *scenarios;
  guint n_languages, n_scenarios;

  /* Translators: in the Language menu, to speak the system's language. */
  g_menu_append (self->language_menu, _("_System Language"), "app.language::");
  languages = myna_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *action = g_strdup_printf ("app.language::%s", languages[i].catalog);

      /* Each language in itself, so that anyone finds theirs. */
      g_menu_append (self->language_menu, languages[i].endonym, action);
    }

  scenarios = myna_virtual_scenarios_get (&n_scenarios);
  for (guint i = 0; i < n_scenarios; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.demo::%s", scenarios[i].id);

      g_menu_append (self->demo_menu, _(scenarios[i].description), action);
    }
}

/* GTK 4.8's popover menu never frees what it builds for a submenu (about
 * 28 KiB a window; a public terminal, which hides the menu, makes hundreds
 * of windows): built when the menu is first opened, not with the window. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  MynaWindow *self = data;

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->primary_menu));
}

/* Drawn in software, the blurred shadows of libadwaita's boxed lists
 * and cards are the costliest part of a frame (ui/style.css). High
 * contrast draws its own borders: those stay. */
static void
update_shadows (MynaWindow *self)
{
  gboolean flat = !adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  if (flat)
    gtk_widget_add_css_class (GTK_WIDGET (self), "flat-shadows");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "flat-shadows");
}

static void
myna_window_init (MynaWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  myna_tooltips_keep_words (GTK_WIDGET (self));

  /* A cross-fade draws both pages in every frame of it: drawn in software,
   * that doubles the longest stall as a card that was just read appears. */
  if (myna_application_draws_in_software ())
    {
      AdwStyleManager *style_manager = adw_style_manager_get_default ();

      gtk_stack_set_transition_type (self->card_stack, GTK_STACK_TRANSITION_TYPE_NONE);
      g_signal_connect_object (style_manager, "notify::high-contrast", G_CALLBACK (update_shadows), self,
                               G_CONNECT_SWAPPED);
      update_shadows (self);
    }

  /* GtkWindow's own binding of Ctrl+Shift+D, to the GTK Inspector, comes
   * before any binding of a subclass: Diagnostics takes it earlier. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_d,
                                                                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.diagnostics")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  fill_menus (self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_primary_menu, self, NULL);

  self->card_windows = g_ptr_array_new ();
  self->manager_signals = g_signal_group_new (MYNA_TYPE_CARD_MANAGER);
  g_signal_group_connect_swapped (self->manager_signals, "notify::state", G_CALLBACK (update_view), self);
  g_signal_group_connect_swapped (self->manager_signals, "notify::report", G_CALLBACK (update_view), self);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

/**
 * myna_window_new:
 * @application: the application, whose card manager the window follows
 *
 * Returns: (transfer floating): a new main window
 */
MynaWindow *
myna_window_new (MynaApplication *application)
{
  MynaWindow *self;

  g_return_val_if_fail (MYNA_IS_APPLICATION (application), NULL);

  self = g_object_new (MYNA_TYPE_WINDOW, "application", application, NULL);
  setup_modes (self, application);

  g_signal_connect_object (application, "notify::manager", G_CALLBACK (application_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  set_manager (self, myna_application_get_manager (application));

  return self;
}

/**
 * myna_window_copy_view:
 * @self: a #MynaWindow
 * @other: a window to take the page, the guide and the size from
 *
 * For a window rebuilt in another language: the user stays where they were.
 */
void
myna_window_copy_view (MynaWindow *self,
                       MynaWindow *other)
{
  const char *guide;
  int width, height;

  g_return_if_fail (MYNA_IS_WINDOW (self));
  g_return_if_fail (MYNA_IS_WINDOW (other));

  gtk_window_get_default_size (GTK_WINDOW (other), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (other)))
    gtk_window_maximize (GTK_WINDOW (self));

  guide = myna_guides_view_get_guide (other->guides_view);
  if (guide != NULL)
    myna_guides_view_show_guide (self->guides_view, guide);
  adw_view_stack_set_visible_child_name (self->view_stack,
                                         adw_view_stack_get_visible_child_name (other->view_stack));
}

/**
 * myna_window_get_manager:
 * @self: a #MynaWindow
 *
 * Returns: (transfer none): the card manager the window follows
 */
MynaCardManager *
myna_window_get_manager (MynaWindow *self)
{
  g_return_val_if_fail (MYNA_IS_WINDOW (self), NULL);

  return self->manager;
}
