/* myna-diagnostics-window.c
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

#include "myna-clock.h"
#include "myna-diagnostics.h"
#include "myna-diagnostics-window-private.h"
#include "myna-gui-utils.h"
#include "myna-self-test.h"
#include "myna-text-row.h"

/*
 * The PC/SC self-test, step by step, and a report to paste into a support
 * request. The report hides the certificates' serial numbers and subjects
 * and the readers' serial numbers unless the user turns that off; the
 * holder's name and address are never in it. It follows the card: taken
 * out or changed, the self-test runs again.
 */
struct _MynaDiagnosticsWindow
{
  AdwWindow        parent_instance;

  MynaCardManager *manager;
  GPtrArray       *checks;
  GCancellable    *cancellable;
  gboolean         running;
  gboolean         run_again;     /* the card changed during a run */
  gboolean         forced_redaction;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *checks_group;
  GPtrArray       *check_rows;
  GtkWidget       *redact_switch;
  GtkWidget       *copy_button;
  GtkWidget       *run_button;
  GtkWidget       *spinner;
};

G_DEFINE_FINAL_TYPE (MynaDiagnosticsWindow, myna_diagnostics_window, ADW_TYPE_WINDOW)

static const char *
icon_for (MynaCheckResult result)
{
  switch (result)
    {
    case MYNA_CHECK_OK:      return "emblem-ok-symbolic";
    case MYNA_CHECK_WARNING: return "dialog-warning-symbolic";
    case MYNA_CHECK_FAILED:  return "dialog-error-symbolic";
    case MYNA_CHECK_SKIPPED:
    default:                 return "action-unavailable-symbolic";
    }
}

static const char *
describe (MynaCheckResult result)
{
  switch (result)
    {
    case MYNA_CHECK_OK:      return _("Passed");
    case MYNA_CHECK_WARNING: return _("Warning");
    case MYNA_CHECK_FAILED:  return _("Failed");
    case MYNA_CHECK_SKIPPED:
    default:                 return _("Not checked");
    }
}

static void
show_checks (MynaDiagnosticsWindow *self)
{
  for (guint i = 0; i < self->check_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->checks_group),
                                  g_ptr_array_index (self->check_rows, i));
  g_ptr_array_set_size (self->check_rows, 0);

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    {
      const MynaCheck *check = g_ptr_array_index (self->checks, i);
      /* A reader's name carries its serial number. */
      g_autofree char *detail = self->forced_redaction ? myna_diagnostics_redact_reader (check->detail)
                                                       : g_strdup (check->detail);
      GtkWidget *row = myna_text_row_new (check->title, detail);
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_for (check->result));
      /* Translators: a step of the self-test, then its result ("Passed"). */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), check->title, describe (check->result));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      myna_widget_set_tooltip (icon, describe (check->result));
      gtk_widget_add_css_class (icon, check->result == MYNA_CHECK_OK ? "success"
                                    : check->result == MYNA_CHECK_WARNING ? "warning"
                                    : check->result == MYNA_CHECK_FAILED ? "error" : "dim-label");
      myna_text_row_add_prefix (MYNA_TEXT_ROW (row), icon);
      gtk_widget_set_name (row, check->id);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->checks_group), row);
      g_ptr_array_add (self->check_rows, row);
    }
}

static void
self_test_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GPtrArray) checks = myna_card_manager_run_self_test_finish (MYNA_CARD_MANAGER (object), result, NULL);
  GWeakRef *weak = user_data;
  g_autoptr(MynaDiagnosticsWindow) self = g_weak_ref_get (weak);

  g_weak_ref_clear (weak);
  g_free (weak);

  /* Closed meanwhile. */
  if (self == NULL || checks == NULL)
    return;

  self->running = FALSE;
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  self->checks = g_steal_pointer (&checks);

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_sensitive (self->run_button, TRUE);
  gtk_widget_set_sensitive (self->copy_button, TRUE);
  show_checks (self);

  if (self->run_again)
    {
      self->run_again = FALSE;
      myna_diagnostics_window_run (self);
    }
}

/**
 * myna_diagnostics_window_run:
 * @self: a #MynaDiagnosticsWindow
 *
 * Runs the self-test in a worker thread.
 */
void
myna_diagnostics_window_run (MynaDiagnosticsWindow *self)
{
  GWeakRef *weak;

  g_return_if_fail (MYNA_IS_DIAGNOSTICS_WINDOW (self));

  if (self->running)
    return;

  self->running = TRUE;
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_widget_set_sensitive (self->run_button, FALSE);
  gtk_widget_set_sensitive (self->copy_button, FALSE);

  /* The self-test does not keep the window: closed, it goes at once. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  myna_card_manager_run_self_test_async (self->manager, self->cancellable, self_test_done, weak);
}

gboolean
_myna_diagnostics_window_is_running (MynaDiagnosticsWindow *self)
{
  g_return_val_if_fail (MYNA_IS_DIAGNOSTICS_WINDOW (self), FALSE);

  return self->running;
}

/**
 * myna_diagnostics_window_build_report:
 * @self: a #MynaDiagnosticsWindow
 *
 * Returns: (transfer full): the report as "Copy Report" copies it
 */
char *
myna_diagnostics_window_build_report (MynaDiagnosticsWindow *self)
{
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autofree char *versions = NULL;

  g_return_val_if_fail (MYNA_IS_DIAGNOSTICS_WINDOW (self), NULL);

  versions = g_strdup_printf ("GTK %u.%u.%u, libadwaita %u.%u.%u",
                              gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                              adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());

  return myna_diagnostics_report (self->checks, myna_card_manager_get_report (self->manager), versions, now,
                                  gtk_switch_get_active (GTK_SWITCH (self->redact_switch)));
}

static void
copy_clicked_cb (MynaDiagnosticsWindow *self)
{
  g_autofree char *report = myna_diagnostics_window_build_report (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), report);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Report copied")));
}

/**
 * myna_diagnostics_window_set_force_redaction:
 * @self: a #MynaDiagnosticsWindow
 * @force: whether personal details are always hidden
 */
void
myna_diagnostics_window_set_force_redaction (MynaDiagnosticsWindow *self,
                                             gboolean               force)
{
  g_return_if_fail (MYNA_IS_DIAGNOSTICS_WINDOW (self));

  if (force)
    gtk_switch_set_active (GTK_SWITCH (self->redact_switch), TRUE);
  gtk_widget_set_sensitive (self->redact_switch, !force);

  if (self->forced_redaction != !!force)
    {
      self->forced_redaction = !!force;
      show_checks (self);
    }
}

static void
myna_diagnostics_window_dispose (GObject *object)
{
  MynaDiagnosticsWindow *self = (MynaDiagnosticsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (myna_diagnostics_window_parent_class)->dispose (object);
}

static void
myna_diagnostics_window_class_init (MynaDiagnosticsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_diagnostics_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
myna_diagnostics_window_init (MynaDiagnosticsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *report_group = adw_preferences_group_new ();
  GtkWidget *redact_row = adw_action_row_new ();

  self->cancellable = g_cancellable_new ();
  self->check_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Diagnostics"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->run_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  myna_widget_set_tooltip (self->run_button, _("Run Again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->run_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Run Again"), -1);
  g_signal_connect_swapped (self->run_button, "clicked", G_CALLBACK (myna_diagnostics_window_run), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->run_button);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);

  self->checks_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->checks_group), _("Self-Test"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->checks_group),
                                         _("What MynaCheck finds between this computer and the card, step by step."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->checks_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (report_group), _("Report"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (report_group),
                                         _("Paste it into a support request. It is in English so that anyone can read it."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (redact_row), _("Hide personal details"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (redact_row),
                               _("Serial numbers of the card's certificates and of the reader, and the certificates' subject names"));
  self->redact_switch = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (self->redact_switch), TRUE);
  gtk_widget_set_valign (self->redact_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (redact_row), self->redact_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (redact_row), self->redact_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (report_group), redact_row);

  self->copy_button = gtk_button_new_with_mnemonic (_("_Copy Report"));
  gtk_widget_add_css_class (self->copy_button, "pill");
  gtk_widget_add_css_class (self->copy_button, "suggested-action");
  gtk_widget_set_halign (self->copy_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->copy_button, 12);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (copy_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (report_group), self->copy_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (report_group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

/* What the window shows follows the card: in, out, or another one. */
static void
card_state_changed_cb (MynaDiagnosticsWindow *self)
{
  MynaCardState state = myna_card_manager_get_state (self->manager);

  if (state == MYNA_CARD_STATE_STARTING || state == MYNA_CARD_STATE_READING)
    return;

  if (self->running)
    self->run_again = TRUE;
  else
    myna_diagnostics_window_run (self);
}

/**
 * myna_diagnostics_window_new:
 * @parent: the main window
 * @manager: the card manager
 *
 * Returns: (transfer floating): the window, with the self-test started
 */
GtkWidget *
myna_diagnostics_window_new (GtkWindow       *parent,
                             MynaCardManager *manager)
{
  MynaDiagnosticsWindow *self;

  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (manager), NULL);

  self = g_object_new (MYNA_TYPE_DIAGNOSTICS_WINDOW, "transient-for", parent, NULL);
  self->manager = g_object_ref (manager);
  g_signal_connect_object (manager, "notify::state", G_CALLBACK (card_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  myna_diagnostics_window_run (self);

  return GTK_WIDGET (self);
}
