/* fuzz-card-answers.c
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

#include "myna-card-error.h"
#include "myna-card-report.h"
#include "myna-card-session.h"
#include "myna-clock.h"
#include "myna-guidance.h"
#include "myna-jpki.h"
#include "myna-report-json.h"
#include "myna-transport.h"

/*
 * libFuzzer: a card that answers anything. The input is a list of answers,
 * each a 2-byte big-endian length and that many bytes, given in turn to
 * whatever MynaCheck sends; when they run out the card is gone. A status
 * read, the report, the guidance and the JSON built from it, and a
 * signing-certificate read must end in a result or an error: this drives
 * the response decoder (61xx, 6Cxx, status words), READ BINARY and its
 * extended-length fallbacks, the token label and the PIN counters.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

#define FUZZ_TYPE_TRANSPORT (fuzz_transport_get_type ())
G_DECLARE_FINAL_TYPE (FuzzTransport, fuzz_transport, FUZZ, TRANSPORT, GObject)

struct _FuzzTransport
{
  GObject       parent_instance;
  const guint8 *data;
  gsize         size;
  gsize         offset;
};

static void fuzz_transport_iface_init (MynaTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FuzzTransport, fuzz_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MYNA_TYPE_TRANSPORT, fuzz_transport_iface_init))

static gboolean
fuzz_transport_transmit (MynaTransport  *transport,
                         const guint8   *command,
                         gsize           command_length,
                         guint8         *response,
                         gsize          *response_length,
                         GError        **error)
{
  FuzzTransport *self = FUZZ_TRANSPORT (transport);
  gsize length;

  if (self->offset + 2 > self->size)
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_REMOVED, "The answers ran out");
      return FALSE;
    }

  length = (self->data[self->offset] << 8) | self->data[self->offset + 1];
  self->offset += 2;
  length = MIN (length, self->size - self->offset);
  length = MIN (length, *response_length);
  memcpy (response, self->data + self->offset, length);
  self->offset += length;
  *response_length = length;

  return TRUE;
}

static GBytes *
fuzz_transport_get_atr (MynaTransport *transport)
{
  static const guint8 atr[] = { 0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14 };

  return g_bytes_new_static (atr, sizeof atr);
}

static const char *
fuzz_transport_get_reader_name (MynaTransport *transport)
{
  return "Fuzz reader";
}

static gboolean
fuzz_transport_begin_transaction (MynaTransport  *transport,
                                  GError        **error)
{
  return TRUE;
}

static void
fuzz_transport_end_transaction (MynaTransport *transport)
{
}

static gboolean
fuzz_transport_power_down (MynaTransport  *transport,
                           GError        **error)
{
  return TRUE;
}

static void
fuzz_transport_iface_init (MynaTransportInterface *iface)
{
  iface->transmit = fuzz_transport_transmit;
  iface->get_atr = fuzz_transport_get_atr;
  iface->get_reader_name = fuzz_transport_get_reader_name;
  iface->begin_transaction = fuzz_transport_begin_transaction;
  iface->end_transaction = fuzz_transport_end_transaction;
  iface->power_down = fuzz_transport_power_down;
}

static void
fuzz_transport_class_init (FuzzTransportClass *klass)
{
}

static void
fuzz_transport_init (FuzzTransport *self)
{
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(FuzzTransport) transport = g_object_new (FUZZ_TYPE_TRANSPORT, NULL);
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(MynaCardReport) report = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) guidance = NULL;
  g_autoptr(GBytes) signing = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  MynaPinStatus sign_pin;
  char password[] = "MYNA2026";

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  transport->data = data;
  transport->size = size;
  session = myna_card_session_new (MYNA_TRANSPORT (transport));

  status = myna_jpki_read_status (session, NULL, &error);
  if (status == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  now = myna_clock_now_jst ();
  report = myna_card_report_new (status);
  guidance = myna_guidance_for_report (report, now);
  json = myna_report_to_json_string (report, now);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  /* Whatever is left of the answers goes to a signing-certificate read. */
  signing = myna_jpki_read_signing_certificate (session, password,
                                                MYNA_SIGN_READ_CONFIRM_LAST_TRY, &sign_pin,
                                                NULL, &error);
  if (signing != NULL)
    myna_card_report_set_signing_certificate (report, signing, NULL);

  return 0;
}
