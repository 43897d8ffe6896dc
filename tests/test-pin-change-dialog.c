/* test-pin-change-dialog.c
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

#include "config.h"

#include "myna-card-manager-private.h"
#include "myna-jpki.h"
#include "myna-pin-change-dialog.h"
#include "myna-pin-row.h"
#include "myna-test-window.h"
#include "myna-virtual-card-private.h"

/*
 * The dialog that changes a PIN, on the demo card: opened from the PIN's
 * row, the tries before anything is typed, both formats and the second
 * copy of the new PIN checked as one types, a change, a wrong current PIN,
 * a last try to confirm, a locked PIN, and both keys of the resident
 * registry PIN.
 */

static MynaApplication *app;

static GtkWidget *
part (GtkWindow  *dialog,
      const char *name)
{
  GtkWidget *widget = myna_test_gui_find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);

  return widget;
}

static void
type (GtkWindow  *dialog,
      const char *row,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, row)), text);
}

static const char *
hint (GtkWindow *dialog)
{
  return gtk_label_get_label (GTK_LABEL (part (dialog, "hint")));
}

static gboolean
can_change (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (part (dialog, "change"));
}

/* Opened as a user does: the Change button on the PIN's row. */
static GtkWindow *
open_from_row (MynaWindow *window,
               MynaPinId   pin)
{
  GtkWidget *button = myna_test_gui_find_named (GTK_WIDGET (myna_test_window_pin_row (window, pin)), "change-pin");
  GtkWindow *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  myna_test_gui_flush ();
  dialog = myna_test_gui_find_toplevel (MYNA_TYPE_PIN_CHANGE_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

static const char *
card_pin (MynaWindow *window,
          MynaPinId   pin)
{
  static const guint16 fids[MYNA_N_PINS] = { 0x0018, 0x001B, 0x0011, 0x001C };
  const guint8 *aids[MYNA_N_PINS] = { myna_aid_jpki, myna_aid_jpki, myna_aid_card_info, myna_aid_juki };
  MynaVirtualCard *card = _myna_card_manager_get_demo_card (myna_window_get_manager (window));

  return _myna_virtual_card_get_key_value (card, aids[pin], fids[pin]);
}

static MynaVirtualCard *
demo_card (MynaWindow *window)
{
  return _myna_card_manager_get_demo_card (myna_window_get_manager (window));
}

static gboolean
dialog_idle (gpointer data)
{
  GtkWindow *dialog = data;

  return gtk_widget_get_sensitive (part (dialog, "current")) ||
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (myna_test_gui_find_type (GTK_WIDGET (dialog), GTK_TYPE_STACK))),
                    "done") == 0;
}

static void
test_change (MynaTestWindowFixture *fixture,
             gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  const char *rows[] = { "current", "new", "repeat" };
  GtkWindow *dialog;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  dialog = open_from_row (fixture->window, MYNA_PIN_AUTH);

  /* Before typing: the tries. */
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "3 tries left of 3");
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "●●●");
  g_assert_false (can_change (dialog));

  /* As one types. */
  type (dialog, "current", "12");
  g_assert_cmpstr (hint (dialog), ==, "Current PIN: 2 more digits needed.");
  type (dialog, "current", "1234");
  type (dialog, "new", "12a4");
  g_assert_cmpstr (hint (dialog), ==, "New PIN: Only digits 0–9.");
  type (dialog, "new", "1234");
  g_assert_cmpstr (hint (dialog), ==, "The new one must differ from the current one.");
  type (dialog, "new", "4321");
  g_assert_cmpstr (hint (dialog), ==, "Type the new one again.");
  type (dialog, "repeat", "4322");
  g_assert_cmpstr (hint (dialog), ==, "The two new entries are not the same.");
  g_assert_false (can_change (dialog));
  type (dialog, "repeat", "4321");
  g_assert_true (g_str_has_prefix (hint (dialog), "Ready"));
  g_assert_true (can_change (dialog));

  /* Never shown in clear, where it could be copied. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    myna_test_gui_assert_secret_hidden (GTK_EDITABLE (part (dialog, rows[i])));
  myna_test_gui_assert_accessible (GTK_WIDGET (dialog));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (dialog), "pin-change-dialog");
  g_clear_pointer (&screenshot, g_free);

  /* Sent: the entries forget at once; the card takes the new PIN. */
  g_signal_emit_by_name (part (dialog, "change"), "clicked");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (dialog, rows[i]))), ==, "");
  g_assert_true (myna_test_gui_wait_until (dialog_idle, dialog, 10000));
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "Changed");
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), ": changed. Use the new one from now on");
  g_assert_cmpstr (card_pin (fixture->window, MYNA_PIN_AUTH), ==, "4321");
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (demo_card (fixture->window)), ==, 0);
  myna_test_gui_assert_accessible (GTK_WIDGET (dialog));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (dialog), "pin-change-done");
  gtk_window_destroy (dialog);
  myna_test_gui_flush ();

  /* The row, from the card; the demo remembers the new PIN. */
  myna_test_gui_assert_shows (GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_AUTH)), "3 tries left of 3");
  dialog = open_from_row (fixture->window, MYNA_PIN_AUTH);
  type (dialog, "current", "4321");
  type (dialog, "new", "1234");
  type (dialog, "repeat", "1234");
  g_signal_emit_by_name (part (dialog, "change"), "clicked");
  g_assert_true (myna_test_gui_wait_until (dialog_idle, dialog, 10000));
  g_assert_cmpstr (card_pin (fixture->window, MYNA_PIN_AUTH), ==, "1234");
  gtk_window_destroy (dialog);
}

/* A wrong current PIN: one try, said in the dialog and on the row. */
static void
test_wrong_current (MynaTestWindowFixture *fixture,
                    gconstpointer          data)
{
  GtkWindow *dialog;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  dialog = open_from_row (fixture->window, MYNA_PIN_SIGN);
  type (dialog, "current", "wrong123");
  type (dialog, "new", "newpass7");
  type (dialog, "repeat", "NEWPASS7");   /* the card upper-cases: the same */
  g_assert_true (can_change (dialog));
  g_signal_emit_by_name (part (dialog, "change"), "clicked");
  g_assert_true (myna_test_gui_wait_until (dialog_idle, dialog, 10000));
  myna_test_gui_flush ();

  myna_test_gui_assert_shows (GTK_WIDGET (dialog), ": wrong; 4 tries are left");
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "4 tries left of 5");
  myna_test_gui_assert_shows (GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_SIGN)), "4 tries left of 5");
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (demo_card (fixture->window)), ==, 1);
  g_assert_cmpstr (card_pin (fixture->window, MYNA_PIN_SIGN), ==, "MYNA2026");
  gtk_window_destroy (dialog);
}

/* One try left: nothing is sent until the user says they understand. */
static void
test_last_try (MynaTestWindowFixture *fixture,
               gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  GtkWindow *dialog;
  GtkWidget *confirm;

  fixture->window = myna_test_window_open (app, "pin-blocked", 900, 700);
  dialog = open_from_row (fixture->window, MYNA_PIN_CARD_INFO);
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "1 try left");
  type (dialog, "current", "1234");
  type (dialog, "new", "9876");
  type (dialog, "repeat", "9876");
  g_assert_false (can_change (dialog));
  g_signal_emit_by_name (part (dialog, "repeat"), "entry-activated");
  myna_test_gui_flush ();
  g_assert_cmpuint (myna_virtual_card_get_verify_count (demo_card (fixture->window)), ==, 0);

  confirm = part (dialog, "confirm");
  g_assert_true (gtk_widget_get_visible (confirm));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (confirm), TRUE);
  g_assert_true (can_change (dialog));
  myna_test_gui_assert_accessible (GTK_WIDGET (dialog));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (dialog), "pin-change-last-try");

  g_signal_emit_by_name (part (dialog, "change"), "clicked");
  g_assert_true (myna_test_gui_wait_until (dialog_idle, dialog, 10000));
  g_assert_cmpstr (card_pin (fixture->window, MYNA_PIN_CARD_INFO), ==, "9876");
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_CARD_INFO)), "3 tries left of 3");
  gtk_window_destroy (dialog);
}

/* A locked PIN offers the reset guide, not a change. */
static void
test_locked (MynaTestWindowFixture *fixture,
             gconstpointer          data)
{
  MynaPinRow *row;
  GtkWidget *button;

  fixture->window = myna_test_window_open (app, "pin-blocked", 900, 700);
  row = myna_test_window_pin_row (fixture->window, MYNA_PIN_SIGN);
  button = myna_test_gui_find_named (GTK_WIDGET (row), "change-pin");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-guide");

  /* Reached another way, the dialog takes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-pin", "s", "sign");
  myna_test_gui_flush ();
  {
    GtkWindow *dialog = myna_test_gui_find_toplevel (MYNA_TYPE_PIN_CHANGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_false (gtk_widget_get_sensitive (part (dialog, "current")));
    g_assert_false (can_change (dialog));
    gtk_window_destroy (dialog);
  }

  /* The PIN rows that are not locked offer the change. */
  g_assert_true (gtk_widget_get_visible (myna_test_gui_find_named (GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_AUTH)), "change-pin")));
}

/* The resident registry PIN: both of its keys change. */
static void
test_juki (MynaTestWindowFixture *fixture,
           gconstpointer          data)
{
  MynaVirtualCard *card;
  GtkWindow *dialog;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  card = demo_card (fixture->window);
  dialog = open_from_row (fixture->window, MYNA_PIN_JUKI);
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "changes both");
  type (dialog, "current", "1234");
  type (dialog, "new", "2580");
  type (dialog, "repeat", "2580");
  g_signal_emit_by_name (part (dialog, "change"), "clicked");
  g_assert_true (myna_test_gui_wait_until (dialog_idle, dialog, 10000));
  g_assert_cmpstr (_myna_virtual_card_get_key_value (card, myna_aid_juki, 0x001C), ==, "2580");
  g_assert_cmpstr (_myna_virtual_card_get_key_value (card, myna_aid_common, 0x001C), ==, "2580");
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_window_init (&argc, &argv);

  MYNA_TEST_WINDOW_ADD ("/window/pin-change/change", NULL, test_change);
  MYNA_TEST_WINDOW_ADD ("/window/pin-change/wrong-current", NULL, test_wrong_current);
  MYNA_TEST_WINDOW_ADD ("/window/pin-change/last-try", NULL, test_last_try);
  MYNA_TEST_WINDOW_ADD ("/window/pin-change/locked", NULL, test_locked);
  MYNA_TEST_WINDOW_ADD ("/window/pin-change/juki", NULL, test_juki);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
