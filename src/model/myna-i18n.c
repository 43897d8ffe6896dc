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

#include "myna-i18n.h"

/**
 * myna_i18n_get_language:
 *
 * Returns: the ISO 639-1 code of the language MynaCheck speaks now, "en"
 *   for the C locale
 */
const char *
myna_i18n_get_language (void)
{
  static const char *known[] = { "ja", "en", "zh", "ko", "es", "pt", "th", "ne", "id", "vi", "tl", NULL };
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      for (guint j = 0; known[j] != NULL; j++)
        {
          if (g_str_has_prefix (names[i], known[j]) &&
              (names[i][2] == '\0' || names[i][2] == '_' || names[i][2] == '.' || names[i][2] == '@'))
            return known[j];
        }
      if (g_str_has_prefix (names[i], "fil"))
        return "tl";
    }

  return "en";
}
