/* myna-i18n.c
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

#define G_LOG_DOMAIN "mynacheck-model"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <locale.h>

#include "myna-i18n.h"

/*
 * The languages MynaCheck speaks and the switch between them.
 *
 * gettext follows LANGUAGE, so switching is setting LANGUAGE and telling
 * gettext to forget what it cached. glibc ignores LANGUAGE in the C locale
 * but not in C.UTF-8, which glibc 2.35 and later always have: so MynaCheck
 * moves from C to C.UTF-8 at start, and any language works on a machine
 * whose only locale is C.UTF-8.
 */

/* Translations of GTK and libadwaita ("Cancel", "Show Text") follow too:
 * they read the same LANGUAGE. */
extern int _nl_msg_cat_cntr;

/* The languages of the national foreign-language hotline, plus Japanese;
 * each named in itself. */
static const MynaLanguage languages[] = {
  { "ja", "ja",    "日本語" },
  { "en", "en",    "English" },
  { "zh", "zh_CN", "简体中文" },
  { "ko", "ko",    "한국어" },
  { "es", "es",    "Español" },
  { "pt", "pt_BR", "Português" },
  { "th", "th",    "ไทย" },
  { "ne", "ne",    "नेपाली" },
  { "id", "id",    "Bahasa Indonesia" },
  { "vi", "vi",    "Tiếng Việt" },
  { "tl", "tl",    "Tagalog" },
};

static char *system_language;   /* LANGUAGE as MynaCheck found it, or NULL */
static char *chosen;            /* a catalog name, or NULL for the system's */

/**
 * myna_i18n_init:
 * @localedir: where the catalogs are
 *
 * Sets the locale from the environment and binds MynaCheck's catalogs.
 * Call it once, first thing in main().
 */
void
myna_i18n_init (const char *localedir)
{
  const char *catalog_header = "";
  const char *messages;

  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    {
      /* Keeps the rest of the environment's choices, as far as C goes. */
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        g_debug ("No C.UTF-8 locale: languages other than English need a system locale");
    }

  system_language = g_strdup (g_getenv ("LANGUAGE"));
  /* Switching languages later only replaces this variable's value, never
   * adds it: adding one may move the environment while a card thread's
   * gettext reads it. An empty LANGUAGE is no choice to gettext. */
  if (system_language == NULL)
    g_setenv ("LANGUAGE", "", TRUE);

  /* GLib decides at the first g_dgettext() whether to translate at all,
   * for good: not when textdomain() has been set, the default domain has
   * no catalog for the language and the locale is neither C nor English —
   * which is MynaCheck started in English under C.UTF-8, and then counts
   * (g_dngettext()), guides and GTK's own strings would stay English after
   * the menu switches language. Asked before textdomain(), it translates.
   * (What is asked does not matter: a variable keeps it out of xgettext,
   * for which "" is a catalog's header.) */
  g_dgettext (GETTEXT_PACKAGE, catalog_header);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * myna_i18n_get_languages:
 * @n_languages: (out): how many
 *
 * Returns: (transfer none) (array length=n_languages): every language
 *   MynaCheck speaks, Japanese and English first
 */
const MynaLanguage *
myna_i18n_get_languages (guint *n_languages)
{
  *n_languages = G_N_ELEMENTS (languages);

  return languages;
}

/**
 * myna_i18n_find_language:
 * @code: an ISO 639-1 code or a catalog name ("pt", "pt_BR")
 *
 * Returns: (nullable): the language, or %NULL if MynaCheck does not speak it
 */
const MynaLanguage *
myna_i18n_find_language (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (code, languages[i].code) || g_str_equal (code, languages[i].catalog))
        return &languages[i];
    }
  /* Filipino is Tagalog here: the hotline says "Tagalog". */
  if (g_str_equal (code, "fil"))
    return myna_i18n_find_language ("tl");

  return NULL;
}

/**
 * myna_i18n_set_language:
 * @code: (nullable): a language code or catalog name, or %NULL or "" for
 *   the system's language
 *
 * Switches the language of every string translated from now on. Windows
 * built before keep their texts: rebuild them.
 *
 * Returns: %FALSE if MynaCheck does not speak @code
 */
gboolean
myna_i18n_set_language (const char *code)
{
  const MynaLanguage *language = NULL;

  if (code != NULL && *code != '\0')
    {
      language = myna_i18n_find_language (code);
      if (language == NULL)
        return FALSE;
    }

  g_free (chosen);
  chosen = language != NULL ? g_strdup (language->catalog) : NULL;

  /* A card thread may be translating a message meanwhile: LANGUAGE exists
   * since myna_i18n_init(), and glibc swaps the value of an existing
   * variable without moving the environment or freeing the old value. */
  if (chosen != NULL)
    {
      /* English is the source: an "en" that is not found falls back to the
       * msgids, which is what "English" means. */
      g_setenv ("LANGUAGE", chosen, TRUE);
    }
  else if (system_language != NULL)
    {
      g_setenv ("LANGUAGE", system_language, TRUE);
    }
  else
    {
      g_setenv ("LANGUAGE", "", TRUE);
    }

  /* Makes gettext forget the translations it looked up. */
  ++_nl_msg_cat_cntr;

  return TRUE;
}

/**
 * myna_i18n_get_chosen_language:
 *
 * Returns: (nullable): the catalog name chosen in MynaCheck, or %NULL when
 *   MynaCheck follows the system
 */
const char *
myna_i18n_get_chosen_language (void)
{
  return chosen;
}

/**
 * myna_i18n_get_language:
 *
 * Returns: the ISO 639-1 code of the language MynaCheck speaks now, "en"
 *   when it speaks none of its translations
 */
const char *
myna_i18n_get_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *code = g_strndup (names[i], strcspn (names[i], "_.@"));
      const MynaLanguage *language = myna_i18n_find_language (code);

      if (language != NULL)
        return language->code;
    }

  return "en";
}

/**
 * myna_i18n_time_names_speak_language:
 *
 * GtkCalendar names months and weekdays, and writes the year, with the C
 * library's time locale, not with MynaCheck's catalogs: on a machine whose
 * only locale is C.UTF-8 they are English whatever MynaCheck speaks, and
 * the Thai year comes out wrong.
 *
 * Returns: whether the time locale is in the language MynaCheck speaks
 */
gboolean
myna_i18n_time_names_speak_language (void)
{
  const char *time_locale = setlocale (LC_TIME, NULL);
  g_autofree char *time_language = NULL;

  if (time_locale == NULL)
    return FALSE;

  time_language = g_strndup (time_locale, strcspn (time_locale, "_.@"));
  if (g_str_equal (time_language, "C") || g_str_equal (time_language, "POSIX"))
    return g_str_equal (myna_i18n_get_language (), "en");

  return g_str_equal (time_language, myna_i18n_get_language ());
}

/**
 * myna_i18n_shows_japanese_terms:
 *
 * Returns: whether to show the official Japanese term beside a translated
 *   one: in every language but Japanese, so that a resident can point at it
 *   at the counter
 */
gboolean
myna_i18n_shows_japanese_terms (void)
{
  return !g_str_equal (myna_i18n_get_language (), "ja");
}
