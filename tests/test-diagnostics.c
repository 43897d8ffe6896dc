/* test-diagnostics.c
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

#include "myna-diagnostics-window.h"
#include "myna-test-window.h"

/*
 * The diagnostics window on the demo card: each step of the self-test, the
 * report redacted by default and never with the holder, and the test run
 * again when the card leaves.
 */

static MynaApplication *app;

static void
test_diagnostics (MynaTestWindowFixture *fixture,
                  gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  g_autofree char *report_text = NULL;
  g_autofree char *serial = NULL;
  static const char * const steps[] = {
    "[skipped] service:", "[ok] readers: MynaCheck demo reader", "[ok] card:",
    "[ok] atr: 3B", "[ok] connection: T=1", "[ok] jpki:",
  };
  MynaCardManager *manager;
  MynaCertificate *cert;
  GtkWindow *diagnostics;

  fixture->window = myna_test_window_open (app, "valid", 900, 700);
  manager = myna_window_get_manager (fixture->window);
  cert = myna_card_report_get_certificate (myna_card_manager_get_report (manager), MYNA_CERT_AUTH);
  serial = g_strdup (myna_certificate_get_serial (cert));

  /* With the signing certificate read, the holder is in memory. */
  myna_test_gui_read_signing_certificate (manager, "MYNA2026");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.diagnostics", NULL);
  myna_test_gui_flush ();
  diagnostics = myna_test_gui_find_toplevel (MYNA_TYPE_DIAGNOSTICS_WINDOW);
  g_assert_nonnull (diagnostics);
  gtk_window_set_default_size (diagnostics, 700, 1000);
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_diagnostics_done, diagnostics, 10000));
  myna_test_gui_flush ();

  /* Each step of the self-test, in words and in the report. */
  myna_test_gui_assert_shows (GTK_WIDGET (diagnostics), "JPKI");
  myna_test_gui_assert_shows (GTK_WIDGET (diagnostics), "ATR");
  report_text = myna_diagnostics_window_build_report (MYNA_DIAGNOSTICS_WINDOW (diagnostics));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (strstr (report_text, steps[i]) == NULL)
      g_error ("The report lacks “%s”:\n%s", steps[i], report_text);
  g_clear_pointer (&report_text, g_free);

  /* The copied report is redacted by default. */
  report_text = myna_diagnostics_window_build_report (MYNA_DIAGNOSTICS_WINDOW (diagnostics));
  g_assert_nonnull (strstr (report_text, "Redacted: yes"));
  g_assert_nonnull (strstr (report_text, "pin sign: ok, 5 of 5"));
  g_assert_null (strstr (report_text, myna_certificate_get_serial (cert)));
  g_assert_null (strstr (report_text, myna_certificate_get_subject (cert)));
  g_assert_null (strstr (report_text, "見本"));
  g_clear_pointer (&report_text, g_free);

  /* Unredacted on request, it has the serials, but never the holder. */
  gtk_switch_set_active (GTK_SWITCH (myna_test_gui_find_type (GTK_WIDGET (diagnostics), GTK_TYPE_SWITCH)), FALSE);
  report_text = myna_diagnostics_window_build_report (MYNA_DIAGNOSTICS_WINDOW (diagnostics));
  g_assert_nonnull (strstr (report_text, "Redacted: no"));
  g_assert_nonnull (strstr (report_text, myna_certificate_get_serial (cert)));
  g_assert_null (strstr (report_text, "見本"));
  g_assert_null (strstr (report_text, "東京都"));
  /* The signing certificate's subject names the holder's town. */
  g_assert_null (strstr (report_text, "Mihon-shi"));
  g_assert_nonnull (strstr (report_text, "sign: within-validity-period"));

  myna_test_gui_assert_accessible (GTK_WIDGET (diagnostics));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (diagnostics), "diagnostics");
  g_clear_pointer (&report_text, g_free);

  /* Take the card out: the self-test runs again and says so. */
  myna_card_manager_set_demo_inserted (manager, FALSE);
  myna_test_gui_flush ();
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_diagnostics_done, diagnostics, 10000));
  report_text = myna_diagnostics_window_build_report (MYNA_DIAGNOSTICS_WINDOW (diagnostics));
  g_assert_null (strstr (report_text, "[ok] card:"));
  g_assert_null (strstr (report_text, "[ok] jpki:"));
  g_assert_null (strstr (report_text, serial));
  g_assert_nonnull (strstr (report_text, "[failed] card:"));
  gtk_window_destroy (diagnostics);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_window_init (&argc, &argv);

  MYNA_TEST_WINDOW_ADD ("/window/diagnostics", NULL, test_diagnostics);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
