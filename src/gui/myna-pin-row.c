/* myna-pin-row.c
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

#include "myna-pin-row-private.h"

/*
 * One PIN and its tries: filled dots for tries left and hollow ones for
 * tries spent (●●○ for 2 of 3), the count in words, and an icon and a
 * colour for the state, so that neither colour nor the dots alone carry
 * the meaning. A locked PIN opens the reset guide (where to reset it is
 * the first thing the overview says to do, so the row stays one line); one that is not offers to change it, where the window
 * allows that (win.change-pin).
 */
struct _MynaPinRow
{
  MynaTextRow  parent_instance;

  MynaPinId    id;
  GtkWidget   *dots;
  GtkWidget   *icon;
  GtkWidget   *arrow;
  GtkWidget   *change_button;
  gboolean     changeable;  /* the PIN has tries left */
};

G_DEFINE_FINAL_TYPE (MynaPinRow, myna_pin_row, MYNA_TYPE_TEXT_ROW)

static const char *state_classes[] = { "success", "warning", "error", "dim-label", NULL };

/**
 * myna_pin_dots:
 * @status: a PIN's tries
 *
 * Returns: (transfer full): one ● per try left and one ○ per try spent,
 *   or a dash when the card did not say
 */
char *
myna_pin_dots (const MynaPinStatus *status)
{
  GString *str = g_string_new (NULL);

  if (status->remaining < 0)
    return g_string_free (g_string_append (str, "–"), FALSE);

  for (int i = 0; i < status->max_tries; i++)
    g_string_append (str, i < status->remaining ? "●" : "○");

  return g_string_free (str, FALSE);
}

/**
 * myna_pin_describe:
 * @status: a PIN's tries
 *
 * Returns: (transfer full): the tries in words
 */
char *
myna_pin_describe (const MynaPinStatus *status)
{
  switch (status->state)
    {
    case MYNA_PIN_STATE_OK:
      /* Translators: tries left, then the tries a full counter holds,
       * e.g. "2 tries left of 3". */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d try left of %d", "%d tries left of %d",
                                           status->remaining),
                              status->remaining, status->max_tries);
    case MYNA_PIN_STATE_LAST_TRY:
      return g_strdup (_("1 try left: a wrong entry now locks it"));
    case MYNA_PIN_STATE_BLOCKED:
      /* Translators: a PIN's state, shown beside the PIN's name (the
       * subject may be a PIN or the signing password). */
      return g_strdup (_("Locked: no tries left"));
    case MYNA_PIN_STATE_ABSENT:
      return g_strdup (_("Not on this card"));
    case MYNA_PIN_STATE_UNKNOWN:
    default:
      return g_strdup (_("The card did not say how many tries are left"));
    }
}

/* Shown only where it can be used: a disabled win.change-pin (no card, or
 * a public terminal that does not allow it) makes the button insensitive,
 * and then it is not shown at all. */
static void
update_change_button (MynaPinRow *self)
{
  gtk_widget_set_visible (self->change_button,
                          self->changeable && gtk_widget_get_sensitive (self->change_button));
}

static void
myna_pin_row_class_init (MynaPinRowClass *klass)
{
}

static void
myna_pin_row_init (MynaPinRow *self)
{
  self->icon = gtk_image_new ();
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  myna_text_row_add_prefix (MYNA_TEXT_ROW (self), self->icon);

  self->dots = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->dots, "pin-dots");
  /* The row's text says the same in words. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->dots), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  myna_text_row_add_suffix (MYNA_TEXT_ROW (self), self->dots);

  /* Translators: a button on a PIN's row that opens the dialog to change
   * that PIN. */
  self->change_button = gtk_button_new_with_mnemonic (_("C_hange…"));
  gtk_widget_set_name (self->change_button, "change-pin");
  gtk_widget_set_valign (self->change_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->change_button, "flat");
  gtk_widget_set_visible (self->change_button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->change_button), "win.change-pin");
  g_signal_connect_swapped (self->change_button, "notify::sensitive", G_CALLBACK (update_change_button), self);
  myna_text_row_add_suffix (MYNA_TEXT_ROW (self), self->change_button);

  self->arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_visible (self->arrow, FALSE);
  myna_text_row_add_suffix (MYNA_TEXT_ROW (self), self->arrow);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-guide");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", "reset-pin");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

GtkWidget *
myna_pin_row_new (MynaPinId id)
{
  MynaPinRow *self = g_object_new (MYNA_TYPE_PIN_ROW, "use-markup", FALSE, NULL);

  self->id = id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), myna_pin_get_name (id));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->change_button), "s", myna_pin_id_to_string (id));
  {
    /* Translators: %s is a PIN's name, as in po/glossary.json; read out
     * by screen readers for the Change button of its row. */
    g_autofree char *label = g_strdup_printf (_("Change the %s…"), myna_pin_get_name (id));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->change_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }

  return GTK_WIDGET (self);
}

/**
 * myna_pin_row_set_status:
 * @self: a #MynaPinRow
 * @card: what the card reported
 */
void
myna_pin_row_set_status (MynaPinRow     *self,
                         MynaCardStatus *card)
{
  const MynaPinStatus *status;
  g_autofree char *dots = NULL;
  g_autofree char *words = NULL;
  const char *css_class;
  const char *icon;

  g_return_if_fail (MYNA_IS_PIN_ROW (self));
  g_return_if_fail (card != NULL);

  status = myna_card_status_get_pin (card, self->id);

  dots = myna_pin_dots (status);
  words = myna_pin_describe (status);

  switch (status->state)
    {
    case MYNA_PIN_STATE_OK:
      css_class = "success";
      icon = "emblem-ok-symbolic";
      break;
    case MYNA_PIN_STATE_LAST_TRY:
      css_class = "warning";
      icon = "dialog-warning-symbolic";
      break;
    case MYNA_PIN_STATE_BLOCKED:
      css_class = "error";
      icon = "changes-prevent-symbolic";
      break;
    case MYNA_PIN_STATE_ABSENT:
    case MYNA_PIN_STATE_UNKNOWN:
    default:
      css_class = "dim-label";
      icon = "action-unavailable-symbolic";
      break;
    }

  gtk_label_set_label (GTK_LABEL (self->dots), dots);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon);
  for (guint i = 0; state_classes[i] != NULL; i++)
    {
      gtk_widget_remove_css_class (self->dots, state_classes[i]);
      gtk_widget_remove_css_class (self->icon, state_classes[i]);
    }
  gtk_widget_add_css_class (self->dots, css_class);
  gtk_widget_add_css_class (self->icon, css_class);

  myna_text_row_set_subtitle (MYNA_TEXT_ROW (self), words);

  /* A locked PIN leads to its reset guide, and stands out. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), status->state == MYNA_PIN_STATE_BLOCKED);
  gtk_widget_set_visible (self->arrow, status->state == MYNA_PIN_STATE_BLOCKED);
  self->changeable = status->state == MYNA_PIN_STATE_OK || status->state == MYNA_PIN_STATE_LAST_TRY;
  update_change_button (self);
  if (status->state == MYNA_PIN_STATE_BLOCKED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pin-blocked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pin-blocked");
}

/**
 * myna_pin_row_clear:
 * @self: a #MynaPinRow
 *
 * Forgets the tries shown, when the card has gone.
 */
void
myna_pin_row_clear (MynaPinRow *self)
{
  g_return_if_fail (MYNA_IS_PIN_ROW (self));

  gtk_label_set_label (GTK_LABEL (self->dots), "");
  gtk_image_clear (GTK_IMAGE (self->icon));
  myna_text_row_set_subtitle (MYNA_TEXT_ROW (self), "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_visible (self->arrow, FALSE);
  self->changeable = FALSE;
  update_change_button (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "pin-blocked");
}

MynaPinId
_myna_pin_row_get_pin (MynaPinRow *self)
{
  g_return_val_if_fail (MYNA_IS_PIN_ROW (self), MYNA_PIN_AUTH);

  return self->id;
}

/**
 * _myna_pin_row_get_dots:
 * @self: a #MynaPinRow
 *
 * Returns: the dots shown
 */
const char *
_myna_pin_row_get_dots (MynaPinRow *self)
{
  g_return_val_if_fail (MYNA_IS_PIN_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->dots));
}
