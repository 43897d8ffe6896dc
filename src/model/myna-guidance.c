/* myna-guidance.c
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
#include "myna-guidance.h"
#include "myna-guide-book.h"

/*
 * The guides that apply to one card, in the order to read them, each with
 * the reason it applies.
 */

const char *
myna_guidance_reason_to_string (MynaGuidanceReason reason)
{
  switch (reason)
    {
    case MYNA_GUIDANCE_JUKI_CARD:              return "juki-card";
    case MYNA_GUIDANCE_PIN_BLOCKED:            return "pin-blocked";
    case MYNA_GUIDANCE_PIN_LAST_TRY:           return "pin-last-try";
    case MYNA_GUIDANCE_CERTIFICATE_EXPIRED:    return "certificate-expired";
    case MYNA_GUIDANCE_RENEWAL_OPEN:           return "renewal-open";
    case MYNA_GUIDANCE_CARD_EXPIRES:           return "card-expires";
    case MYNA_GUIDANCE_CARD_MAY_EXPIRE:        return "card-may-expire";
    case MYNA_GUIDANCE_NO_SIGNING_CERTIFICATE: return "no-signing-certificate";
    case MYNA_GUIDANCE_ALWAYS:                 return "always";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
myna_guidance_free (MynaGuidance *guidance)
{
  if (guidance == NULL)
    return;

  g_free (guidance->guide_id);
  g_free (guidance->text);
  g_free (guidance);
}

/**
 * myna_format_date:
 * @date: a date
 *
 * Returns: (transfer full): @date as YYYY-MM-DD, which reads the same in
 *   every language
 */
char *
myna_format_date (const GDate *date)
{
  char buffer[16];

  g_return_val_if_fail (g_date_valid (date), NULL);

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);

  return g_strdup (buffer);
}

/**
 * myna_format_date_time_jst:
 * @date_time: a moment
 *
 * Returns: (transfer full): @date_time as a date and time in Japan, the
 *   zone every JPKI date is given in
 */
char *
myna_format_date_time_jst (GDateTime *date_time)
{
  g_autoptr(GDateTime) jst = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  jst = g_date_time_to_timezone (date_time, myna_clock_get_jst ());

  /* Translators: a date and time in Japan; keep the digits unambiguous. */
  return g_date_time_format (jst, _("%Y-%m-%d %H:%M:%S JST"));
}

/**
 * myna_parse_date:
 * @text: a date as typed: 2026-11-22, 2026/11/22, 2026.11.22, 20261122 or
 *   2026年11月22日, in ASCII or full-width digits
 * @date: (out caller-allocates): the date, cleared when @text is not one
 *
 * Reads the Gregorian dates people in Japan write. Era years (令和8年) are
 * not read: the calculator asks for the Western year.
 *
 * Returns: whether @text was a real date
 */
gboolean
myna_parse_date (const char *text,
                 GDate      *date)
{
  static gsize pattern;
  g_autofree char *normalized = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint64 year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  if (g_once_init_enter (&pattern))
    g_once_init_leave (&pattern, (gsize) g_regex_new ("^\\s*([0-9]{4})\\s*(?:[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})\\s*日?"
                                                      "|([0-9]{2})([0-9]{2}))\\s*$",
                                                      G_REGEX_OPTIMIZE, 0, NULL));

  /* NFKC turns full-width digits and separators into ASCII ones. */
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (!g_regex_match ((GRegex *) pattern, normalized, 0, &match))
    return FALSE;

  {
    g_autofree char *year_text = g_match_info_fetch (match, 1);
    g_autofree char *month_text = g_match_info_fetch (match, 2);
    g_autofree char *day_text = g_match_info_fetch (match, 3);

    if (month_text == NULL || *month_text == '\0')
      {
        g_free (month_text);
        g_free (day_text);
        month_text = g_match_info_fetch (match, 4);
        day_text = g_match_info_fetch (match, 5);
      }

    year = g_ascii_strtoull (year_text, NULL, 10);
    month = g_ascii_strtoull (month_text, NULL, 10);
    day = g_ascii_strtoull (day_text, NULL, 10);
  }

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/**
 * myna_reset_route_for_pin:
 * @pin: a PIN
 * @card: (nullable): the card, to rule out a route that needs a PIN it
 *   has locked or does not have
 * @route: (out caller-allocates): where it can be reset besides the
 *   municipal office, which resets every PIN (seeds 000, 002)
 *
 * A convenience-store reset needs the other certificate's PIN (seed 001:
 * the signing password "only if the user authentication PIN can be
 * entered"; the reset-pin guide's sources for the other way round). With
 * that PIN locked, or absent as on a card without a signing certificate,
 * only the office is left: MynaCheck never offers a route the card
 * cannot take.
 */
void
myna_reset_route_for_pin (MynaPinId       pin,
                          MynaCardStatus *card,
                          MynaResetRoute *route)
{
  MynaGuide *guide = myna_guide_book_lookup (myna_guide_book_get_default (), "reset-pin");
  const MynaGuideRoute *store;

  memset (route, 0, sizeof *route);

  store = myna_guide_find_route (guide, pin, MYNA_GUIDE_PLACE_CONVENIENCE_STORE);
  if (store == NULL)
    return;

  route->convenience_store = TRUE;
  route->convenience_store_has_requirement = store->has_requirement;
  route->convenience_store_requires = store->requires;

  if (card != NULL && store->has_requirement)
    {
      MynaPinState needed = myna_card_status_get_pin (card, store->requires)->state;

      if (needed == MYNA_PIN_STATE_BLOCKED || needed == MYNA_PIN_STATE_ABSENT)
        {
          route->convenience_store = FALSE;
          route->convenience_store_ruled_out = TRUE;
        }
    }
}

/**
 * myna_reset_route_describe:
 * @pin: a locked PIN
 * @card: (nullable): the card it is on
 *
 * The one sentence on where @pin can be reset, for the PIN row and the
 * guidance alike.
 *
 * Returns: (transfer full): a translated sentence
 */
char *
myna_reset_route_describe (MynaPinId       pin,
                           MynaCardStatus *card)
{
  MynaResetRoute route;
  MynaPinState needed = MYNA_PIN_STATE_UNKNOWN;

  myna_reset_route_for_pin (pin, card, &route);

  if (route.convenience_store_ruled_out)
    needed = myna_card_status_get_pin (card, route.convenience_store_requires)->state;

  if (route.convenience_store && route.convenience_store_requires == MYNA_PIN_AUTH)
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    return g_strdup (_("Reset it at the municipal office, or at a convenience-store kiosk with a smartphone app if you can still enter the user authentication PIN."));
  if (route.convenience_store)
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    return g_strdup (_("Reset it at the municipal office, or at some convenience stores with a smartphone app if you know the signing password."));

  if (route.convenience_store_ruled_out && route.convenience_store_requires == MYNA_PIN_AUTH)
    return g_strdup (needed == MYNA_PIN_STATE_BLOCKED
                       /* Translators: PIN, certificate and card names as in po/glossary.json. */
                       ? _("Reset it at the municipal office: a convenience-store reset needs the user authentication PIN, which is locked too.")
                       /* Translators: PIN, certificate and card names as in po/glossary.json. */
                       : _("Reset it at the municipal office: a convenience-store reset needs the user authentication PIN, which this card does not have."));
  if (route.convenience_store_ruled_out)
    return g_strdup (needed == MYNA_PIN_STATE_BLOCKED
                       /* Translators: PIN, certificate and card names as in po/glossary.json. */
                       ? _("Reset it at the municipal office: a convenience-store reset needs the signing password, which is locked too.")
                       /* Translators: PIN, certificate and card names as in po/glossary.json. */
                       : _("Reset it at the municipal office: a convenience-store reset needs the signing password, which this card does not have."));

  return g_strdup (_("It can be reset only at the municipal office."));
}

/**
 * myna_expired_certificate_advice:
 *
 * Returns: (transfer none): what to do about an expired certificate,
 *   wherever that is shown
 */
const char *
myna_expired_certificate_advice (void)
{
  /* Seeds 003 (Q4) and 004: after expiry, a new issue; seed 003: an
   * expired card's certificates lapse with it. */
  return _("You can still have new certificates issued at the municipal office, as long as the card itself has not expired.");
}

/**
 * myna_no_signing_certificate_reason:
 *
 * Returns: (transfer none): why a card may have no signing certificate,
 *   wherever that is shown
 */
const char *
myna_no_signing_certificate_reason (void)
{
  /* Seeds 000 ("希望されない場合を除く") and 001 ("いずれか1つだけの搭載も可能",
   * "15歳未満のかたと成年被後見人のかたへは、発行できません"). A revoked
   * certificate is not said to leave the chip, so revocation is no reason
   * here.
   * Translators: PIN, certificate and card names as in po/glossary.json. */
  return _("The holder may have declined the signing certificate when the card was issued; it is not issued to people under 15 or to adult wards.");
}

/**
 * myna_juki_card_text:
 *
 * Returns: (transfer none): what to say of an old Basic Resident
 *   Registration card's certificates, wherever they are shown
 */
const char *
myna_juki_card_text (void)
{
  /* Seeds 001 and 004: issue and renewal ended on 2015-12-22.
   * Translators: PIN, certificate and card names as in po/glossary.json. */
  return _("This is an old Basic Resident Registration card (住基カード). Its certificates can no longer be issued or renewed; a My Number card replaces it.");
}

/**
 * myna_card_report_get_lifecycle:
 * @report: a card report
 * @id: a certificate
 * @now: the moment to judge at
 * @lifecycle: (out caller-allocates): where the certificate stands
 *
 * The one place that decides whether a card's certificate can be renewed:
 * the window, the status line, `--status` and its JSON all ask here. The
 * certificates of an old Basic Resident Registration card can be neither
 * renewed nor issued again (seeds 001, 004); only the holder's two
 * certificates are renewed at all.
 *
 * Returns: %TRUE if the certificate was read
 */
gboolean
myna_card_report_get_lifecycle (MynaCardReport    *report,
                                MynaCertId         id,
                                GDateTime         *now,
                                MynaCertLifecycle *lifecycle)
{
  MynaCertificate *cert = myna_card_report_get_certificate (report, id);

  if (cert == NULL)
    return FALSE;

  myna_cert_lifecycle_compute (myna_certificate_get_not_before (cert),
                               myna_certificate_get_not_after (cert), now, lifecycle);

  if ((id != MYNA_CERT_AUTH && id != MYNA_CERT_SIGN) ||
      myna_card_status_get_kind (myna_card_report_get_status (report)) == MYNA_CARD_KIND_JUKI)
    myna_cert_lifecycle_make_unrenewable (lifecycle);

  return TRUE;
}

static MynaGuidance *
add (GPtrArray          *list,
     MynaGuidanceReason  reason,
     const char         *guide_id,
     char               *text)
{
  MynaGuidance *guidance = g_new0 (MynaGuidance, 1);

  g_assert (myna_guide_book_lookup (myna_guide_book_get_default (), guide_id) != NULL);

  guidance->reason = reason;
  guidance->guide_id = g_strdup (guide_id);
  guidance->text = text;
  g_ptr_array_add (list, guidance);

  return guidance;
}

static char *
blocked_pin_text (MynaPinId       pin,
                  MynaCardStatus *card)
{
  g_autofree char *route = myna_reset_route_describe (pin, card);
  const char *locked;

  switch (pin)
    {
    case MYNA_PIN_AUTH:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      locked = _("The user authentication PIN is locked: no tries are left.");
      /* Seed 002: a face-recognition card's PINs are locked by design. */
      return g_strdup_printf ("%s %s %s", locked, route,
                              _("On a face-recognition My Number card (顔認証マイナンバーカード) this PIN is locked by design."));
    case MYNA_PIN_SIGN:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      locked = _("The signing password is locked: no tries are left.");
      break;
    case MYNA_PIN_CARD_INFO:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      locked = _("The card-info input support PIN is locked: no tries are left.");
      break;
    case MYNA_PIN_JUKI:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      locked = _("The resident registry PIN is locked: no tries are left.");
      break;
    case MYNA_N_PINS:
    default:
      g_return_val_if_reached (NULL);
    }

  return g_strdup_printf ("%s %s", locked, route);
}

static char *
last_try_text (MynaPinId pin)
{
  const char *advice = _("If you are not sure of it, have it reset instead of guessing.");

  switch (pin)
    {
    case MYNA_PIN_AUTH:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      return g_strdup_printf ("%s %s", _("The user authentication PIN has one try left: a wrong entry now locks it."), advice);
    case MYNA_PIN_SIGN:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      return g_strdup_printf ("%s %s", _("The signing password has one try left: a wrong entry now locks it."), advice);
    case MYNA_PIN_CARD_INFO:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      return g_strdup_printf ("%s %s", _("The card-info input support PIN has one try left: a wrong entry now locks it."), advice);
    case MYNA_PIN_JUKI:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      return g_strdup_printf ("%s %s", _("The resident registry PIN has one try left: a wrong entry now locks it."), advice);
    case MYNA_N_PINS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
expired_text (MynaCertId  id,
              const char *last_day)
{
  if (id == MYNA_CERT_SIGN)
    /* Translators: %s is a date, YYYY-MM-DD. */
    return g_strdup_printf (_("The signing certificate expired on %s."), last_day);

  /* Translators: %s is a date, YYYY-MM-DD. */
  return g_strdup_printf (_("The user authentication certificate expired on %s."), last_day);
}

static char *
renewal_text (MynaCertId  id,
              const char *last_day,
              int         days_left)
{
  if (days_left == 0)
    return g_strdup_printf (id == MYNA_CERT_SIGN
                              /* Translators: %s is a date, YYYY-MM-DD: today, the last day. */
                              ? _("The signing certificate expires at the end of today, %s.")
                              /* Translators: %s is a date, YYYY-MM-DD: today, the last day. */
                              : _("The user authentication certificate expires at the end of today, %s."),
                            last_day);
  if (id == MYNA_CERT_SIGN)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a date, YYYY-MM-DD; %d a number of days. */
                                         "The signing certificate expires on %s, in %d day.",
                                         "The signing certificate expires on %s, in %d days.",
                                         days_left),
                            last_day, days_left);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a date, YYYY-MM-DD; %d a number of days. */
                                       "The user authentication certificate expires on %s, in %d day.",
                                       "The user authentication certificate expires on %s, in %d days.",
                                       days_left),
                          last_day, days_left);
}

static void
add_pin_guidance (GPtrArray      *list,
                  MynaCardStatus *status,
                  MynaPinState    state)
{
  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      const MynaPinStatus *pin = myna_card_status_get_pin (status, id);
      MynaGuidance *guidance;
      char *text;

      if (pin->state != state)
        continue;

      text = state == MYNA_PIN_STATE_BLOCKED ? blocked_pin_text (id, status) : last_try_text (id);

      guidance = add (list, state == MYNA_PIN_STATE_BLOCKED ? MYNA_GUIDANCE_PIN_BLOCKED
                                                             : MYNA_GUIDANCE_PIN_LAST_TRY,
                      "reset-pin", text);
      guidance->has_pin = TRUE;
      guidance->pin = id;
    }
}

/*
 * Whether a certificate is known to end on the card's own last day. A
 * certificate never runs past its card (seed 004: "5回目の誕生日とマイナンバー
 * カードの有効期間満了日のうち、いずれか早い日まで"), and the card's date is not on
 * the chip where MynaCheck can read it without a PIN. Two things show it:
 *
 * - a certificate cut short: the 5th birthday after issue always falls
 *   more than four years after it, so a certificate of four years or
 *   less ended with the card (a foreign resident's period of stay, seeds
 *   000 and 002, or the card's own 10th birthday);
 * - a holder under 18 on the first day (20 before 2022-04-01): the card
 *   and the certificates both end on the 5th birthday (seed 000), which
 *   the signing certificate's birth date tells, once it has been read.
 */
static gboolean
certificate_ends_with_card (MynaCardReport          *report,
                            const MynaCertLifecycle *lifecycle)
{
  MynaCertificate *signing = myna_card_report_get_certificate (report, MYNA_CERT_SIGN);
  GDate four_years = lifecycle->first_day;
  g_autoptr(MynaHolder) holder = NULL;
  GDate change;

  g_date_add_years (&four_years, 4);
  if (g_date_compare (&lifecycle->last_day, &four_years) <= 0)
    return TRUE;

  if (signing == NULL || !myna_certificate_has_holder (signing))
    return FALSE;
  holder = myna_certificate_get_holder (signing, NULL);
  if (holder == NULL || !g_date_valid (&holder->birth_date))
    return FALSE;

  g_date_clear (&change, 1);
  g_date_set_dmy (&change, 1, G_DATE_APRIL, 2022);

  return myna_age_on (&holder->birth_date, &lifecycle->first_day) <
         (g_date_compare (&lifecycle->first_day, &change) < 0 ? 20 : 18);
}

static void
add_certificate_guidance (GPtrArray      *list,
                          MynaCardReport *report,
                          GDateTime      *now)
{
  static const MynaCertId certificates[] = { MYNA_CERT_AUTH, MYNA_CERT_SIGN };
  gboolean card_told = FALSE;
  gboolean card_maybe = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (certificates); i++)
    {
      MynaCertId id = certificates[i];
      MynaCertLifecycle lifecycle;
      g_autofree char *last_day = NULL;
      g_autofree char *opens_on = NULL;
      g_autofree char *first = NULL;
      MynaGuidance *guidance = NULL;
      gboolean with_card;

      if (!myna_card_report_get_lifecycle (report, id, now, &lifecycle) || !lifecycle.renewable)
        continue;
      if (lifecycle.state != MYNA_CERT_STATE_EXPIRED && lifecycle.state != MYNA_CERT_STATE_RENEWAL_OPEN)
        continue;

      last_day = myna_format_date (&lifecycle.last_day);
      opens_on = myna_format_date (&lifecycle.renewal_opens_on);
      with_card = certificate_ends_with_card (report, &lifecycle);

      if (lifecycle.state == MYNA_CERT_STATE_EXPIRED)
        first = expired_text (id, last_day);
      else
        first = renewal_text (id, last_day, lifecycle.days_left);

      if (with_card && card_told)
        continue;
      if (with_card)
        {
          /* Seed 003: an expired card is no identity document, and its
           * certificates lapse with it; a new card comes with new ones. */
          guidance = add (list, MYNA_GUIDANCE_CARD_EXPIRES, "renew-card",
                          g_strdup_printf ("%s %s", first,
                                           lifecycle.state == MYNA_CERT_STATE_EXPIRED
                                             ? _("The card itself expired on the same day: apply for a new card, which comes with new certificates.")
                                             : _("The card itself expires on the same day: renewing the certificates alone would not keep it working. Renew the card, which comes with new certificates; a foreign resident whose stay was extended has the card's validity extended at the municipal office instead.")));
          card_told = TRUE;
        }
      else if (lifecycle.state == MYNA_CERT_STATE_EXPIRED)
        {
          /* Seeds 003 (Q4) and 004: after expiry, a new issue, on a card
           * still within its own validity period (seed 003). */
          guidance = add (list, MYNA_GUIDANCE_CERTIFICATE_EXPIRED, "new-certificate",
                          g_strdup_printf ("%s %s", first, myna_expired_certificate_advice ()));
          card_maybe = TRUE;
        }
      else
        {
          /* Seeds 002, 003: renewal opens the day after the date three
           * months before expiry; free (seed 003, Q1). */
          g_autofree char *second = g_strdup_printf (_("Renewal has been open since %s; it is free."), opens_on);

          guidance = add (list, MYNA_GUIDANCE_RENEWAL_OPEN, "renew-certificate",
                          g_strdup_printf ("%s %s", first, second));
          card_maybe = TRUE;
        }

      guidance->has_certificate = TRUE;
      guidance->certificate = id;
    }

  /* Seeds 000 and 003: the expiry notice covers whichever of the card and
   * the certificates ends first, and for minors and foreign residents
   * they end together. */
  if (card_maybe && !card_told)
    add (list, MYNA_GUIDANCE_CARD_MAY_EXPIRE, "renew-card",
         g_strdup (_("Check the expiry date printed on the front of the card. If it is the same as the certificates', or earlier, the card itself must be renewed: for people under 18 and foreign residents it often is.")));
}

/**
 * myna_guidance_for_report:
 * @report: what was read from a card
 * @now: the moment to judge at
 *
 * Chooses the guides for this card: an old juki card first, then locked
 * PINs with their reset route, PINs on their last try, expired
 * certificates, renewal, a missing signing certificate, and last, always,
 * what to do if the card is lost.
 *
 * Returns: (transfer container) (element-type MynaGuidance): the guidance
 */
GPtrArray *
myna_guidance_for_report (MynaCardReport *report,
                          GDateTime      *now)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_guidance_free);
  MynaCardStatus *status;
  MynaCardKind kind;

  g_return_val_if_fail (MYNA_IS_CARD_REPORT (report), list);
  g_return_val_if_fail (now != NULL, list);

  status = myna_card_report_get_status (report);
  kind = myna_card_status_get_kind (status);

  if (kind == MYNA_CARD_KIND_JUKI)
    {
      add (list, MYNA_GUIDANCE_JUKI_CARD, "replace-juki-card", g_strdup (myna_juki_card_text ()));
    }

  add_pin_guidance (list, status, MYNA_PIN_STATE_BLOCKED);
  add_pin_guidance (list, status, MYNA_PIN_STATE_LAST_TRY);

  if (kind != MYNA_CARD_KIND_JUKI)
    add_certificate_guidance (list, report, now);

  if (kind == MYNA_CARD_KIND_MY_NUMBER &&
      myna_card_status_get_pin (status, MYNA_PIN_SIGN)->state == MYNA_PIN_STATE_ABSENT)
    {
      MynaGuidance *guidance;

      /* Seeds 000 and 001: not under 15 or to adult wards; revoked by a
       * change of the four basic facts. */
      guidance = add (list, MYNA_GUIDANCE_NO_SIGNING_CERTIFICATE, "new-certificate",
                      g_strdup_printf ("%s %s %s",
                                       /* Translators: PIN, certificate and card names as in po/glossary.json. */
                                       _("This card has no signing certificate."),
                                       myna_no_signing_certificate_reason (),
                                       _("From 15 you can have one issued at the municipal office.")));
      guidance->has_certificate = TRUE;
      guidance->certificate = MYNA_CERT_SIGN;
    }

  add (list, MYNA_GUIDANCE_ALWAYS, "lost-card",
       g_strdup (_("If you ever lose the card, suspend it at once by phone, at any hour.")));

  return list;
}
