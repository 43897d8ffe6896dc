/* test-privacy.c
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
#include "myna-diagnostics-window.h"
#include "myna-guidance.h"
#include "myna-test-gui.h"
#include "myna-test-utils.h"
#include "myna-window.h"

/*
 * A whole session at home, in a home directory of its own with settings in
 * a file: read the signing certificate, open every details window and the
 * diagnostics, copy the unredacted report, change the language, take the
 * card out. Whatever MynaCheck wrote, no byte of it may be the holder's
 * name, address or birth date, a certificate's serial, CN or fingerprint.
 */

static MynaApplication *app;
static char *home;

static void
add_value (GPtrArray  *values,
           const char *value)
{
  if (value != NULL && strlen (value) >= 4)
    g_ptr_array_add (values, g_strdup (value));
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *value)
{
  gsize value_length = strlen (value);

  for (gsize i = 0; i + value_length <= length; i++)
    if (memcmp (data + i, value, value_length) == 0)
      return TRUE;

  return FALSE;
}

/* Every file under @directory that holds one of @values. */
static guint
scan (const char *directory,
      GPtrArray  *values,
      guint      *files)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint found = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          found += scan (path, values, files);
          continue;
        }
      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      (*files)++;
      g_test_message ("Written: %s (%" G_GSIZE_FORMAT " bytes)", path, length);
      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);

          if (contains (contents, length, value))
            {
              g_printerr ("%s holds “%s”\n", path, value);
              found++;
            }
        }
    }

  return found;
}

static void
test_home_session (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MynaHolder) holder = NULL;
  g_autofree char *report_text = NULL;
  GtkWindow *diagnostics;
  MynaCardReport *report;
  MynaWindow *window;
  guint files = 0;

  window = myna_test_gui_open_window (app, manager, -1, -1);

  myna_test_gui_read_signing_certificate (manager, "MYNA2026");
  myna_test_gui_flush ();

  report = myna_card_manager_get_report (manager);
  for (MynaCertId id = 0; id < MYNA_N_CERTS; id++)
    {
      MynaCertificate *cert = myna_card_report_get_certificate (report, id);
      GString *bare;

      g_assert_nonnull (cert);
      if (id != MYNA_CERT_AUTH && id != MYNA_CERT_SIGN)
        continue;

      add_value (values, myna_certificate_get_serial (cert));
      add_value (values, myna_certificate_get_common_name (cert));
      add_value (values, myna_certificate_get_sha256 (cert));
      /* The fingerprint without its colons, too. */
      bare = g_string_new (myna_certificate_get_sha256 (cert));
      g_string_replace (bare, ":", "", 0);
      g_ptr_array_add (values, g_string_free (bare, FALSE));
    }
  holder = myna_certificate_get_holder (myna_card_report_get_certificate (report, MYNA_CERT_SIGN), NULL);
  g_assert_nonnull (holder);
  add_value (values, holder->name);
  add_value (values, holder->address);
  add_value (values, holder->birth_date_raw);
  {
    g_autofree char *shown = myna_format_date (&holder->birth_date);

    /* As the window shows it. */
    add_value (values, shown);
  }
  g_assert_cmpuint (values->len, >=, 12);

  /* Everything a user might open or copy. */
  for (MynaCertId id = 0; id < MYNA_N_CERTS; id++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-certificate", "s", myna_cert_id_to_string (id));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.diagnostics", NULL);
  diagnostics = myna_test_gui_find_toplevel (MYNA_TYPE_DIAGNOSTICS_WINDOW);
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_diagnostics_done, diagnostics, 10000));
  gtk_switch_set_active (GTK_SWITCH (myna_test_gui_find_type (GTK_WIDGET (diagnostics), GTK_TYPE_SWITCH)), FALSE);
  report_text = myna_diagnostics_window_build_report (MYNA_DIAGNOSTICS_WINDOW (diagnostics));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), report_text);
  myna_test_gui_flush ();

  /* A remembered choice: the one thing MynaCheck writes. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("ja"));
  myna_test_gui_flush ();
  g_settings_sync ();

  myna_card_manager_set_demo_inserted (manager, FALSE);
  myna_test_gui_flush ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  myna_test_gui_flush ();

  g_assert_cmpuint (scan (home, values, &files), ==, 0);
  /* It did write something, so the scan looked at real files. */
  g_assert_cmpuint (files, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  home = myna_test_make_private_home ();

  myna_application_prepare_environment (FALSE);
  app = myna_test_gui_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/home-session", test_home_session);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));
  myna_test_remove_tree (home);
  g_clear_pointer (&home, g_free);

  return ret;
}
