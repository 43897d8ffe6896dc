/* test-password-dialog.c
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
#include "myna-certificate-window.h"
#include "myna-password-dialog-private.h"
#include "myna-pin-row.h"
#include "myna-test-window.h"
#include "myna-virtual-card.h"

/*
 * The signing password dialog on the demo card: the tries before anything
 * is typed, the format as one types, a wrong and then a right password,
 * the confirmation of a last try, a locked password, and a try spent just
 * before the dialog is closed.
 */

static MynaApplication *app;

static MynaPasswordDialog *
open_password_dialog (MynaWindow *window)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-signing-certificate", NULL);
  myna_test_gui_flush ();
  dialog = myna_test_gui_find_toplevel (MYNA_TYPE_PASSWORD_DIALOG);
  g_assert_nonnull (dialog);

  return MYNA_PASSWORD_DIALOG (dialog);
}

static GtkEditable *
password_entry (MynaPasswordDialog *dialog)
{
  GtkWidget *entry = myna_test_gui_find_type (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW);

  g_assert_nonnull (entry);

  return GTK_EDITABLE (entry);
}

static gboolean
dialog_gone_or_idle (gpointer data)
{
  MynaPasswordDialog **dialog = data;

  return *dialog == NULL || gtk_widget_get_sensitive (GTK_WIDGET (password_entry (*dialog)));
}

/* The format, as one types. */
static void
check_format_hints (MynaPasswordDialog *dialog)
{
  gtk_editable_set_text (password_entry (dialog), "ab1");
  g_assert_cmpstr (_myna_password_dialog_get_hint (dialog), ==, "3 more characters needed.");
  g_assert_false (_myna_password_dialog_can_read (dialog));
  gtk_editable_set_text (password_entry (dialog), "ab1-23");
  g_assert_true (g_str_has_prefix (_myna_password_dialog_get_hint (dialog), "Only letters A–Z and digits"));
  g_assert_false (_myna_password_dialog_can_read (dialog));
  gtk_editable_set_text (password_entry (dialog), "ABCDEFGHIJ1234567");
  g_assert_true (g_str_has_prefix (_myna_password_dialog_get_hint (dialog), "Too long"));
  g_assert_false (_myna_password_dialog_can_read (dialog));
  /* Without a letter or without a digit it cannot be a signing password. */
  gtk_editable_set_text (password_entry (dialog), "123456");
  g_assert_cmpstr (_myna_password_dialog_get_hint (dialog), ==,
                   "A signing password has at least one letter and one digit.");
  g_assert_false (_myna_password_dialog_can_read (dialog));
  gtk_editable_set_text (password_entry (dialog), "abcdefgh");
  g_assert_false (_myna_password_dialog_can_read (dialog));
  /* What is typed is never shown in clear, where it could be copied. */
  myna_test_gui_assert_secret_hidden (password_entry (dialog));
  gtk_editable_set_text (password_entry (dialog), "wrong123");
  g_assert_cmpstr (_myna_password_dialog_get_hint (dialog), ==, "The format is right.");
  g_assert_true (_myna_password_dialog_can_read (dialog));
}

/* The certificate read with the password, and its holder, in its window. */
static void
check_holder_shown (void)
{
  g_autofree char *screenshot = NULL;
  GtkWindow *details;

  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_assert_nonnull (details);
  gtk_window_set_default_size (details, 700, 1600);
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (details), "Signing certificate");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "見本\u3000花子");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "東京都見本市見本町一丁目2番3号");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "never saves it");
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (details), "certificate-sign");
}

static void
test_password_dialog (MynaTestWindowFixture *fixture,
                      gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  MynaCardManager *manager;
  MynaPasswordDialog *dialog;
  GtkWidget *read;
  MynaVirtualCard *card;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  manager = myna_window_get_manager (fixture->window);
  card = _myna_card_manager_get_demo_card (manager);
  dialog = open_password_dialog (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* Before typing: the tries, and what the certificate holds. */
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "5 tries left of 5");
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "●●●●●");
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "name, address, birth date and sex");
  read = myna_test_gui_find_shown (GTK_WIDGET (dialog), "read_button");
  g_assert_nonnull (read);
  g_assert_false (gtk_widget_get_sensitive (read));

  check_format_hints (dialog);
  myna_test_gui_assert_accessible (GTK_WIDGET (dialog));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (dialog), "password-dialog");
  g_clear_pointer (&screenshot, g_free);

  /* A wrong password costs one try, and the dialog says so. */
  g_signal_emit_by_name (read, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (password_entry (dialog)), ==, "");
  g_assert_true (myna_test_gui_wait_until (dialog_gone_or_idle, &dialog, 10000));
  g_assert_nonnull (dialog);
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "4 tries left of 5");
  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "●●●●○");
  g_assert_cmpint (myna_virtual_card_get_tries_spent (card), ==, 1);

  /* The right one, in lower case, reads the certificate and shows it. */
  gtk_editable_set_text (password_entry (dialog), "myna2026");
  g_assert_true (_myna_password_dialog_can_read (dialog));
  g_signal_emit_by_name (read, "clicked");
  g_assert_true (myna_test_gui_wait_until (dialog_gone_or_idle, &dialog, 10000));
  g_assert_null (dialog);
  myna_test_gui_flush ();

  check_holder_shown ();

  /* Counter reset by the right password. */
  myna_test_gui_assert_shows (GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_SIGN)), "5 tries left of 5");

  /* Take the card out: the personal data leaves the screen. */
  myna_card_manager_set_demo_inserted (manager, FALSE);
  myna_test_gui_flush ();
  g_assert_null (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  g_assert_null (myna_test_gui_find_text (GTK_WIDGET (fixture->window), "見本"));
}

static void
test_password_last_try (MynaTestWindowFixture *fixture,
                        gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  MynaPasswordDialog *dialog;
  MynaVirtualCard *card;
  GtkWidget *confirm;

  fixture->window = myna_test_window_open (app, "last-try", 900, 700);
  card = _myna_card_manager_get_demo_card (myna_window_get_manager (fixture->window));
  dialog = open_password_dialog (fixture->window);

  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "1 try left: a wrong entry now locks it");
  gtk_editable_set_text (password_entry (dialog), "MYNA2026");
  /* The right format is not enough: the user has to confirm the risk.
   * Enter in the entry sends nothing to the card. */
  g_assert_false (_myna_password_dialog_can_read (dialog));
  g_signal_emit_by_name (password_entry (dialog), "activate");
  myna_test_gui_flush ();
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 0);
  confirm = myna_test_gui_find_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (confirm);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (confirm), TRUE);
  g_assert_true (_myna_password_dialog_can_read (dialog));

  myna_test_gui_assert_accessible (GTK_WIDGET (dialog));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (dialog), "password-dialog-last-try");

  /* Closing it spends nothing. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  myna_test_gui_flush ();
  g_assert_cmpint (myna_virtual_card_get_tries_spent (card), ==, 0);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 0);
}

static void
test_password_blocked (MynaTestWindowFixture *fixture,
                       gconstpointer          data)
{
  MynaPasswordDialog *dialog;

  fixture->window = myna_test_window_open (app, "pin-blocked", 900, 700);
  dialog = open_password_dialog (fixture->window);

  myna_test_gui_assert_shows (GTK_WIDGET (dialog), "Locked: no tries left");
  gtk_editable_set_text (password_entry (dialog), "MYNA2026");
  g_assert_false (_myna_password_dialog_can_read (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
sign_tries_shown (gpointer data)
{
  MynaCardReport *report = myna_card_manager_get_report (myna_window_get_manager (data));
  const MynaPinStatus *pin = report != NULL
    ? myna_card_status_get_pin (myna_card_report_get_status (report), MYNA_PIN_SIGN)
    : NULL;

  return pin != NULL && pin->remaining == 4;
}

static void
test_password_closed_while_reading (MynaTestWindowFixture *fixture,
                                    gconstpointer          data)
{
  MynaPasswordDialog *dialog;
  MynaVirtualCard *card;
  gint64 deadline;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  card = _myna_card_manager_get_demo_card (myna_window_get_manager (fixture->window));
  dialog = open_password_dialog (fixture->window);
  gtk_editable_set_text (password_entry (dialog), "WRONG123");
  g_signal_emit_by_name (myna_test_gui_find_shown (GTK_WIDGET (dialog), "read_button"), "clicked");

  /* The card has taken the wrong password; the user closes the dialog
   * before the answer reaches the window (the main loop has not run). */
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (myna_virtual_card_get_tries_spent (card) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (myna_virtual_card_get_tries_spent (card), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The try it cost is shown all the same. */
  g_assert_true (myna_test_gui_wait_until (sign_tries_shown, fixture->window, 10000));
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_SIGN)), "4 tries left of 5");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_window_init (&argc, &argv);

  MYNA_TEST_WINDOW_ADD ("/window/password/read", NULL, test_password_dialog);
  MYNA_TEST_WINDOW_ADD ("/window/password/last-try", NULL, test_password_last_try);
  MYNA_TEST_WINDOW_ADD ("/window/password/blocked", NULL, test_password_blocked);
  MYNA_TEST_WINDOW_ADD ("/window/password/closed-while-reading", NULL, test_password_closed_while_reading);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
