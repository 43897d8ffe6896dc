/* test-i18n.c
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

#include "myna-i18n.h"

/* As main() starts: myna_i18n_init() first, on a machine whose only
 * locale is C.UTF-8 and with no language chosen, so in English. Each
 * test is a process of its own (see main()). */
static void
start_in_english (void)
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  myna_i18n_init (g_getenv ("MYNACHECK_LOCALEDIR"));
}

static void
test_switch_from_english (void)
{
  start_in_english ();

  /* English on the first screen: the plain and the counted strings. */
  g_assert_cmpstr (_("Renew the electronic certificates"), ==, "Renew the electronic certificates");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d try left of %d", "%d tries left of %d", 2), ==,
                   "%d tries left of %d");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Renew the electronic certificates"), ==,
                   "Renew the electronic certificates");

  /* Japanese from the menu: every way of translating follows. */
  g_assert_true (myna_i18n_set_language ("ja"));
  g_assert_cmpstr (_("Renew the electronic certificates"), ==, "電子証明書の更新");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Renew the electronic certificates"), ==, "電子証明書の更新");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d try left of %d", "%d tries left of %d", 2), !=,
                   "%d tries left of %d");

  /* And back. */
  g_assert_true (myna_i18n_set_language (NULL));
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Renew the electronic certificates"), ==,
                   "Renew the electronic certificates");
}

static void
test_language_exists_from_start (void)
{
  start_in_english ();

  /* Card threads translate messages: a switch must only replace
   * LANGUAGE's value, never add the variable (see myna_i18n_init()). */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "");
  g_assert_true (myna_i18n_set_language ("th"));
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "th");
  g_assert_true (myna_i18n_set_language (NULL));
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "");
}

static void
test_calendar_language (void)
{
  start_in_english ();

  /* The C library names months in English under C.UTF-8: right for the
   * English window, wrong for any other (the date row then offers no
   * calendar, only typing). */
  g_assert_true (myna_i18n_time_names_speak_language ());
  g_assert_true (myna_i18n_set_language ("th"));
  g_assert_false (myna_i18n_time_names_speak_language ());
  g_assert_true (myna_i18n_set_language ("en"));
  g_assert_true (myna_i18n_time_names_speak_language ());
}

static void
run_in_subprocess (gconstpointer data)
{
  const char *path = data;

  if (g_test_subprocess ())
    {
      if (g_str_equal (path, "/i18n/switch-from-english"))
        test_switch_from_english ();
      else if (g_str_equal (path, "/i18n/calendar-language"))
        test_calendar_language ();
      else
        test_language_exists_from_start ();
      return;
    }

  /* GLib's and gettext's choices are made once per process. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/i18n/switch-from-english", "/i18n/switch-from-english", run_in_subprocess);
  g_test_add_data_func ("/i18n/language-exists-from-start", "/i18n/language-exists-from-start",
                        run_in_subprocess);
  g_test_add_data_func ("/i18n/calendar-language", "/i18n/calendar-language", run_in_subprocess);

  return g_test_run ();
}
