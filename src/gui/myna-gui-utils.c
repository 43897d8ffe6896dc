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

/* AdwPasswordEntryRow's "Show Text" button, which libadwaita 1.2 offers
 * no property for. Shown, the secret could be selected into the primary
 * selection or copied. */
static void
hide_show_text_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (g_strcmp0 (icon, "view-reveal-symbolic") == 0 || g_strcmp0 (icon, "view-conceal-symbolic") == 0)
        gtk_widget_set_visible (child, FALSE);
      else
        hide_show_text_button (child);
    }
}

static void
visibility_changed_cb (GtkText *text)
{
  if (gtk_text_get_visibility (text))
    gtk_text_set_visibility (text, FALSE);
}

/**
 * myna_secret_row_lock_down:
 * @row: a row a PIN or password is typed into
 *
 * The secret is never shown in clear, in any mode: no button, no menu
 * item, and the text goes back to hidden whoever asks.
 */
void
myna_secret_row_lock_down (AdwPasswordEntryRow *row)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_PASSWORD_ENTRY_ROW (row));

  hide_show_text_button (GTK_WIDGET (row));
  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (GTK_IS_TEXT (text))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (text), "misc.toggle-visibility", FALSE);
      g_signal_connect (text, "notify::visibility", G_CALLBACK (visibility_changed_cb), NULL);
    }
}

/**
 * myna_secret_row_set_hide_length:
 * @row: a row a PIN or password is typed into
 * @hide_length: whether to keep the number of characters off the screen
 *
 * No dot per character either, for a shared screen: an invisible
 * character of 0 shows nothing at all as the user types.
 */
void
myna_secret_row_set_hide_length (AdwPasswordEntryRow *row,
                                 gboolean             hide_length)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_PASSWORD_ENTRY_ROW (row));

  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (!GTK_IS_TEXT (text))
    return;

  if (hide_length)
    gtk_text_set_invisible_char (GTK_TEXT (text), 0);
  else
    gtk_text_unset_invisible_char (GTK_TEXT (text));
}

/**
 * myna_pin_format_hint:
 * @pin: which PIN is typed
 * @format: what myna_pin_check_format() said of it
 * @length: its length
 * @hide_length: whether to say nothing of the length, for a shared screen
 *
 * Returns: (transfer full): what to tell the user as they type
 */
char *
myna_pin_format_hint (MynaPinId     pin,
                      MynaPinFormat format,
                      guint         length,
                      gboolean      hide_length)
{
  gboolean password = pin == MYNA_PIN_SIGN;
  guint missing = myna_pin_get_min_length (pin) > length ? myna_pin_get_min_length (pin) - length : 0;

  switch (format)
    {
    case MYNA_PIN_FORMAT_EMPTY:
      return g_strdup (password ? _("6 to 16 letters (A–Z) and digits; lower case is fine.")
                                : _("4 digits."));
    case MYNA_PIN_FORMAT_TOO_SHORT:
      if (hide_length)
        return g_strdup (password ? _("Not yet the right format: 6 to 16 letters and digits.")
                                  : _("Not yet the right format: 4 digits."));
      if (password)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more character needed.",
                                             "%u more characters needed.", missing),
                                missing);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more digit needed.",
                                           "%u more digits needed.", missing),
                              missing);
    case MYNA_PIN_FORMAT_TOO_LONG:
      if (hide_length)
        return g_strdup (password ? _("Not the right format: 6 to 16 letters and digits.")
                                  : _("Not the right format: 4 digits."));
      return g_strdup (password ? _("Too long: at most 16 characters.") : _("Too long: exactly 4 digits."));
    case MYNA_PIN_FORMAT_BAD_CHARACTER:
      return g_strdup (password ? _("Only letters A–Z and digits 0–9: no spaces, symbols or other characters.")
                                : _("Only digits 0–9."));
    case MYNA_PIN_FORMAT_NOT_MIXED:
      /* Translators: PIN names as in po/glossary.json. */
      return g_strdup (_("A signing password has at least one letter and one digit."));
    case MYNA_PIN_FORMAT_OK:
    default:
      return g_strdup (_("The format is right."));
    }
}

/**
 * myna_tooltip_label_new:
 * @text: a tooltip's text
 *
 * GTK's own tooltip label wraps short texts into two balanced lines, which
 * in Japanese and Chinese, with no spaces to break at, cuts words in half
 * ("ヘルプデスクモー / ド"). This one keeps a text on one line up to 50
 * characters and wraps only longer ones.
 *
 * Returns: (transfer floating): a label for gtk_tooltip_set_custom()
 */
GtkWidget *
myna_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_custom (tooltip, myna_tooltip_label_new (text));
  return TRUE;
}

static void
keep_words (GtkWidget *widget)
{
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/**
 * myna_widget_set_tooltip:
 * @widget: a widget
 * @text: its tooltip
 *
 * gtk_widget_set_tooltip_text(), with words kept whole as
 * myna_tooltip_label_new() does. The text is still the widget's
 * accessible description.
 */
void
myna_widget_set_tooltip (GtkWidget  *widget,
                         const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_tooltip_text (widget, text);
  keep_words (widget);
}

/**
 * myna_tooltips_keep_words:
 * @root: a widget built from a template
 *
 * Keeps words whole in every tooltip under @root that the template set,
 * as myna_widget_set_tooltip() does.
 */
void
myna_tooltips_keep_words (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_widget_get_tooltip_text (root) != NULL)
    keep_words (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    myna_tooltips_keep_words (child);
}
