/* myna-clock.c
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

#define G_LOG_DOMAIN "mynacheck-card"

#include "config.h"

#include "myna-clock.h"

/**
 * myna_clock_get_jst:
 *
 * Japan Standard Time is UTC+9 with no daylight saving time since 1951, so
 * a fixed offset is exact and does not depend on the machine's tzdata or
 * time zone.
 *
 * Returns: (transfer none): the JST time zone
 */
GTimeZone *
myna_clock_get_jst (void)
{
  static gsize jst;

  if (g_once_init_enter (&jst))
    g_once_init_leave (&jst, (gsize) g_time_zone_new_identifier ("+09:00"));

  return (GTimeZone *) jst;
}

/**
 * myna_clock_now_jst:
 *
 * The current time in JST. The environment variable MYNACHECK_NOW, an ISO
 * 8601 date-time such as 2026-05-20T10:00:00+09:00, replaces the clock so
 * that tests and screenshots can pin the date.
 *
 * Returns: (transfer full): the current time in JST
 */
GDateTime *
myna_clock_now_jst (void)
{
  const char *fixed = g_getenv ("MYNACHECK_NOW");

  if (fixed != NULL && fixed[0] != '\0')
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (fixed, myna_clock_get_jst ());

      if (parsed != NULL)
        return g_date_time_to_timezone (parsed, myna_clock_get_jst ());

      g_warning ("MYNACHECK_NOW=%s is not an ISO 8601 date-time; using the real clock", fixed);
    }

  return g_date_time_new_now (myna_clock_get_jst ());
}

GDateTime *
myna_clock_date_jst (int year,
                     int month,
                     int day,
                     int hour,
                     int minute,
                     int second)
{
  return g_date_time_new (myna_clock_get_jst (), year, month, day, hour, minute, second);
}
