/* myna-lifecycle.c
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

#include "myna-clock.h"
#include "myna-lifecycle.h"

/*
 * The lifecycle rules of the card and its certificates, each with its
 * source: the municipal pages in ../shared/seeds/ (by file name) or a
 * public URL.
 */

G_DEFINE_QUARK (myna-lifecycle-error-quark, myna_lifecycle_error)

/* Seeds 000 and 002: the card runs to the 10th birthday after issue from
 * age 18, to the 5th below 18. That is the rule for applications J-LIS
 * accepted from 2022-04-01, when the Civil Code's age of majority went
 * from 20 to 18; for those accepted before, the age was 20 (Kōnosu city,
 * http://www.city.kounosu.saitama.jp/site/mynumbercard/3236.html; Ōsakasayama
 * city, http://www.city.osakasayama.osaka.jp/sosiki/siminseikatsubu/shiminmadoguchigurupu/news/1647393067584.html;
 * Miyoshi city, https://www.miyoshi.i-tokushima.jp/docs/2597542.html). The
 * pages agree on the date that chooses the rule, 申請受付日; they differ on
 * the day the age is taken (Kōnosu: that day; Miyoshi: the day of issue).
 * MynaCheck takes the day of issue, the day every other rule counts from;
 * the two differ only for a birthday between the two days. */
#define ADULT_AGE                 18
#define ADULT_AGE_BEFORE_2022     20
#define ADULT_AGE_CHANGED_YEAR    2022 /* on 1 April */
/* A card is made within weeks of the application (seed 003: about a
 * month and a half to collection). MynaCheck's assumption: a card issued
 * a year or more after 2022-04-01 was not applied for before it. */
#define APPLICATION_TO_ISSUE_DAYS_MAX 365
#define CARD_BIRTHDAYS_ADULT      10
#define CARD_BIRTHDAYS_MINOR      5
/* Seeds 000, 001, 003, 004: a certificate runs to the 5th birthday after
 * issue; renewed before the old one expires, to the 6th (seed 004). */
#define CERT_BIRTHDAYS            5
#define CERT_BIRTHDAYS_RENEWED    6
/* Seed 001: a signing certificate only from 15 ("15歳以上のみ発行可"). */
#define SIGNING_CERTIFICATE_AGE   15
/* Seeds 002 and 003: renewal opens the day after the date three months
 * before expiry. */
#define RENEWAL_WINDOW_MONTHS     3

/**
 * myna_date_from_date_time:
 * @date_time: a date and time
 * @date: (out caller-allocates): its calendar date in Japan
 */
void
myna_date_from_date_time (GDateTime *date_time,
                          GDate     *date)
{
  g_autoptr(GDateTime) jst = g_date_time_to_timezone (date_time, myna_clock_get_jst ());

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (jst), g_date_time_get_month (jst),
                  g_date_time_get_year (jst));
}

/**
 * myna_renewal_opens_on:
 * @last_day: the last day of validity
 * @opens_on: (out caller-allocates): the first day renewal is accepted
 *
 * Renewal is accepted from the day after the date three months before
 * the end of validity: "有効期間の満了の3ヶ月前となる日の翌日より" (seed
 * 002); expiry 20 May → renewal from 21 February (seed 003, Q2).
 *
 * When the month three months before has no day of that number (expiry 31
 * May; 29, 30 or 31 May outside leap years), "the date three months
 * before" is the last day of that month, as the Civil Code counts periods
 * by months (民法 第143条第2項, https://laws.e-gov.go.jp/law/129AC0000000089):
 * expiry 31 May → renewal from 1 March. Where the day exists nothing
 * changes: expiry 30 November → renewal from 31 August.
 */
void
myna_renewal_opens_on (const GDate *last_day,
                       GDate       *opens_on)
{
  g_return_if_fail (last_day != NULL && g_date_valid (last_day));
  g_return_if_fail (opens_on != NULL);

  *opens_on = *last_day;
  /* GLib clamps to the last day of a shorter month: the rule above. */
  g_date_subtract_months (opens_on, RENEWAL_WINDOW_MONTHS);
  g_date_add_days (opens_on, 1);
}

/**
 * myna_cert_lifecycle_compute:
 * @not_before: the start of validity
 * @not_after: the end of validity
 * @now: the moment to judge at
 * @lifecycle: (out caller-allocates): where the certificate stands
 *
 * Counts in Japan time whatever the machine's time zone: a JPKI
 * certificate ends at 23:59:59 JST (reference §5.2).
 */
void
myna_cert_lifecycle_compute (GDateTime         *not_before,
                             GDateTime         *not_after,
                             GDateTime         *now,
                             MynaCertLifecycle *lifecycle)
{
  GDate today;

  g_return_if_fail (not_before != NULL);
  g_return_if_fail (not_after != NULL);
  g_return_if_fail (now != NULL);
  g_return_if_fail (lifecycle != NULL);

  myna_date_from_date_time (now, &today);
  myna_date_from_date_time (not_before, &lifecycle->first_day);
  myna_date_from_date_time (not_after, &lifecycle->last_day);
  myna_renewal_opens_on (&lifecycle->last_day, &lifecycle->renewal_opens_on);
  lifecycle->renewable = TRUE;

  /* Seed 003: the notice comes "概ね3ヶ月前" (about three months before). */
  lifecycle->notice_expected_on = lifecycle->last_day;
  g_date_subtract_months (&lifecycle->notice_expected_on, RENEWAL_WINDOW_MONTHS);

  lifecycle->days_left = (int) g_date_get_julian (&lifecycle->last_day) -
                         (int) g_date_get_julian (&today);

  if (g_date_time_compare (now, not_before) < 0)
    lifecycle->state = MYNA_CERT_STATE_NOT_YET_VALID;
  else if (g_date_time_compare (now, not_after) > 0)
    lifecycle->state = MYNA_CERT_STATE_EXPIRED;
  else if (g_date_compare (&today, &lifecycle->renewal_opens_on) >= 0)
    lifecycle->state = MYNA_CERT_STATE_RENEWAL_OPEN;
  else
    lifecycle->state = MYNA_CERT_STATE_WITHIN_VALIDITY;
}

/**
 * myna_cert_lifecycle_make_unrenewable:
 * @lifecycle: where a certificate stands
 *
 * For certificates that can be neither renewed nor issued again, such as
 * those of an old Basic Resident Registration card (seeds 001, 004: both
 * ended on 2015-12-22): no renewal window, so no "renewal open" state.
 */
void
myna_cert_lifecycle_make_unrenewable (MynaCertLifecycle *lifecycle)
{
  g_return_if_fail (lifecycle != NULL);

  lifecycle->renewable = FALSE;
  g_date_clear (&lifecycle->renewal_opens_on, 1);
  g_date_clear (&lifecycle->notice_expected_on, 1);
  if (lifecycle->state == MYNA_CERT_STATE_RENEWAL_OPEN)
    lifecycle->state = MYNA_CERT_STATE_WITHIN_VALIDITY;
}

const char *
myna_cert_state_to_string (MynaCertState state)
{
  switch (state)
    {
    case MYNA_CERT_STATE_NOT_YET_VALID:   return "not-yet-valid";
    case MYNA_CERT_STATE_WITHIN_VALIDITY: return "within-validity-period";
    case MYNA_CERT_STATE_RENEWAL_OPEN:    return "renewal-open";
    case MYNA_CERT_STATE_EXPIRED:         return "expired";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * myna_cert_state_get_label:
 * @state: a certificate state
 *
 * Returns: (transfer none): the translated name of @state
 */
const char *
myna_cert_state_get_label (MynaCertState state)
{
  switch (state)
    {
    case MYNA_CERT_STATE_NOT_YET_VALID:
      return _("Not yet valid");
    case MYNA_CERT_STATE_WITHIN_VALIDITY:
      /* Translators: 有効期間内. Never just "valid": a signing certificate
       * is revoked by a move or a change of name, and the card cannot tell. */
      return _("Within validity period");
    case MYNA_CERT_STATE_RENEWAL_OPEN:
      /* Translators: the certificate can be renewed (更新) now, in the
       * three months before it expires. */
      return _("Within validity period, renewal open");
    case MYNA_CERT_STATE_EXPIRED:
      /* Translators: 有効期限切れ */
      return _("Expired");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * myna_age_on:
 * @birth_date: a birth date
 * @date: a later date
 *
 * Returns: the age on @date, in completed years
 */
guint
myna_age_on (const GDate *birth_date,
             const GDate *date)
{
  guint age;

  g_return_val_if_fail (g_date_valid (birth_date) && g_date_valid (date), 0);

  if (g_date_compare (date, birth_date) < 0)
    return 0;

  age = g_date_get_year (date) - g_date_get_year (birth_date);
  if (g_date_get_month (date) < g_date_get_month (birth_date) ||
      (g_date_get_month (date) == g_date_get_month (birth_date) &&
       g_date_get_day (date) < g_date_get_day (birth_date)))
    age--;

  return age;
}

static void
birthday_in_year (const GDate *birth_date,
                  GDateYear    year,
                  GDate       *birthday)
{
  GDateDay day = g_date_get_day (birth_date);
  GDateMonth month = g_date_get_month (birth_date);

  /* Born on 29 February: in other years MynaCheck takes 28 February. No
   * source says which day J-LIS uses; the calculator says it is an
   * estimate. */
  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
    day = 28;

  g_date_clear (birthday, 1);
  g_date_set_dmy (birthday, day, month, year);
}

/**
 * myna_nth_birthday_after:
 * @birth_date: a birth date
 * @date: the day counting starts from (issue or renewal)
 * @n: which birthday, from 1
 * @birthday: (out caller-allocates): the @n-th birthday strictly after @date
 *
 * "発行から5回目の誕生日" (seeds 000, 001, 003): a birthday on the day of
 * issue itself is not counted.
 */
void
myna_nth_birthday_after (const GDate *birth_date,
                         const GDate *date,
                         guint        n,
                         GDate       *birthday)
{
  GDateYear year;

  g_return_if_fail (g_date_valid (birth_date) && g_date_valid (date));
  g_return_if_fail (n >= 1);

  year = g_date_get_year (date);
  birthday_in_year (birth_date, year, birthday);
  if (g_date_compare (birthday, date) <= 0)
    year++;

  birthday_in_year (birth_date, year + n - 1, birthday);
}

static void
earlier (GDate       *date,
         const GDate *other)
{
  if (g_date_valid (other) && g_date_compare (other, date) < 0)
    *date = *other;
}

/**
 * myna_certificate_expiry_after_renewal:
 * @birth_date: the holder's birth date
 * @renewed_on: the day of the renewal
 * @old_expiry: the last day of the certificate it replaces
 * @card_expiry: (nullable): the last day of the card
 * @expires_on: (out caller-allocates): the last day of the new certificate
 *
 * Seed 004: "新しい電子証明書の有効期間は、発行から6回目の誕生日(旧電子証明書の
 * 有効期限到来後は、5回目の誕生日)まで", and never past the card ("5回目の誕生日
 * と マイナンバーカードの有効期間満了日のうち、いずれか早い日まで").
 */
void
myna_certificate_expiry_after_renewal (const GDate *birth_date,
                                       const GDate *renewed_on,
                                       const GDate *old_expiry,
                                       const GDate *card_expiry,
                                       GDate       *expires_on)
{
  guint birthdays;

  g_return_if_fail (g_date_valid (birth_date) && g_date_valid (renewed_on));
  g_return_if_fail (g_date_valid (old_expiry));

  birthdays = g_date_compare (renewed_on, old_expiry) <= 0 ? CERT_BIRTHDAYS_RENEWED : CERT_BIRTHDAYS;
  myna_nth_birthday_after (birth_date, renewed_on, birthdays, expires_on);
  if (card_expiry != NULL)
    earlier (expires_on, card_expiry);
}

static gboolean
applied_before_2022_change (const GDate *applied_on)
{
  GDate change;

  g_date_clear (&change, 1);
  g_date_set_dmy (&change, 1, G_DATE_APRIL, ADULT_AGE_CHANGED_YEAR);

  return g_date_compare (applied_on, &change) < 0;
}

static void
card_expiry_for_age (const MynaExpiryInput *input,
                     guint                  age_at_issue,
                     guint                  adult_age,
                     GDate                 *expires_on)
{
  myna_nth_birthday_after (&input->birth_date, &input->issue_date,
                           age_at_issue >= adult_age ? CARD_BIRTHDAYS_ADULT : CARD_BIRTHDAYS_MINOR,
                           expires_on);
}

/* The card's own expiry, with the rule in force when it was applied for.
 * Without the date of application, the day of issue stands in for it:
 * then a card issued in the year after the change to someone of 18 or 19
 * gets the other possible date as well. */
static void
card_expiry_for_japanese_rules (const MynaExpiryInput *input,
                                MynaExpiryResult      *result)
{
  gboolean applied_known = g_date_valid (&input->applied_on);
  const GDate *applied_on = applied_known ? &input->applied_on : &input->issue_date;
  guint age = result->age_at_issue;

  card_expiry_for_age (input, age,
                       applied_before_2022_change (applied_on) ? ADULT_AGE_BEFORE_2022 : ADULT_AGE,
                       &result->card_expires_on);

  if (!applied_known && !applied_before_2022_change (&input->issue_date) &&
      age >= ADULT_AGE && age < ADULT_AGE_BEFORE_2022)
    {
      GDate last_day_of_doubt;

      g_date_clear (&last_day_of_doubt, 1);
      g_date_set_dmy (&last_day_of_doubt, 1, G_DATE_APRIL, ADULT_AGE_CHANGED_YEAR);
      g_date_add_days (&last_day_of_doubt, APPLICATION_TO_ISSUE_DAYS_MAX - 1);
      if (g_date_compare (&input->issue_date, &last_day_of_doubt) <= 0)
        card_expiry_for_age (input, age, ADULT_AGE_BEFORE_2022,
                             &result->card_expires_on_if_applied_before_2022);
    }
}

/**
 * myna_expiry_calculate:
 * @input: the holder's birth date, the date of issue and residence
 * @result: (out caller-allocates): the expected dates
 * @error: return location for a #GError
 *
 * Estimates the end of validity of a card and its certificates, for
 * people without a reader:
 *
 * - the card: 10th birthday after issue from 18, 5th below 18, for
 *   Japanese nationals and permanent residents; from 20 and below 20 for
 *   cards applied for before 2022-04-01 (see %ADULT_AGE_BEFORE_2022); the
 *   end of the period of stay for other foreign residents (seeds 000, 002);
 * - the certificates: 5th birthday after issue, never past the card
 *   (seeds 000, 004); foreign residents: the end of the period of stay
 *   (seed 000);
 * - renewal of either opens the day after the date three months before
 *   (seeds 002, 003);
 * - a signing certificate only from 15 (seed 001).
 *
 * Returns: %TRUE, or %FALSE when the dates contradict each other
 */
gboolean
myna_expiry_calculate (const MynaExpiryInput  *input,
                       MynaExpiryResult       *result,
                       GError                **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  g_date_clear (&result->card_expires_on, 1);
  g_date_clear (&result->card_expires_on_if_applied_before_2022, 1);
  g_date_clear (&result->card_renewal_opens_on, 1);
  g_date_clear (&result->certificate_expires_on, 1);
  g_date_clear (&result->certificate_renewal_opens_on, 1);
  g_date_clear (&result->renewed_certificate_expires_on, 1);

  if (!g_date_valid (&input->birth_date) || !g_date_valid (&input->issue_date) ||
      g_date_compare (&input->issue_date, &input->birth_date) < 0)
    {
      g_set_error (error, MYNA_LIFECYCLE_ERROR, MYNA_LIFECYCLE_ERROR_INVALID_DATES,
                   _("The date of issue must come after the birth date."));
      return FALSE;
    }

  if (g_date_valid (&input->applied_on) &&
      (g_date_compare (&input->applied_on, &input->issue_date) > 0 ||
       g_date_compare (&input->applied_on, &input->birth_date) < 0))
    {
      g_set_error (error, MYNA_LIFECYCLE_ERROR, MYNA_LIFECYCLE_ERROR_INVALID_DATES,
                   _("The date of application must come between the birth date and the date of issue."));
      return FALSE;
    }

  if (input->residence == MYNA_RESIDENCE_FOREIGN_RESIDENT &&
      (!g_date_valid (&input->stay_ends_on) ||
       g_date_compare (&input->stay_ends_on, &input->issue_date) < 0))
    {
      g_set_error (error, MYNA_LIFECYCLE_ERROR, MYNA_LIFECYCLE_ERROR_INVALID_DATES,
                   _("The end of the period of stay must come after the date of issue."));
      return FALSE;
    }

  result->age_at_issue = myna_age_on (&input->birth_date, &input->issue_date);
  result->signing_certificate_issued = result->age_at_issue >= SIGNING_CERTIFICATE_AGE;

  switch (input->residence)
    {
    case MYNA_RESIDENCE_FOREIGN_RESIDENT:
      result->card_expires_on = input->stay_ends_on;
      break;

    case MYNA_RESIDENCE_JAPANESE:
    case MYNA_RESIDENCE_PERMANENT_RESIDENT:
    default:
      card_expiry_for_japanese_rules (input, result);
      break;
    }

  myna_nth_birthday_after (&input->birth_date, &input->issue_date, CERT_BIRTHDAYS,
                           &result->certificate_expires_on);
  earlier (&result->certificate_expires_on, &result->card_expires_on);

  myna_renewal_opens_on (&result->card_expires_on, &result->card_renewal_opens_on);
  myna_renewal_opens_on (&result->certificate_expires_on, &result->certificate_renewal_opens_on);

  myna_certificate_expiry_after_renewal (&input->birth_date, &result->certificate_renewal_opens_on,
                                         &result->certificate_expires_on, NULL,
                                         &result->renewed_certificate_expires_on);
  /* A renewed certificate still ends with the card; a renewal of the card
   * itself would move that, which the calculator cannot know. */
  earlier (&result->renewed_certificate_expires_on, &result->card_expires_on);

  return TRUE;
}
