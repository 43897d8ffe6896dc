/* myna-gui-utils.c
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


#define G_LOG_DOMAIN "mynacheck-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-gui-utils.h"
#include "myna-i18n.h"

/**
 * myna_preferences_page_add_group:
 * @page: the page
 * @title: (nullable): the group's heading
 * @description: (nullable): a line under it
 *
 * Returns: (transfer none): a new group, already on @page
 */
GtkWidget *
myna_preferences_page_add_group (AdwPreferencesPage *page,
                                 const char         *title,
                                 const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  return group;
}

/**
 * myna_text_with_term:
 * @text: a translated text
 * @term: (nullable): the official Japanese term for it
 *
 * Returns: (transfer full): @text with @term in brackets after it, or
 *   @text alone when there is no term or MynaCheck speaks Japanese
 */
char *
myna_text_with_term (const char *text,
                     const char *term)
{
  if (term == NULL || !myna_i18n_shows_japanese_terms ())
    return g_strdup (text);

  /* Translators: a text, then the official Japanese term for it, for the
   * resident to show at the counter; use your language's brackets. */
  return g_strdup_printf (_("%s (%s)"), text, term);
}

/**
 * myna_label_set_language:
 * @label: a label
 * @language: the language of its text, such as "ja"
 *
 * Han characters differ between Japanese and Chinese: tells the font
 * machinery which to draw, whatever language the window speaks.
 */
void
myna_label_set_language (GtkLabel   *label,
                         const char *language)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (language != NULL);

  /* Added to what the label has, not instead of it. */
  attributes = gtk_label_get_attributes (label) != NULL
    ? pango_attr_list_copy (gtk_label_get_attributes (label))
    : pango_attr_list_new ();
  pango_attr_list_change (attributes, pango_attr_language_new (pango_language_from_string (language)));
  gtk_label_set_attributes (label, attributes);
}
