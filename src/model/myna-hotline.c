/* myna-hotline.c
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
#include <string.h>

#include "myna-clock.h"
#include "myna-hotline.h"

#define SEED_001 "001_c8d8d414fb2b3419.txt"

static const MynaHotline hotlines[] = {
  /* Seed 001: "マイナンバー総合フリーダイヤル:(無料)0120-95-0178", 24 hours
   * a day, every day, for loss and suspension. */
  { "free-dial", "0120-95-0178", "マイナンバー総合フリーダイヤル",
    N_("Free, 24 hours a day, every day, for a lost card and its suspension"), TRUE, FALSE, SEED_001 },
  /* Seeds 000 and 001: "個人番号カードコールセンター:(有料)0570-783-578". */
  { "call-center", "0570-783-578", "個人番号カードコールセンター",
    N_("Charged"), FALSE, FALSE, SEED_001 },
  /* Seed 001: "上記が2つがつながらない場合:(有料)050-3818-1250". */
  { "fallback", "050-3818-1250", "上記2つがつながらない場合",
    N_("Charged; when the two lines above cannot be reached"), FALSE, FALSE, SEED_001 },
  /* Seed 001: "外国語対応のフリーダイヤル:(無料)0120-0178-27". */
  { "foreign-languages", "0120-0178-27", "外国語対応のフリーダイヤル",
    N_("Free, in English, Chinese, Korean, Spanish, Portuguese, Thai, Nepali, Indonesian, Vietnamese and Tagalog; hours depend on the language"),
    TRUE, TRUE, SEED_001 },
  /* Seed 001: "上記の外国語がつながらない場合:(有料)0570-064-738". */
  { "foreign-languages-fallback", "0570-064-738", "上記の外国語がつながらない場合",
    N_("Charged; when the foreign-language line cannot be reached"), FALSE, TRUE, SEED_001 },
};

/* Seed 001: "英語、中国語、韓国語、スペイン語、ポルトガル語は、24時間対応 /
 * タイ語、ネパール語、インドネシア語は、9時から18時 / ベトナム語、タガログ語
 * は、10時から19時", under "24時間365日対応している以下の電話番号". The 24-hour
 * languages are taken to answer every day. For the others the seed gives
 * hours but no days: whether they answer on public holidays or over New
 * Year no source says (review H10). myna_hotline_is_open() assumes every
 * day, and every text built on it says that holidays may differ. */
static const MynaHotlineHours hours[] = {
  { "en", 0, 24, TRUE, SEED_001 },
  { "zh", 0, 24, TRUE, SEED_001 },
  { "ko", 0, 24, TRUE, SEED_001 },
  { "es", 0, 24, TRUE, SEED_001 },
  { "pt", 0, 24, TRUE, SEED_001 },
  { "th", 9, 18, FALSE, SEED_001 },
  { "ne", 9, 18, FALSE, SEED_001 },
  { "id", 9, 18, FALSE, SEED_001 },
  { "vi", 10, 19, FALSE, SEED_001 },
  { "tl", 10, 19, FALSE, SEED_001 },
  /* Japanese: the free dial for loss and suspension, "365日24時間" (seeds
   * 001, 002). */
  { "ja", 0, 24, TRUE, SEED_001 },
};

/**
 * myna_hotlines_get:
 * @n_hotlines: (out): how many there are
 *
 * Returns: (array length=n_hotlines): the national lines, in the order to
 *   try them
 */
const MynaHotline *
myna_hotlines_get (guint *n_hotlines)
{
  *n_hotlines = G_N_ELEMENTS (hotlines);

  return hotlines;
}

const MynaHotline *
myna_hotline_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (hotlines); i++)
    {
      if (g_strcmp0 (hotlines[i].id, id) == 0)
        return &hotlines[i];
    }

  return NULL;
}

const char *
myna_hotline_get_description (const MynaHotline *hotline)
{
  g_return_val_if_fail (hotline != NULL, NULL);

  return _(hotline->description);
}

static char *
language_code (const char *language)
{
  /* "pt_BR", "zh-CN", "tl_PH.UTF-8" → "pt", "zh", "tl"; "fil" is Tagalog. */
  gsize length = strcspn (language, "_-.@");
  g_autofree char *code = g_ascii_strdown (language, length);

  if (g_str_equal (code, "fil"))
    return g_strdup ("tl");

  return g_steal_pointer (&code);
}

/**
 * myna_hotline_hours_for_language:
 * @language: a language code, such as "th" or "pt_BR"
 *
 * Returns: (nullable): when a line answers in @language, or %NULL when no
 *   line does
 */
const MynaHotlineHours *
myna_hotline_hours_for_language (const char *language)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  code = language_code (language);
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      if (g_str_equal (hours[i].language, code))
        return &hours[i];
    }

  return NULL;
}

/**
 * myna_hotline_is_open:
 * @language: a language code
 * @moment: when
 * @next_opening: (out) (optional) (nullable) (transfer full): when the line
 *   next opens, in JST; %NULL when it is open now or never answers in
 *   @language
 *
 * Whether the line for @language answers at @moment. Hours are Japan time
 * whatever the time zone of @moment or of the machine.
 *
 * Returns: %TRUE if it answers at @moment
 */
gboolean
myna_hotline_is_open (const char  *language,
                      GDateTime   *moment,
                      GDateTime  **next_opening)
{
  const MynaHotlineHours *line;
  g_autoptr(GDateTime) jst = NULL;
  g_autoptr(GDateTime) opening = NULL;
  int hour;

  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (moment != NULL, FALSE);

  if (next_opening != NULL)
    *next_opening = NULL;

  line = myna_hotline_hours_for_language (language);
  if (line == NULL)
    return FALSE;

  if (line->opens_at == 0 && line->closes_at == 24)
    return TRUE;

  jst = g_date_time_to_timezone (moment, myna_clock_get_jst ());
  hour = g_date_time_get_hour (jst);

  if (hour >= (int) line->opens_at && hour < (int) line->closes_at)
    return TRUE;

  if (next_opening != NULL)
    {
      opening = myna_clock_date_jst (g_date_time_get_year (jst), g_date_time_get_month (jst),
                                     g_date_time_get_day_of_month (jst), line->opens_at, 0, 0);
      if (hour >= (int) line->closes_at)
        {
          GDateTime *tomorrow = g_date_time_add_days (opening, 1);

          g_date_time_unref (opening);
          opening = tomorrow;
        }
      *next_opening = g_steal_pointer (&opening);
    }

  return FALSE;
}

/**
 * myna_hotline_format_hours:
 * @language: a language code
 *
 * Returns: (transfer full) (nullable): the hours of the line in @language,
 *   e.g. "9:00–18:00 (Japan time)", or %NULL when no line answers in it
 */
char *
myna_hotline_format_hours (const char *language)
{
  const MynaHotlineHours *line = myna_hotline_hours_for_language (language);

  if (line == NULL)
    return NULL;

  if (line->opens_at == 0 && line->closes_at == 24)
    return g_strdup (_("24 hours a day"));

  /* Translators: opening hours of a phone line, in Japan Standard Time.
   * Keep the 24-hour clock so that the times are unambiguous. */
  return g_strdup_printf (_("%u:00–%u:00 (Japan time)"), line->opens_at, line->closes_at);
}

/**
 * myna_hotline_describe_now:
 * @language: a language code
 * @moment: when
 *
 * Says whether a line answers in @language at @moment, for the lost-card
 * guide. Where the source gives hours but no days, the text says that
 * holidays may differ: the app must not state as fact that such a line is
 * open on a holiday.
 *
 * Returns: (transfer full): the text
 */
char *
myna_hotline_describe_now (const char *language,
                           GDateTime  *moment)
{
  const MynaHotlineHours *line;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *code = NULL;
  g_autofree char *hours_text = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (moment != NULL, NULL);

  code = language_code (language);
  if (g_str_equal (code, "ja"))
    return g_strdup (_("The free dial takes calls about a lost card 24 hours a day, every day."));

  line = myna_hotline_hours_for_language (language);
  if (line == NULL)
    return g_strdup (_("No line takes calls in your language; the foreign-language line takes calls in English 24 hours a day."));

  hours_text = myna_hotline_format_hours (language);
  if (line->every_day)
    /* Translators: %s is the line's hours, e.g. "24 hours a day". */
    return g_strdup_printf (_("The foreign-language line takes calls in your language now. Hours: %s."), hours_text);

  if (myna_hotline_is_open (language, moment, &next))
    /* Translators: %s is the line's hours, e.g. "9:00–18:00 (Japan time)".
     * The source gives no days for these hours: keep "may differ". */
    return g_strdup_printf (_("The foreign-language line takes calls in your language now; its hours: %s. Hours on public holidays and over New Year may differ."),
                            hours_text);

  {
    g_autofree char *when = g_date_time_format (next, "%H:%M");

    /* Translators: %s is a time in Japan, e.g. "09:00", then the hours.
     * The source gives no days for these hours: keep "may differ". */
    return g_strdup_printf (_("The foreign-language line is outside its hours in your language now; the line opens again at %s (Japan time). Hours: %s. Hours on public holidays and over New Year may differ. Calls in English are taken 24 hours a day."),
                            when, hours_text);
  }
}
