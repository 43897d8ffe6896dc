/* myna-i18n.h
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

typedef struct
{
  const char *code;     /* ISO 639-1 */
  const char *catalog;  /* the gettext catalog, as in po/LINGUAS */
  const char *endonym;  /* the language's name in itself */
} MynaLanguage;

void                myna_i18n_init                 (const char *localedir);
const MynaLanguage *myna_i18n_get_languages        (guint      *n_languages);
const MynaLanguage *myna_i18n_find_language        (const char *code);
gboolean            myna_i18n_set_language         (const char *code);
const char         *myna_i18n_get_chosen_language  (void);
const char         *myna_i18n_get_language         (void);
gboolean            myna_i18n_shows_japanese_terms (void);
gboolean            myna_i18n_time_names_speak_language (void);

G_END_DECLS
