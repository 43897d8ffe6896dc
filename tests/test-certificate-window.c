/* test-certificate-window.c
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

#include "myna-certificate-window.h"
#include "myna-test-window.h"

/*
 * A certificate's details: every field, the chain in words, and the
 * fingerprint copied; closed, the window is gone from memory.
 */

static MynaApplication *app;

static void
test_certificate_details (MynaTestWindowFixture *fixture,
                          gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  g_autofree char *copied = NULL;
  MynaCertificate *cert;
  GtkWindow *details;
  GdkClipboard *clipboard;
  GtkWidget *copy;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  cert = myna_card_report_get_certificate (myna_card_manager_get_report (myna_window_get_manager (fixture->window)),
                                           MYNA_CERT_AUTH);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-certificate", "s", "auth");
  myna_test_gui_flush ();
  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_assert_nonnull (details);
  gtk_window_set_default_size (details, 700, 1400);
  myna_test_gui_flush ();

  myna_test_gui_assert_shows (GTK_WIDGET (details), "User authentication certificate");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "Within validity period");
  myna_test_gui_assert_shows (GTK_WIDGET (details), myna_certificate_get_sha256 (cert));
  myna_test_gui_assert_shows (GTK_WIDGET (details), myna_certificate_get_serial (cert));
  myna_test_gui_assert_shows (GTK_WIDGET (details), myna_certificate_get_issuer (cert));
  myna_test_gui_assert_shows (GTK_WIDGET (details), "Renewal opens");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "Key usage");
  /* The demo card's CA is not J-LIS: the chain says so in words. */
  myna_test_gui_assert_shows (GTK_WIDGET (details), "not one of the J-LIS root certificates");

  copy = myna_test_gui_find_named (GTK_WIDGET (details), "copy-fingerprint");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (details));
  copied = myna_test_gui_clipboard_text (clipboard);
  g_assert_cmpstr (copied, ==, myna_certificate_get_sha256 (cert));

  myna_test_gui_assert_accessible (GTK_WIDGET (details));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (details), "certificate-auth");

  /* Closed by the user, the window is gone from memory, not just hidden. */
  g_object_add_weak_pointer (G_OBJECT (details), (gpointer *) &details);
  gtk_window_close (details);
  myna_test_gui_flush ();
  g_assert_null (details);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_window_init (&argc, &argv);

  MYNA_TEST_WINDOW_ADD ("/window/certificate-details", NULL, test_certificate_details);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
