/* myna-hotline.h
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

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A phone line for the My Number card (seed 001). */
typedef struct
{
  const char *id;
  const char *number;
  const char *name_ja;       /* the official name, never translated */
  const char *description;   /* translatable, see myna_hotline_get_description() */
  gboolean    free_of_charge;
  gboolean    foreign_languages;
  const char *source;
} MynaHotline;

/* When the foreign-language line answers in one language, in JST. */
typedef struct
{
  const char *language;      /* ISO 639-1 */
  guint       opens_at;      /* hour, JST */
  guint       closes_at;     /* hour, JST; 24 with opens_at 0 means all day */
  gboolean    every_day;     /* the source says every day ("365日"); else assumed */
  const char *source;
} MynaHotlineHours;

const MynaHotline      *myna_hotlines_get                (guint       *n_hotlines);
const MynaHotline      *myna_hotline_lookup              (const char  *id);
const char             *myna_hotline_get_description     (const MynaHotline *hotline);
const MynaHotlineHours *myna_hotline_hours_for_language  (const char  *language);
gboolean                myna_hotline_is_open             (const char  *language,
                                                          GDateTime   *moment,
                                                          GDateTime  **next_opening);
char                   *myna_hotline_format_hours        (const char  *language);
char                   *myna_hotline_describe_now        (const char  *language,
                                                          GDateTime   *moment);

G_END_DECLS
