/* test-guidance.c
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

#include "myna-card-report.h"
#include "myna-card-session.h"
#include "myna-clock.h"
#include "myna-guidance.h"
#include "myna-guide-book.h"
#include "myna-jpki.h"
#include "myna-lifecycle.h"
#include "myna-status-line.h"
#include "myna-virtual-transport.h"

typedef struct
{
  const char *guide;
  const char *reason;
  const char *subject; /* PIN or certificate id, or NULL */
} Expected;

typedef struct
{
  const char *scenario;
  const char *password;
  Expected    guidance[6];
} GuidanceCase;

static MynaCardReport *
read_report (const char *scenario,
             const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaVirtualCard) card = myna_virtual_card_new (scenario, &error);
  g_autoptr(MynaVirtualTransport) transport = NULL;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(MynaCardStatus) status = NULL;
  MynaCardReport *report;

  g_assert_no_error (error);
  transport = myna_virtual_transport_new (card);
  session = myna_card_session_new (MYNA_TRANSPORT (transport));
  status = myna_jpki_read_status (session, NULL, &error);
  g_assert_no_error (error);
  report = myna_card_report_new (status);

  if (password != NULL)
    {
      g_autofree char *typed = g_strdup (password);
      g_autoptr(GBytes) der = myna_jpki_read_signing_certificate (session, typed, 0, NULL, NULL, &error);

      g_assert_no_error (error);
      myna_card_report_set_signing_certificate (report, der, &error);
      g_assert_no_error (error);
    }

  return report;
}

static void
test_guidance_scenario (gconstpointer data)
{
  const GuidanceCase *expected = data;
  g_autoptr(MynaCardReport) report = read_report (expected->scenario, expected->password);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GPtrArray) guidance = myna_guidance_for_report (report, now);
  guint n = 0;

  while (n < G_N_ELEMENTS (expected->guidance) && expected->guidance[n].guide != NULL)
    n++;

  for (guint i = 0; i < guidance->len; i++)
    {
      const MynaGuidance *item = g_ptr_array_index (guidance, i);

      g_test_message ("%s: %s (%s) — %s", expected->scenario, item->guide_id,
                      myna_guidance_reason_to_string (item->reason), item->text);
    }

  g_assert_cmpuint (guidance->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const MynaGuidance *item = g_ptr_array_index (guidance, i);
      const char *subject = NULL;

      g_assert_cmpstr (item->guide_id, ==, expected->guidance[i].guide);
      g_assert_cmpstr (myna_guidance_reason_to_string (item->reason), ==, expected->guidance[i].reason);
      g_assert_nonnull (myna_guide_book_lookup (myna_guide_book_get_default (), item->guide_id));
      g_assert_true (item->text != NULL && strlen (item->text) > 20);

      if (item->has_pin)
        subject = myna_pin_id_to_string (item->pin);
      else if (item->has_certificate)
        subject = myna_cert_id_to_string (item->certificate);
      g_assert_cmpstr (subject, ==, expected->guidance[i].subject);
    }
}

static const GuidanceCase cases[] = {
  { "valid", NULL, {
      { "lost-card", "always", NULL } } },
  { "pin-blocked", NULL, {
      { "reset-pin", "pin-blocked", "sign" },
      { "reset-pin", "pin-last-try", "card-info" },
      { "lost-card", "always", NULL } } },
  { "auth-blocked", NULL, {
      { "reset-pin", "pin-blocked", "auth" },
      { "lost-card", "always", NULL } } },
  { "last-try", NULL, {
      { "reset-pin", "pin-last-try", "sign" },
      { "lost-card", "always", NULL } } },
  /* No convenience store when the PIN it needs is locked too. */
  { "both-locked", NULL, {
      { "reset-pin", "pin-blocked", "auth" },
      { "reset-pin", "pin-blocked", "sign" },
      { "lost-card", "always", NULL } } },
  /* An adult's certificates: the card may or may not end with them. */
  { "renewal", NULL, {
      { "renew-certificate", "renewal-open", "auth" },
      { "renew-card", "card-may-expire", NULL },
      { "lost-card", "always", NULL } } },
  /* With the signing certificate read, both are judged. */
  { "renewal", "MYNA2026", {
      { "renew-certificate", "renewal-open", "auth" },
      { "renew-certificate", "renewal-open", "sign" },
      { "renew-card", "card-may-expire", NULL },
      { "lost-card", "always", NULL } } },
  /* Issued at 15: without the birth date, MynaCheck cannot tell… */
  { "under-18", NULL, {
      { "renew-certificate", "renewal-open", "auth" },
      { "renew-card", "card-may-expire", NULL },
      { "lost-card", "always", NULL } } },
  /* …with it, the card ends with the certificates (seed 000). */
  { "under-18", "MYNA2026", {
      { "renew-card", "card-expires", "auth" },
      { "lost-card", "always", NULL } } },
  /* Certificates of under two years: cut short by the card. */
  { "stay-ends", NULL, {
      { "renew-card", "card-expires", "auth" },
      { "lost-card", "always", NULL } } },
  { "expired", NULL, {
      { "new-certificate", "certificate-expired", "auth" },
      { "renew-card", "card-may-expire", NULL },
      { "lost-card", "always", NULL } } },
  { "no-signing", NULL, {
      { "new-certificate", "no-signing-certificate", "sign" },
      { "lost-card", "always", NULL } } },
  { "juki", NULL, {
      { "replace-juki-card", "juki-card", NULL },
      { "lost-card", "always", NULL } } },
};

static void
test_guidance_texts (void)
{
  g_autoptr(MynaCardReport) blocked = read_report ("auth-blocked", NULL);
  g_autoptr(MynaCardReport) renewal = read_report ("renewal", NULL);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GPtrArray) blocked_guidance = myna_guidance_for_report (blocked, now);
  g_autoptr(GPtrArray) renewal_guidance = myna_guidance_for_report (renewal, now);
  const MynaGuidance *auth = g_ptr_array_index (blocked_guidance, 0);
  const MynaGuidance *renew = g_ptr_array_index (renewal_guidance, 0);

  /* Seed 002: say so when the authentication PIN reads blocked. */
  g_assert_nonnull (strstr (auth->text, "顔認証マイナンバーカード"));
  /* Seed 003: 45 days left, renewal is free. */
  g_assert_nonnull (strstr (renew->text, "in 45 days"));
  g_assert_nonnull (strstr (renew->text, "free"));
}

/* The juki card's rule lives in the model: every view asks
 * myna_card_report_get_lifecycle(). */
static void
test_juki_not_renewable (void)
{
  g_autoptr(MynaCardReport) juki = read_report ("juki", "MYNA2026");
  g_autoptr(MynaCardReport) valid = read_report ("valid", "MYNA2026");
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autofree char *line = myna_status_line_build (juki, now);
  const MynaCertId holders[] = { MYNA_CERT_AUTH, MYNA_CERT_SIGN };
  MynaCertLifecycle lifecycle;

  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    {
      MynaCertId id = holders[i];

      g_assert_true (myna_card_report_get_lifecycle (valid, id, now, &lifecycle));
      g_assert_true (lifecycle.renewable);
      g_assert_true (g_date_valid (&lifecycle.renewal_opens_on));

      /* The juki card carries only a signing certificate. */
      if (!myna_card_report_get_lifecycle (juki, id, now, &lifecycle))
        {
          g_assert_cmpint (id, ==, MYNA_CERT_AUTH);
          continue;
        }
      g_assert_false (lifecycle.renewable);
      g_assert_false (g_date_valid (&lifecycle.renewal_opens_on));
      g_assert_cmpint (lifecycle.state, !=, MYNA_CERT_STATE_RENEWAL_OPEN);
    }

  g_test_message ("juki: %s", line);
  g_assert_null (strstr (line, "renewal open"));
}

/* Never a convenience-store reset that needs a PIN which is itself locked
 * or absent: not in the route, the guidance, or the PIN row's sentence. */
static void
test_reset_routes_on_card (void)
{
  g_autoptr(MynaCardReport) both = read_report ("both-locked", NULL);
  g_autoptr(MynaCardReport) auth_only = read_report ("auth-blocked", NULL);
  g_autoptr(MynaCardReport) sign_only = read_report ("pin-blocked", NULL);
  g_autoptr(MynaCardReport) child = read_report ("no-signing", NULL);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GPtrArray) guidance = myna_guidance_for_report (both, now);
  MynaCardStatus *status = myna_card_report_get_status (both);
  MynaResetRoute route;
  g_autofree char *auth_text = NULL;
  g_autofree char *sign_text = NULL;
  g_autofree char *child_text = NULL;
  g_autofree char *open_auth = NULL;
  g_autofree char *open_sign = NULL;

  myna_reset_route_for_pin (MYNA_PIN_AUTH, status, &route);
  g_assert_false (route.convenience_store);
  g_assert_true (route.convenience_store_ruled_out);
  g_assert_cmpint (route.convenience_store_requires, ==, MYNA_PIN_SIGN);
  myna_reset_route_for_pin (MYNA_PIN_SIGN, status, &route);
  g_assert_false (route.convenience_store);
  g_assert_true (route.convenience_store_ruled_out);

  auth_text = myna_reset_route_describe (MYNA_PIN_AUTH, status);
  sign_text = myna_reset_route_describe (MYNA_PIN_SIGN, status);
  g_assert_nonnull (strstr (auth_text, "signing password, which is locked too"));
  g_assert_nonnull (strstr (sign_text, "user authentication PIN, which is locked too"));
  for (guint i = 0; i < guidance->len; i++)
    {
      const MynaGuidance *item = g_ptr_array_index (guidance, i);

      g_assert_null (strstr (item->text, "or at some convenience stores"));
      g_assert_null (strstr (item->text, "or at a convenience-store kiosk"));
    }

  /* A child's card has no signing password to reset with. */
  myna_reset_route_for_pin (MYNA_PIN_AUTH, myna_card_report_get_status (child), &route);
  g_assert_false (route.convenience_store);
  child_text = myna_reset_route_describe (MYNA_PIN_AUTH, myna_card_report_get_status (child));
  g_assert_nonnull (strstr (child_text, "which this card does not have"));

  /* With the other PIN working, the store is offered. */
  open_auth = myna_reset_route_describe (MYNA_PIN_AUTH, myna_card_report_get_status (auth_only));
  open_sign = myna_reset_route_describe (MYNA_PIN_SIGN, myna_card_report_get_status (sign_only));
  g_assert_nonnull (strstr (open_auth, "convenience stores"));
  g_assert_nonnull (strstr (open_sign, "convenience-store kiosk"));
}

/* O3, O4: the card's own expiry, and a missing signing certificate that
 * may have been declined. */
static void
test_card_expiry_texts (void)
{
  g_autoptr(MynaCardReport) stay = read_report ("stay-ends", NULL);
  g_autoptr(MynaCardReport) expired = read_report ("expired", NULL);
  g_autoptr(MynaCardReport) child = read_report ("no-signing", NULL);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GPtrArray) stay_guidance = myna_guidance_for_report (stay, now);
  g_autoptr(GPtrArray) expired_guidance = myna_guidance_for_report (expired, now);
  g_autoptr(GPtrArray) child_guidance = myna_guidance_for_report (child, now);
  const MynaGuidance *card = g_ptr_array_index (stay_guidance, 0);
  const MynaGuidance *new_certificate = g_ptr_array_index (expired_guidance, 0);
  const MynaGuidance *maybe = g_ptr_array_index (expired_guidance, 1);
  const MynaGuidance *no_signing = g_ptr_array_index (child_guidance, 0);

  g_assert_nonnull (strstr (card->text, "The card itself expires on the same day"));
  g_assert_nonnull (strstr (new_certificate->text, "as long as the card itself has not expired"));
  g_assert_nonnull (strstr (maybe->text, "printed on the front of the card"));
  g_assert_nonnull (strstr (no_signing->text, "declined"));
}

static void
test_reset_routes (void)
{
  MynaResetRoute route;

  myna_reset_route_for_pin (MYNA_PIN_SIGN, NULL, &route);
  g_assert_true (route.convenience_store);
  g_assert_true (route.convenience_store_has_requirement);
  g_assert_cmpint (route.convenience_store_requires, ==, MYNA_PIN_AUTH);

  myna_reset_route_for_pin (MYNA_PIN_AUTH, NULL, &route);
  g_assert_true (route.convenience_store);
  g_assert_cmpint (route.convenience_store_requires, ==, MYNA_PIN_SIGN);

  myna_reset_route_for_pin (MYNA_PIN_CARD_INFO, NULL, &route);
  g_assert_false (route.convenience_store);
  myna_reset_route_for_pin (MYNA_PIN_JUKI, NULL, &route);
  g_assert_false (route.convenience_store);
}

static void
test_parse_date (void)
{
  const struct { const char *text; const char *expected; } dates[] = {
    { "2026-11-22", "2026-11-22" },
    { " 2026/1/5 ", "2026-01-05" },
    { "2026.01.05", "2026-01-05" },
    { "20261122", "2026-11-22" },
    { "2026年11月22日", "2026-11-22" },
    { "２０２６－１１－２２", "2026-11-22" },   /* full-width, as an IME types it */
    { "２０２６年１月５日", "2026-01-05" },
    { "2024-02-29", "2024-02-29" },
    { "2023-02-29", NULL },                  /* no such day */
    { "2026-13-01", NULL },
    { "2026-00-10", NULL },
    { "2026-11-00", NULL },
    { "2026-11", NULL },
    { "26-11-22", NULL },
    { "令和8年11月22日", NULL },             /* era years are not read */
    { "2026-11-22x", NULL },
    { "", NULL },
    { "\xff\xfe", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      GDate date;
      gboolean ok = myna_parse_date (dates[i].text, &date);

      g_assert_cmpint (ok, ==, dates[i].expected != NULL);
      if (ok)
        {
          g_autofree char *text = myna_format_date (&date);

          g_assert_cmpstr (text, ==, dates[i].expected);
        }
      else
        {
          g_assert_false (g_date_valid (&date));
        }
    }
}

typedef struct
{
  const char *scenario;
  const char *pins;   /* the start of the line */
  const char *dates;  /* the certificate part, before its date */
  gboolean    last_day;
} StatusLineCase;

static void
test_status_line (gconstpointer data)
{
  const StatusLineCase *expected = data;
  g_autoptr(MynaCardReport) report = read_report (expected->scenario, NULL);
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autofree char *line = myna_status_line_build (report, now);
  MynaCertificate *auth = myna_card_report_get_certificate (report, MYNA_CERT_AUTH);
  MynaCertLifecycle lifecycle;
  g_autofree char *date = NULL;
  g_autofree char *tail = NULL;

  g_test_message ("%s: %s", expected->scenario, line);
  g_assert_true (g_str_has_prefix (line, expected->pins));

  myna_cert_lifecycle_compute (myna_certificate_get_not_before (auth),
                               myna_certificate_get_not_after (auth), now, &lifecycle);
  date = myna_format_date (expected->last_day ? &lifecycle.last_day : &lifecycle.renewal_opens_on);
  tail = g_strdup_printf (" · %s %s", expected->dates, date);
  g_assert_true (g_str_has_suffix (line, tail));

  /* Read aloud over the phone: no number of the card or its holder. */
  g_assert_null (strstr (line, myna_certificate_get_serial (auth)));
  g_assert_null (strstr (line, myna_certificate_get_common_name (auth)));
}

int
main (int   argc,
      char *argv[])
{
  static const StatusLineCase status_lines[] = {
    { "valid", "AUTH 3/3 · SIGN 5/5 · INFO 3/3 · JUKI 3/3", "renewal opens", FALSE },
    { "pin-blocked", "AUTH 2/3 · SIGN locked · INFO 1/3 · JUKI 3/3", "renewal opens", FALSE },
    { "renewal", "AUTH 3/3 · SIGN 5/5", "renewal open, last day", TRUE },
    { "expired", "AUTH 3/3", "expired, last day", TRUE },
    { "no-signing", "AUTH 3/3 · SIGN none · INFO 3/3", "renewal opens", FALSE },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/guidance/%s%s", cases[i].scenario,
                                               cases[i].password != NULL ? "/with-signing" : "");

      g_test_add_data_func (path, &cases[i], test_guidance_scenario);
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_lines); i++)
    {
      g_autofree char *path = g_strdup_printf ("/status-line/%s", status_lines[i].scenario);

      g_test_add_data_func (path, &status_lines[i], test_status_line);
    }
  g_test_add_func ("/guidance/texts", test_guidance_texts);
  g_test_add_func ("/guidance/reset-routes", test_reset_routes);
  g_test_add_func ("/guidance/reset-routes-on-card", test_reset_routes_on_card);
  g_test_add_func ("/guidance/card-expiry-texts", test_card_expiry_texts);
  g_test_add_func ("/guidance/juki-not-renewable", test_juki_not_renewable);
  g_test_add_func ("/guidance/parse-date", test_parse_date);

  return g_test_run ();
}
