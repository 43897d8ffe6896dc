/* test-lifecycle.c
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

#include <stdio.h>

#include "myna-clock.h"
#include "myna-guidance.h"
#include "myna-lifecycle.h"

/* Every rule with its source, as the tables below name them. */

static void
set_date (GDate      *date,
          const char *iso)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  char buffer[16];

  g_assert_true (g_date_valid (date));
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  g_assert_cmpstr (buffer, ==, iso);
}

typedef struct
{
  const char *expiry;
  const char *opens;
  const char *source;
} RenewalCase;

static void
test_renewal_window (void)
{
  const RenewalCase cases[] = {
    { "2027-05-20", "2027-02-21", "seed 003, Q2: expiry 20 May, renewal from 21 February" },
    { "2026-11-30", "2026-08-31", "seed 002: the day after the date three months before" },
    { "2027-01-06", "2026-10-07", "seed 002, across a year" },
    { "2027-03-01", "2026-12-02", "seed 002" },
    /* No corresponding day: the last day of that month (民法 第143条第2項). */
    { "2027-05-31", "2027-03-01", "民法143条: 28 February, then 1 March" },
    { "2027-05-29", "2027-03-01", "民法143条: 28 February in a common year" },
    { "2028-05-29", "2028-03-01", "seed 002: 29 February exists in 2028" },
    { "2028-05-31", "2028-03-01", "民法143条: 29 February in a leap year" },
    { "2026-12-31", "2026-10-01", "民法143条: 30 September, then 1 October" },
    { "2026-08-31", "2026-06-01", "民法143条: 31 May exists" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate expiry, opens;

      g_test_message ("%s → %s (%s)", cases[i].expiry, cases[i].opens, cases[i].source);
      set_date (&expiry, cases[i].expiry);
      myna_renewal_opens_on (&expiry, &opens);
      assert_date (&opens, cases[i].opens);
    }
}

typedef struct
{
  const char   *now;
  const char   *not_before;
  const char   *not_after;
  MynaCertState state;
  int           days_left;
  const char   *source;
} StateCase;

static void
test_certificate_state (void)
{
  const StateCase cases[] = {
    { "2026-11-22T10:00:00+09:00", "2025-10-18T10:00:00+09:00", "2030-10-12T23:59:59+09:00",
      MYNA_CERT_STATE_WITHIN_VALIDITY, 1420, "reference §5.2: ends 23:59:59 JST" },
    { "2025-10-18T09:59:59+09:00", "2025-10-18T10:00:00+09:00", "2030-10-12T23:59:59+09:00",
      MYNA_CERT_STATE_NOT_YET_VALID, 1820, "before notBefore" },
    /* The day before the window, late at night, and the first minute of it. */
    { "2027-02-20T23:59:59+09:00", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_WITHIN_VALIDITY, 89, "seed 003: window opens 21 February" },
    { "2027-02-21T00:00:00+09:00", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_RENEWAL_OPEN, 88, "seed 003: window opens 21 February" },
    /* 15:00 UTC on 20 February is already 21 February in Japan. */
    { "2027-02-20T15:00:00Z", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_RENEWAL_OPEN, 88, "days in JST, not in UTC" },
    /* The last second, and the first second after. */
    { "2027-05-20T23:59:59+09:00", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_RENEWAL_OPEN, 0, "reference §5.2" },
    { "2027-05-21T00:00:00+09:00", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_EXPIRED, -1, "reference §5.2" },
    /* Evening in New York on 20 May is 21 May in Japan. */
    { "2027-05-20T11:30:00-04:00", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_EXPIRED, -1, "days in JST whatever the zone" },
    { "2027-06-09T12:00:00+09:00", "2022-05-01T10:00:00+09:00", "2027-05-20T23:59:59+09:00",
      MYNA_CERT_STATE_EXPIRED, -20, "seed 003, Q4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (cases[i].now, NULL);
      g_autoptr(GDateTime) not_before = g_date_time_new_from_iso8601 (cases[i].not_before, NULL);
      g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 (cases[i].not_after, NULL);
      MynaCertLifecycle lifecycle;

      g_test_message ("%s (%s)", cases[i].now, cases[i].source);
      g_assert_nonnull (now);
      myna_cert_lifecycle_compute (not_before, not_after, now, &lifecycle);
      g_assert_cmpint (lifecycle.state, ==, cases[i].state);
      g_assert_cmpint (lifecycle.days_left, ==, cases[i].days_left);
      g_assert_nonnull (myna_cert_state_to_string (lifecycle.state));
      g_assert_nonnull (myna_cert_state_get_label (lifecycle.state));
    }

  /* "Within validity period", never "valid" (issue #3). */
  g_assert_cmpstr (myna_cert_state_to_string (MYNA_CERT_STATE_WITHIN_VALIDITY), ==, "within-validity-period");
  g_assert_null (strstr (myna_cert_state_get_label (MYNA_CERT_STATE_RENEWAL_OPEN), "Valid,"));
}

static void
test_notice_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2027-01-01T10:00:00+09:00", NULL);
  g_autoptr(GDateTime) not_before = g_date_time_new_from_iso8601 ("2022-05-01T10:00:00+09:00", NULL);
  g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 ("2027-05-20T23:59:59+09:00", NULL);
  MynaCertLifecycle lifecycle;

  /* Seed 003: the notice comes about three months before. */
  myna_cert_lifecycle_compute (not_before, not_after, now, &lifecycle);
  assert_date (&lifecycle.notice_expected_on, "2027-02-20");
  assert_date (&lifecycle.last_day, "2027-05-20");
}

static void
test_days_in_japan (void)
{
  /* 1:00 on 1 May in Japan is still 30 April in UTC. */
  g_autoptr(GDateTime) not_before = g_date_time_new_from_iso8601 ("2022-04-30T16:00:00Z", NULL);
  g_autoptr(GDateTime) not_after = g_date_time_new_from_iso8601 ("2027-05-20T14:59:59Z", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-25T10:00:00+09:00", NULL);
  g_autofree char *shown = NULL;
  MynaCertLifecycle lifecycle;

  myna_cert_lifecycle_compute (not_before, not_after, now, &lifecycle);
  assert_date (&lifecycle.first_day, "2022-05-01");
  assert_date (&lifecycle.last_day, "2027-05-20");

  shown = myna_format_date_time_jst (not_before);
  g_assert_cmpstr (shown, ==, "2022-05-01 01:00:00 JST");
}

static void
test_age (void)
{
  const struct { const char *birth; const char *on; guint age; } cases[] = {
    { "2007-04-01", "2025-03-31", 17 },
    { "2007-04-01", "2025-04-01", 18 },
    { "2000-02-29", "2025-02-28", 24 },
    { "2000-02-29", "2025-03-01", 25 },
    { "2010-06-15", "2025-06-14", 14 },
    { "2010-06-15", "2025-06-15", 15 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate birth, on;

      set_date (&birth, cases[i].birth);
      set_date (&on, cases[i].on);
      g_assert_cmpuint (myna_age_on (&birth, &on), ==, cases[i].age);
    }
}

typedef struct
{
  const char    *birth;
  const char    *issue;
  MynaResidence  residence;
  const char    *stay_ends;
  guint          age;
  gboolean       signing;
  const char    *card;
  const char    *certificate;
  const char    *certificate_renewal;
  const char    *renewed_certificate;
  const char    *source;
} ExpiryCase;

static void
test_expiry_calculator (void)
{
  const ExpiryCase cases[] = {
    { "1985-07-10", "2024-03-01", MYNA_RESIDENCE_JAPANESE, NULL, 38, TRUE,
      "2033-07-10", "2028-07-10", "2028-04-11", "2033-07-10",
      "seeds 000/002: adult card to the 10th birthday; certificates to the 5th; seed 004: renewed, the 6th" },
    { "2008-06-15", "2025-06-01", MYNA_RESIDENCE_JAPANESE, NULL, 16, TRUE,
      "2029-06-15", "2029-06-15", "2029-03-16", "2029-06-15",
      "seeds 000/002: under 18, the card to the 5th birthday; the renewed certificate ends with the card" },
    /* Issued on the 18th birthday: adult; that birthday does not count. */
    { "2007-04-01", "2025-04-01", MYNA_RESIDENCE_JAPANESE, NULL, 18, TRUE,
      "2035-04-01", "2030-04-01", "2030-01-02", "2035-04-01",
      "seed 000: 成人(18歳以上)" },
    { "2015-01-01", "2025-01-02", MYNA_RESIDENCE_JAPANESE, NULL, 10, FALSE,
      "2030-01-01", "2030-01-01", "2029-10-02", "2030-01-01",
      "seed 001: no signing certificate under 15" },
    { "2010-06-15", "2025-06-15", MYNA_RESIDENCE_JAPANESE, NULL, 15, TRUE,
      "2030-06-15", "2030-06-15", "2030-03-16", "2030-06-15",
      "seed 001: from 15" },
    { "1980-12-31", "2025-01-15", MYNA_RESIDENCE_PERMANENT_RESIDENT, NULL, 44, TRUE,
      "2034-12-31", "2029-12-31", "2029-10-01", "2034-12-31",
      "seed 000: permanent residents as Japanese nationals; renewal from 1 October (民法143条)" },
    { "1990-02-02", "2025-10-01", MYNA_RESIDENCE_FOREIGN_RESIDENT, "2027-09-30", 35, TRUE,
      "2027-09-30", "2027-09-30", "2027-07-01", "2027-09-30",
      "seed 000: foreign residents, the end of the period of stay" },
    /* A long stay: the certificates still stop at the 5th birthday. */
    { "1990-02-02", "2025-10-01", MYNA_RESIDENCE_FOREIGN_RESIDENT, "2035-09-30", 35, TRUE,
      "2035-09-30", "2030-02-02", "2029-11-03", "2035-02-02",
      "seeds 000/004: the earlier of the 5th birthday and the card" },
    /* Born on 29 February: 28 February in common years (an assumption). */
    { "2000-02-29", "2025-03-01", MYNA_RESIDENCE_JAPANESE, NULL, 25, TRUE,
      "2035-02-28", "2030-02-28", "2029-11-29", "2035-02-28",
      "assumption: 28 February outside leap years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MynaExpiryInput input = { 0 };
      MynaExpiryResult result;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s issued %s (%s)", cases[i].birth, cases[i].issue, cases[i].source);
      set_date (&input.birth_date, cases[i].birth);
      set_date (&input.issue_date, cases[i].issue);
      input.residence = cases[i].residence;
      g_date_clear (&input.stay_ends_on, 1);
      if (cases[i].stay_ends != NULL)
        set_date (&input.stay_ends_on, cases[i].stay_ends);

      g_assert_true (myna_expiry_calculate (&input, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.age_at_issue, ==, cases[i].age);
      g_assert_cmpint (result.signing_certificate_issued, ==, cases[i].signing);
      assert_date (&result.card_expires_on, cases[i].card);
      assert_date (&result.certificate_expires_on, cases[i].certificate);
      assert_date (&result.certificate_renewal_opens_on, cases[i].certificate_renewal);
      assert_date (&result.renewed_certificate_expires_on, cases[i].renewed_certificate);

      /* A certificate never outlives the card (seed 004). */
      g_assert_cmpint (g_date_compare (&result.certificate_expires_on, &result.card_expires_on), <=, 0);
    }
}

/* The age from which a card runs ten years was 20 for applications
 * accepted before 2022-04-01, and is 18 since (see myna-lifecycle.c for
 * the public sources): both sides of the date, with and without the date
 * of application. */
static void
test_expiry_age_of_majority_2022 (void)
{
  const struct {
    const char *birth;
    const char *applied;        /* NULL: not known */
    const char *issue;
    const char *card;
    const char *card_if_before; /* NULL: no other possible date */
    const char *why;
  } cases[] = {
    /* 19 at issue, applied before the change: to the 5th birthday. */
    { "2002-06-15", "2022-03-31", "2022-05-10", "2026-06-15", NULL, "applied 2022-03-31, 19 at issue: under 20, 5th birthday" },
    /* The same person, applied a day later: the new rule, the 10th. */
    { "2002-06-15", "2022-04-01", "2022-05-10", "2031-06-15", NULL, "applied 2022-04-01, 19 at issue: 18 or over, 10th birthday" },
    /* Issued before the change: so was the application. */
    { "2002-06-15", NULL, "2021-09-01", "2026-06-15", NULL, "issued 2021-09-01 at 19: under 20, 5th birthday" },
    { "2002-06-15", NULL, "2022-03-31", "2026-06-15", NULL, "issued 2022-03-31 at 19: under 20, 5th birthday" },
    /* Issued soon after, date of application unknown: both dates. */
    { "2002-06-15", NULL, "2022-05-10", "2031-06-15", "2026-06-15", "issued 2022-05-10 at 19, application unknown" },
    { "2004-06-15", NULL, "2023-03-31", "2032-06-15", "2027-06-15", "issued 2023-03-31 at 18, application unknown" },
    { "2004-06-15", NULL, "2023-04-01", "2032-06-15", NULL, "issued 2023-04-01 at 18: a year after, the new rule" },
    /* 20 at issue: the 10th birthday under either rule. */
    { "2002-03-01", NULL, "2022-07-01", "2032-03-01", NULL, "20 at issue: 10th birthday either way" },
    /* 17 at issue: the 5th birthday under either rule. */
    { "2004-12-01", NULL, "2022-05-10", "2026-12-01", NULL, "17 at issue: 5th birthday either way" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MynaExpiryInput input = { 0 };
      MynaExpiryResult result;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].why);
      set_date (&input.birth_date, cases[i].birth);
      set_date (&input.issue_date, cases[i].issue);
      if (cases[i].applied != NULL)
        set_date (&input.applied_on, cases[i].applied);
      input.residence = MYNA_RESIDENCE_JAPANESE;

      g_assert_true (myna_expiry_calculate (&input, &result, &error));
      g_assert_no_error (error);
      assert_date (&result.card_expires_on, cases[i].card);
      if (cases[i].card_if_before != NULL)
        assert_date (&result.card_expires_on_if_applied_before_2022, cases[i].card_if_before);
      else
        g_assert_false (g_date_valid (&result.card_expires_on_if_applied_before_2022));
    }

  /* An application after the issue is a typing error. */
  {
    MynaExpiryInput input = { 0 };
    MynaExpiryResult result;
    g_autoptr(GError) error = NULL;

    set_date (&input.birth_date, "2002-06-15");
    set_date (&input.issue_date, "2022-05-10");
    set_date (&input.applied_on, "2022-05-11");
    g_assert_false (myna_expiry_calculate (&input, &result, &error));
    g_assert_error (error, MYNA_LIFECYCLE_ERROR, MYNA_LIFECYCLE_ERROR_INVALID_DATES);
  }
}

static void
test_expiry_calculator_errors (void)
{
  const struct { const char *birth; const char *issue; MynaResidence residence; const char *stay; } cases[] = {
    { "2000-01-01", "1999-12-31", MYNA_RESIDENCE_JAPANESE, NULL },
    { "1990-01-01", "2025-01-01", MYNA_RESIDENCE_FOREIGN_RESIDENT, NULL },
    { "1990-01-01", "2025-01-01", MYNA_RESIDENCE_FOREIGN_RESIDENT, "2024-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MynaExpiryInput input = { 0 };
      MynaExpiryResult result;
      g_autoptr(GError) error = NULL;

      set_date (&input.birth_date, cases[i].birth);
      set_date (&input.issue_date, cases[i].issue);
      input.residence = cases[i].residence;
      g_date_clear (&input.stay_ends_on, 1);
      if (cases[i].stay != NULL)
        set_date (&input.stay_ends_on, cases[i].stay);

      g_assert_false (myna_expiry_calculate (&input, &result, &error));
      g_assert_error (error, MYNA_LIFECYCLE_ERROR, MYNA_LIFECYCLE_ERROR_INVALID_DATES);
    }
}

static void
test_renewed_certificate (void)
{
  GDate birth, renewed, old_expiry, card, result;

  /* Seed 004: renewed before the old one expires, the 6th birthday; after,
   * the 5th; never past the card. */
  set_date (&birth, "1985-07-10");
  set_date (&old_expiry, "2028-07-10");

  set_date (&renewed, "2028-04-11");
  myna_certificate_expiry_after_renewal (&birth, &renewed, &old_expiry, NULL, &result);
  assert_date (&result, "2033-07-10");

  set_date (&renewed, "2028-07-10");
  myna_certificate_expiry_after_renewal (&birth, &renewed, &old_expiry, NULL, &result);
  assert_date (&result, "2034-07-10");

  set_date (&renewed, "2028-08-01");
  myna_certificate_expiry_after_renewal (&birth, &renewed, &old_expiry, NULL, &result);
  assert_date (&result, "2033-07-10");

  set_date (&renewed, "2028-04-11");
  set_date (&card, "2031-01-01");
  myna_certificate_expiry_after_renewal (&birth, &renewed, &old_expiry, &card, &result);
  assert_date (&result, "2031-01-01");
}

int
main (int   argc,
      char *argv[])
{
  /* Every rule counts in Japan time, whatever the machine's zone. */
  g_setenv ("TZ", "America/Los_Angeles", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/renewal-window", test_renewal_window);
  g_test_add_func ("/lifecycle/certificate-state", test_certificate_state);
  g_test_add_func ("/lifecycle/notice-date", test_notice_date);
  g_test_add_func ("/lifecycle/days-in-japan", test_days_in_japan);
  g_test_add_func ("/lifecycle/age", test_age);
  g_test_add_func ("/lifecycle/expiry-calculator", test_expiry_calculator);
  g_test_add_func ("/lifecycle/expiry-age-of-majority-2022", test_expiry_age_of_majority_2022);
  g_test_add_func ("/lifecycle/expiry-calculator/errors", test_expiry_calculator_errors);
  g_test_add_func ("/lifecycle/renewed-certificate", test_renewed_certificate);

  return g_test_run ();
}
