/* myna-status-line.c
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

#include <glib/gi18n.h>

#include "myna-guidance.h"
#include "myna-lifecycle.h"
#include "myna-status-line.h"

/*
 * The help-desk status line: what a resident reads aloud to staff who
 * must not see the screen's personal data, e.g.
 * "AUTH 3/3 · SIGN 1/5 · INFO 3/3 · JUKI 3/3 · renewal opens 2026-09-09".
 * It holds tries and dates only, never a name, number or fingerprint.
 */

static const char *
pin_code (MynaPinId id)
{
  switch (id)
    {
    /* Translators: the short codes of the four PINs in the help-desk
     * status line, which a resident reads aloud to staff ("AUTH 3/3 ·
     * SIGN 1/5"). Keep them short and easy to say. */
    case MYNA_PIN_AUTH:      return C_("pin code", "AUTH");
    case MYNA_PIN_SIGN:      return C_("pin code", "SIGN");
    case MYNA_PIN_CARD_INFO: return C_("pin code", "INFO");
    case MYNA_PIN_JUKI:      return C_("pin code", "JUKI");
    case MYNA_N_PINS:
    default:
      g_return_val_if_reached ("?");
    }
}

static void
append_pin (GString             *line,
            const MynaPinStatus *pin)
{
  if (line->len > 0)
    g_string_append (line, " · ");

  switch (pin->state)
    {
    case MYNA_PIN_STATE_OK:
    case MYNA_PIN_STATE_LAST_TRY:
      if (pin->remaining >= 0)
        {
          g_string_append_printf (line, "%s %d/%d", pin_code (pin->id), pin->remaining, pin->max_tries);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case MYNA_PIN_STATE_UNKNOWN:
      /* Translators: in the help-desk status line, a PIN whose tries the card did not tell. */
      g_string_append_printf (line, _("%s ?"), pin_code (pin->id));
      break;
    case MYNA_PIN_STATE_BLOCKED:
      /* Translators: in the help-desk status line, a locked PIN: "SIGN locked". */
      g_string_append_printf (line, _("%s locked"), pin_code (pin->id));
      break;
    case MYNA_PIN_STATE_ABSENT:
      /* Translators: in the help-desk status line, a PIN the card does not have. */
      g_string_append_printf (line, _("%s none"), pin_code (pin->id));
      break;
    default:
      g_return_if_reached ();
    }
}

static void
append_certificate (GString        *line,
                    MynaCardReport *report,
                    GDateTime      *now)
{
  MynaCertLifecycle lifecycle;
  g_autofree char *last_day = NULL;
  g_autofree char *opens_on = NULL;
  g_autofree char *first_day = NULL;

  if (line->len > 0)
    g_string_append (line, " · ");

  if (!myna_card_report_get_lifecycle (report, MYNA_CERT_AUTH, now, &lifecycle))
    {
      /* Translators: in the help-desk status line. */
      g_string_append (line, _("no certificate"));
      return;
    }

  last_day = myna_format_date (&lifecycle.last_day);
  first_day = myna_format_date (&lifecycle.first_day);

  if (!lifecycle.renewable && lifecycle.state == MYNA_CERT_STATE_WITHIN_VALIDITY)
    {
      /* Translators: in the help-desk status line, for a certificate that
       * cannot be renewed (an old juki card's); %s is its last day. */
      g_string_append_printf (line, _("within validity period until %s, cannot be renewed"), last_day);
      return;
    }
  if (lifecycle.renewable)
    opens_on = myna_format_date (&lifecycle.renewal_opens_on);

  switch (lifecycle.state)
    {
    case MYNA_CERT_STATE_NOT_YET_VALID:
      /* Translators: in the help-desk status line; %s is the first day of
       * the validity period. */
      g_string_append_printf (line, _("not yet valid, from %s"), first_day);
      break;
    case MYNA_CERT_STATE_WITHIN_VALIDITY:
      /* Translators: in the help-desk status line; %s is a date. */
      g_string_append_printf (line, _("renewal opens %s"), opens_on);
      break;
    case MYNA_CERT_STATE_RENEWAL_OPEN:
      /* Translators: in the help-desk status line; %s is the last day of validity. */
      g_string_append_printf (line, _("renewal open, last day %s"), last_day);
      break;
    case MYNA_CERT_STATE_EXPIRED:
      /* Translators: in the help-desk status line; %s is the last day of validity. */
      g_string_append_printf (line, _("expired, last day %s"), last_day);
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * myna_status_line_build:
 * @report: what was read of a card
 * @now: the moment to judge the certificate at
 *
 * Returns: (transfer full): the tries of each PIN and where the user
 *   authentication certificate stands, on one line without personal data
 */
char *
myna_status_line_build (MynaCardReport *report,
                        GDateTime      *now)
{
  MynaCardStatus *status;
  GString *line;

  g_return_val_if_fail (MYNA_IS_CARD_REPORT (report), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  status = myna_card_report_get_status (report);
  line = g_string_new (NULL);

  for (MynaPinId id = 0; id < MYNA_N_PINS; id++)
    append_pin (line, myna_card_status_get_pin (status, id));

  append_certificate (line, report, now);

  return g_string_free (line, FALSE);
}
