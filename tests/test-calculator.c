/* test-calculator.c
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

#include "config.h"

#include "myna-calculator-private.h"
#include "myna-date-row.h"
#include "myna-test-window.h"

/*
 * The expiry calculator: the dates as people in Japan write them, the
 * rules by age, residence and the 2022 age of majority, and the results
 * shown whole.
 */

static MynaApplication *app;

/* In English under C.UTF-8 the calendar speaks the window's language:
 * each date row offers it. */
static void
check_calendars_offered (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = myna_test_gui_find_all (root, GTK_TYPE_MENU_BUTTON);
  guint calendars = 0;

  for (guint i = 0; i < buttons->len; i++)
    calendars += g_strcmp0 (gtk_menu_button_get_icon_name (g_ptr_array_index (buttons, i)),
                            "x-office-calendar-symbolic") == 0;
  g_assert_cmpuint (calendars, ==, 2);
}

/* An adult who got the card on 2021-04-01, born 1990-06-15: the card runs
 * to the 10th birthday after issue (the first is 2021-06-15), the
 * certificates to the 5th (seed 000: "発行から10回目の誕生日"). */
static void
check_adult (GtkWidget       *root,
             MynaCalculator  *calculator,
             MynaExpiryInput *input)
{
  g_date_set_dmy (&input->birth_date, 15, G_DATE_JUNE, 1990);
  g_date_set_dmy (&input->issue_date, 1, G_DATE_APRIL, 2021);
  input->residence = MYNA_RESIDENCE_JAPANESE;
  _myna_calculator_set_input (calculator, input);
  myna_test_gui_flush ();

  g_assert_cmpstr (_myna_calculator_get_result (calculator, "age"), ==, "30 years");
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "2030-06-15");
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "certificates"), ==, "2025-06-15");
  myna_test_gui_assert_shows (root, "2030-06-15");
}

/* Typed as people in Japan write dates, even with full-width digits. */
static void
check_typed_dates (GtkWidget      *root,
                   MynaCalculator *calculator)
{
  GtkWidget *birth = myna_test_gui_find_type (GTK_WIDGET (calculator), MYNA_TYPE_DATE_ROW);

  gtk_editable_set_text (GTK_EDITABLE (birth), "１９９０年６月１５日");
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "2030-06-15");
  g_assert_false (gtk_widget_has_css_class (birth, "error"));
  gtk_editable_set_text (GTK_EDITABLE (birth), "1990-02-30");
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "—");
  myna_test_gui_assert_shows (root, "year-month-day");
}

/* A long residence status is shown whole, not cut short. */
static void
check_long_status (GtkWidget       *root,
                   MynaCalculator  *calculator,
                   MynaExpiryInput *input)
{
  GtkWidget *status;

  input->residence = MYNA_RESIDENCE_PERMANENT_RESIDENT;
  _myna_calculator_set_input (calculator, input);
  myna_test_gui_flush ();
  status = myna_test_gui_find_text (root, "Permanent or special permanent resident");
  g_assert_true (GTK_IS_LABEL (status));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (status))));
  input->residence = MYNA_RESIDENCE_JAPANESE;
}

/* The age of majority of 2022, children, and a birth after the issue. */
static void
check_age_rules (GtkWidget       *root,
                 MynaCalculator  *calculator,
                 MynaExpiryInput *input)
{
  /* 19 at issue in May 2022: the card runs ten years, or five had it been
   * applied for before 2022-04-01; the window says both. */
  GtkWidget *before = myna_test_gui_find_named (root, "card-if-applied-before-2022");

  g_assert_nonnull (before);
  g_assert_false (gtk_widget_get_visible (before));
  g_date_set_dmy (&input->birth_date, 15, G_DATE_JUNE, 2002);
  g_date_set_dmy (&input->issue_date, 10, G_DATE_MAY, 2022);
  _myna_calculator_set_input (calculator, input);
  myna_test_gui_flush ();
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "2031-06-15");
  g_assert_true (gtk_widget_get_visible (before));
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card-if-applied-before-2022"), ==, "2026-06-15");

  /* Under 18: renewing the certificates does not outlast the card. */
  g_date_set_dmy (&input->birth_date, 15, G_DATE_JUNE, 2010);
  g_date_set_dmy (&input->issue_date, 1, G_DATE_APRIL, 2024);
  _myna_calculator_set_input (calculator, input);
  myna_test_gui_flush ();
  g_assert_false (gtk_widget_get_visible (myna_test_gui_find_named (root, "card-if-applied-before-2022")));
  g_assert_nonnull (strstr (_myna_calculator_get_result (calculator, "renewed"), "renew the card"));
  g_date_set_dmy (&input->issue_date, 1, G_DATE_APRIL, 2021);

  /* Born after the issue date: refused, in words. */
  g_date_set_dmy (&input->birth_date, 15, G_DATE_JUNE, 2022);
  _myna_calculator_set_input (calculator, input);
  g_assert_cmpstr (_myna_calculator_get_result (calculator, "card"), ==, "—");
}

static void
test_calculator (MynaTestWindowFixture *fixture,
                 gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  MynaExpiryInput input = { 0 };
  MynaCalculator *calculator;
  GtkWidget *root;

  fixture->window = myna_test_window_open (app, "valid", 900, 1200);
  root = GTK_WIDGET (fixture->window);
  gtk_widget_activate_action (root, "win.show-page", "s", "calculator");
  myna_test_gui_flush ();
  calculator = MYNA_CALCULATOR (myna_test_gui_find_type (root, MYNA_TYPE_CALCULATOR));
  g_assert_nonnull (calculator);

  check_calendars_offered (root);
  check_adult (root, calculator, &input);
  check_typed_dates (root, calculator);
  check_long_status (root, calculator, &input);
  check_age_rules (root, calculator, &input);

  g_date_set_dmy (&input.birth_date, 15, G_DATE_JUNE, 1990);
  _myna_calculator_set_input (calculator, &input);
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "calculator");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_window_init (&argc, &argv);

  MYNA_TEST_WINDOW_ADD ("/window/calculator", NULL, test_calculator);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
