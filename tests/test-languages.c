/* test-languages.c
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

#include <glib/gi18n.h>

#include "myna-card-manager.h"
#include "myna-guides-view.h"
#include "myna-i18n.h"
#include "myna-test-gui.h"
#include "myna-window.h"

/*
 * MynaCheck in each of its languages, under Xvfb, on a machine whose only
 * locale may be C.UTF-8: the overview and a guide at the window's default
 * size, translated, with no label ellipsized or sticking out, saved as
 * screenshots; and the switch in the Language menu, which rebuilds the
 * window without reading the card again.
 */

static MynaApplication *app;

/* A string of the page, as the catalog has it, must be on screen, and in
 * any language but English differ from the English. */
static void
assert_translated (GtkWidget  *root,
                   const char *code,
                   const char *msgid)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, msgid);

  if (!g_str_equal (code, "en") && g_str_equal (translated, msgid))
    g_error ("“%s” is not translated into %s", msgid, code);
  if (!myna_test_gui_shows_text (root, translated))
    {
      g_autofree char *shown = myna_test_gui_collect_text (root);

      g_error ("“%s” is not shown in %s. Shown:\n%s", translated, code, shown);
    }
}

static guint
count_japanese_terms (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = myna_test_gui_find_all (root, GTK_TYPE_LABEL);
  guint terms = 0;

  for (guint i = 0; i < labels->len; i++)
    terms += gtk_widget_has_css_class (g_ptr_array_index (labels, i), "ja-term");

  return terms;
}

/* po/LINGUAS, where check-translations.py makes sure every language of
 * the app is listed. */
static gboolean
has_catalog (const char *catalog)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_str_equal (catalog, "en"))
    return TRUE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), catalog))
      return TRUE;

  return FALSE;
}

static guint
count_calendar_buttons (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = myna_test_gui_find_all (root, GTK_TYPE_MENU_BUTTON);
  guint found = 0;

  for (guint i = 0; i < buttons->len; i++)
    found += g_strcmp0 (gtk_menu_button_get_icon_name (g_ptr_array_index (buttons, i)), "x-office-calendar-symbolic") == 0;

  return found;
}

static void
test_language (gconstpointer data)
{
  const MynaLanguage *language = data;
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("pin-blocked", NULL);
  g_autofree char *overview_name = g_strdup_printf ("language-%s-overview", language->catalog);
  g_autofree char *guide_name = g_strdup_printf ("language-%s-guide", language->catalog);
  g_autofree char *screenshot = NULL;
  MynaWindow *window;
  GtkWidget *root;

  if (!has_catalog (language->catalog))
    {
      g_test_skip ("not in po/LINGUAS yet");
      return;
    }

  g_assert_true (myna_i18n_set_language (language->catalog));
  g_assert_cmpstr (myna_i18n_get_language (), ==, language->code);

  window = myna_test_gui_open_window (app, manager, -1, -1);
  root = GTK_WIDGET (window);

  assert_translated (root, language->code, "Electronic Certificates");
  assert_translated (root, language->code, "Locked: no tries left");
  /* The official term beside the translation, except in Japanese. */
  g_assert_true (myna_test_gui_shows_text (root, "署名用電子証明書"));
  g_assert_cmpint (count_japanese_terms (root) > 0, ==, !g_str_equal (language->code, "ja"));
  myna_test_gui_assert_no_clipping (root);
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, overview_name);
  g_clear_pointer (&screenshot, g_free);

  gtk_widget_activate_action (root, "win.show-guide", "s", "reset-pin");
  myna_test_gui_flush ();
  assert_translated (root, language->code, "Who May Apply and What to Bring");
  g_assert_cmpint (count_japanese_terms (root) > 0, ==, !g_str_equal (language->code, "ja"));
  myna_test_gui_assert_no_clipping (root);
  screenshot = myna_test_gui_save_screenshot (root, guide_name);

  /* The shortcuts window's title is MynaCheck's, translated everywhere
   * (GTK's own "Shortcuts" is missing from some of GTK's catalogs). */
  if (!g_str_equal (language->code, "en"))
    g_assert_cmpstr (gtk_window_get_title (myna_window_get_shortcuts_window (window)), !=, "Keyboard Shortcuts");

  /* Under C.UTF-8 a calendar names months in English: in any other
   * language the two dates are typed instead. */
  gtk_widget_activate_action (root, "win.show-page", "s", "calculator");
  myna_test_gui_flush ();
  g_assert_cmpuint (count_calendar_buttons (root), ==, g_str_equal (language->code, "en") ? 2 : 0);

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
  myna_i18n_set_language (NULL);
}

static void
test_switch (void)
{
  g_autoptr(MynaCardManager) manager = myna_card_manager_new_demo ("renewal", NULL);
  MynaCardReport *report;
  MynaWindow *window;
  GVariant *state;

  if (!has_catalog ("ja"))
    {
      g_test_skip ("no Japanese catalog in po/LINGUAS yet");
      return;
    }

  window = myna_test_gui_open_window (app, manager, -1, -1);
  report = myna_card_manager_get_report (manager);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "guides");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-guide", "s", "renew-certificate");
  g_assert_true (myna_test_gui_shows_text (GTK_WIDGET (window), "Renew the electronic certificates"));

  /* From the Language menu: the window is rebuilt in Japanese. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("ja"));
  myna_test_gui_flush ();
  window = myna_test_gui_only_window (app);
  g_assert_true (myna_window_get_manager (window) == manager);
  /* The card was not read again. */
  g_assert_true (myna_card_manager_get_report (manager) == report);
  g_assert_cmpstr (myna_guides_view_get_guide (MYNA_GUIDES_VIEW (myna_test_gui_find_type (GTK_WIDGET (window), MYNA_TYPE_GUIDES_VIEW))),
                   ==, "renew-certificate");
  g_assert_false (myna_test_gui_shows_text (GTK_WIDGET (window), "Renew the electronic certificates"));
  g_assert_true (myna_test_gui_shows_text (GTK_WIDGET (window), g_dgettext (GETTEXT_PACKAGE, "Renew the electronic certificates")));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "ja");
  g_variant_unref (state);

  /* Remembered. */
  {
    g_autofree char *saved = g_settings_get_string (myna_application_get_settings (app), "language");

    g_assert_cmpstr (saved, ==, "ja");
  }

  /* And back to the system's language: English here. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (""));
  myna_test_gui_flush ();
  window = myna_test_gui_only_window (app);
  g_assert_true (myna_test_gui_shows_text (GTK_WIDGET (window), "Renew the electronic certificates"));

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

int
main (int   argc,
      char *argv[])
{
  const MynaLanguage *languages;
  guint n_languages;
  int ret;

  /* Today fixed, for the hotline hours shown (Wednesday, 10:00 JST). */
  g_setenv ("MYNACHECK_NOW", "2026-11-25T10:00:00+09:00", TRUE);
  /* No language chosen outside MynaCheck. */
  g_unsetenv ("LANGUAGE");
  app = myna_test_gui_init (&argc, &argv, "valid");

  languages = myna_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *path = g_strdup_printf ("/languages/%s", languages[i].catalog);

      g_test_add_data_func (path, &languages[i], test_language);
    }
  g_test_add_func ("/languages/switch", test_switch);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
