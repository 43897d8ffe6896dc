/* myna-report-json.c
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

#include "myna-apdu.h"
#include "myna-clock.h"
#include "myna-guidance.h"
#include "myna-report-json.h"

/**
 * myna_format_jst_iso8601:
 * @date_time: a date and time
 *
 * Returns: (transfer full): @date_time in JST as ISO 8601 with an explicit
 *   offset, e.g. 2030-05-20T23:59:59+09:00
 */
char *
myna_format_jst_iso8601 (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (date_time, myna_clock_get_jst ());

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Where the PIN can be reset: the municipal office always (seeds 000,
 * 002), a convenience-store kiosk for the two certificate PINs under a
 * condition (seeds 000, 001; JPKI reset terms). */
static void
add_reset_route (JsonBuilder    *builder,
                 MynaCardStatus *status,
                 MynaPinId       id)
{
  MynaResetRoute route;

  myna_reset_route_for_pin (id, status, &route);

  json_builder_set_member_name (builder, "reset");
  json_builder_begin_object (builder);
  add_string (builder, "guide", "reset-pin");
  json_builder_set_member_name (builder, "municipal_office");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "convenience_store");
  json_builder_add_boolean_value (builder, route.convenience_store);
  add_string (builder, "convenience_store_requires",
              route.convenience_store_has_requirement
                ? myna_pin_id_to_string (route.convenience_store_requires) : NULL);
  json_builder_end_object (builder);
}

static void
add_pins (JsonBuilder    *builder,
          MynaCardStatus *status)
{
  json_builder_set_member_name (builder, "pins");
  json_builder_begin_array (builder);

  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      const MynaPinStatus *pin = myna_card_status_get_pin (status, id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, myna_pin_id_to_string (id));
      json_builder_set_member_name (builder, "remaining");
      if (pin->remaining >= 0)
        json_builder_add_int_value (builder, pin->remaining);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "max");
      json_builder_add_int_value (builder, pin->max_tries);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, myna_pin_state_to_string (pin->state));
      json_builder_set_member_name (builder, "verified");
      json_builder_add_boolean_value (builder, pin->verified);
      add_reset_route (builder, status, id);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_lifecycle (JsonBuilder    *builder,
               MynaCardReport *report,
               MynaCertId      id,
               GDateTime      *now)
{
  MynaCertLifecycle lifecycle;

  if (!myna_card_report_get_lifecycle (report, id, now, &lifecycle))
    return;

  add_string (builder, "state", myna_cert_state_to_string (lifecycle.state));
  json_builder_set_member_name (builder, "days_left");
  json_builder_add_int_value (builder, lifecycle.days_left);

  if (lifecycle.renewable)
    {
      g_autofree char *opens_on = myna_format_date (&lifecycle.renewal_opens_on);

      add_string (builder, "renewal_opens_on", opens_on);
    }
}

static void
add_certificate (JsonBuilder    *builder,
                 MynaCardReport *report,
                 MynaCertId      id,
                 GDateTime      *now)
{
  MynaCertificate *cert = myna_card_report_get_certificate (report, id);
  const GError *error = myna_card_report_get_certificate_error (report, id);
  MynaChainResult chain = myna_card_report_get_chain_result (report, id);

  json_builder_begin_object (builder);
  add_string (builder, "id", myna_cert_id_to_string (id));
  json_builder_set_member_name (builder, "present");
  json_builder_add_boolean_value (builder, cert != NULL);

  if (cert == NULL)
    {
      add_string (builder, "error", error != NULL ? error->message : NULL);
      json_builder_end_object (builder);
      return;
    }

  {
    g_autofree char *not_before = myna_format_jst_iso8601 (myna_certificate_get_not_before (cert));
    g_autofree char *not_after = myna_format_jst_iso8601 (myna_certificate_get_not_after (cert));
    const char * const *usage = myna_certificate_get_key_usage (cert);
    const MynaJlisRoot *root = NULL;

    add_string (builder, "subject", myna_certificate_get_subject (cert));
    add_string (builder, "issuer", myna_certificate_get_issuer (cert));
    add_string (builder, "serial", myna_certificate_get_serial (cert));
    add_string (builder, "not_before", not_before);
    add_string (builder, "not_after", not_after);
    add_string (builder, "sha256", myna_certificate_get_sha256 (cert));
    add_string (builder, "key_algorithm", myna_certificate_get_key_algorithm (cert));
    json_builder_set_member_name (builder, "key_bits");
    json_builder_add_int_value (builder, myna_certificate_get_key_bits (cert));
    json_builder_set_member_name (builder, "key_usage");
    json_builder_begin_array (builder);
    for (guint i = 0; usage[i] != NULL; i++)
      json_builder_add_string_value (builder, usage[i]);
    json_builder_end_array (builder);
    add_string (builder, "chain", myna_chain_result_to_string (chain));
    add_lifecycle (builder, report, id, now);

    if (chain == MYNA_CHAIN_GENUINE_ROOT)
      {
        MynaCertId ca_id = (id == MYNA_CERT_AUTH || id == MYNA_CERT_AUTH_CA)
          ? MYNA_CERT_AUTH_CA : MYNA_CERT_SIGN_CA;
        MynaCertificate *ca = myna_card_report_get_certificate (report, ca_id);

        root = myna_jlis_root_lookup (myna_certificate_get_sha256 (ca));
      }

    if (root != NULL)
      {
        json_builder_set_member_name (builder, "jlis_root");
        json_builder_begin_object (builder);
        add_string (builder, "hierarchy",
                    root->hierarchy == MYNA_JLIS_HIERARCHY_AUTH ? "auth" : "sign");
        json_builder_set_member_name (builder, "generation");
        json_builder_add_int_value (builder, root->generation);
        json_builder_end_object (builder);
      }
  }

  json_builder_end_object (builder);
}

static void
add_holder (JsonBuilder    *builder,
            MynaCardReport *report)
{
  MynaCertificate *sign = myna_card_report_get_certificate (report, MYNA_CERT_SIGN);
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaHolder) holder = NULL;

  if (sign == NULL)
    return;

  json_builder_set_member_name (builder, "holder");
  holder = myna_certificate_get_holder (sign, &error);
  if (holder == NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "error", error->message);
      json_builder_end_object (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_string (builder, "name", holder->name);
  add_string (builder, "name_substitute", holder->name_substitute);
  add_string (builder, "sex", holder->sex);
  add_string (builder, "birth_date_raw", holder->birth_date_raw);
  if (g_date_valid (&holder->birth_date))
    {
      char date[16];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &holder->birth_date);
      add_string (builder, "birth_date", date);
    }
  else
    {
      add_string (builder, "birth_date", NULL);
    }
  add_string (builder, "address", holder->address);
  add_string (builder, "address_substitute", holder->address_substitute);
  json_builder_end_object (builder);
}

static void
add_guides (JsonBuilder    *builder,
            MynaCardReport *report,
            GDateTime      *now)
{
  g_autoptr(GPtrArray) guidance = myna_guidance_for_report (report, now);

  json_builder_set_member_name (builder, "guides");
  json_builder_begin_array (builder);
  for (guint i = 0; i < guidance->len; i++)
    {
      const MynaGuidance *item = g_ptr_array_index (guidance, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", item->guide_id);
      add_string (builder, "reason", myna_guidance_reason_to_string (item->reason));
      add_string (builder, "text", item->text);
      if (item->has_pin)
        add_string (builder, "pin", myna_pin_id_to_string (item->pin));
      if (item->has_certificate)
        add_string (builder, "certificate", myna_cert_id_to_string (item->certificate));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * myna_report_to_json:
 * @report: a card report
 * @now: the moment to judge the certificates at
 *
 * Builds the document of `mynacheck --status --json`, whose schema is
 * documented in docs/status-json.md.
 *
 * Returns: (transfer full): the JSON object
 */
JsonNode *
myna_report_to_json (MynaCardReport *report,
                     GDateTime      *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MynaCardStatus *status;
  GBytes *atr;

  g_return_val_if_fail (MYNA_IS_CARD_REPORT (report), NULL);

  status = myna_card_report_get_status (report);
  atr = myna_card_status_get_atr (status);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, MYNA_STATUS_SCHEMA_VERSION);
  add_string (builder, "reader", myna_card_status_get_reader_name (status));

  if (atr != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (atr, &size);
      g_autofree char *hex = myna_hex_encode (data, size, NULL);

      add_string (builder, "atr", hex);
    }
  else
    {
      add_string (builder, "atr", NULL);
    }

  json_builder_set_member_name (builder, "card");
  json_builder_begin_object (builder);
  add_string (builder, "kind", myna_card_kind_to_string (myna_card_status_get_kind (status)));
  add_string (builder, "token", myna_card_status_get_token (status));
  json_builder_end_object (builder);

  add_pins (builder, status);

  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  for (guint id = 0; id < MYNA_N_CERTS; id++)
    {
      /* The signing certificate appears only when it was asked for. */
      if (id == MYNA_CERT_SIGN &&
          myna_card_report_get_certificate (report, id) == NULL &&
          myna_card_report_get_certificate_error (report, id) == NULL)
        continue;
      add_certificate (builder, report, id, now);
    }
  json_builder_end_array (builder);

  add_holder (builder, report);
  add_guides (builder, report, now);

  json_builder_set_member_name (builder, "apdus");
  json_builder_add_int_value (builder, myna_card_status_get_apdu_count (status));
  json_builder_set_member_name (builder, "extended_length");
  json_builder_add_boolean_value (builder, myna_card_status_get_extended_length (status));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * myna_report_to_json_string:
 * @report: a card report
 * @now: the moment to judge the certificates at
 *
 * Returns: (transfer full): the pretty-printed JSON document
 */
char *
myna_report_to_json_string (MynaCardReport *report,
                            GDateTime      *now)
{
  g_autoptr(JsonNode) root = myna_report_to_json (report, now);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
