/* myna-guide-page.c
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

#include "myna-clock.h"
#include "myna-gui-utils.h"
#include "myna-guide-book.h"
#include "myna-guide-page.h"
#include "myna-hotline.h"
#include "myna-i18n.h"
#include "myna-pin.h"
#include "myna-text-row.h"

/*
 * One procedure guide: what to do, where, what it costs, who may apply and
 * what each must bring (as a checklist), the steps, and for a lost card
 * the phone lines with whether the one for the user's language answers
 * now. Every key term keeps the official Japanese beside it, so that the
 * page can be shown at the counter.
 */
struct _MynaGuidePage
{
  AdwBin              parent_instance;

  MynaGuide          *guide;
  AdwPreferencesPage *page;
  GtkWidget          *hotline_status;
  guint               hotline_timeout_id;
};

/* Whether the line in the user's language is open changes on the hour:
 * look again this often while the page is on screen. */
#define HOTLINE_REFRESH_SECONDS 30

G_DEFINE_FINAL_TYPE (MynaGuidePage, myna_guide_page, ADW_TYPE_BIN)

/* The subtitle, when there is one, is the official Japanese term. */
static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = myna_text_row_new (title, subtitle);

  myna_text_row_set_subtitle_language (MYNA_TEXT_ROW (row), "ja");

  return row;
}

static void
add_texts (GtkWidget *group,
           GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const MynaGuideText *text = g_ptr_array_index (texts, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_row (myna_guide_text_get (text), myna_guide_text_get_term (text)));
    }
}

static void
add_header (MynaGuidePage *self)
{
  const MynaGuideText *title = myna_guide_get_title (self->guide);
  GtkWidget *group = myna_preferences_page_add_group (self->page, NULL, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (myna_guide_text_get (title));
  GtkWidget *term = gtk_label_new (myna_guide_text_get_term (title));
  GtkWidget *summary = gtk_label_new (myna_guide_text_get (myna_guide_get_summary (self->guide)));
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print or Save as PDF…"));

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);

  gtk_label_set_wrap (GTK_LABEL (term), TRUE);
  gtk_label_set_xalign (GTK_LABEL (term), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (term), TRUE);
  gtk_widget_add_css_class (term, "guide-term");
  gtk_widget_add_css_class (term, "ja-term");
  myna_label_set_language (GTK_LABEL (term), "ja");
  gtk_widget_set_visible (term, myna_guide_text_get_term (title) != NULL);

  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0f);
  gtk_widget_set_margin_top (summary, 6);

  gtk_widget_set_halign (print, GTK_ALIGN_START);
  gtk_widget_set_margin_top (print, 6);
  gtk_widget_add_css_class (print, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "win.print-guide");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (print), "s", myna_guide_get_id (self->guide));

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), term);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), print);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

static char *
hotline_status_text (void)
{
  g_autoptr(GDateTime) now = myna_clock_now_jst ();

  return myna_hotline_describe_now (myna_i18n_get_language (), now);
}

/**
 * myna_guide_page_refresh_hotlines:
 * @self: a #MynaGuidePage
 *
 * Says again whether the line answers now, after time or language changed.
 */
void
myna_guide_page_refresh_hotlines (MynaGuidePage *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MYNA_IS_GUIDE_PAGE (self));

  if (self->hotline_status == NULL)
    return;

  text = hotline_status_text ();
  myna_text_row_set_subtitle (MYNA_TEXT_ROW (self->hotline_status), text);
}

static void
add_hotlines (MynaGuidePage *self)
{
  GtkWidget *group = myna_preferences_page_add_group (self->page, _("Phone Lines"), NULL);
  guint n = 0;
  const MynaHotline *lines = myna_hotlines_get (&n);

  self->hotline_status = text_row (_("In your language"), NULL);
  myna_text_row_add_prefix (MYNA_TEXT_ROW (self->hotline_status),
                             gtk_image_new_from_icon_name ("preferences-desktop-locale-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->hotline_status);
  myna_guide_page_refresh_hotlines (self);

  for (guint i = 0; i < n; i++)
    {
      /* Translators: a phone line's official Japanese name, then what it
       * is for and what it costs. */
      g_autofree char *subtitle = g_strdup_printf (_("%s — %s"), lines[i].name_ja,
                                                   myna_hotline_get_description (&lines[i]));
      GtkWidget *row = text_row (lines[i].number, subtitle);

      myna_text_row_add_prefix (MYNA_TEXT_ROW (row), gtk_image_new_from_icon_name ("call-start-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_where (MynaGuidePage *self)
{
  GtkWidget *group = myna_preferences_page_add_group (self->page, _("Where"), NULL);
  GPtrArray *wheres = myna_guide_get_wheres (self->guide);

  for (guint i = 0; i < wheres->len; i++)
    {
      const MynaGuideWhere *where = g_ptr_array_index (wheres, i);
      const char *text = where->text.msgid != NULL ? myna_guide_text_get (&where->text)
                                                   : myna_guide_place_get_label (where->place);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), text_row (text, myna_guide_text_get_term (&where->text)));
    }
}

static void
add_fees (MynaGuidePage *self)
{
  GPtrArray *fees = myna_guide_get_fees (self->guide);
  GtkWidget *group = myna_preferences_page_add_group (self->page, _("Fees"),
                                fees->len == 0 ? _("The pages MynaCheck is built on name no fee for this; ask your municipal office.") : NULL);

  add_texts (group, fees);
}

static void
add_applicants (MynaGuidePage *self)
{
  GPtrArray *applicants = myna_guide_get_applicants (self->guide);
  GtkWidget *group;

  if (applicants->len == 0)
    return;

  group = myna_preferences_page_add_group (self->page, _("Who May Apply and What to Bring"),
                     _("Tick off what you have. Everything listed for your case is needed."));

  for (guint i = 0; i < applicants->len; i++)
    {
      const MynaGuideApplicant *applicant = g_ptr_array_index (applicants, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = myna_text_with_term (myna_applicant_type_get_label (applicant->type),
                                                    myna_applicant_type_get_term (applicant->type));
      const char *description = myna_applicant_type_get_description (applicant->type);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      const char *timing = myna_guide_applicant_get_timing (applicant);

      if (applicant->condition.msgid != NULL)
        /* Translators: the condition for this list (such as "Without the
         * expiry notice"), then whether it can be done the same
         * day; use your language's sentence punctuation. */
        when = g_strdup_printf (C_("applicant subtitle", "%s. %s"), myna_guide_text_get (&applicant->condition), timing);
      else
        when = g_strdup (timing);

      /* Who counts as this applicant goes in the subtitle, not inside the
       * expander: a parent must see it before choosing a list. */
      if (description != NULL)
        subtitle = g_strconcat (description, "\n", when, NULL);
      else
        subtitle = g_steal_pointer (&when);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), i == 0);

      for (guint v = 0; v < applicant->visits->len; v++)
        {
          GPtrArray *items = g_ptr_array_index (applicant->visits, v);

          if (applicant->visits->len > 1)
            {
              g_autofree char *visit = g_strdup (v == 0 ? _("First visit") : _("Second visit"));
              GtkWidget *row = text_row (visit, NULL);

              gtk_widget_add_css_class (row, "heading");
              adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
            }

          for (guint j = 0; j < items->len; j++)
            {
              const MynaGuideText *item = g_ptr_array_index (items, j);
              GtkWidget *row = text_row (myna_guide_text_get (item), myna_guide_text_get_term (item));
              GtkWidget *check = gtk_check_button_new ();

              gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
              gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              myna_guide_text_get (item), -1);
              myna_text_row_add_prefix (MYNA_TEXT_ROW (row), check);
              myna_text_row_set_activatable_widget (MYNA_TEXT_ROW (row), check);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
            }
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
}

static void
add_steps (MynaGuidePage *self)
{
  GtkWidget *group = myna_preferences_page_add_group (self->page, _("Steps"), NULL);
  GPtrArray *steps = myna_guide_get_steps (self->guide);

  for (guint i = 0; i < steps->len; i++)
    {
      const MynaGuideText *step = g_ptr_array_index (steps, i);
      GtkWidget *row = text_row (myna_guide_text_get (step), myna_guide_text_get_term (step));
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "step-number");
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      myna_text_row_add_prefix (MYNA_TEXT_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_reset_routes (MynaGuidePage *self)
{
  GPtrArray *routes = myna_guide_get_routes (self->guide);
  GtkWidget *group;

  if (routes->len == 0)
    return;

  group = myna_preferences_page_add_group (self->page, _("Which PIN, Where"), NULL);
  for (guint i = 0; i < routes->len; i++)
    {
      const MynaGuideRoute *route = g_ptr_array_index (routes, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_row (myna_pin_get_name (route->pin), myna_guide_text_get (&route->text)));
    }
}

/* The change-pin guide: MynaCheck itself can do it. The buttons follow
 * win.change-pin, which is off without a card or on a public terminal
 * that does not allow it. */
static void
add_change_here (MynaGuidePage *self)
{
  GtkWidget *group = myna_preferences_page_add_group (self->page, _("Change It Here"),
                                                      _("With the card in the reader, MynaCheck can change a PIN you know. A locked PIN must be reset instead."));

  for (MynaPinId pin = 0; pin < MYNA_N_PINS; pin++)
    {
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a button that opens the dialog to change a PIN. */
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hange…"));
      g_autofree char *label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), myna_pin_get_name (pin));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, "change-pin");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.change-pin");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", myna_pin_id_to_string (pin));
      /* Translators: %s is a PIN's name, as in po/glossary.json; read out
       * by screen readers for the Change button of its row. */
      label = g_strdup_printf (_("Change the %s…"), myna_pin_get_name (pin));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_sources (MynaGuidePage *self)
{
  /* Every citation of the guide, checklists and reset routes included:
   * each fact shown must be traceable from here. */
  g_autoptr(GPtrArray) sources = myna_guide_get_sources (self->guide);
  GtkWidget *group = myna_preferences_page_add_group (self->page, _("Sources"),
                                _("MynaCheck states only what these municipal pages and public sources say."));
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Show Sources"));
  for (guint i = 0; i < sources->len; i++)
    {
      const char *citation = g_ptr_array_index (sources, i);
      const MynaGuideReference *reference = myna_guide_book_lookup_reference (myna_guide_book_get_default (),
                                                                              citation);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* A page known only by a partial address comes with what it says,
       * so that the reader can find it and check. */
      if (reference != NULL)
        text = g_strdup_printf ("%s %s", reference->page, reference->quote);
      else
        text = g_strdup (citation);
      label = gtk_label_new (text);
      /* The quote is Japanese: draw it with Japanese glyphs. */
      if (reference != NULL)
        myna_label_set_language (GTK_LABEL (label), "ja");

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "caption");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), label);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
}

static void
rebuild (MynaGuidePage *self)
{
  /* A new page, so that a new guide starts at the top. */
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));
  self->hotline_status = NULL;

  if (self->guide == NULL)
    return;

  add_header (self);
  if (myna_guide_shows_hotlines (self->guide))
    add_hotlines (self);
  add_steps (self);
  if (g_str_equal (myna_guide_get_id (self->guide), "change-pin"))
    add_change_here (self);
  add_reset_routes (self);
  add_applicants (self);
  add_where (self);
  add_fees (self);
  if (myna_guide_get_notes (self->guide)->len > 0)
    add_texts (myna_preferences_page_add_group (self->page, _("Good to Know"), NULL), myna_guide_get_notes (self->guide));
  add_sources (self);
}

static gboolean
hotline_timeout_cb (gpointer data)
{
  myna_guide_page_refresh_hotlines (data);

  return G_SOURCE_CONTINUE;
}

static void
myna_guide_page_map (GtkWidget *widget)
{
  MynaGuidePage *self = MYNA_GUIDE_PAGE (widget);

  GTK_WIDGET_CLASS (myna_guide_page_parent_class)->map (widget);

  myna_guide_page_refresh_hotlines (self);
  if (self->hotline_timeout_id == 0)
    self->hotline_timeout_id = g_timeout_add_seconds (HOTLINE_REFRESH_SECONDS, hotline_timeout_cb, self);
}

static void
myna_guide_page_unmap (GtkWidget *widget)
{
  MynaGuidePage *self = MYNA_GUIDE_PAGE (widget);

  g_clear_handle_id (&self->hotline_timeout_id, g_source_remove);

  GTK_WIDGET_CLASS (myna_guide_page_parent_class)->unmap (widget);
}

static void
myna_guide_page_dispose (GObject *object)
{
  MynaGuidePage *self = (MynaGuidePage *)object;

  g_clear_handle_id (&self->hotline_timeout_id, g_source_remove);
  g_clear_object (&self->guide);

  G_OBJECT_CLASS (myna_guide_page_parent_class)->dispose (object);
}

static void
myna_guide_page_class_init (MynaGuidePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_guide_page_dispose;
  widget_class->map = myna_guide_page_map;
  widget_class->unmap = myna_guide_page_unmap;
}

static void
myna_guide_page_init (MynaGuidePage *self)
{
  rebuild (self);
}

GtkWidget *
myna_guide_page_new (void)
{
  return g_object_new (MYNA_TYPE_GUIDE_PAGE, NULL);
}

/**
 * myna_guide_page_get_guide:
 * @self: a #MynaGuidePage
 *
 * Returns: (transfer none) (nullable): the guide shown
 */
MynaGuide *
myna_guide_page_get_guide (MynaGuidePage *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE_PAGE (self), NULL);

  return self->guide;
}

void
myna_guide_page_set_guide (MynaGuidePage *self,
                           MynaGuide     *guide)
{
  g_return_if_fail (MYNA_IS_GUIDE_PAGE (self));

  if (!g_set_object (&self->guide, guide))
    return;

  rebuild (self);
}
