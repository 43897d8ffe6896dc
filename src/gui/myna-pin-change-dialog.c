/* myna-pin-change-dialog.c
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
#include "myna-pin-change-dialog.h"
#include "myna-pin-row.h"

/*
 * Changes a PIN the holder knows. Before anything is typed it shows the
 * tries left; as one types it checks both PINs' format and that the new
 * one was typed twice the same, and Change stays off until it all holds;
 * with one try left it wants an explicit "I understand". The PINs go to
 * the card thread in copies that are wiped there, and the entries are
 * cleared at once. What the card then said is shown in words.
 */
struct _MynaPinChangeDialog
{
  AdwWindow        parent_instance;

  MynaCardManager *manager;
  MynaPinId        pin;
  GCancellable    *cancellable;
  gboolean         hide_length;
  gboolean         changing;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *change_button;
  GtkStack        *stack;
  GtkLabel        *tries_label;
  GtkLabel        *dots_label;
  GtkLabel        *explanation_label;
  GtkWidget       *current_row;
  GtkWidget       *new_row;
  GtkWidget       *repeat_row;
  GtkLabel        *hint_label;
  GtkWidget       *confirm_check;
  GtkLabel        *error_label;
  GtkWidget       *reset_button;
  GtkWidget       *spinner;
  AdwStatusPage   *done_page;
  GtkWidget       *done_button;
};

G_DEFINE_FINAL_TYPE (MynaPinChangeDialog, myna_pin_change_dialog, ADW_TYPE_WINDOW)

static const MynaPinStatus *
pin_status (MynaPinChangeDialog *self)
{
  MynaCardReport *report = myna_card_manager_get_report (self->manager);

  if (report == NULL)
    return NULL;

  return myna_card_status_get_pin (myna_card_report_get_status (report), self->pin);
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* As the card will compare them: the signing password upper-cased. */
static gboolean
same_pin (MynaPinId   pin,
          const char *a,
          const char *b)
{
  return pin == MYNA_PIN_SIGN ? g_ascii_strcasecmp (a, b) == 0 : g_str_equal (a, b);
}

/* The one thing to tell the user next, and whether all is ready. */
static char *
next_hint (MynaPinChangeDialog *self,
           gboolean            *ready)
{
  guint current_length = 0;
  guint new_length = 0;
  MynaPinFormat current = myna_pin_check_format (self->pin, text_of (self->current_row), &current_length);
  MynaPinFormat new_format = myna_pin_check_format (self->pin, text_of (self->new_row), &new_length);
  const char *repeat = text_of (self->repeat_row);
  g_autofree char *hint = NULL;

  *ready = FALSE;

  if (current != MYNA_PIN_FORMAT_OK)
    {
      hint = myna_pin_format_hint (self->pin, current, current_length, self->hide_length);
      return g_strdup_printf (self->pin == MYNA_PIN_SIGN
                              /* Translators: %s says what the signing password's format must be. */
                              ? _("Current password: %s")
                              /* Translators: %s says what the PIN's format must be. */
                              : _("Current PIN: %s"), hint);
    }
  if (new_format != MYNA_PIN_FORMAT_OK)
    {
      hint = myna_pin_format_hint (self->pin, new_format, new_length, self->hide_length);
      return g_strdup_printf (self->pin == MYNA_PIN_SIGN
                              /* Translators: %s says what the signing password's format must be. */
                              ? _("New password: %s")
                              /* Translators: %s says what the PIN's format must be. */
                              : _("New PIN: %s"), hint);
    }
  if (same_pin (self->pin, text_of (self->current_row), text_of (self->new_row)))
    return g_strdup (_("The new one must differ from the current one."));
  if (*repeat == '\0')
    return g_strdup (_("Type the new one again."));
  if (!same_pin (self->pin, text_of (self->new_row), repeat))
    return g_strdup (_("The two new entries are not the same."));

  *ready = TRUE;
  return g_strdup (_("Ready: the card will check the current one and take the new one."));
}

static void
update (MynaPinChangeDialog *self)
{
  const MynaPinStatus *pin = pin_status (self);
  gboolean last_try = pin != NULL && pin->state == MYNA_PIN_STATE_LAST_TRY;
  gboolean usable = pin != NULL && myna_pin_status_is_usable (pin);
  gboolean ready;
  g_autofree char *hint = next_hint (self, &ready);

  if (pin != NULL)
    {
      g_autofree char *words = myna_pin_describe (pin);
      g_autofree char *dots = myna_pin_dots (pin);

      gtk_label_set_label (self->tries_label, words);
      gtk_label_set_label (self->dots_label, dots);
    }

  gtk_widget_set_visible (self->confirm_check, last_try && !self->changing);
  gtk_label_set_label (self->hint_label, hint);
  gtk_widget_set_sensitive (self->current_row, usable && !self->changing);
  gtk_widget_set_sensitive (self->new_row, usable && !self->changing);
  gtk_widget_set_sensitive (self->repeat_row, usable && !self->changing);
  gtk_widget_set_sensitive (self->change_button,
                            ready && usable && !self->changing &&
                            (!last_try || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->confirm_check))));
}

static void
show_busy (MynaPinChangeDialog *self,
           gboolean             busy)
{
  self->changing = busy;
  gtk_widget_set_visible (self->spinner, busy);
  if (busy)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));
  update (self);
}

static void
change_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(MynaPinChangeDialog) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  const char *warning = NULL;
  gboolean changed;

  g_weak_ref_clear (weak);
  g_free (weak);

  changed = myna_card_manager_change_pin_finish (MYNA_CARD_MANAGER (object), result, &warning, &error);

  /* Closed meanwhile (the card left, or the user): the report already has
   * what the card said of the PIN. */
  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  show_busy (self, FALSE);

  if (changed)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is a PIN's name, as in po/glossary.json. */
      description = g_strdup_printf (_("%s: changed. Use the new one from now on, and keep it where nobody else can learn it."),
                                     myna_pin_get_name (self->pin));
      adw_status_page_set_description (self->done_page, warning != NULL ? warning : description);
      gtk_stack_set_visible_child_name (self->stack, "done");
      /* Nothing left to do but close: Done, or Escape. */
      gtk_widget_set_visible (self->change_button, FALSE);
      gtk_widget_set_visible (self->cancel_button, FALSE);
      gtk_widget_grab_focus (self->done_button);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->confirm_check), FALSE);
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (self->reset_button,
                          g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED) ||
                          g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL) ||
                          g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN));
  update (self);
  gtk_widget_grab_focus (self->current_row);
}

static void
change_clicked_cb (MynaPinChangeDialog *self)
{
  const MynaPinStatus *pin = pin_status (self);
  GWeakRef *weak;
  char *current;
  char *new_pin;

  if (!gtk_widget_get_sensitive (self->change_button) || pin == NULL)
    return;

  /* Copies for the card thread, which wipes them; the entries forget now. */
  current = g_strdup (text_of (self->current_row));
  new_pin = g_strdup (text_of (self->new_row));
  gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->reset_button, FALSE);

  /* The change does not keep the dialog: closed, it goes at once. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  myna_card_manager_change_pin_async (self->manager, self->pin, current, new_pin,
                                      pin->state == MYNA_PIN_STATE_LAST_TRY &&
                                      gtk_check_button_get_active (GTK_CHECK_BUTTON (self->confirm_check)),
                                      self->cancellable, change_done_cb, weak);
  show_busy (self, TRUE);
}

static void
reset_clicked_cb (MynaPinChangeDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-guide", "s", "reset-pin");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
report_changed_cb (MynaPinChangeDialog *self)
{
  /* The card left: nothing to change any more. */
  if (myna_card_manager_get_report (self->manager) == NULL && !self->changing)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    update (self);
}

static void
myna_pin_change_dialog_dispose (GObject *object)
{
  MynaPinChangeDialog *self = (MynaPinChangeDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MYNA_TYPE_PIN_CHANGE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (myna_pin_change_dialog_parent_class)->dispose (object);
}

static void
myna_pin_change_dialog_class_init (MynaPinChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_pin_change_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/myna-pin-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, change_button);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, tries_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, dots_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, reset_button);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, MynaPinChangeDialog, done_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
myna_pin_change_dialog_init (MynaPinChangeDialog *self)
{
  GtkWidget *rows[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  rows[0] = self->current_row;
  rows[1] = self->new_row;
  rows[2] = self->repeat_row;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (update), self);
      myna_secret_row_lock_down (ADW_PASSWORD_ENTRY_ROW (rows[i]));
    }
  g_signal_connect_swapped (self->repeat_row, "entry-activated", G_CALLBACK (change_clicked_cb), self);
  g_signal_connect_swapped (self->change_button, "clicked", G_CALLBACK (change_clicked_cb), self);
  g_signal_connect_swapped (self->confirm_check, "toggled", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self);
}

/**
 * myna_pin_change_dialog_new:
 * @parent: the main window
 * @manager: the card manager whose card it is
 * @pin: the PIN to change
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
myna_pin_change_dialog_new (GtkWindow       *parent,
                            MynaCardManager *manager,
                            MynaPinId        pin)
{
  MynaPinChangeDialog *self;

  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (manager), NULL);
  g_return_val_if_fail (pin < MYNA_N_PINS, NULL);

  self = g_object_new (MYNA_TYPE_PIN_CHANGE_DIALOG, "transient-for", parent, NULL);
  self->manager = g_object_ref (manager);
  self->pin = pin;

  adw_window_title_set_title (self->window_title, myna_pin_get_name (pin));
  if (pin == MYNA_PIN_SIGN)
    {
      /* Translators: the signing password, as in po/glossary.json. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("Current password"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("New password"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row), _("New password again"));
    }
  gtk_label_set_label (self->explanation_label,
                       myna_pin_get_n_keys (pin) > 1
                         /* Translators: PIN names as in po/glossary.json. */
                         ? _("The card holds this PIN twice, in two of its applications: MynaCheck changes both, or neither.")
                         : _("Type the current PIN once and the new one twice. Nothing reaches the card until all three are right."));
  g_signal_connect_object (manager, "notify::report", G_CALLBACK (report_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

/**
 * myna_pin_change_dialog_set_hide_length:
 * @self: a #MynaPinChangeDialog
 * @hide_length: whether to keep the number of characters typed off the screen
 */
void
myna_pin_change_dialog_set_hide_length (MynaPinChangeDialog *self,
                                        gboolean             hide_length)
{
  g_return_if_fail (MYNA_IS_PIN_CHANGE_DIALOG (self));

  self->hide_length = !!hide_length;
  myna_secret_row_set_hide_length (ADW_PASSWORD_ENTRY_ROW (self->current_row), self->hide_length);
  myna_secret_row_set_hide_length (ADW_PASSWORD_ENTRY_ROW (self->new_row), self->hide_length);
  myna_secret_row_set_hide_length (ADW_PASSWORD_ENTRY_ROW (self->repeat_row), self->hide_length);
  update (self);
}
