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
#include "myna-card-manager-private.h"
#include "myna-certificate-box-private.h"
#include "myna-certificate-window.h"
#include "myna-diagnostics-window.h"
#include "myna-overview.h"
#include "myna-pin-row-private.h"
#include "myna-test-window.h"
#include "myna-timeline-private.h"
#include "myna-window-private.h"

/*
 * The window on the demo card, under Xvfb: what each scenario shows,
 * removal, reading, keyboard use, narrow widths, dark style and large
 * text. What the window opens has its own tests (test-password-dialog.c,
 * test-certificate-window.c, test-guides-view.c, test-calculator.c,
 * test-diagnostics.c). Every test checks that each shown control has an
 * accessible name and saves a screenshot under tests/screenshots/ in the
 * build directory.
 */

static MynaApplication *app;

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
test_overview (MynaTestWindowFixture *fixture,
               gconstpointer          data)
{
  const OverviewCase *expected = data;
  g_autofree char *name = g_strdup_printf ("overview-%s", expected->scenario);
  g_autofree char *guidance = NULL;
  g_autofree char *screenshot = NULL;
  GtkWidget *root;
  GtkWidget *what_to_do;
  MynaCertificateBox *box;

  fixture->window = myna_test_window_open (app, expected->scenario, 900, 1200);
  root = GTK_WIDGET (fixture->window);
  what_to_do = myna_test_gui_find_named (root, "what-to-do");

  g_assert_cmpint (myna_card_manager_get_state (myna_window_get_manager (fixture->window)), ==,
                   MYNA_CARD_STATE_READY);
  myna_test_gui_assert_shows (root, expected->kind);
  myna_test_gui_assert_shows (root, "Demo card, not a real one");

  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      MynaPinRow *row = myna_test_window_pin_row (fixture->window, id);
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
          /* Where to reset it is the first thing to do, at the top. */
          myna_test_gui_assert_shows (what_to_do, "Reset it at the municipal office");
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "pin-blocked"));
          /* Never a store that needs the other PIN when it is locked too. */
          if (g_str_equal (expected->scenario, "both-locked"))
            myna_test_gui_assert_shows (what_to_do, "which is locked too");
          else
            myna_test_window_assert_not_shown (what_to_do, "which is locked too");
        }
    }

  box = myna_test_window_certificate_box (fixture->window, MYNA_CERT_AUTH);
  if (expected->auth_badge != NULL)
    myna_test_gui_assert_shows (GTK_WIDGET (box), expected->auth_badge);
  g_assert_true (g_str_has_prefix (_myna_certificate_box_get_headline (box), expected->auth_headline));

  box = myna_test_window_certificate_box (fixture->window, MYNA_CERT_SIGN);
  g_assert_true (g_str_has_prefix (_myna_certificate_box_get_headline (box), expected->sign_headline));
  g_assert_cmpint (myna_test_gui_find_shown (GTK_WIDGET (box), "read_button") != NULL, ==,
                   expected->read_button);
  /* The signing certificate is never read without being asked. */
  myna_test_window_assert_not_shown (root, "見本");

  guidance = guidance_ids (fixture->window);
  g_assert_cmpstr (guidance, ==, expected->guidance);

  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, name);
}

static void
test_timeline (MynaTestWindowFixture *fixture,
               gconstpointer          data)
{
  GtkWidget *root;

  fixture->window = myna_test_window_open (app, "renewal", 900, 1200);
  root = GTK_WIDGET (myna_test_window_certificate_box (fixture->window, MYNA_CERT_AUTH));

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
test_juki_card (MynaTestWindowFixture *fixture,
                gconstpointer          data)
{
  GtkWidget *root;

  /* An old Basic Resident Registration card: its signing certificate is
   * neither renewed nor issued again, and the box says what the guidance
   * says. */
  fixture->window = myna_test_window_open (app, "juki", 900, 1400);
  myna_test_gui_read_signing_certificate (myna_window_get_manager (fixture->window), "MYNA2026");
  myna_test_gui_flush ();
  root = GTK_WIDGET (myna_test_window_certificate_box (fixture->window, MYNA_CERT_SIGN));
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
test_removal (MynaTestWindowFixture *fixture,
              gconstpointer          data)
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

  fixture->window = myna_test_window_open (app, "valid", 900, 900);
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
  g_assert_true (myna_test_gui_wait_until (report_gone, &report, 10000));
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
  myna_test_window_assert_not_shown (root, "Within validity period until");
  myna_test_window_assert_not_shown (root, "tries left of");
  myna_test_gui_assert_shows (root, "Insert Your My Number Card");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "state-no-card-demo");

  /* And back, from the page itself. */
  g_signal_emit_by_name (myna_test_gui_assert_button (root, "state_button", "win.demo-card-inserted"), "clicked");
  g_assert_true (myna_test_gui_wait_until (myna_test_window_settled, fixture->window, 10000));
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
test_reading (MynaTestWindowFixture *fixture,
              gconstpointer          data)
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

  g_assert_true (myna_test_gui_wait_until (myna_test_window_settled, fixture->window, 20000));
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
test_not_my_number (MynaTestWindowFixture *fixture,
                    gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  GtkWidget *root;

  fixture->window = myna_test_window_open (app, "not-my-number", 900, 700);
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
test_keyboard (MynaTestWindowFixture *fixture,
               gconstpointer          data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) listed = NULL;
  MynaCertificateBox *sign_box;
  GtkWindow *diagnostics;
  GtkWidget *overlay;
  GtkWidget *root;

  fixture->window = myna_test_window_open (app, "pin-blocked", 900, 1600);
  root = GTK_WIDGET (fixture->window);

  /* Tab alone reaches every action on the card page. */
  collect_focus_chain (GTK_WINDOW (fixture->window), seen);
  g_assert_true (focus_reaches (seen, myna_test_gui_find_shown (GTK_WIDGET (myna_test_window_certificate_box (fixture->window, MYNA_CERT_AUTH)), "details_button")));
  g_assert_true (focus_reaches (seen, GTK_WIDGET (myna_test_window_pin_row (fixture->window, MYNA_PIN_SIGN))));
  g_assert_true (focus_reaches (seen, myna_test_gui_find_named (root, "lost-card")));
  g_assert_true (focus_reaches (seen, myna_test_gui_find_type (root, GTK_TYPE_MENU_BUTTON)));
  sign_box = myna_test_window_certificate_box (fixture->window, MYNA_CERT_SIGN);
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
test_narrow (MynaTestWindowFixture *fixture,
             gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  GtkWidget *root;
  GtkWidget *switcher_bar;

  fixture->window = myna_test_window_open (app, "pin-blocked", 360, 1800);
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
label_height (GtkWidget *label)
{
  int natural = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);

  return natural;
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

static void
test_dark_large_text (MynaTestWindowFixture *fixture,
                      gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  GtkWidget *root;
  GtkWidget *label;
  GdkRGBA color;
  int normal_height;
  int large_height;

  fixture->window = myna_test_window_open (app, "renewal", 900, 1800);
  root = GTK_WIDGET (fixture->window);
  /* The user authentication certificate's badge, "Renewal open". */
  label = myna_test_gui_find_named (GTK_WIDGET (myna_test_window_certificate_box (fixture->window, MYNA_CERT_AUTH)),
                                    "state_badge");
  g_assert_true (GTK_IS_LABEL (label));
  normal_height = label_height (label);
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
  large_height = label_height (label);
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

/* Without a GPU, GTK's GL renderer draws on llvmpipe: MynaCheck asks for
 * cairo then, and only then. */
static void
test_renderer (void)
{
  g_autofree char *dri = g_dir_make_tmp ("mynacheck-dri-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dri, "missing", NULL);
  g_autofree char *control = g_build_filename (dri, "by-path", NULL);
  g_autofree char *render_node = g_build_filename (dri, "renderD128", NULL);
  g_autofree char *card_node = g_build_filename (dri, "card0", NULL);

  g_assert_nonnull (dri);
  g_assert_cmpstr (myna_application_choose_renderer (missing), ==, "cairo");
  g_assert_cmpstr (myna_application_choose_renderer (dri), ==, "cairo");

  /* Only a device node counts, not the directories udev puts beside them. */
  g_assert_cmpint (g_mkdir (control, 0755), ==, 0);
  g_assert_cmpstr (myna_application_choose_renderer (dri), ==, "cairo");

  g_assert_true (g_file_set_contents (render_node, "", 0, NULL));
  g_assert_null (myna_application_choose_renderer (dri));
  g_assert_cmpint (g_unlink (render_node), ==, 0);

  /* A display-only GPU (no render node, as some ARM boards have). */
  g_assert_true (g_file_set_contents (card_node, "", 0, NULL));
  g_assert_null (myna_application_choose_renderer (dri));

  g_assert_cmpint (g_unlink (card_node), ==, 0);
  g_assert_cmpint (g_rmdir (control), ==, 0);
  g_assert_cmpint (g_rmdir (dri), ==, 0);

  /* As the app starts: on this machine's /dev/dri. GDK then loads no GL,
   * and keeps the debug flags it was given. */
  {
    g_autofree char *renderer = g_strdup (g_getenv ("GSK_RENDERER"));
    g_autofree char *debug = g_strdup (g_getenv ("GDK_DEBUG"));
    gboolean software = g_strcmp0 (myna_application_choose_renderer ("/dev/dri"), "cairo") == 0;

    g_unsetenv ("GSK_RENDERER");
    g_setenv ("GDK_DEBUG", "misc", TRUE);
    myna_application_prepare_environment (FALSE);
    g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, software ? "cairo" : NULL);
    g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, software ? "misc,gl-disable" : "misc");

    /* The user's choice of renderer stands. */
    g_setenv ("GSK_RENDERER", "gl", TRUE);
    g_setenv ("GDK_DEBUG", "misc", TRUE);
    myna_application_prepare_environment (FALSE);
    g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
    g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc");

    if (renderer != NULL)
      g_setenv ("GSK_RENDERER", renderer, TRUE);
    else
      g_unsetenv ("GSK_RENDERER");
    if (debug != NULL)
      g_setenv ("GDK_DEBUG", debug, TRUE);
    else
      g_unsetenv ("GDK_DEBUG");
  }

  /* Drawn in software, the window trades libadwaita's blurred shadows for
   * an edge, unless high contrast draws its own. */
  for (guint software = 0; software < 2; software++)
    {
      g_autofree char *renderer = g_strdup (g_getenv ("GSK_RENDERER"));
      gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
      MynaWindow *window;

      g_setenv ("GSK_RENDERER", software ? "cairo" : "gl", TRUE);
      window = g_object_ref (myna_window_new (app));
      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "flat-shadows"), ==, software && !high_contrast);
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (window);
      if (renderer != NULL)
        g_setenv ("GSK_RENDERER", renderer, TRUE);
      else
        g_unsetenv ("GSK_RENDERER");
    }
}

/* A public terminal makes a window for every user: each must be freed
 * whole. GTK 4.8's popover menu never frees what it builds for a submenu,
 * so the primary menu is built only when first opened. */
static void
test_window_freed (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("pin-blocked", NULL);
  MynaWindow *window = myna_test_gui_open_window (app, manager, -1, -1);
  GtkWidget *overview = GTK_WIDGET (window->overview);
  GMenu *language_menu = window->language_menu;
  GtkMenuButton *button = GTK_MENU_BUTTON (window->menu_button);

  g_assert_true (myna_test_gui_wait_until (myna_test_gui_manager_settled, manager, 10000));
  myna_test_gui_flush ();
  g_assert_null (gtk_menu_button_get_popover (button));
  /* System language and the eleven. */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (language_menu)), ==, 12);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (overview), (gpointer *) &overview);
  g_object_add_weak_pointer (G_OBJECT (language_menu), (gpointer *) &language_menu);
  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
  g_assert_null (window);
  g_assert_null (overview);
  g_assert_null (language_menu);

  /* Opened, the menu is all there. */
  window = myna_test_gui_open_window (app, manager, -1, -1);
  button = GTK_MENU_BUTTON (window->menu_button);
  gtk_menu_button_popup (button);
  myna_test_gui_flush ();
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_menu_button_get_menu_model (button) == G_MENU_MODEL (window->primary_menu));
  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
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

  app = myna_test_window_init (&argc, &argv);

  g_test_add_func ("/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/window/encoded-icons", test_encoded_icons);
  g_test_add_func ("/window/renderer", test_renderer);
  g_test_add_func ("/window/freed", test_window_freed);

  for (guint i = 0; i < G_N_ELEMENTS (overview_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/window/overview/%s", overview_cases[i].scenario);

      MYNA_TEST_WINDOW_ADD (path, &overview_cases[i], test_overview);
    }

#define ADD(path, func) MYNA_TEST_WINDOW_ADD (path, NULL, func)
  ADD ("/window/timeline", test_timeline);
  ADD ("/window/juki-card", test_juki_card);
  ADD ("/window/removal", test_removal);
  ADD ("/window/reading", test_reading);
  ADD ("/window/not-my-number", test_not_my_number);
  ADD ("/window/keyboard", test_keyboard);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/dark-large-text", test_dark_large_text);
#undef ADD

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
