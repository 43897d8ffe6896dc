/* myna-diagnostics.c
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
#include <json-glib/json-glib.h>
#include <openssl/crypto.h>
#include <PCSC/pcsclite.h>

#include "myna-diagnostics.h"
#include "myna-guidance.h"
#include "myna-self-test.h"

/*
 * The text a user pastes into a support request. By default it hides what
 * identifies the person or the card: certificate serial numbers, the CN of
 * each subject, the holder's name, address and birth date, and the serial
 * number pcscd puts in the name of a USB reader.
 */

#define HIDDEN "[hidden]"

/**
 * myna_diagnostics_redact_reader:
 * @reader_name: a PC/SC reader name
 *
 * pcscd names a USB reader with its serial number in parentheses, e.g.
 * "Sony FeliCa Port/PaSoRi 4.0 (0123456789) 00 00".
 *
 * Returns: (transfer full): the name without that serial number
 */
char *
myna_diagnostics_redact_reader (const char *reader_name)
{
  static gsize serial;

  if (reader_name == NULL)
    return NULL;

  if (g_once_init_enter (&serial))
    g_once_init_leave (&serial, (gsize) g_regex_new ("\\([0-9A-Za-z:._-]{4,}\\)",
                                                     G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_replace_literal ((GRegex *) serial, reader_name, -1, 0, "(" HIDDEN ")", 0, NULL);
}

/* "C=JP, L=Tokyo-to, L=Mihon-shi, CN=…" without its L= parts. */
static char *
drop_localities (const char *subject)
{
  g_auto(GStrv) parts = g_strsplit (subject, ", ", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!g_str_has_prefix (parts[i], "L="))
        g_strv_builder_add (kept, parts[i]);
    }
  result = g_strv_builder_end (kept);

  return g_strjoinv (", ", result);
}

static void
append_certificate (GString        *str,
                    MynaCardReport *report,
                    MynaCertId      id,
                    GDateTime      *now,
                    gboolean        redact)
{
  MynaCertificate *cert = myna_card_report_get_certificate (report, id);
  MynaCertLifecycle lifecycle;
  g_autofree char *last_day = NULL;
  g_autofree char *subject_without_address = NULL;
  const char *subject;

  if (cert == NULL)
    {
      const GError *error = myna_card_report_get_certificate_error (report, id);

      g_string_append_printf (str, "  %s: %s\n", myna_cert_id_to_string (id),
                              error != NULL ? error->message : "not read");
      return;
    }

  myna_card_report_get_lifecycle (report, id, now, &lifecycle);
  last_day = myna_format_date (&lifecycle.last_day);

  /* The subject CN identifies the holder, and the signing certificate's
   * L= parts are where they live; the CA subjects are public. */
  subject = myna_certificate_get_subject (cert);
  if (id == MYNA_CERT_SIGN)
    subject = redact ? "CN=" HIDDEN : (subject_without_address = drop_localities (subject));
  else if (redact && id == MYNA_CERT_AUTH)
    subject = "CN=" HIDDEN;

  g_string_append_printf (str, "  %s: %s until %s (%d days), chain %s, key %s %u, serial %s, subject %s\n",
                          myna_cert_id_to_string (id),
                          myna_cert_state_to_string (lifecycle.state), last_day, lifecycle.days_left,
                          myna_chain_result_to_string (myna_card_report_get_chain_result (report, id)),
                          myna_certificate_get_key_algorithm (cert),
                          myna_certificate_get_key_bits (cert),
                          redact && (id == MYNA_CERT_AUTH || id == MYNA_CERT_SIGN)
                            ? HIDDEN : myna_certificate_get_serial (cert),
                          subject);

  /* Never the holder's name, address, birth date or sex, redacted or
   * not: no support request needs them, and a report travels. */
}

/**
 * myna_diagnostics_report:
 * @checks: (element-type MynaCheck): the self-test
 * @report: (nullable): what was read from the card
 * @extra_versions: (nullable): library versions the caller knows (GTK)
 * @now: when
 * @redact: hide what identifies the person, the card and the reader
 *
 * Returns: (transfer full): the report, in English so that a support team
 *   can read it whatever the user's language
 */
char *
myna_diagnostics_report (GPtrArray      *checks,
                         MynaCardReport *report,
                         const char     *extra_versions,
                         GDateTime      *now,
                         gboolean        redact)
{
  GString *str = g_string_new (NULL);
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M:%S %:z");
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);

  g_string_append_printf (str, "%s %s diagnostics, %s\n", PACKAGE_NAME, PACKAGE_VERSION, when);
  g_string_append_printf (str, "System: %s\n", os != NULL ? os : "unknown");
  g_string_append_printf (str, "Libraries: GLib %u.%u.%u, pcsc-lite %s, %s, json-glib %s%s%s\n",
                          glib_major_version, glib_minor_version, glib_micro_version,
                          PCSCLITE_VERSION_NUMBER, OpenSSL_version (OPENSSL_VERSION),
                          JSON_VERSION_S,
                          extra_versions != NULL ? ", " : "",
                          extra_versions != NULL ? extra_versions : "");
  g_string_append_printf (str, "Redacted: %s\n\nSelf-test\n", redact ? "yes" : "no");

  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const MynaCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *detail = redact ? myna_diagnostics_redact_reader (check->report_detail)
                                       : g_strdup (check->report_detail);

      g_string_append_printf (str, "  [%s] %s: %s\n", myna_check_result_to_string (check->result),
                              check->id, detail);
    }

  if (report != NULL)
    {
      MynaCardStatus *status = myna_card_report_get_status (report);
      g_autofree char *reader = redact
        ? myna_diagnostics_redact_reader (myna_card_status_get_reader_name (status))
        : g_strdup (myna_card_status_get_reader_name (status));

      g_string_append_printf (str, "\nCard\n  reader: %s\n  kind: %s (%s)\n  apdus: %u, extended length: %s\n",
                              reader,
                              myna_card_kind_to_string (myna_card_status_get_kind (status)),
                              myna_card_status_get_token (status) != NULL
                                ? myna_card_status_get_token (status) : "no token",
                              myna_card_status_get_apdu_count (status),
                              myna_card_status_get_extended_length (status) ? "yes" : "no");

      for (guint id = 0; id < MYNA_N_PINS; id++)
        {
          const MynaPinStatus *pin = myna_card_status_get_pin (status, id);

          g_string_append_printf (str, "  pin %s: %s, %d of %d (SW %04X)\n",
                                  myna_pin_id_to_string (id), myna_pin_state_to_string (pin->state),
                                  pin->remaining, pin->max_tries, pin->sw);
        }

      for (guint id = 0; id < MYNA_N_CERTS; id++)
        {
          if (id == MYNA_CERT_SIGN && myna_card_report_get_certificate (report, id) == NULL)
            continue;
          append_certificate (str, report, id, now, redact);
        }
    }

  return g_string_free (str, FALSE);
}
