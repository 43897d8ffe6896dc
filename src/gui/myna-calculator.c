/* myna-calculator.c
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

#include "myna-calculator-private.h"
#include "myna-clock.h"
#include "myna-date-row.h"
#include "myna-gui-utils.h"
#include "myna-guidance.h"

/*
 * For people without a reader: from the birth date, the date of issue and
 * the residence status, the dates the rules give for the card and its
 * certificates (docs/lifecycle-rules.md). The card itself has the final
 * word.
 */
struct _MynaCalculator
{
  AdwBin      parent_instance;

  GtkWidget  *birth_row;
  GtkWidget  *issue_row;
  GtkWidget  *residence_row;
  GtkWidget  *stay_row;
  GtkWidget  *results_group;
  GHashTable *result_rows; /* id → AdwActionRow */
};

G_DEFINE_FINAL_TYPE (MynaCalculator, myna_calculator, ADW_TYPE_BIN)

static const struct { const char *id; const char *title; } results[] = {
  { "age", N_("Age at issue") },
  { "card", N_("The card expires on") },
  /* Translators: shown only for someone of 18 or 19 whose card was issued
   * soon after the age of majority became 18 on 2022-04-01. */
  { "card-if-applied-before-2022", N_("Applied for before 2022-04-01? Then the card expires on") },
  { "card-renewal", N_("Renewal of the card opens on") },
  { "certificates", N_("The certificates expire on") },
  { "certificates-renewal", N_("Renewal of the certificates opens on") },
  { "renewed", N_("Renewed on that day, they run to") },
  { "signing", N_("Signing certificate") },
};

static void
set_result (MynaCalculator *self,
            const char     *id,
            const char     *value)
{
  GtkWidget *row = g_hash_table_lookup (self->result_rows, id);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
}

static void
set_date_result (MynaCalculator *self,
                 const char     *id,
                 const GDate    *date)
{
  g_autofree char *text = myna_format_date (date);

  set_result (self, id, text);
}

static void
clear_results (MynaCalculator *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    set_result (self, results[i].id, "—");
  gtk_widget_set_visible (g_hash_table_lookup (self->result_rows, "card-if-applied-before-2022"), FALSE);
}

static void
recalculate (MynaCalculator *self)
{
  MynaExpiryInput input = { 0 };
  MynaExpiryResult result;
  g_autoptr(GError) error = NULL;
  g_autofree char *age = NULL;

  myna_date_row_get_date (MYNA_DATE_ROW (self->birth_row), &input.birth_date);
  myna_date_row_get_date (MYNA_DATE_ROW (self->issue_row), &input.issue_date);
  input.residence = adw_combo_row_get_selected (ADW_COMBO_ROW (self->residence_row));
  g_date_clear (&input.stay_ends_on, 1);
  if (input.residence == MYNA_RESIDENCE_FOREIGN_RESIDENT)
    myna_date_row_get_date (MYNA_DATE_ROW (self->stay_row), &input.stay_ends_on);

  gtk_widget_set_visible (self->stay_row, input.residence == MYNA_RESIDENCE_FOREIGN_RESIDENT);

  if (!g_date_valid (&input.birth_date) || !g_date_valid (&input.issue_date) ||
      (input.residence == MYNA_RESIDENCE_FOREIGN_RESIDENT && !g_date_valid (&input.stay_ends_on)))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->results_group),
                                             _("Type each date as year-month-day, for example 1990-01-31."));
      clear_results (self);
      return;
    }

  if (!myna_expiry_calculate (&input, &result, &error))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->results_group), error->message);
      clear_results (self);
      return;
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->results_group),
                                         /* Seed 002: the field on the front; seed 004: the copy of the certificates. */
                                         _("Expected dates from the rules of the municipal pages. The dates that count are the card's own: the card's expiry is printed on its front, beside a field for the certificates' expiry, and the copy of the certificates (電子証明書の写し) given at issue or renewal shows the certificates' dates. A card reader shows them exactly."));

  /* Translators: an age in years. */
  age = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", result.age_at_issue),
                         result.age_at_issue);
  set_result (self, "age", age);
  set_date_result (self, "card", &result.card_expires_on);
  gtk_widget_set_visible (g_hash_table_lookup (self->result_rows, "card-if-applied-before-2022"),
                          g_date_valid (&result.card_expires_on_if_applied_before_2022));
  if (g_date_valid (&result.card_expires_on_if_applied_before_2022))
    set_date_result (self, "card-if-applied-before-2022", &result.card_expires_on_if_applied_before_2022);
  set_date_result (self, "card-renewal", &result.card_renewal_opens_on);
  set_date_result (self, "certificates", &result.certificate_expires_on);
  set_date_result (self, "certificates-renewal", &result.certificate_renewal_opens_on);
  if (g_date_compare (&result.renewed_certificate_expires_on, &result.card_expires_on) == 0)
    {
      g_autofree char *date = myna_format_date (&result.card_expires_on);
      /* Translators: %s is a date, YYYY-MM-DD: the card's own expiry, which
       * renewing the certificates does not move (seeds 003, 004). */
      g_autofree char *text = g_strdup_printf (_("%s, when the card itself expires: renew the card, not only the certificates"), date);

      set_result (self, "renewed", text);
    }
  else
    {
      set_date_result (self, "renewed", &result.renewed_certificate_expires_on);
    }
  set_result (self, "signing", result.signing_certificate_issued
                                 ? _("Issued from age 15, unless the holder is an adult ward")
                                 : _("Not issued: the holder was under 15"));
}

static void
myna_calculator_dispose (GObject *object)
{
  MynaCalculator *self = (MynaCalculator *)object;

  g_clear_pointer (&self->result_rows, g_hash_table_unref);

  G_OBJECT_CLASS (myna_calculator_parent_class)->dispose (object);
}

static void
myna_calculator_class_init (MynaCalculatorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = myna_calculator_dispose;
}

/* As libadwaita's own list of a combo row, with the text wrapped instead
 * of cut short: the status, and a check mark on the chosen one. */
static void
setup_residence_item (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

static void
bind_residence_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
new_residence_row (void)
{
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  const char *residences[] = {
    /* Translators: residence status for the card's validity (seed 000). */
    _("Japanese national"),
    _("Permanent or special permanent resident"),
    _("Other foreign resident"),
    NULL
  };
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nationality or residence status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (residences)));
  /* The statuses are long in every language: the chosen one is shown
   * whole under the title, and the list wraps them. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  list_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_residence_item), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_residence_item), NULL);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), list_factory);

  return row;
}

/* What the user types: the dates and the residence status. */
static void
add_inputs (MynaCalculator     *self,
            AdwPreferencesPage *page)
{
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  GtkWidget *group;
  GDate date;

  group = myna_preferences_page_add_group (page, _("Expiry Calculator"),
                     _("No reader? Estimate when your card and its electronic certificates expire."));

  self->birth_row = myna_date_row_new (_("Birth date"));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1990);
  myna_date_row_set_date (MYNA_DATE_ROW (self->birth_row), &date);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->birth_row);

  self->issue_row = myna_date_row_new (_("Date of issue of the card"));
  myna_date_from_date_time (now, &date);
  g_date_subtract_years (&date, 1);
  myna_date_row_set_date (MYNA_DATE_ROW (self->issue_row), &date);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->issue_row);

  self->residence_row = new_residence_row ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->residence_row);

  self->stay_row = myna_date_row_new (_("End of the period of stay"));
  g_date_add_years (&date, 3);
  myna_date_row_set_date (MYNA_DATE_ROW (self->stay_row), &date);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->stay_row);
}

static void
add_results (MynaCalculator     *self,
             AdwPreferencesPage *page)
{
  self->results_group = myna_preferences_page_add_group (page, _("Expected Dates"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(results[i].title));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, results[i].id);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->results_group), row);
      g_hash_table_insert (self->result_rows, (gpointer) results[i].id, row);
    }
}

static void
add_rules (AdwPreferencesPage *page)
{
  const char *rules[] = {
    _("The card runs to the 10th birthday after issue from age 18, the 5th below 18 (for applications accepted before 2022-04-01, the age was 20 instead of 18); for foreign residents other than permanent and special permanent residents, to the end of the period of stay."),
    _("The certificates run to the 5th birthday after issue, never past the card; renewed before they expire, to the 6th birthday after renewal."),
    _("Renewal opens the day after the date three months before expiry. Born on 29 February? In common years MynaCheck assumes 28 February; the municipal pages do not say."),
  };
  GtkWidget *group = myna_preferences_page_add_group (page, _("How It Is Counted"), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rules[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* Built when first needed, not at startup: the window measures every page
 * of its stack, and this one is long. */
static void
ensure_built (MynaCalculator *self)
{
  AdwPreferencesPage *page;

  if (self->result_rows != NULL)
    return;

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (page));
  self->result_rows = g_hash_table_new (g_str_hash, g_str_equal);

  add_inputs (self, page);
  add_results (self, page);
  add_rules (page);

  g_signal_connect_swapped (self->birth_row, "date-changed", G_CALLBACK (recalculate), self);
  g_signal_connect_swapped (self->issue_row, "date-changed", G_CALLBACK (recalculate), self);
  g_signal_connect_swapped (self->stay_row, "date-changed", G_CALLBACK (recalculate), self);
  g_signal_connect_swapped (self->residence_row, "notify::selected", G_CALLBACK (recalculate), self);

  recalculate (self);
}

static void
myna_calculator_init (MynaCalculator *self)
{
  g_signal_connect (self, "map", G_CALLBACK (ensure_built), NULL);
}

GtkWidget *
myna_calculator_new (void)
{
  return g_object_new (MYNA_TYPE_CALCULATOR, NULL);
}

/**
 * _myna_calculator_set_input:
 * @self: a #MynaCalculator
 * @input: the dates and residence to calculate from
 */
void
_myna_calculator_set_input (MynaCalculator        *self,
                            const MynaExpiryInput *input)
{
  g_return_if_fail (MYNA_IS_CALCULATOR (self));

  ensure_built (self);
  myna_date_row_set_date (MYNA_DATE_ROW (self->birth_row), &input->birth_date);
  myna_date_row_set_date (MYNA_DATE_ROW (self->issue_row), &input->issue_date);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->residence_row), input->residence);
  if (g_date_valid (&input->stay_ends_on))
    myna_date_row_set_date (MYNA_DATE_ROW (self->stay_row), &input->stay_ends_on);
  recalculate (self);
}

/**
 * _myna_calculator_get_result:
 * @self: a #MynaCalculator
 * @id: "age", "card", "card-renewal", "certificates", "certificates-renewal",
 *   "renewed" or "signing"
 *
 * Returns: (nullable): the result shown
 */
const char *
_myna_calculator_get_result (MynaCalculator *self,
                             const char     *id)
{
  GtkWidget *row;

  g_return_val_if_fail (MYNA_IS_CALCULATOR (self), NULL);

  ensure_built (self);
  row = g_hash_table_lookup (self->result_rows, id);

  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}
