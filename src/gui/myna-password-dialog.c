/* myna-password-dialog.c
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

#include "myna-card-error.h"
#include "myna-gui-utils.h"
#include "myna-password-dialog-private.h"
#include "myna-pin-row.h"

/*
 * Asks for the signing password. Before anything is typed it shows the
 * tries left; as one types it says whether the format is right, and Read
 * stays off until it is; when one try is left it wants an explicit "I
 * understand". The password goes to the card thread in a copy that is
 * wiped there, and the entry is cleared at once.
 */
struct _MynaPasswordDialog
{
  AdwWindow        parent_instance;

  MynaCardManager *manager;
  GCancellable    *cancellable;
  gboolean         hide_length;
  gboolean         reading;

  /* Template widgets */
  GtkWidget       *read_button;
  GtkLabel        *tries_label;
  GtkLabel        *dots_label;
  GtkWidget       *password_row;
  GtkLabel        *hint_label;
  GtkWidget       *confirm_check;
  GtkLabel        *error_label;
  GtkWidget       *spinner;
};

G_DEFINE_FINAL_TYPE (MynaPasswordDialog, myna_password_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNING_CERTIFICATE_READ,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const MynaPinStatus *
sign_pin (MynaPasswordDialog *self)
{
  MynaCardReport *report = myna_card_manager_get_report (self->manager);

  if (report == NULL)
    return NULL;

  return myna_card_status_get_pin (myna_card_report_get_status (report), MYNA_PIN_SIGN);
}

static void
update (MynaPasswordDialog *self)
{
  const MynaPinStatus *pin = sign_pin (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean last_try = pin != NULL && pin->state == MYNA_PIN_STATE_LAST_TRY;
  guint length = 0;
  MynaPinFormat format = myna_pin_check_format (MYNA_PIN_SIGN, text, &length);
  g_autofree char *hint = NULL;
  gboolean ok;

  if (pin != NULL)
    {
      g_autofree char *words = myna_pin_describe (pin);
      g_autofree char *dots = myna_pin_dots (pin);

      gtk_label_set_label (self->tries_label, words);
      gtk_label_set_label (self->dots_label, dots);
    }

  gtk_widget_set_visible (self->confirm_check, last_try);

  /* With privacy on, say only whether the format is right: the number of
   * characters shows on a shared screen. */
  hint = myna_pin_format_hint (MYNA_PIN_SIGN, format, length, self->hide_length);
  gtk_label_set_label (self->hint_label, hint);

  ok = format == MYNA_PIN_FORMAT_OK && pin != NULL && myna_pin_status_is_usable (pin) && !self->reading &&
       (!last_try || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->confirm_check)));
  gtk_widget_set_sensitive (self->read_button, ok);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(MynaPasswordDialog) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_weak_ref_clear (weak);
  g_free (weak);

  ok = myna_card_manager_read_signing_certificate_finish (MYNA_CARD_MANAGER (object), result, &error);

  /* Closed meanwhile (the card left, or the user): nothing to show. */
  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->reading = FALSE;

  if (ok)
    {
      g_signal_emit (self, signals[SIGNING_CERTIFICATE_READ], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_sensitive (self->password_row, TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->confirm_check), FALSE);
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  update (self);
  gtk_widget_grab_focus (self->password_row);
}

static void
read_clicked_cb (MynaPasswordDialog *self)
{
  const MynaPinStatus *pin = sign_pin (self);
  GWeakRef *weak;
  char *password;

  if (!gtk_widget_get_sensitive (self->read_button) || pin == NULL)
    return;

  /* A copy for the card thread, which wipes it; the entry forgets now. */
  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");

  self->reading = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (self->password_row, FALSE);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  update (self);

  /* The read does not keep the dialog: closed, it goes at once. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  myna_card_manager_read_signing_certificate_async (self->manager, password,
                                                    pin->state == MYNA_PIN_STATE_LAST_TRY &&
                                                    gtk_check_button_get_active (GTK_CHECK_BUTTON (self->confirm_check)),
                                                    self->cancellable, read_done_cb, weak);
}

static void
report_changed_cb (MynaPasswordDialog *self)
{
  /* The card left: nothing to read any more. */
  if (myna_card_manager_get_report (self->manager) == NULL && !self->reading)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    update (self);
}

static void
myna_password_dialog_dispose (GObject *object)
{
  MynaPasswordDialog *self = (MynaPasswordDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MYNA_TYPE_PASSWORD_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (myna_password_dialog_parent_class)->dispose (object);
}

static void
myna_password_dialog_class_init (MynaPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_password_dialog_dispose;

  /**
   * MynaPasswordDialog::signing-certificate-read:
   *
   * Emitted when the certificate was read; the dialog then closes.
   */
  signals[SIGNING_CERTIFICATE_READ] =
    g_signal_new ("signing-certificate-read",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/myna-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, read_button);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, tries_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, dots_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPasswordDialog, spinner);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
myna_password_dialog_init (MynaPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  g_signal_connect_swapped (self->password_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (read_clicked_cb), self);
  g_signal_connect_swapped (self->read_button, "clicked", G_CALLBACK (read_clicked_cb), self);
  g_signal_connect_swapped (self->confirm_check, "toggled", G_CALLBACK (update), self);

  myna_secret_row_lock_down (ADW_PASSWORD_ENTRY_ROW (self->password_row));
}

/**
 * myna_password_dialog_new:
 * @parent: the main window
 * @manager: the card manager whose card to read
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
myna_password_dialog_new (GtkWindow       *parent,
                          MynaCardManager *manager)
{
  MynaPasswordDialog *self;

  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (manager), NULL);

  self = g_object_new (MYNA_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->manager = g_object_ref (manager);
  g_signal_connect_object (manager, "notify::report", G_CALLBACK (report_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * myna_password_dialog_set_hide_length:
 * @self: a #MynaPasswordDialog
 * @hide_length: whether to keep the number of characters typed off the screen
 */
void
myna_password_dialog_set_hide_length (MynaPasswordDialog *self,
                                      gboolean            hide_length)
{
  g_return_if_fail (MYNA_IS_PASSWORD_DIALOG (self));

  self->hide_length = !!hide_length;
  myna_secret_row_set_hide_length (ADW_PASSWORD_ENTRY_ROW (self->password_row), self->hide_length);

  update (self);
}

gboolean
_myna_password_dialog_can_read (MynaPasswordDialog *self)
{
  g_return_val_if_fail (MYNA_IS_PASSWORD_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->read_button);
}

const char *
_myna_password_dialog_get_hint (MynaPasswordDialog *self)
{
  g_return_val_if_fail (MYNA_IS_PASSWORD_DIALOG (self), NULL);

  return gtk_label_get_label (self->hint_label);
}
