/* test-help-desk.c
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
#include "myna-certificate-window.h"
#include "myna-cli.h"
#include "myna-diagnostics-window.h"
#include "myna-password-dialog-private.h"
#include "myna-pin-change-dialog.h"
#include "myna-test-gui.h"
#include "myna-window.h"

/*
 * Help-desk mode: staff share their screen with a resident. No personal
 * value may reach any widget of any window, shown or hidden, nor the
 * clipboard; what the staff need comes as a status line to read aloud.
 */

static MynaApplication *app;

/* What the card holds that is the holder's own. */
static GPtrArray *
personal_values (MynaCardReport *report)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MynaHolder) holder = NULL;
  MynaCertificate *sign;

  /* The two CA certificates are J-LIS's, the same on every card. */
  for (MynaCertId id = 0; id < MYNA_N_CERTS; id++)
    {
      MynaCertificate *cert = myna_card_report_get_certificate (report, id);
      g_autoptr(GString) plain = NULL;

      if (id != MYNA_CERT_AUTH && id != MYNA_CERT_SIGN)
        continue;

      g_assert_nonnull (cert);
      g_ptr_array_add (values, g_strdup (myna_certificate_get_serial (cert)));
      g_ptr_array_add (values, g_strdup (myna_certificate_get_common_name (cert)));
      /* The fingerprint, with its colons or without. */
      g_ptr_array_add (values, g_strndup (myna_certificate_get_sha256 (cert), 11));
      plain = g_string_new (myna_certificate_get_sha256 (cert));
      g_string_replace (plain, ":", "", 0);
      g_ptr_array_add (values, g_strndup (plain->str, 8));
    }

  sign = myna_card_report_get_certificate (report, MYNA_CERT_SIGN);
  holder = myna_certificate_get_holder (sign, NULL);
  g_assert_nonnull (holder);
  g_ptr_array_add (values, g_strdup (holder->name));
  g_ptr_array_add (values, g_strdup (holder->address));
  g_ptr_array_add (values, g_strdup (holder->birth_date_raw));
  g_ptr_array_add (values, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&holder->birth_date),
                                            g_date_get_month (&holder->birth_date),
                                            g_date_get_day (&holder->birth_date)));
  /* The town in the signing certificate's subject. */
  g_ptr_array_add (values, g_strdup ("Mihon-shi"));

  return values;
}

static void
assert_nothing_personal (const char *where,
                         const char *text,
                         GPtrArray  *values)
{
  if (text == NULL)
    return;

  for (guint i = 0; i < values->len; i++)
    if (strstr (text, g_ptr_array_index (values, i)) != NULL)
      g_error ("%s shows “%s”: “%s”", where, (char *) g_ptr_array_index (values, i), text);
}

/* Every label, entry and tooltip of every window, shown or not. */
static guint
assert_no_window_shows (GPtrArray *values)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint checked = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      g_autoptr(GPtrArray) widgets = myna_test_gui_find_every (l->data, GTK_TYPE_WIDGET);
      const char *type = G_OBJECT_TYPE_NAME (l->data);

      assert_nothing_personal (type, gtk_window_get_title (l->data), values);
      for (guint i = 0; i < widgets->len; i++)
        {
          GtkWidget *widget = g_ptr_array_index (widgets, i);

          if (GTK_IS_LABEL (widget))
            assert_nothing_personal (type, gtk_label_get_label (GTK_LABEL (widget)), values);
          else if (GTK_IS_EDITABLE (widget))
            assert_nothing_personal (type, gtk_editable_get_text (GTK_EDITABLE (widget)), values);
          assert_nothing_personal (type, gtk_widget_get_tooltip_text (widget), values);
          checked++;
        }
    }

  return checked;
}

static gboolean
privacy_banner_gone (gpointer root)
{
  return myna_test_gui_find_text (root, "Privacy on") == NULL;
}

/* The report is redacted, and cannot be switched to unredacted. */
static void
check_report_redacted (GtkWindow *diagnostics,
                       GPtrArray *values)
{
  g_autofree char *report_text = NULL;

  report_text = myna_diagnostics_window_build_report (MYNA_DIAGNOSTICS_WINDOW (diagnostics));
  g_assert_nonnull (strstr (report_text, "Redacted: yes"));
  assert_nothing_personal ("The diagnostics report", report_text, values);
  g_assert_false (gtk_widget_get_sensitive (myna_test_gui_find_type (GTK_WIDGET (diagnostics), GTK_TYPE_SWITCH)));
  gtk_window_destroy (diagnostics);
}

/* Privacy off: the windows that showed the card masked close, and the
 * holder can be shown again. */
static void
switch_privacy_off_and_on (GtkWidget *root,
                           GPtrArray *values)
{
  GtkWindow *details;

  g_action_group_change_action_state (G_ACTION_GROUP (app), "help-desk", g_variant_new_boolean (FALSE));
  myna_test_gui_flush ();
  g_assert_null (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  /* The banner slides away. */
  g_assert_true (myna_test_gui_wait_until (privacy_banner_gone, root, 10000));
  gtk_widget_activate_action (root, "win.show-certificate", "s", "sign");
  myna_test_gui_flush ();
  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_assert_nonnull (myna_test_gui_find_text (GTK_WIDGET (details), "見本"));

  /* And on again, from the header: the details window goes at once. */
  g_assert_true (gtk_widget_activate_action (root, "app.help-desk", NULL));
  myna_test_gui_flush ();
  g_assert_true (myna_application_get_help_desk (app));
  g_assert_null (myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW));
  assert_no_window_shows (values);
}

static void
test_help_desk (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *copied = NULL;
  GtkWindow *details;
  GtkWindow *diagnostics;
  MynaWindow *window;
  GtkWidget *root;
  guint checked;

  g_action_group_change_action_state (G_ACTION_GROUP (app), "help-desk", g_variant_new_boolean (TRUE));
  g_assert_true (myna_application_get_help_desk (app));

  window = myna_test_gui_open_window (app, manager, 900, 1400);
  root = GTK_WIDGET (window);

  /* With the signing certificate read, the holder is in memory. */
  myna_test_gui_read_signing_certificate (manager, "MYNA2026");
  myna_test_gui_flush ();
  values = personal_values (myna_card_manager_get_report (manager));

  /* Privacy on, plainly, and the line to read aloud. */
  g_assert_nonnull (myna_test_gui_find_text (root, "Privacy on"));
  g_assert_nonnull (myna_test_gui_find_text (root, "Read aloud: AUTH 3/3 · SIGN 5/5 · INFO 3/3 · JUKI 3/3 · renewal opens "));
  gtk_widget_activate_action (root, "win.copy-status-line", NULL);
  copied = myna_test_gui_clipboard_text (gtk_widget_get_clipboard (root));
  g_assert_true (g_str_has_prefix (copied, "AUTH 3/3 · SIGN 5/5"));
  assert_nothing_personal ("The copied status line", copied, values);

  /* Every certificate's details open at once, and the diagnostics. */
  for (MynaCertId id = 0; id < MYNA_N_CERTS; id++)
    gtk_widget_activate_action (root, "win.show-certificate", "s", myna_cert_id_to_string (id));
  gtk_widget_activate_action (root, "win.diagnostics", NULL);
  diagnostics = myna_test_gui_find_toplevel (MYNA_TYPE_DIAGNOSTICS_WINDOW);
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_diagnostics_done, diagnostics, 10000));
  myna_test_gui_flush ();

  checked = assert_no_window_shows (values);
  g_test_message ("%u widgets checked for %u personal values", checked, values->len);
  details = myna_test_gui_find_toplevel (MYNA_TYPE_CERTIFICATE_WINDOW);
  g_assert_nonnull (details);
  g_assert_true (myna_test_gui_shows_text (GTK_WIDGET (details), "Hidden (privacy on)"));
  g_assert_null (myna_test_gui_find_named (GTK_WIDGET (details), "copy-fingerprint"));

  check_report_redacted (diagnostics, values);

  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "help-desk");
  g_clear_pointer (&screenshot, g_free);
  gtk_window_set_default_size (details, 700, 1400);
  myna_test_gui_flush ();
  screenshot = myna_test_gui_save_screenshot (GTK_WIDGET (details), "help-desk-certificate");

  switch_privacy_off_and_on (root, values);

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

static void
test_password_length (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("valid", NULL);
  MynaPasswordDialog *dialog;
  GtkEditable *entry;
  GtkEditable *text;
  MynaWindow *window;

  myna_application_set_help_desk (app, TRUE);
  window = myna_test_gui_open_window (app, manager, -1, -1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.read-signing-certificate", NULL);
  myna_test_gui_flush ();
  dialog = MYNA_PASSWORD_DIALOG (myna_test_gui_find_toplevel (MYNA_TYPE_PASSWORD_DIALOG));
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (myna_test_gui_find_type (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW));

  /* Nothing on screen grows with what is typed: no dots, no count. */
  text = gtk_editable_get_delegate (entry);
  g_assert_true (GTK_IS_TEXT (text));
  g_assert_cmpuint (gtk_text_get_invisible_char (GTK_TEXT (text)), ==, 0);
  gtk_editable_set_text (entry, "ab1");
  g_assert_cmpstr (_myna_password_dialog_get_hint (dialog), ==, "Not yet the right format: 6 to 16 letters and digits.");
  gtk_editable_set_text (entry, "ABCDEFGHIJ1234567");
  g_assert_cmpstr (_myna_password_dialog_get_hint (dialog), ==, "Not the right format: 6 to 16 letters and digits.");
  gtk_editable_set_text (entry, "");

  /* And no way to show the text. */
  myna_test_gui_assert_secret_hidden (entry);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The same for the three fields of a PIN change, and no count in its
   * hints either. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.change-pin", "s", "auth");
  myna_test_gui_flush ();
  {
    GtkWindow *change = myna_test_gui_find_toplevel (MYNA_TYPE_PIN_CHANGE_DIALOG);
    const char *rows[] = { "current", "new", "repeat" };

    g_assert_nonnull (change);
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        GtkEditable *row = GTK_EDITABLE (myna_test_gui_find_named (GTK_WIDGET (change), rows[i]));

        g_assert_cmpuint (gtk_text_get_invisible_char (GTK_TEXT (gtk_editable_get_delegate (row))), ==, 0);
        myna_test_gui_assert_secret_hidden (row);
      }
    gtk_editable_set_text (GTK_EDITABLE (myna_test_gui_find_named (GTK_WIDGET (change), "current")), "12");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (myna_test_gui_find_named (GTK_WIDGET (change), "hint"))), ==,
                     "Current PIN: Not yet the right format: 4 digits.");
    gtk_window_destroy (change);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
  myna_application_set_help_desk (app, FALSE);
}

static void
test_options (void)
{
  g_autoptr(MynaOptions) options = myna_options_new ();
  char *argv[] = { (char *) "mynacheck", (char *) "--help-desk", (char *) "--kiosk", NULL };

  g_assert_cmpint (myna_options_parse (options, 3, argv), <, 0);
  g_assert_true (options->help_desk);
  g_assert_true (options->kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_gui_init (&argc, &argv, NULL);

  g_test_add_func ("/help-desk/options", test_options);
  g_test_add_func ("/help-desk/no-personal-value", test_help_desk);
  g_test_add_func ("/help-desk/password-length", test_password_length);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
