/* myna-window-actions.c
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

#include "myna-certificate-window.h"
#include "myna-clock.h"
#include "myna-diagnostics-window.h"
#include "myna-guide-book.h"
#include "myna-guide-printer.h"
#include "myna-password-dialog.h"
#include "myna-pin-change-dialog.h"
#include "myna-status-line.h"
#include "myna-window-private.h"

/*
 * The main window's actions (win.*) and their keys. Each opens a window,
 * asks the card manager or the application, or copies; none draws the
 * main window, which follows what they change. A new action: its handler
 * here, a line in _myna_window_class_actions_init(), and, if it depends
 * on the card, a line in _myna_window_update_actions().
 */

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

  if (_myna_window_get_application (self) == NULL)
    return;

  if (!myna_application_open_demo (_myna_window_get_application (self), g_variant_get_string (parameter, NULL), &error))
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

  if (_myna_window_get_application (self) != NULL)
    myna_application_leave_demo (_myna_window_get_application (self));
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
                                            (_myna_window_get_help_desk (self) ? MYNA_CERTIFICATE_WINDOW_HIDE_PERSONAL : 0) |
                                            (self->kiosk ? MYNA_CERTIFICATE_WINDOW_NO_COPY : 0));
      if (window == NULL)
        return;

      _myna_window_add_card_window (self, window);
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
  myna_password_dialog_set_hide_length (MYNA_PASSWORD_DIALOG (dialog), _myna_window_get_help_desk (self));
  g_signal_connect_object (dialog, "signing-certificate-read",
                           G_CALLBACK (signing_certificate_read_cb), self, G_CONNECT_SWAPPED);
  _myna_window_add_card_window (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_pin_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MynaWindow *self = MYNA_WINDOW (widget);
  GtkWidget *dialog;
  MynaPinId pin;

  if (myna_card_manager_get_report (self->manager) == NULL ||
      !myna_pin_id_from_string (g_variant_get_string (parameter, NULL), &pin))
    return;

  dialog = myna_pin_change_dialog_new (GTK_WINDOW (self), self->manager, pin);
  myna_pin_change_dialog_set_hide_length (MYNA_PIN_CHANGE_DIALOG (dialog), _myna_window_get_help_desk (self));
  _myna_window_add_card_window (self, dialog);
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

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), myna_state_page_get_command (self->state_page));
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
        myna_kiosk_watch_window (myna_application_get_kiosk (_myna_window_get_application (self)),
                                 GTK_WINDOW (self->diagnostics));
    }
  /* Neither a shared screen nor a public terminal may let the serials go. */
  myna_diagnostics_window_set_force_redaction (MYNA_DIAGNOSTICS_WINDOW (self->diagnostics),
                                               _myna_window_get_help_desk (self) || self->kiosk);

  gtk_window_present (GTK_WINDOW (self->diagnostics));
}

/**
 * _myna_window_update_actions:
 * @self: a #MynaWindow
 *
 * Turns on the actions that make sense with the card manager's state.
 */
void
_myna_window_update_actions (MynaWindow *self)
{
  MynaCardReport *report = myna_card_manager_get_report (self->manager);
  MynaApplication *application = _myna_window_get_application (self);
  gboolean signing_allowed = application == NULL || myna_application_get_signing_allowed (application);
  gboolean pin_change_allowed = application == NULL || myna_application_get_pin_change_allowed (application);
  gboolean demo = myna_card_manager_is_demo (self->manager);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-certificate", report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.read-signing-certificate",
                                 report != NULL && signing_allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-pin", report != NULL && pin_change_allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-status-line",
                                 report != NULL && _myna_window_get_help_desk (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo-card-inserted", demo);
}

void
_myna_window_class_actions_init (GtkWidgetClass *widget_class)
{
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
  gtk_widget_class_install_action (widget_class, "win.change-pin", "s", change_pin_activated);
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
