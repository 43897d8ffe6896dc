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
#include "myna-card-error.h"
#include "myna-certificate-window.h"
#include "myna-clock.h"
#include "myna-diagnostics-window.h"
#include "myna-guide-book.h"
#include "myna-guide-printer.h"
#include "myna-guides-view.h"
#include "myna-i18n.h"
#include "myna-overview.h"
#include "myna-password-dialog.h"
#include "myna-status-line.h"
#include "myna-virtual-card.h"
#include "myna-virtual-scenarios.h"
#include "myna-window.h"

/*
 * The main window follows the card manager: a full page for every state
 * in which there is nothing to show (no service, no reader, no card, card
 * in use, not a My Number card…), each with the fix; a spinner while the
 * card is read in its worker thread; and the overview once it is read.
 * When the card leaves, the overview and every window showing its data
 * are emptied or closed at once.
 */
struct _MynaWindow
{
  AdwApplicationWindow  parent_instance;

  MynaCardManager      *manager;        /* the application's */
  GSignalGroup         *manager_signals;
  GPtrArray            *card_windows;   /* windows that show card data */
  GtkWidget            *diagnostics;    /* weak */
  GtkWidget            *shortcuts;      /* weak */
  guint                 refresh_id;
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
  GtkFlowBox           *language_picker;
  AdwViewStack         *view_stack;
  GtkStack             *card_stack;
  AdwStatusPage        *state_page;
  GtkWidget            *command_box;
  GtkLabel             *state_command;
  GtkListBox           *reader_list;
  GtkButton            *state_button;
  GtkWidget            *demo_button;
  GtkSpinner           *reading_spinner;
  MynaOverview         *overview;
  MynaGuidesView       *guides_view;
  GMenu                *language_menu;
  GMenu                *demo_menu;
};

G_DEFINE_FINAL_TYPE (MynaWindow, myna_window, ADW_TYPE_APPLICATION_WINDOW)

/* Days left and the renewal state move with the date, not with the card. */
#define REFRESH_SECONDS 3600

static void update_view        (MynaWindow *self);

static void card_window_destroyed_cb (MynaWindow *self,
                                      GtkWidget  *window);

static MynaApplication *
get_application (MynaWindow *self)
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

/* No reference is kept: a window the user closes is freed at once, and
 * the card data it showed with it. */
static void
track_card_window (MynaWindow *self,
                   GtkWidget  *window)
{
  g_ptr_array_add (self->card_windows, window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (card_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->kiosk)
    myna_kiosk_watch_window (myna_application_get_kiosk (get_application (self)), GTK_WINDOW (window));
}


static gboolean
help_desk (MynaWindow *self)
{
  MynaApplication *application = get_application (self);

  return application != NULL && myna_application_get_help_desk (application);
}

/* Whether the state says a card sits in the reader. */
static gboolean
card_in_reader (MynaCardState state)
{
  switch (state)
    {
    case MYNA_CARD_STATE_SEVERAL_CARDS:
    case MYNA_CARD_STATE_CARD_IN_USE:
    case MYNA_CARD_STATE_READING:
    case MYNA_CARD_STATE_READY:
    case MYNA_CARD_STATE_UNSUPPORTED:
    case MYNA_CARD_STATE_ERROR:
    case MYNA_CARD_STATE_SET_ASIDE:
      return TRUE;

    case MYNA_CARD_STATE_STARTING:
    case MYNA_CARD_STATE_SERVICE_UNAVAILABLE:
    case MYNA_CARD_STATE_NO_READER:
    case MYNA_CARD_STATE_NO_CARD:
    default:
      return FALSE;
    }
}

static void
update_modes (MynaWindow *self)
{
  MynaCardState state = myna_card_manager_get_state (self->manager);
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  MynaApplication *application = get_application (self);
  gboolean privacy = help_desk (self);
  gboolean signing_allowed = application == NULL || myna_application_get_signing_allowed (application);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-status-line", line != NULL);

  gtk_revealer_set_reveal_child (self->take_card_revealer, self->kiosk && card_in_reader (state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.read-signing-certificate",
                                 report != NULL && signing_allowed);
}

static void
show_state (MynaWindow *self,
            const char *icon,
            const char *title,
            const char *description,
            const char *command,
            const char *button_label,
            const char *button_action,
            gboolean    offer_demo)
{
  adw_status_page_set_icon_name (self->state_page, icon);
  adw_status_page_set_title (self->state_page, title);
  adw_status_page_set_description (self->state_page, description);

  gtk_label_set_label (self->state_command, command != NULL ? command : "");
  gtk_widget_set_visible (self->command_box, command != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->state_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->state_button, button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->state_button), button_action);
    }

  gtk_widget_set_visible (self->demo_button,
                          offer_demo && !self->kiosk && !myna_card_manager_is_demo (self->manager));
  gtk_widget_set_visible (GTK_WIDGET (self->reader_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->language_picker), FALSE);
  gtk_stack_set_visible_child_name (self->card_stack, "state");
}

/* A public terminal's start page: each language in itself. */
static void
fill_language_picker (MynaWindow *self)
{
  const MynaLanguage *languages;
  guint n_languages;

  languages = myna_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (languages[i].endonym);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", languages[i].catalog);
      gtk_widget_add_css_class (button, "pill");
      gtk_flow_box_append (self->language_picker, button);
    }
}

static void
fill_reader_list (MynaWindow *self)
{
  GPtrArray *readers = myna_card_manager_get_readers (self->manager);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reader_list))) != NULL)
    gtk_list_box_remove (self->reader_list, child);

  for (guint i = 0; readers != NULL && i < readers->len; i++)
    {
      const MynaReaderInfo *reader = g_ptr_array_index (readers, i);
      GtkWidget *row;

      if (!reader->card_present)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reader->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.choose-reader");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", reader->name);
      gtk_list_box_append (self->reader_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reader_list), TRUE);
}

static void
show_unsupported (MynaWindow *self)
{
  const GError *error = myna_card_manager_get_error (self->manager);

  if (g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_UNRESPONSIVE))
    show_state (self, "dialog-warning-symbolic", _("The Card Does Not Respond"), error->message,
                NULL, _("_Read Again"), "win.reload", FALSE);
  else
    show_state (self, "dialog-warning-symbolic", _("Not a My Number Card"),
                /* Translators: PIN, certificate and card names as in po/glossary.json. */
                _("This card has no JPKI application. MynaCheck reads My Number cards and old Basic Resident Registration cards. Check that the right card is in the reader."),
                NULL, _("_Read Again"), "win.reload", FALSE);
}

static void
update_view (MynaWindow *self)
{
  MynaCardState state = myna_card_manager_get_state (self->manager);
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-certificate", report != NULL);

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
    case MYNA_CARD_STATE_STARTING:
      show_state (self, "content-loading-symbolic", _("Looking for Card Readers…"), NULL,
                  NULL, NULL, NULL, FALSE);
      break;

    case MYNA_CARD_STATE_SERVICE_UNAVAILABLE:
      show_state (self, "computer-fail-symbolic", _("The Smart Card Service Is Not Running"),
                  _("MynaCheck reaches card readers through the pcscd service. Start it with this command; MynaCheck then finds the reader by itself."),
                  "sudo systemctl enable --now pcscd.socket", NULL, NULL, TRUE);
      break;

    case MYNA_CARD_STATE_NO_READER:
      show_state (self, "media-removable-symbolic", _("No Card Reader"),
                  _("Plug in a USB IC card reader. A Sony RC-S380 has no Linux driver; an RC-S300 works."),
                  NULL, NULL, NULL, TRUE);
      break;

    case MYNA_CARD_STATE_NO_CARD:
      if (myna_card_manager_is_demo (self->manager))
        show_state (self, "auth-smartcard-symbolic", _("Insert Your My Number Card"),
                    _("The demo card is out of its pretend reader."),
                    NULL, _("_Put the Demo Card Back"), "win.demo-card-inserted", FALSE);
      else
        show_state (self, "auth-smartcard-symbolic", _("Insert Your My Number Card"),
                    _("Put the card in the reader, chip first, or lay it on a contactless reader. No PIN is needed."),
                    NULL, NULL, NULL, !self->kiosk);
      gtk_widget_set_visible (GTK_WIDGET (self->language_picker), self->kiosk);
      break;

    case MYNA_CARD_STATE_SET_ASIDE:
      show_state (self, "auth-smartcard-symbolic", _("Your Card Is Still in the Reader"),
                  _("Take it with you. To see what it holds again, read it again."),
                  NULL, _("_Read Again"), "win.reload", FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->language_picker), TRUE);
      break;

    case MYNA_CARD_STATE_SEVERAL_CARDS:
      show_state (self, "auth-smartcard-symbolic", _("Several Cards"),
                  _("More than one reader holds a card. Choose the one to read."),
                  NULL, NULL, NULL, FALSE);
      fill_reader_list (self);
      break;

    case MYNA_CARD_STATE_CARD_IN_USE:
      show_state (self, "changes-prevent-symbolic", _("The Card Is in Use"),
                  _("Another program is using the card. Close programs that use it, such as a browser signing extension; MynaCheck tries again by itself."),
                  NULL, NULL, NULL, FALSE);
      break;

    case MYNA_CARD_STATE_READING:
      gtk_spinner_start (self->reading_spinner);
      gtk_stack_set_visible_child_name (self->card_stack, "reading");
      break;

    case MYNA_CARD_STATE_UNSUPPORTED:
      show_unsupported (self);
      break;

    case MYNA_CARD_STATE_ERROR:
      show_state (self, "dialog-error-symbolic", _("The Card Could Not Be Read"),
                  myna_card_manager_get_error (self->manager) != NULL
                    ? myna_card_manager_get_error (self->manager)->message : NULL,
                  NULL, _("_Try Again"), "win.reload", FALSE);
      break;

    case MYNA_CARD_STATE_READY:
      myna_overview_set_report (self->overview, report, now);
      gtk_stack_set_visible_child_name (self->card_stack, "overview");
      break;

    default:
      g_assert_not_reached ();
    }

  update_modes (self);
}

static gboolean
refresh_cb (gpointer data)
{
  MynaWindow *self = data;

  update_view (self);

  return G_SOURCE_CONTINUE;
}

static void
update_demo_actions (MynaWindow *self)
{
  gboolean demo = myna_card_manager_is_demo (self->manager);
  const char *scenario = myna_card_manager_get_demo_scenario (self->manager);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo-card-inserted", demo);

  if (demo)
    {
      /* Translators: a banner in demo mode; %s describes the card. */
      g_autofree char *text = g_strdup_printf (_("Demo card, not a real one: %s."),
                                               myna_virtual_scenario_describe (scenario));

      gtk_label_set_label (self->demo_label, text);
    }
  gtk_revealer_set_reveal_child (self->demo_revealer, demo);
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

  update_demo_actions (self);
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
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  myna_card_manager_reload (self->manager);
}

static void
demo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (get_application (self) == NULL)
    return;

  if (!myna_application_open_demo (get_application (self), g_variant_get_string (parameter, NULL), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "card");
}

static void
leave_demo_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  if (get_application (self) != NULL)
    myna_application_leave_demo (get_application (self));
}

static void
demo_card_inserted_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  gboolean inserted = myna_card_manager_get_state (self->manager) != MYNA_CARD_STATE_NO_CARD;

  myna_card_manager_set_demo_inserted (self->manager, !inserted);
}

static void
choose_reader_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  myna_card_manager_choose_reader (self->manager, g_variant_get_string (parameter, NULL));
}

static void
show_guide_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  if (myna_guides_view_show_guide (self->guides_view, g_variant_get_string (parameter, NULL)))
    adw_view_stack_set_visible_child_name (self->view_stack, "guides");
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
show_certificate_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  GtkWidget *window;

  if (report == NULL)
    return;

  for (guint cert = 0; cert < MYNA_N_CERTS; cert++)
    {
      if (!g_str_equal (id, myna_cert_id_to_string (cert)))
        continue;

      window = myna_certificate_window_new (GTK_WINDOW (self), report, cert, now,
                                            (help_desk (self) ? MYNA_CERTIFICATE_WINDOW_HIDE_PERSONAL : 0) |
                                            (self->kiosk ? MYNA_CERTIFICATE_WINDOW_NO_COPY : 0));
      if (window == NULL)
        return;

      track_card_window (self, window);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
}

static void
signing_certificate_read_cb (MynaWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-certificate", "s", "sign");
}

static void
read_signing_certificate_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  GtkWidget *dialog;

  if (myna_card_manager_get_report (self->manager) == NULL)
    return;

  dialog = myna_password_dialog_new (GTK_WINDOW (self), self->manager);
  myna_password_dialog_set_hide_length (MYNA_PASSWORD_DIALOG (dialog), help_desk (self));
  g_signal_connect_object (dialog, "signing-certificate-read",
                           G_CALLBACK (signing_certificate_read_cb), self, G_CONNECT_SWAPPED);
  track_card_window (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_guide_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  MynaGuide *guide = myna_guide_book_lookup (myna_guide_book_get_default (),
                                             g_variant_get_string (parameter, NULL));
  g_autoptr(MynaGuidePrinter) printer = NULL;
  g_autoptr(GError) error = NULL;

  if (guide == NULL)
    return;

  printer = myna_guide_printer_new (guide);
  myna_guide_printer_set_without_dialog (printer, self->kiosk);
  if (!myna_guide_printer_run (printer, GTK_WINDOW (self), NULL, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
print_current_guide_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  const char *id = myna_guides_view_get_guide (self->guides_view);

  if (id != NULL && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "guides") == 0)
    gtk_widget_activate_action (widget, "win.print-guide", "s", id);
}

static void
copy_command_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), gtk_label_get_label (self->state_command));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Command copied")));
}

static void
copy_status_line_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autofree char *line = NULL;

  if (report == NULL)
    return;

  line = myna_status_line_build (report, now);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), line);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Status line copied")));
}

static void
help_desk_changed_cb (MynaWindow *self)
{
  /* Open windows show the card the other way: close them, the user opens
   * them again if needed. */
  close_card_windows (self);
  if (self->diagnostics != NULL)
    myna_diagnostics_window_set_force_redaction (MYNA_DIAGNOSTICS_WINDOW (self->diagnostics),
                                                 help_desk (self) || self->kiosk);
  myna_overview_set_hide_personal (self->overview, help_desk (self));
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

/**
 * myna_window_get_shortcuts_window:
 * @self: a #MynaWindow
 *
 * The shortcuts window is built when first asked for, not with the main
 * window: it is many widgets nobody may open.
 *
 * Returns: (transfer none): the window listing the keyboard shortcuts
 */
GtkWindow *
myna_window_get_shortcuts_window (MynaWindow *self)
{
  g_return_val_if_fail (MYNA_IS_WINDOW (self), NULL);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/myna-shortcuts-window.ui");
      GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (shortcuts, TRUE);
      gtk_window_set_hide_on_close (shortcuts, TRUE);
      g_set_weak_pointer (&self->shortcuts, GTK_WIDGET (shortcuts));
    }

  return GTK_WINDOW (self->shortcuts);
}

static void
show_shortcuts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_window_present (myna_window_get_shortcuts_window (MYNA_WINDOW (widget)));
}

static void
diagnostics_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);

  if (self->diagnostics == NULL)
    {
      g_set_weak_pointer (&self->diagnostics, myna_diagnostics_window_new (GTK_WINDOW (self), self->manager));
      if (self->kiosk)
        myna_kiosk_watch_window (myna_application_get_kiosk (get_application (self)),
                                 GTK_WINDOW (self->diagnostics));
    }
  /* Neither a shared screen nor a public terminal may let the serials go. */
  myna_diagnostics_window_set_force_redaction (MYNA_DIAGNOSTICS_WINDOW (self->diagnostics),
                                               help_desk (self) || self->kiosk);

  gtk_window_present (GTK_WINDOW (self->diagnostics));
}

static void
myna_window_dispose (GObject *object)
{
  MynaWindow *self = (MynaWindow *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
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

  g_type_ensure (MYNA_TYPE_OVERVIEW);
  g_type_ensure (MYNA_TYPE_GUIDES_VIEW);
  g_type_ensure (MYNA_TYPE_CALCULATOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/myna-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, help_desk_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, privacy_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, status_line_label);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, copy_status_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, take_card_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, language_picker);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, card_stack);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, state_page);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, command_box);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, state_command);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, reader_list);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, state_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, guides_view);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, language_menu);
  gtk_widget_class_bind_template_child (widget_class, MynaWindow, demo_menu);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.demo", "s", demo_activated);
  gtk_widget_class_install_action (widget_class, "win.leave-demo", NULL, leave_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.demo-card-inserted", NULL, demo_card_inserted_activated);
  gtk_widget_class_install_action (widget_class, "win.choose-reader", "s", choose_reader_activated);
  gtk_widget_class_install_action (widget_class, "win.show-guide", "s", show_guide_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-certificate", "s", show_certificate_activated);
  gtk_widget_class_install_action (widget_class, "win.read-signing-certificate", NULL,
                                   read_signing_certificate_activated);
  gtk_widget_class_install_action (widget_class, "win.print-guide", "s", print_guide_activated);
  gtk_widget_class_install_action (widget_class, "win.print-current-guide", NULL, print_current_guide_activated);
  gtk_widget_class_install_action (widget_class, "win.diagnostics", NULL, diagnostics_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-command", NULL, copy_command_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-status-line", NULL, copy_status_line_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "card");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "guides");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "calculator");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-current-guide", NULL);
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

static void
myna_window_init (MynaWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

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
  fill_language_picker (self);

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
