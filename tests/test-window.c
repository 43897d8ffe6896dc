/* test-window.c
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

#include <glib/gstdio.h>

#include "myna-application.h"
#include "myna-calculator-private.h"
#include "myna-card-manager-private.h"
#include "myna-certificate-box-private.h"
#include "myna-certificate-window.h"
#include "myna-date-row.h"
#include "myna-diagnostics-window.h"
#include "myna-guide-book.h"
#include "myna-guide-page.h"
#include "myna-guide-printer.h"
#include "myna-guides-view.h"
#include "myna-overview.h"
#include "myna-password-dialog-private.h"
#include "myna-pin-row-private.h"
#include "myna-timeline-private.h"
#include "myna-virtual-card.h"
#include "myna-test-gui.h"
#include "myna-window.h"

/*
 * The window on the demo card, under Xvfb: what each scenario shows,
 * removal, the password dialog, details, guides, the calculator, the
 * diagnostics, keyboard use and narrow widths. Every test checks that each
 * shown control has an accessible name and saves a screenshot under
 * tests/screenshots/ in the build directory.
 */

static MynaApplication *app;

typedef struct
{
  MynaWindow *window;
} Fixture;

static gboolean
manager_settled (gpointer data)
{
  return myna_test_gui_manager_settled (myna_window_get_manager (data));
}

static MynaWindow *
open_window (const char *scenario,
             int         width,
             int         height)
{
  g_autoptr(MynaCardManager) manager = NULL;
  g_autoptr(GError) error = NULL;

  manager = myna_card_manager_new_demo (scenario, &error);
  g_assert_no_error (error);

  return myna_test_gui_open_window (app, manager, width, height);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  myna_test_gui_flush ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-xft-dpi");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
}

static void
assert_not_shown (GtkWidget  *root,
                  const char *text)
{
  GtkWidget *label = myna_test_gui_find_text (root, text);

  if (label != NULL)
    g_error ("“%s” is shown, and should not be: “%s” in %s", text,
             gtk_label_get_text (GTK_LABEL (label)),
             G_OBJECT_TYPE_NAME (gtk_widget_get_ancestor (label, GTK_TYPE_WINDOW)));
}

static MynaPinRow *
pin_row (MynaWindow *window,
         MynaPinId   id)
{
  g_autoptr(GPtrArray) rows = myna_test_gui_find_all (GTK_WIDGET (window), MYNA_TYPE_PIN_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      if (_myna_pin_row_get_pin (g_ptr_array_index (rows, i)) == id)
        return g_ptr_array_index (rows, i);
    }

  g_error ("No row for the %s PIN", myna_pin_id_to_string (id));
}

static MynaCertificateBox *
certificate_box (MynaWindow *window,
                 MynaCertId  id)
{
  g_autoptr(GPtrArray) boxes = myna_test_gui_find_all (GTK_WIDGET (window), MYNA_TYPE_CERTIFICATE_BOX);

  for (guint i = 0; i < boxes->len; i++)
    {
      if (_myna_certificate_box_get_certificate (g_ptr_array_index (boxes, i)) == id)
        return g_ptr_array_index (boxes, i);
    }

  g_error ("No box for the %s certificate", myna_cert_id_to_string (id));
}

static char *
guidance_ids (MynaWindow *window)
{
  g_autoptr(GPtrArray) rows = myna_test_gui_find_all (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (MYNA_IS_PIN_ROW (row) ||
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), "win.show-guide") != 0)
        continue;

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, gtk_widget_get_name (row));
    }

  return g_string_free (ids, FALSE);
}

/* What each demo card must show, written from the scenario's description
 * and the seed pages, not from the code that draws it. */
typedef struct
{
  const char *scenario;
  const char *kind;
  const char *dots[MYNA_N_PINS];       /* auth, sign, card-info, juki */
  const char *words[MYNA_N_PINS];
  gboolean    reset_route[MYNA_N_PINS];
  const char *auth_badge;
  const char *auth_headline;
  const char *sign_headline;
  gboolean    read_button;
  const char *guidance;
} OverviewCase;

static const OverviewCase overview_cases[] = {
  {
    "valid", "My Number card",
    { "●●●", "●●●●●", "●●●", "●●●" },
    { "3 tries left of 3", "5 tries left of 5", "3 tries left of 3", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    "Within validity period", "Within validity period until", "Needs the signing password", TRUE,
    "lost-card",
  },
  {
    "pin-blocked", "My Number card",
    { "●●○", "○○○○○", "●○○", "●●●" },
    { "2 tries left of 3", "Locked: no tries left", "1 try left: a wrong entry now locks it", "3 tries left of 3" },
    { FALSE, TRUE, FALSE, FALSE },
    "Within validity period", "Within validity period until", "Locked: the signing password has no tries left", FALSE,
    "reset-pin reset-pin lost-card",
  },
  {
    "auth-blocked", "My Number card",
    { "○○○", "●●●●●", "●●●", "●●●" },
    { "Locked: no tries left", "5 tries left of 5", "3 tries left of 3", "3 tries left of 3" },
    { TRUE, FALSE, FALSE, FALSE },
    "Within validity period", "Within validity period until", "Needs the signing password", TRUE,
    "reset-pin lost-card",
  },
  {
    "both-locked", "My Number card",
    { "○○○", "○○○○○", "●●●", "●●●" },
    { "Locked: no tries left", "Locked: no tries left", "3 tries left of 3", "3 tries left of 3" },
    { TRUE, TRUE, FALSE, FALSE },
    "Within validity period", "Within validity period until", "Locked: the signing password has no tries left", FALSE,
    "reset-pin reset-pin lost-card",
  },
  {
    "stay-ends", "My Number card",
    { "●●●", "●●●●●", "●●●", "●●●" },
    { "3 tries left of 3", "5 tries left of 5", "3 tries left of 3", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    "Renewal open", "Within validity period until", "Needs the signing password", TRUE,
    "renew-card lost-card",
  },
  {
    "last-try", "My Number card",
    { "●●●", "●○○○○", "●●●", "●●●" },
    { "3 tries left of 3", "1 try left: a wrong entry now locks it", "3 tries left of 3", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    "Within validity period", "Within validity period until", "Needs the signing password", TRUE,
    "reset-pin lost-card",
  },
  {
    "renewal", "My Number card",
    { "●●●", "●●●●●", "●●●", "●●●" },
    { "3 tries left of 3", "5 tries left of 5", "3 tries left of 3", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    "Renewal open", "Within validity period until", "Needs the signing password", TRUE,
    "renew-certificate renew-card lost-card",
  },
  {
    "expired", "My Number card",
    { "●●●", "●●●●●", "●●●", "●●●" },
    { "3 tries left of 3", "5 tries left of 5", "3 tries left of 3", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    "Expired", "Expired on", "Needs the signing password", TRUE,
    "new-certificate renew-card lost-card",
  },
  {
    "no-signing", "My Number card",
    { "●●●", "–", "●●●", "●●●" },
    { "3 tries left of 3", "Not on this card", "3 tries left of 3", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    "Within validity period", "Within validity period until", "No signing certificate on this card", FALSE,
    "new-certificate lost-card",
  },
  {
    "juki", "Basic Resident Registration card",
    { "–", "●●●●●", "–", "●●●" },
    { "Not on this card", "5 tries left of 5", "Not on this card", "3 tries left of 3" },
    { FALSE, FALSE, FALSE, FALSE },
    NULL, "This card has no user authentication certificate", "Needs the signing password", TRUE,
    "replace-juki-card lost-card",
  },
};

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  const OverviewCase *expected = data;
  g_autofree char *name = g_strdup_printf ("overview-%s", expected->scenario);
  g_autofree char *guidance = NULL;
  g_autofree char *screenshot = NULL;
  GtkWidget *root;
  MynaCertificateBox *box;

  fixture->window = open_window (expected->scenario, 900, 1200);
  root = GTK_WIDGET (fixture->window);

  g_assert_cmpint (myna_card_manager_get_state (myna_window_get_manager (fixture->window)), ==,
                   MYNA_CARD_STATE_READY);
  myna_test_gui_assert_shows (root, expected->kind);
  myna_test_gui_assert_shows (root, "Demo card, not a real one");

  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      MynaPinRow *row = pin_row (fixture->window, id);
      gboolean leads_to_reset = gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row));

      g_assert_cmpstr (_myna_pin_row_get_dots (row), ==, expected->dots[id]);
      myna_test_gui_assert_shows (GTK_WIDGET (row), expected->words[id]);
      /* A locked PIN says where to reset it, and opens the reset guide. */
      g_assert_cmpint (leads_to_reset, ==, expected->reset_route[id]);
      if (leads_to_reset)
        {
          g_autofree char *target = g_variant_print (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), FALSE);

          g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-guide");
          g_assert_cmpstr (target, ==, "'reset-pin'");
          myna_test_gui_assert_shows (GTK_WIDGET (row), "Reset it at the municipal office");
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "pin-blocked"));
          /* Never a store that needs the other PIN when it is locked too. */
          if (g_str_equal (expected->scenario, "both-locked"))
            myna_test_gui_assert_shows (GTK_WIDGET (row), "which is locked too");
          else
            assert_not_shown (GTK_WIDGET (row), "which is locked too");
        }
    }

  box = certificate_box (fixture->window, MYNA_CERT_AUTH);
  if (expected->auth_badge != NULL)
    myna_test_gui_assert_shows (GTK_WIDGET (box), expected->auth_badge);
  g_assert_true (g_str_has_prefix (_myna_certificate_box_get_headline (box), expected->auth_headline));

  box = certificate_box (fixture->window, MYNA_CERT_SIGN);
  g_assert_true (g_str_has_prefix (_myna_certificate_box_get_headline (box), expected->sign_headline));
  g_assert_cmpint (myna_test_gui_find_shown (GTK_WIDGET (box), "read_button") != NULL, ==,
                   expected->read_button);
  /* The signing certificate is never read without being asked. */
  assert_not_shown (root, "見本");

  guidance = guidance_ids (fixture->window);
  g_assert_cmpstr (guidance, ==, expected->guidance);

  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, name);
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *root;

  fixture->window = open_window ("renewal", 900, 1200);
  root = GTK_WIDGET (certificate_box (fixture->window, MYNA_CERT_AUTH));

  /* 45 days before the end of a five-year life, inside the renewal window. */
  myna_test_gui_assert_shows (root, "45 days left");
  myna_test_gui_assert_shows (root, "Renewal from");
  myna_test_gui_assert_shows (root, "Issued");
  {
    GtkWidget *timeline = myna_test_gui_find_type (root, MYNA_TYPE_TIMELINE);
    double today;

    g_assert_nonnull (timeline);
    today = _myna_timeline_get_today_fraction (MYNA_TIMELINE (timeline));
    g_assert_cmpfloat (today, >, 0.95);
    g_assert_cmpfloat (today, <, 1.0);
    g_assert_true (gtk_widget_has_css_class (timeline, "warning"));
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL));
  }
}

static void
test_juki_card (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *root;

  /* An old Basic Resident Registration card: its signing certificate is
   * neither renewed nor issued again, and the box says what the guidance
   * says. */
  fixture->window = open_window ("juki", 900, 1400);
  myna_test_gui_read_signing_certificate (myna_window_get_manager (fixture->window), "MYNA2026");
  myna_test_gui_flush ();
  root = GTK_WIDGET (certificate_box (fixture->window, MYNA_CERT_SIGN));
  myna_test_gui_assert_shows (root, "Expired on");
  myna_test_gui_assert_shows (root, "can no longer be issued or renewed");
  g_assert_false (myna_test_gui_shows_text (root, "New certificates can still be issued"));
  g_assert_false (myna_test_gui_shows_text (root, "Renewal from"));
}

static gboolean
report_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_removal (Fixture       *fixture,
              gconstpointer  data)
{
  MynaCardManager *manager;
  MynaCardReport *report;
  MynaCertificate *certificate;
  GtkWindow *details;
  gint64 removed_at, cleared_in;
  g_autofree char *screenshot = NULL;
  g_autofree char *not_after = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *fingerprint_start = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *root;

  fixture->window = open_window ("valid", 900, 900);
  root = GTK_WIDGET (fixture->window);
  manager = myna_window_get_manager (fixture->window);

  gtk_widget_activate_action (root, "win.show-certificate", "s", "auth");
  myna_test_gui_flush ();
  g_assert_nonnull (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  myna_test_gui_assert_shows (root, "Within validity period until");

  report = myna_card_manager_get_report (manager);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);
  certificate = myna_card_report_get_certificate (report, MYNA_CERT_AUTH);
  g_object_add_weak_pointer (G_OBJECT (certificate), (gpointer *) &certificate);
  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (details), (gpointer *) &details);
  /* What of this card the window shows: its dates, serial, fingerprint. */
  not_after = g_date_time_format (myna_certificate_get_not_after (certificate), "%Y-%m-%d");
  serial = g_strdup (myna_certificate_get_serial (certificate));
  fingerprint_start = g_strndup (myna_certificate_get_sha256 (certificate), 11);
  g_assert_nonnull (myna_test_gui_find_text (root, not_after));

  removed_at = g_get_monotonic_time ();
  myna_card_manager_set_demo_inserted (manager, FALSE);
  /* Nothing keeps the card's data: not the page, not a window. */
  g_assert_true (myna_test_gui_wait_until (report_gone, &report, 1000));
  cleared_in = g_get_monotonic_time () - removed_at;
  g_test_message ("Card data cleared %" G_GINT64_FORMAT " µs after removal", cleared_in);

  myna_test_gui_flush ();
  g_assert_null (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  g_assert_null (details);
  g_assert_null (certificate);
  /* Not on screen, and not kept in a hidden label either. */
  labels = myna_test_gui_find_every (root, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (strstr (text, not_after) != NULL || strstr (text, serial) != NULL ||
          strstr (text, fingerprint_start) != NULL)
        g_error ("A label still holds the card's data after removal: “%s”", text);
    }
  assert_not_shown (root, "Within validity period until");
  assert_not_shown (root, "tries left of");
  myna_test_gui_assert_shows (root, "Insert Your My Number Card");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "state-no-card-demo");

  /* And back, from the page itself. */
  g_signal_emit_by_name (myna_test_gui_assert_button (root, "state_button", "win.demo-card-inserted"), "clicked");
  g_assert_true (myna_test_gui_wait_until (manager_settled, fixture->window, 10000));
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (root, "Within validity period until");
}

typedef struct
{
  gint64 last;
  gint64 longest_gap;
  guint  ticks;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->longest_gap = MAX (ticker->longest_gap, now - ticker->last);
  ticker->last = now;
  ticker->ticks++;

  return G_SOURCE_CONTINUE;
}

static void
test_reading (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  g_autofree char *screenshot = NULL;
  Ticker ticker = { 0 };
  gint64 started;
  guint tick_id;
  GtkWidget *root;
  GtkWidget *spinner;

  /* A slow card: 200 ms an APDU, about 3 s for the status. */
  _myna_card_manager_set_demo_latency (manager, 200);
  myna_application_set_manager (app, manager);
  fixture->window = myna_window_new (app);
  root = GTK_WIDGET (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_cmpint (myna_card_manager_get_state (manager), ==, MYNA_CARD_STATE_READING);

  /* A 20 ms timer on the main loop keeps firing all through the read:
   * the card is read elsewhere. */
  started = g_get_monotonic_time ();
  tick_id = g_timeout_add (20, tick_cb, &ticker);
  /* Not myna_test_gui_flush (): a spinning spinner never lets the main
   * loop go idle. */
  for (gint64 end = started + 300 * G_TIME_SPAN_MILLISECOND; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (myna_card_manager_get_state (manager), ==, MYNA_CARD_STATE_READING);

  spinner = myna_test_gui_find_type (root, GTK_TYPE_SPINNER);
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  myna_test_gui_assert_shows (root, "Reading the Card");
  screenshot = myna_test_gui_save_screenshot (root, "state-reading");
  /* The screenshot is the test's own work on the main loop. */
  ticker.last = 0;

  g_assert_true (myna_test_gui_wait_until (manager_settled, fixture->window, 20000));
  g_source_remove (tick_id);
  g_assert_cmpint (myna_card_manager_get_state (manager), ==, MYNA_CARD_STATE_READY);

  g_test_message ("Read in %" G_GINT64_FORMAT " ms; the main loop ran %u times, at most %" G_GINT64_FORMAT " ms apart",
                  (g_get_monotonic_time () - started) / 1000, ticker.ticks, ticker.longest_gap / 1000);
  /* A main loop blocked by the read would have one gap as long as the
   * read itself (over 2 s). */
  g_assert_cmpint (ticker.longest_gap, <, 1 * G_USEC_PER_SEC);
  g_assert_cmpuint (ticker.ticks, >=, 10);
}

static void
test_not_my_number (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  GtkWidget *root;

  fixture->window = open_window ("not-my-number", 900, 700);
  root = GTK_WIDGET (fixture->window);

  g_assert_cmpint (myna_card_manager_get_state (myna_window_get_manager (fixture->window)), ==,
                   MYNA_CARD_STATE_UNSUPPORTED);
  myna_test_gui_assert_shows (root, "Not a My Number Card");
  myna_test_gui_assert_shows (root, "no JPKI application");
  myna_test_gui_assert_button (root, "state_button", "win.reload");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "state-not-my-number");
}

static void
test_certificate_details (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  g_autofree char *copied = NULL;
  MynaCertificate *cert;
  GtkWindow *details;
  GdkClipboard *clipboard;
  GtkWidget *copy;

  fixture->window = open_window ("valid", 900, 700);
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

static void
test_password_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  MynaCardManager *manager;
  MynaPasswordDialog *dialog;
  GtkWidget *read;
  GtkWindow *details;
  MynaVirtualCard *card;

  fixture->window = open_window ("valid", 900, 700);
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

  /* The format, as one types. */
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

  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_assert_nonnull (details);
  gtk_window_set_default_size (details, 700, 1600);
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (details), "Signing certificate");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "見本\u3000花子");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "東京都見本市見本町一丁目2番3号");
  myna_test_gui_assert_shows (GTK_WIDGET (details), "never saves it");
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (details), "certificate-sign");

  /* Counter reset by the right password. */
  myna_test_gui_assert_shows (GTK_WIDGET (pin_row (fixture->window, MYNA_PIN_SIGN)), "5 tries left of 5");

  /* Take the card out: the personal data leaves the screen. */
  myna_card_manager_set_demo_inserted (manager, FALSE);
  myna_test_gui_flush ();
  g_assert_null (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  g_assert_null (myna_test_gui_find_text (GTK_WIDGET (fixture->window), "見本"));
}

static void
test_password_last_try (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  MynaPasswordDialog *dialog;
  MynaVirtualCard *card;
  GtkWidget *confirm;

  fixture->window = open_window ("last-try", 900, 700);
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
test_password_blocked (Fixture       *fixture,
                       gconstpointer  data)
{
  MynaPasswordDialog *dialog;

  fixture->window = open_window ("pin-blocked", 900, 700);
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
test_password_closed_while_reading (Fixture       *fixture,
                                    gconstpointer  data)
{
  MynaPasswordDialog *dialog;
  MynaVirtualCard *card;
  gint64 deadline;

  fixture->window = open_window ("valid", 900, 700);
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
  myna_test_gui_assert_shows (GTK_WIDGET (pin_row (fixture->window, MYNA_PIN_SIGN)), "4 tries left of 5");
}

static gboolean
guide_shown (gpointer data)
{
  return g_strcmp0 (myna_guides_view_get_guide (data), "reset-pin") == 0;
}

static void
test_guides (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(MynaGuidePrinter) printer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *guides = myna_guide_book_get_guides (myna_guide_book_get_default ());
  MynaGuidesView *view;
  GtkWidget *shown_guide;
  GtkWidget *root;
  gsize length;

  /* Guides need no card: here there is none. */
  fixture->window = open_window ("valid", 1100, 1600);
  root = GTK_WIDGET (fixture->window);
  myna_card_manager_set_demo_inserted (myna_window_get_manager (fixture->window), FALSE);
  gtk_widget_activate_action (root, "win.show-page", "s", "guides");
  myna_test_gui_flush ();

  view = MYNA_GUIDES_VIEW (myna_test_gui_find_type (root, MYNA_TYPE_GUIDES_VIEW));
  g_assert_nonnull (view);
  for (guint i = 0; i < guides->len; i++)
    g_assert_nonnull (myna_test_gui_find_named (GTK_WIDGET (view), myna_guide_get_id (g_ptr_array_index (guides, i))));

  gtk_widget_activate_action (root, "win.show-guide", "s", "reset-pin");
  g_assert_true (myna_test_gui_wait_until (guide_shown, view, 1000));
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (view), "暗証番号");
  /* Steps, the checklist per applicant, where, and the sources. */
  myna_test_gui_assert_shows (GTK_WIDGET (view), "Who May Apply and What to Bring");
  myna_test_gui_assert_shows (GTK_WIDGET (view), "The holder");
  myna_test_gui_assert_shows (GTK_WIDGET (view), "Sources");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "guide-reset-pin");
  g_clear_pointer (&screenshot, g_free);

  /* One guide's widgets at a time: the one left goes. */
  shown_guide = gtk_widget_get_first_child (GTK_WIDGET (myna_test_gui_find_type (root, MYNA_TYPE_GUIDE_PAGE)));
  g_assert_true (ADW_IS_PREFERENCES_PAGE (shown_guide));
  g_object_add_weak_pointer (G_OBJECT (shown_guide), (gpointer *) &shown_guide);

  /* The lost-card guide has the hotline and says whether it is open now. */
  gtk_widget_activate_action (root, "win.show-guide", "s", "lost-card");
  myna_test_gui_flush ();
  g_assert_null (shown_guide);
  myna_test_gui_assert_shows (GTK_WIDGET (view), "0120-95-0178");
  myna_test_gui_assert_shows (GTK_WIDGET (view), "answers in your language now");
  screenshot = myna_test_gui_save_screenshot (root, "guide-lost-card");

  /* Print or save as PDF: the checklist, with the Japanese terms beside. */
  printer = myna_guide_printer_new (myna_guide_book_lookup (myna_guide_book_get_default (), "reset-pin"));
  markup = myna_guide_printer_get_markup (printer);
  g_assert_nonnull (strstr (markup, "The holder (本人)"));
  g_assert_nonnull (strstr (markup, "暗証番号"));
  pdf = g_test_build_filename (G_TEST_BUILT, "screenshots", "guide-reset-pin.pdf", NULL);
  g_unlink (pdf);
  g_assert_true (myna_guide_printer_run (printer, GTK_WINDOW (fixture->window), pdf, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &pdf_text, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
}

static void
test_calculator (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  MynaExpiryInput input = { 0 };
  MynaCalculator *calculator;
  GtkWidget *root;

  fixture->window = open_window ("valid", 900, 1200);
  root = GTK_WIDGET (fixture->window);
  gtk_widget_activate_action (root, "win.show-page", "s", "calculator");
  myna_test_gui_flush ();
  calculator = MYNA_CALCULATOR (myna_test_gui_find_type (root, MYNA_TYPE_CALCULATOR));
  g_assert_nonnull (calculator);
  /* In English under C.UTF-8 the calendar speaks the window's language:
   * each date row offers it. */
  {
    g_autoptr(GPtrArray) buttons = myna_test_gui_find_all (root, GTK_TYPE_MENU_BUTTON);
    guint calendars = 0;

    for (guint i = 0; i < buttons->len; i++)
      calendars += g_strcmp0 (gtk_menu_button_get_icon_name (g_ptr_array_index (buttons, i)),
                              "x-office-calendar-symbolic") == 0;
    g_assert_cmpuint (calendars, ==, 2);
  }

  /* An adult who got the card on 2021-04-01, born 1990-06-15: the card runs
   * to the 10th birthday after issue (the first is 2021-06-15), the
   * certificates to the 5th (seed 000: "発行から10回目の誕生日"). */
  g_date_set_dmy (&input.birth_date, 15, G_DATE_JUNE, 1990);
  g_date_set_dmy (&input.issue_date, 1, G_DATE_APRIL, 2021);
  input.residence = MYNA_RESIDENCE_JAPANESE;
  _myna_calculator_set_input (calculator, &input);
  myna_test_gui_flush ();

  g_assert_cmpstr (_myna_calculator_get_result (calculator, "age"), ==, "30 years");
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "2030-06-15");
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "certificates"), ==, "2025-06-15");
  myna_test_gui_assert_shows (root, "2030-06-15");

  /* Typed as people in Japan write dates, even with full-width digits. */
  {
    GtkWidget *birth = myna_test_gui_find_type (GTK_WIDGET (calculator), MYNA_TYPE_DATE_ROW);

    gtk_editable_set_text (GTK_EDITABLE (birth), "１９９０年６月１５日");
    g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "2030-06-15");
    g_assert_false (gtk_widget_has_css_class (birth, "error"));
    gtk_editable_set_text (GTK_EDITABLE (birth), "1990-02-30");
    g_assert_true (gtk_widget_has_css_class (birth, "error"));
    g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "—");
    myna_test_gui_assert_shows (root, "year-month-day");
  }

  /* A long residence status is shown whole, not cut short. */
  input.residence = MYNA_RESIDENCE_PERMANENT_RESIDENT;
  _myna_calculator_set_input (calculator, &input);
  myna_test_gui_flush ();
  {
    GtkWidget *status = myna_test_gui_find_text (root, "Permanent or special permanent resident");

    g_assert_true (GTK_IS_LABEL (status));
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (status))));
  }
  input.residence = MYNA_RESIDENCE_JAPANESE;

  /* 19 at issue in May 2022: the card runs ten years, or five had it been
   * applied for before 2022-04-01; the window says both. */
  {
    GtkWidget *before = myna_test_gui_find_named (root, "card-if-applied-before-2022");

    g_assert_nonnull (before);
    g_assert_false (gtk_widget_get_visible (before));
    g_date_set_dmy (&input.birth_date, 15, G_DATE_JUNE, 2002);
    g_date_set_dmy (&input.issue_date, 10, G_DATE_MAY, 2022);
    _myna_calculator_set_input (calculator, &input);
    myna_test_gui_flush ();
    g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "2031-06-15");
    g_assert_true (gtk_widget_get_visible (before));
    g_assert_cmpstr (_myna_calculator_get_result (calculator, "card-if-applied-before-2022"), ==, "2026-06-15");
  }

  /* Under 18: renewing the certificates does not outlast the card. */
  g_date_set_dmy (&input.birth_date, 15, G_DATE_JUNE, 2010);
  g_date_set_dmy (&input.issue_date, 1, G_DATE_APRIL, 2024);
  _myna_calculator_set_input (calculator, &input);
  myna_test_gui_flush ();
  g_assert_false (gtk_widget_get_visible (myna_test_gui_find_named (root, "card-if-applied-before-2022")));
  g_assert_nonnull (strstr (_myna_calculator_get_result (calculator, "renewed"), "renew the card"));
  g_date_set_dmy (&input.issue_date, 1, G_DATE_APRIL, 2021);

  /* Born after the issue date: refused, in words. */
  g_date_set_dmy (&input.birth_date, 15, G_DATE_JUNE, 2022);
  _myna_calculator_set_input (calculator, &input);
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "—");

  g_date_set_dmy (&input.birth_date, 15, G_DATE_JUNE, 1990);
  _myna_calculator_set_input (calculator, &input);
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "calculator");
}

static void
test_diagnostics (Fixture       *fixture,
                  gconstpointer  data)
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

  fixture->window = open_window ("valid", 900, 700);
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

static void
collect_focus_chain (GtkWindow  *window,
                     GHashTable *seen)
{
  gtk_window_set_focus (window, NULL);

  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        continue;
      focus = gtk_window_get_focus (window);
      if (focus != NULL)
        g_hash_table_add (seen, focus);
    }
}

static gboolean
focus_reaches (GHashTable *seen,
               GtkWidget  *target)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      if (widget == target || gtk_widget_is_ancestor (widget, target))
        return TRUE;
    }

  return FALSE;
}

/* A key the application maps to an action, or a shortcut of a widget in
 * the window (class bindings included), shown or not. */
static gboolean
shortcut_is_bound (GtkWidget       *root,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autofree char *accelerator = gtk_accelerator_name (keyval, modifiers);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accelerator);
  g_autoptr(GPtrArray) widgets = NULL;

  if (actions != NULL && actions[0] != NULL)
    return TRUE;

  /* F10 opens the primary menu, a GtkWindow binding of GTK itself. */
  if (keyval == GDK_KEY_F10 && modifiers == 0)
    return myna_test_gui_find_type (root, GTK_TYPE_MENU_BUTTON) != NULL &&
           gtk_menu_button_get_primary (GTK_MENU_BUTTON (myna_test_gui_find_type (root, GTK_TYPE_MENU_BUTTON)));

  widgets = myna_test_gui_find_every (root, GTK_TYPE_WIDGET);
  for (guint i = 0; i < widgets->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (g_ptr_array_index (widgets, i));

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, j);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

              if (myna_test_gui_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) listed = NULL;
  MynaCertificateBox *sign_box;
  GtkWindow *diagnostics;
  GtkWidget *overlay;
  GtkWidget *root;

  fixture->window = open_window ("pin-blocked", 900, 1600);
  root = GTK_WIDGET (fixture->window);

  /* Tab alone reaches every action on the card page. */
  collect_focus_chain (GTK_WINDOW (fixture->window), seen);
  g_assert_true (focus_reaches (seen, myna_test_gui_find_shown (GTK_WIDGET (certificate_box (fixture->window, MYNA_CERT_AUTH)), "details_button")));
  g_assert_true (focus_reaches (seen, GTK_WIDGET (pin_row (fixture->window, MYNA_PIN_SIGN))));
  g_assert_true (focus_reaches (seen, myna_test_gui_find_named (root, "lost-card")));
  g_assert_true (focus_reaches (seen, myna_test_gui_find_type (root, GTK_TYPE_MENU_BUTTON)));
  sign_box = certificate_box (fixture->window, MYNA_CERT_SIGN);
  g_assert_null (myna_test_gui_find_shown (GTK_WIDGET (sign_box), "read_button"));

  /* Every shortcut the shortcuts window lists is bound: by the
   * application, or by a widget of the window. */
  overlay = GTK_WIDGET (myna_window_get_shortcuts_window (fixture->window));
  g_assert_nonnull (overlay);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (overlay)), ==, "Keyboard Shortcuts");
  listed = myna_test_gui_find_every (overlay, GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_assert_cmpuint (listed->len, >=, 10);
  g_assert_false (shortcut_is_bound (root, GDK_KEY_F12, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  for (guint i = 0; i < listed->len; i++)
    {
      g_autofree char *accelerators = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (g_ptr_array_index (listed, i), "accelerator", &accelerators, NULL);
      each = g_strsplit (accelerators, " ", -1);
      for (guint j = 0; each[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (each[j], &keyval, &modifiers));
          if (!shortcut_is_bound (root, keyval, modifiers))
            g_error ("The shortcut %s is listed but not bound", each[j]);
        }
    }

  gtk_widget_activate_action (root, "win.show-page", "s", "guides");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (myna_test_gui_find_type (root, ADW_TYPE_VIEW_STACK))),
                   ==, "guides");

  /* Ctrl+Shift+D is Diagnostics, taken before GtkWindow's binding of it to
   * the GTK Inspector; Ctrl+Shift+I stays GTK's, for developers. */
  g_assert_true (myna_test_gui_press_shortcut (root, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  myna_test_gui_flush ();
  diagnostics = myna_test_gui_find_toplevel (MYNA_TYPE_DIAGNOSTICS_WINDOW);
  g_assert_nonnull (diagnostics);
  g_assert_false (myna_test_gui_press_shortcut (root, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_diagnostics_done, diagnostics, 10000));
  gtk_window_destroy (diagnostics);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  GtkWidget *root;
  GtkWidget *switcher_bar;

  fixture->window = open_window ("pin-blocked", 360, 1800);
  root = GTK_WIDGET (fixture->window);

  myna_test_gui_assert_fits (root, 360);
  g_assert_cmpint (gtk_widget_get_width (root), <=, 360);

  /* The view switcher moves to the bottom bar. */
  switcher_bar = myna_test_gui_find_type (root, ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (switcher_bar);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (switcher_bar)));

  myna_test_gui_assert_shows (root, "Locked: no tries left");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "overview-narrow");

  g_clear_pointer (&screenshot, g_free);

  for (guint i = 0; i < 2; i++)
    {
      const char *page = i == 0 ? "guides" : "calculator";
      g_autofree char *name = g_strdup_printf ("%s-narrow", page);

      gtk_widget_activate_action (root, "win.show-page", "s", page);
      myna_test_gui_flush ();
      myna_test_gui_assert_fits (root, 360);
      g_clear_pointer (&screenshot, g_free);
      screenshot = myna_test_gui_save_screenshot (root, name);
    }
}

static int
label_height (GtkWidget  *root,
              const char *text)
{
  GtkWidget *label = myna_test_gui_find_text (root, text);
  int natural = 0;

  g_assert_nonnull (label);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

static void
test_dark_large_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *screenshot = NULL;
  GtkWidget *root;
  GtkWidget *label;
  GdkRGBA color;
  int normal_height;
  int large_height;

  fixture->window = open_window ("renewal", 900, 1800);
  root = GTK_WIDGET (fixture->window);
  normal_height = label_height (root, "Renewal open");
  label = myna_test_gui_find_text (root, "Renewal open");
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
  g_assert_cmpfloat (luminance (&color), <, 0.5);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  /* Large Text in GNOME is a text scaling factor of 1.25. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (96 * 1.25 * 1024), NULL);
  myna_test_gui_flush ();

  /* Light text on dark, and every line a quarter taller, with nothing cut. */
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
  g_assert_cmpfloat (luminance (&color), >, 0.5);
  large_height = label_height (root, "Renewal open");
  g_test_message ("“Renewal open” is %d px high, %d px with Large Text", normal_height, large_height);
  g_assert_cmpint (large_height * 100, >=, normal_height * 115);
  myna_test_gui_assert_no_clipping (root);
  myna_test_gui_assert_shows (root, "Renewal open");
  screenshot = myna_test_gui_save_screenshot (root, "overview-dark-large-text");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-xft-dpi");
}

static void
test_encoded_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) arrow = NULL;
  g_autoptr(GtkIconPaintable) arrow_hidpi = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) file_hidpi = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *uri_hidpi = NULL;

  if (gtk_get_minor_version () >= 20)
    {
      g_test_skip ("GTK 4.20 draws symbolic SVG icons itself: none are encoded");
      return;
    }

  /* Every guide's expander rows show this arrow: drawn in advance at
   * 16 px (icons/meson.build), the SVG renderer is not loaded for it. */
  arrow = gtk_icon_theme_lookup_icon (theme, "adw-expander-arrow-symbolic", NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (arrow);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (uri, ==, "resource:///io/github/mynacheck/MynaCheck/icons/16x16/actions/"
                            "adw-expander-arrow-symbolic.symbolic.png");
  g_assert_true (gtk_icon_paintable_is_symbolic (arrow));

  /* Twice the pixels: libadwaita's own SVG, sharp. */
  arrow_hidpi = gtk_icon_theme_lookup_icon (theme, "adw-expander-arrow-symbolic", NULL, 16, 2, GTK_TEXT_DIR_NONE, 0);
  file_hidpi = gtk_icon_paintable_get_file (arrow_hidpi);
  uri_hidpi = g_file_get_uri (file_hidpi);
  g_assert_true (g_str_has_suffix (uri_hidpi, ".svg"));
}

static void
test_about_and_shortcuts (void)
{
  GtkWindow *about;
  GtkWindow *shortcuts;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  myna_test_gui_flush ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (MYNA_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "MynaCheck");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  myna_test_gui_flush ();
  about = myna_test_gui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  gtk_window_destroy (about);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  myna_test_gui_flush ();
  shortcuts = myna_test_gui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_destroy (shortcuts);

  /* The primary menu holds the same. */
  g_assert_nonnull (myna_test_gui_find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));

  gtk_window_destroy (window);
  myna_test_gui_flush ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The demo dates are relative to today; fix today for the calculator
   * and the open/closed state of the hotline (Wednesday, 10:00 JST). */
  g_setenv ("MYNACHECK_NOW", "2026-11-25T10:00:00+09:00", TRUE);

  app = myna_test_gui_init (&argc, &argv, "valid");

  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/encoded-icons", test_encoded_icons);

  for (guint i = 0; i < G_N_ELEMENTS (overview_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/window/overview/%s", overview_cases[i].scenario);

      g_test_add (path, Fixture, &overview_cases[i], fixture_setup, test_overview, fixture_teardown);
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/timeline", test_timeline);
  ADD ("/window/juki-card", test_juki_card);
  ADD ("/window/removal", test_removal);
  ADD ("/window/reading", test_reading);
  ADD ("/window/not-my-number", test_not_my_number);
  ADD ("/window/certificate-details", test_certificate_details);
  ADD ("/window/password/read", test_password_dialog);
  ADD ("/window/password/last-try", test_password_last_try);
  ADD ("/window/password/blocked", test_password_blocked);
  ADD ("/window/password/closed-while-reading", test_password_closed_while_reading);
  ADD ("/window/guides", test_guides);
  ADD ("/window/calculator", test_calculator);
  ADD ("/window/diagnostics", test_diagnostics);
  ADD ("/window/keyboard", test_keyboard);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/dark-large-text", test_dark_large_text);
#undef ADD

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
