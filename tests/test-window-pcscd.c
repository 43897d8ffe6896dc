/* test-window-pcscd.c
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

#include "myna-application.h"
#include "myna-card-manager.h"
#include "myna-pcsc-transport.h"
#include "myna-pin-row.h"
#include "myna-test-gui.h"
#include "myna-test-pcscd.h"
#include "myna-window.h"

/*
 * The window's state pages on a real pcscd (see myna-test-pcscd.c), under
 * Xvfb: no service, no reader, no card, the card, several cards, a card
 * held by another program, a card that is not a My Number card, and
 * removal. Each page is checked for its words and its way out, and saved
 * as a screenshot.
 */

static MynaApplication *app;

typedef struct
{
  MynaTestPcscd  pcscd;
  MynaWindow    *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (myna_test_pcscd_skip_reason () != NULL)
    g_test_skip (myna_test_pcscd_skip_reason ());
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* The reader monitor stops with its manager, before pcscd does. */
  myna_application_set_manager (app, NULL);
  myna_test_gui_flush ();
  myna_test_pcscd_stop_all (&fixture->pcscd);
}

static void
open_window (Fixture *fixture)
{
  /* Not started with --demo: the window follows pcscd, with a manager
   * of its own. */
  myna_application_set_manager (app, NULL);
  fixture->window = myna_window_new (app);
  g_assert_false (myna_card_manager_is_demo (myna_window_get_manager (fixture->window)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

typedef struct
{
  MynaWindow    *window;
  MynaCardState  state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;

  return myna_card_manager_get_state (myna_window_get_manager (wait->window)) == wait->state;
}

static void
wait_for_state (Fixture       *fixture,
                MynaCardState  state)
{
  StateWait wait = { fixture->window, state };

  if (!myna_test_gui_wait_until (state_reached, &wait, 15000))
    g_error ("The window is in state %s, not %s",
             myna_card_state_to_string (myna_card_manager_get_state (myna_window_get_manager (fixture->window))),
             myna_card_state_to_string (state));
  myna_test_gui_flush ();
}

typedef struct
{
  GtkWidget   *root;
  const char **texts;
} TextWait;

static gboolean
shows_texts (gpointer data)
{
  TextWait *wait = data;

  for (guint i = 0; wait->texts[i] != NULL; i++)
    {
      if (!myna_test_gui_shows_text (wait->root, wait->texts[i]))
        return FALSE;
    }

  return TRUE;
}

static void
assert_page (Fixture    *fixture,
             const char *title,
             const char *text,
             gboolean    offers_demo,
             const char *screenshot_name)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autofree char *screenshot = NULL;

  const char *texts[] = { title, text, NULL };
  TextWait wait = { root, texts };

  /* The stack may still be fading from the previous page. */
  if (!myna_test_gui_wait_until (shows_texts, &wait, 10000))
    {
      g_autofree char *shown = myna_test_gui_describe_labels (root);

      g_error ("The page lacks “%s” or “%s”. Labels:\n%s", title, text, shown);
    }
  g_assert_cmpint (myna_test_gui_find_shown (root, "demo_button") != NULL, ==, offers_demo);
  /* Nothing of a card stays on a page without one. */
  g_assert_null (myna_test_gui_find_text (root, "tries left of"));
  g_assert_null (myna_test_gui_find_text (root, "Within validity period"));

  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, screenshot_name);
}

static void
test_no_service (Fixture       *fixture,
                 gconstpointer  data)
{
  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  open_window (fixture);
  wait_for_state (fixture, MYNA_CARD_STATE_SERVICE_UNAVAILABLE);
  assert_page (fixture, "The Smart Card Service Is Not Running",
               "sudo systemctl enable --now pcscd.socket", TRUE, "state-no-service");

  /* The command is one click from the clipboard. */
  {
    g_autofree char *copied = NULL;

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-command", NULL);
    copied = myna_test_gui_clipboard_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)));
    g_assert_cmpstr (copied, ==, "sudo systemctl enable --now pcscd.socket");
  }

  /* The service starts: the window finds the reader by itself. */
  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  wait_for_state (fixture, MYNA_CARD_STATE_NO_CARD);

  /* And the demo card is one click away. */
  g_signal_emit_by_name (myna_test_gui_find_shown (GTK_WIDGET (fixture->window), "demo_button"), "clicked");
  g_assert_true (myna_card_manager_is_demo (myna_window_get_manager (fixture->window)));
  wait_for_state (fixture, MYNA_CARD_STATE_READY);
}

static void
test_no_reader (Fixture       *fixture,
                gconstpointer  data)
{
  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (&fixture->pcscd, FALSE);
  open_window (fixture);
  wait_for_state (fixture, MYNA_CARD_STATE_NO_READER);
  assert_page (fixture, "No Card Reader", "RC-S380", TRUE, "state-no-reader");
  g_assert_true (myna_test_gui_shows_text (GTK_WIDGET (fixture->window), "RC-S300 works"));
}

static void
test_card (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *root;
  gint64 removed_at;
  g_autofree char *screenshot = NULL;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  open_window (fixture);
  root = GTK_WIDGET (fixture->window);
  wait_for_state (fixture, MYNA_CARD_STATE_NO_CARD);
  assert_page (fixture, "Insert Your My Number Card", "No PIN is needed", TRUE, "state-no-card");

  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "pin-blocked", NULL);
  wait_for_state (fixture, MYNA_CARD_STATE_READY);
  g_assert_true (myna_test_gui_shows_text (root, MYNA_TEST_READER_0));
  g_assert_true (myna_test_gui_shows_text (root, "Locked: no tries left"));
  g_assert_true (myna_test_gui_shows_text (root, "Within validity period until"));
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "overview-pcscd");

  /* Reading the status spent nothing. */
  {
    g_autoptr(JsonObject) stats = myna_test_pcscd_read_stats (&fixture->pcscd, 0);

    g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 0);
  }

  /* Out: the card's data leaves the screen as soon as pcscd says so. */
  removed_at = g_get_monotonic_time ();
  myna_test_pcscd_remove_card (&fixture->pcscd, 0);
  wait_for_state (fixture, MYNA_CARD_STATE_NO_CARD);
  g_test_message ("Cleared %" G_GINT64_FORMAT " ms after the card left",
                  (g_get_monotonic_time () - removed_at) / 1000);
  g_assert_null (myna_card_manager_get_report (myna_window_get_manager (fixture->window)));
  g_assert_null (myna_test_gui_find_text (root, "Locked: no tries left"));
}

static void
card_process_ended_cb (GObject      *process,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *root;
  gint64 restarted_at;
  gboolean card_left = FALSE;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  open_window (fixture);
  root = GTK_WIDGET (fixture->window);
  wait_for_state (fixture, MYNA_CARD_STATE_NO_CARD);

  /* The card leaves half-way through the read: no half-read card stays on
   * screen, and nothing is spent. */
  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "valid", "--remove-after=6");
  /* The card process ends when it leaves: only then is NO_CARD the end of
   * the read, not the state before it. */
  g_subprocess_wait_async (fixture->pcscd.cards[0], NULL, card_process_ended_cb, &card_left);
  g_assert_true (myna_test_gui_wait_until (flag_set, &card_left, 15000));
  wait_for_state (fixture, MYNA_CARD_STATE_NO_CARD);
  g_assert_null (myna_card_manager_get_report (myna_window_get_manager (fixture->window)));
  g_assert_null (myna_test_gui_find_text (root, "Within validity period"));
  g_assert_null (myna_test_gui_find_text (root, "tries left"));
  {
    g_autoptr(JsonObject) stats = myna_test_pcscd_read_stats (&fixture->pcscd, 0);

    g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 0);
  }
  myna_test_pcscd_remove_card (&fixture->pcscd, 0);

  /* pcscd stops and starts again while the window is open: the window
   * says so, then finds the card by itself. */
  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "valid", NULL);
  wait_for_state (fixture, MYNA_CARD_STATE_READY);
  myna_test_pcscd_stop (&fixture->pcscd);
  wait_for_state (fixture, MYNA_CARD_STATE_SERVICE_UNAVAILABLE);
  g_assert_null (myna_card_manager_get_report (myna_window_get_manager (fixture->window)));
  g_assert_null (myna_test_gui_find_text (root, "Within validity period"));
  /* vpcd's card went with pcscd; the card process has ended. */
  myna_test_pcscd_remove_card (&fixture->pcscd, 0);

  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  restarted_at = g_get_monotonic_time ();
  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "valid", NULL);
  wait_for_state (fixture, MYNA_CARD_STATE_READY);
  g_test_message ("Card shown again %" G_GINT64_FORMAT " ms after pcscd came back",
                  (g_get_monotonic_time () - restarted_at) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - restarted_at, <, 5 * G_USEC_PER_SEC);
  g_assert_true (myna_test_gui_shows_text (root, "Within validity period until"));
}

static gboolean
has_two_readers (gpointer data)
{
  GtkWidget *list = data;
  int rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    rows++;

  return rows == 2;
}

static void
test_several_cards (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *list;
  GtkWidget *row;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "valid", NULL);
  myna_test_pcscd_insert_card (&fixture->pcscd, 1, "renewal", NULL);
  open_window (fixture);
  wait_for_state (fixture, MYNA_CARD_STATE_SEVERAL_CARDS);
  assert_page (fixture, "Several Cards", "Choose the one to read", FALSE, "state-several-cards");

  list = myna_test_gui_find_type (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_assert_true (myna_test_gui_wait_until (has_two_readers, list, 10000));

  /* Choosing one reads it. */
  row = gtk_widget_get_last_child (list);
  g_assert_true (myna_test_gui_shows_text (row, MYNA_TEST_READER_1));
  g_signal_emit_by_name (row, "activate");
  wait_for_state (fixture, MYNA_CARD_STATE_READY);
  g_assert_true (myna_test_gui_shows_text (GTK_WIDGET (fixture->window), "Renewal open"));
}

static void
test_card_in_use (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MynaPcscTransport) holder = NULL;
  g_autoptr(GError) error = NULL;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "valid", NULL);

  /* Another program holds the card exclusively. */
  holder = myna_pcsc_transport_new (MYNA_TEST_READER_0, TRUE, &error);
  g_assert_no_error (error);

  open_window (fixture);
  wait_for_state (fixture, MYNA_CARD_STATE_CARD_IN_USE);
  assert_page (fixture, "The Card Is in Use", "Another program is using the card", FALSE, "state-card-in-use");

  /* It lets go: MynaCheck tries again by itself. */
  g_clear_object (&holder);
  wait_for_state (fixture, MYNA_CARD_STATE_READY);
}

static void
test_not_my_number (Fixture       *fixture,
                    gconstpointer  data)
{
  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (&fixture->pcscd, TRUE);
  myna_test_pcscd_insert_card (&fixture->pcscd, 0, "not-my-number", NULL);
  open_window (fixture);
  wait_for_state (fixture, MYNA_CARD_STATE_UNSUPPORTED);
  assert_page (fixture, "Not a My Number Card", "no JPKI application", FALSE, "state-unsupported");
  myna_test_gui_assert_button (GTK_WIDGET (fixture->window), "state_button", "win.reload");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before GTK or GLib start a thread: the namespace is per thread. */
  myna_test_pcscd_init ();

  app = myna_test_gui_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window-pcscd/no-service", test_no_service);
  ADD ("/window-pcscd/no-reader", test_no_reader);
  ADD ("/window-pcscd/card", test_card);
  ADD ("/window-pcscd/faults", test_faults);
  ADD ("/window-pcscd/several-cards", test_several_cards);
  ADD ("/window-pcscd/card-in-use", test_card_in_use);
  ADD ("/window-pcscd/not-my-number", test_not_my_number);
#undef ADD

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));
  myna_test_pcscd_cleanup ();

  return ret;
}
