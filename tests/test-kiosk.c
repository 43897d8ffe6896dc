/* test-kiosk.c
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
#include "myna-card-manager.h"
#include "myna-certificate-window.h"
#include "myna-diagnostics-window.h"
#include "myna-i18n.h"
#include "myna-kiosk-private.h"
#include "myna-test-gui.h"
#include "myna-test-utils.h"
#include "myna-window.h"

/*
 * Public-terminal mode, as a library would run it: the start page, the
 * reminder to take the card, a fresh start when the card leaves or the
 * terminal sits idle, the signing certificate off, and nothing written to
 * disk. The whole program runs with a home directory of its own and the
 * keyfile settings backend, so that any write would show as a new file.
 */

static MynaApplication *app;
static char *home;
static GHashTable *files_before;

/* Every file under the private home, with its size and time. */
static void
list_files (const char *directory,
            GHashTable *files)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      GStatBuf buf;

      if (g_lstat (path, &buf) != 0)
        continue;
      g_hash_table_insert (files, g_strdup (path),
                           g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT,
                                            (gint64) buf.st_size, (gint64) buf.st_mtim.tv_sec,
                                            buf.st_mtim.tv_nsec, (gint64) buf.st_ino));
      if (S_ISDIR (buf.st_mode))
        list_files (path, files);
    }
}

typedef struct
{
  GtkWidget *window;
  gulong     handler;
  gboolean   destroyed;
} Replacement;

static void
window_destroyed_cb (GtkWidget   *window,
                     Replacement *replacement)
{
  replacement->destroyed = TRUE;
}

/* Before what should replace @window: its destruction is noted. Not by
 * comparing pointers afterwards: the new window may well be allocated
 * where the old one was. */
static void
watch_replacement (Replacement *replacement,
                   MynaWindow  *window)
{
  replacement->window = GTK_WIDGET (window);
  replacement->destroyed = FALSE;
  replacement->handler = g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed_cb), replacement);
}

static gboolean
replaced (gpointer data)
{
  Replacement *replacement = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return replacement->destroyed && windows != NULL && windows->next == NULL;
}

/* Waits until the watched window is gone and one fresh window is there. */
static gboolean
window_replaced (Replacement *replacement,
                 guint        timeout_ms)
{
  gboolean done = myna_test_gui_wait_until (replaced, replacement, timeout_ms);

  if (!replacement->destroyed)
    g_signal_handler_disconnect (replacement->window, replacement->handler);

  return done;
}

static gboolean
revealed (GtkWidget  *root,
          const char *text)
{
  GtkWidget *label = myna_test_gui_find_text (root, text);
  GtkWidget *revealer;

  if (label == NULL)
    return FALSE;
  revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);

  return revealer == NULL || gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static void
test_start_page (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  g_autofree char *screenshot = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  const MynaLanguage *languages;
  guint n_languages;
  GtkWidget *root;
  MynaWindow *window;

  g_assert_true (myna_application_get_kiosk (app));
  myna_card_manager_set_demo_inserted (manager, FALSE);
  window = myna_test_gui_open_window (app, manager, -1, -1);
  root = GTK_WIDGET (window);

  /* The start page: insert your card, and every language by its own name. */
  myna_test_gui_assert_shows (root, "Insert Your My Number Card");
  languages = myna_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *name = g_strdup_printf ("language-%s", languages[i].catalog);
      GtkWidget *button = myna_test_gui_find_shown (root, name);

      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, languages[i].endonym);
    }
  g_assert_null (myna_test_gui_find_shown (root, "demo_button"));
  g_assert_false (revealed (root, "When you are done, take your card with you."));
  /* The staff's privacy switch is not for public terminals. */
  buttons = myna_test_gui_find_all (root, GTK_TYPE_TOGGLE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_cmpstr (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), !=, "app.help-desk");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "kiosk-start");
  g_clear_pointer (&screenshot, g_free);

  /* A card: the reminder to take it, and no signing certificate. */
  myna_card_manager_set_demo_inserted (manager, TRUE);
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_manager_settled, manager, 10000));
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (root, "Within validity period until");
  g_assert_true (revealed (root, "When you are done, take your card with you."));
  g_assert_null (myna_test_gui_find_shown (root, "read_button"));
  myna_test_gui_assert_shows (root, "Not read on this public terminal");
  /* No PIN is typed at a shared terminal unless its administrator says. */
  g_assert_null (myna_test_gui_find_shown (root, "change-pin"));
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "kiosk-card");

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    /* Its administrator allows it. */
    g_settings_set_boolean (settings, "kiosk-allow-pin-change", TRUE);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
    g_assert_true (myna_test_gui_wait_until (myna_test_gui_manager_settled, manager, 10000));
    myna_test_gui_flush ();
    g_assert_nonnull (myna_test_gui_find_shown (root, "change-pin"));
    g_settings_reset (settings, "kiosk-allow-pin-change");
    g_settings_sync ();
    /* Those writes were the administrator's, not MynaCheck's. */
    g_hash_table_remove_all (files_before);
    list_files (home, files_before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

static void
test_removal (void)
{
  Replacement replacement;
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  MynaCardReport *report;
  MynaWindow *window;
  gint64 removed_at;

  window = myna_test_gui_open_window (app, manager, -1, -1);
  /* The user looked at a guide before taking the card. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guide", "s", "reset-pin");
  myna_test_gui_flush ();

  report = myna_card_manager_get_report (manager);
  g_assert_nonnull (report);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);

  watch_replacement (&replacement, window);
  removed_at = g_get_monotonic_time ();
  myna_card_manager_set_demo_inserted (manager, FALSE);
  g_assert_true (window_replaced (&replacement, 10000));
  g_test_message ("Start page back %" G_GINT64_FORMAT " ms after removal",
                  (g_get_monotonic_time () - removed_at) / 1000);
  g_assert_null (report);

  myna_test_gui_flush ();
  window = myna_test_gui_only_window (app);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (myna_test_gui_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                   ==, "card");
  myna_test_gui_assert_shows (GTK_WIDGET (window), "Insert Your My Number Card");
  g_assert_null (myna_test_gui_find_text (GTK_WIDGET (window), "Within validity period"));

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

static gboolean
state_is_set_aside (gpointer data)
{
  return myna_card_manager_get_state (data) == MYNA_CARD_STATE_SET_ASIDE;
}

/* What a key press on the terminal does: the key controller that watches
 * for use of the terminal hears it. */
static void
press_a_key (MynaWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;
  guint pressed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)), "myna-kiosk-activity") != 0)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_space, 65, 0, &handled);
      pressed++;
    }
  g_assert_cmpuint (pressed, ==, 1);
}

static void
sleep_in_main_loop (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static void
test_idle (void)
{
  Replacement replacement;
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  g_autofree char *screenshot = NULL;
  guint timeout = myna_kiosk_get_idle_timeout (myna_application_get_kiosk (app));
  MynaCardReport *report;
  MynaWindow *window;
  gint64 last_use;

  window = myna_test_gui_open_window (app, manager, -1, -1);
  report = myna_card_manager_get_report (manager);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);

  /* A user chose Spanish and looked at the calculator, then walked away
   * with the card still in. Nothing else happens: the idle clock runs from
   * the window made in Spanish. */
  watch_replacement (&replacement, window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("es"));
  g_assert_true (window_replaced (&replacement, 10000));
  g_assert_cmpstr (myna_i18n_get_language (), ==, "es");
  window = myna_test_gui_only_window (app);
  watch_replacement (&replacement, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calculator");

  /* A key pressed before the time is up starts it again. */
  sleep_in_main_loop (timeout * 1000 / 2);
  g_assert_cmpint (myna_card_manager_get_state (manager), ==, MYNA_CARD_STATE_READY);
  press_a_key (window);
  last_use = g_get_monotonic_time ();

  g_assert_true (myna_test_gui_wait_until (state_is_set_aside, manager, (timeout + 5) * 1000));
  g_assert_true (window_replaced (&replacement, 10000));
  g_test_message ("Started over %" G_GINT64_FORMAT " ms after the last key press",
                  (g_get_monotonic_time () - last_use) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - last_use, >=, (gint64) timeout * G_USEC_PER_SEC);

  /* The default language, the card's data gone, the reminder still up. */
  g_assert_null (report);
  g_assert_cmpstr (myna_i18n_get_language (), ==, "en");
  myna_test_gui_flush ();
  window = myna_test_gui_only_window (app);
  myna_test_gui_assert_shows (GTK_WIDGET (window), "Your Card Is Still in the Reader");
  g_assert_nonnull (myna_test_gui_find_shown (GTK_WIDGET (window), "language-ja"));
  g_assert_true (revealed (GTK_WIDGET (window), "When you are done, take your card with you."));
  g_assert_null (myna_test_gui_find_text (GTK_WIDGET (window), "Within validity period"));
  myna_test_gui_assert_accessible (GTK_WIDGET (window));
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (window), "kiosk-set-aside");

  /* The same user back: reading it again works. */
  g_signal_emit_by_name (myna_test_gui_assert_button (GTK_WIDGET (window), "state_button", "win.reload"),
                         "clicked");
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_manager_settled, manager, 10000));
  g_assert_cmpint (myna_card_manager_get_state (manager), ==, MYNA_CARD_STATE_READY);

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

/* The bench's endurance run shortens the idle time of a session already
 * running; the setting then takes it back. */
static void
test_idle_length (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  MynaKiosk *kiosk = myna_application_get_kiosk (app);
  guint timeout = myna_kiosk_get_idle_timeout (kiosk);
  gint64 shortened;
  MynaWindow *window;

  window = myna_test_gui_open_window (app, manager, -1, -1);
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_manager_settled, manager, 10000));
  g_assert_cmpint (myna_card_manager_get_state (manager), ==, MYNA_CARD_STATE_READY);

  shortened = g_get_monotonic_time ();
  _myna_kiosk_set_idle_timeout_ms (kiosk, 200);
  g_assert_true (myna_test_gui_wait_until (state_is_set_aside, manager, 5000));
  g_assert_cmpint (g_get_monotonic_time () - shortened, >=, 200 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (g_get_monotonic_time () - shortened, <, (gint64) timeout * G_USEC_PER_SEC);

  myna_kiosk_set_idle_timeout (kiosk, timeout + 1);
  myna_kiosk_set_idle_timeout (kiosk, timeout);
  myna_test_gui_flush ();
  window = myna_test_gui_only_window (app);
  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

static void
test_locked_down (void)
{
  Replacement replacement;
  g_autoptr(MynaCardManager) manager = myna_card_manager_new ();
  g_autoptr(MynaCardManager) demo = myna_card_manager_new_demo ("valid", NULL);
  GdkClipboard *clipboard;
  GtkWindow *diagnostics;
  GtkWindow *details;
  MynaWindow *window;
  GtkWidget *root;

  /* No demo card, no menu, no quitting, no closing: the terminal stays a
   * terminal. Here with no pcscd, on its "service" page. */
  window = myna_test_gui_open_window (app, manager, -1, -1);
  root = GTK_WIDGET (window);
  g_assert_null (myna_test_gui_find_shown (root, "demo_button"));
  g_assert_null (myna_test_gui_find_type (root, GTK_TYPE_MENU_BUTTON));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "about"));
  /* And no GTK Inspector: its keys are taken before GtkWindow sees them. */
  g_assert_true (myna_test_gui_press_shortcut (root, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (myna_test_gui_press_shortcut (root, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  myna_test_gui_flush ();
  /* Ctrl+Shift+D is Diagnostics, redacted here; its window keeps the
   * Inspector away too. */
  diagnostics = myna_test_gui_find_toplevel (MYNA_TYPE_DIAGNOSTICS_WINDOW);
  g_assert_nonnull (diagnostics);
  g_assert_true (myna_test_gui_press_shortcut (GTK_WIDGET (diagnostics), GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_diagnostics_done, diagnostics, 10000));
  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();

  /* Nothing of a card to copy, and the clipboard emptied for the next user. */
  window = myna_test_gui_open_window (app, demo, -1, -1);
  root = GTK_WIDGET (window);
  clipboard = gtk_widget_get_clipboard (root);
  gdk_clipboard_set_text (clipboard, "left by the last user");
  gtk_widget_activate_action (root, "win.show-certificate", "s", "auth");
  myna_test_gui_flush ();
  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_assert_nonnull (details);
  g_assert_true (myna_test_gui_press_shortcut (GTK_WIDGET (details), GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (myna_test_gui_press_shortcut (GTK_WIDGET (details), GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_null (myna_test_gui_find_named (GTK_WIDGET (details), "copy-fingerprint"));
  {
    g_autoptr(GPtrArray) labels = myna_test_gui_find_every (GTK_WIDGET (details), GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      g_assert_false (gtk_label_get_selectable (g_ptr_array_index (labels, i)));
  }

  /* Printing a guide opens no dialog: its Print to File would write to
   * disk and show the file system. */
  gtk_widget_activate_action (root, "win.print-guide", "s", "reset-pin");
  myna_test_gui_flush ();
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (l->data), !=, "GtkPrintUnixDialog");
  }

  watch_replacement (&replacement, window);
  myna_card_manager_set_demo_inserted (demo, FALSE);
  g_assert_true (window_replaced (&replacement, 10000));
  g_assert_null (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  g_assert_null (gdk_clipboard_get_content (clipboard));

  gtk_window_destroy (GTK_WINDOW (myna_test_gui_only_window (app)));
  myna_test_gui_flush ();
}

static void
test_language_not_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("ja"));
  myna_test_gui_flush ();
  g_assert_cmpstr (myna_i18n_get_language (), ==, "ja");
  g_assert_cmpstr (g_settings_get_string (settings, "language"), ==, "");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (""));
  myna_test_gui_flush ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  myna_test_gui_flush ();
}

/* How many files under the session's home were written, changed or
 * removed since @before. */
static guint
count_changes (GHashTable *before,
               GHashTable *after)
{
  GHashTableIter iter;
  gpointer path, stamp;
  guint changes = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &path, &stamp))
    {
      if (g_strcmp0 (g_hash_table_lookup (before, path), stamp) != 0)
        {
          g_printerr ("Written during the kiosk session: %s\n", (char *) path);
          changes++;
        }
    }
  /* Nor may one go. */
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &path, &stamp))
    {
      if (!g_hash_table_contains (after, path))
        {
          g_printerr ("Removed during the kiosk session: %s\n", (char *) path);
          changes++;
        }
    }

  return changes;
}

/* A whole session of a public terminal: a card read, its details opened,
 * another language chosen, and the card taken, which starts over. */
static void
run_session (void)
{
  Replacement replacement;
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  MynaWindow *window;

  window = myna_test_gui_open_window (app, manager, -1, -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-certificate", "s", "auth");
  myna_test_gui_flush ();
  watch_replacement (&replacement, window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("ja"));
  g_assert_true (window_replaced (&replacement, 10000));
  /* The window to watch is the one there after the main loop has run:
   * taken before, it may already be gone, and the pointer with it. */
  myna_test_gui_flush ();
  window = myna_test_gui_only_window (app);

  watch_replacement (&replacement, window);
  myna_card_manager_set_demo_inserted (manager, FALSE);
  g_assert_true (window_replaced (&replacement, 10000));
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (""));
  myna_test_gui_flush ();
  gtk_window_destroy (GTK_WINDOW (myna_test_gui_only_window (app)));
  myna_test_gui_flush ();
}

static void
test_nothing_written (void)
{
  g_autoptr(GHashTable) before_session = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) files_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* A session of its own, so that the test checks something when run
   * alone (-p /kiosk/nothing-written). */
  list_files (home, before_session);
  run_session ();
  list_files (home, files_after);
  g_test_message ("%u files under the session's home before, %u after",
                  g_hash_table_size (before_session), g_hash_table_size (files_after));
  /* The settings file is there: the comparison looked at something. */
  g_assert_cmpuint (g_hash_table_size (before_session), >=, 1);
  g_assert_cmpuint (count_changes (before_session, files_after), ==, 0);

  /* And the tests before it, when it runs after them, wrote nothing either. */
  g_assert_cmpuint (count_changes (files_before, files_after), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  /* A home of our own, and settings that would land in it as a file. */
  home = myna_test_make_private_home ();

  /* The administrator's settings, before MynaCheck starts. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "kiosk", TRUE);
  g_settings_set_uint (settings, "kiosk-idle-timeout", 5);
  g_settings_sync ();
  files_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  list_files (home, files_before);

  /* As main() does, before the display opens. */
  myna_application_prepare_environment (FALSE);
  app = myna_test_gui_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/start-page", test_start_page);
  g_test_add_func ("/kiosk/removal", test_removal);
  g_test_add_func ("/kiosk/idle", test_idle);
  g_test_add_func ("/kiosk/idle-length", test_idle_length);
  g_test_add_func ("/kiosk/locked-down", test_locked_down);
  g_test_add_func ("/kiosk/language-not-saved", test_language_not_saved);
  /* Last, so that it also covers everything above. */
  g_test_add_func ("/kiosk/nothing-written", test_nothing_written);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));
  g_clear_object (&settings);
  myna_test_remove_tree (home);
  g_clear_pointer (&home, g_free);
  g_clear_pointer (&files_before, g_hash_table_unref);

  return ret;
}
