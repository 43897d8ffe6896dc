/* test-jpki.c
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

#include "myna-apdu.h"
#include "myna-card-error.h"
#include "myna-card-session.h"
#include "myna-jpki.h"
#include "myna-test-transport.h"
#include "myna-virtual-transport.h"

typedef struct
{
  const char   *scenario;
  MynaCardKind  kind;
  const char   *token;
  int           remaining[MYNA_N_PINS]; /* -1: absent */
  gboolean      auth_cert;
} Expectation;

static const Expectation expectations[] = {
  { "valid",       MYNA_CARD_KIND_MY_NUMBER, "JPKIAPICCTOKEN2", { 3, 5, 3, 3 }, TRUE },
  { "pin-blocked", MYNA_CARD_KIND_MY_NUMBER, "JPKIAPICCTOKEN2", { 2, 0, 1, 3 }, TRUE },
  { "last-try",    MYNA_CARD_KIND_MY_NUMBER, "JPKIAPICCTOKEN2", { 3, 1, 3, 3 }, TRUE },
  { "renewal",     MYNA_CARD_KIND_MY_NUMBER, "JPKIAPICCTOKEN2", { 3, 5, 3, 3 }, TRUE },
  { "expired",     MYNA_CARD_KIND_MY_NUMBER, "JPKIAPICCTOKEN2", { 3, 5, 3, 3 }, TRUE },
  { "no-signing",  MYNA_CARD_KIND_MY_NUMBER, "JPKIAPICCTOKEN2", { 3, -1, 3, 3 }, TRUE },
  { "juki",        MYNA_CARD_KIND_JUKI,      "JPKIAPICCTOKEN",  { -1, 5, -1, 3 }, FALSE },
};

static MynaVirtualTransport *
new_transport (const char        *scenario,
               MynaVirtualQuirks  quirks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaVirtualCard) card = myna_virtual_card_new (scenario, &error);

  g_assert_no_error (error);
  myna_virtual_card_set_quirks (card, quirks);

  return myna_virtual_transport_new (card);
}

static void
check_pins (MynaCardStatus    *status,
            const Expectation *expected)
{
  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      const MynaPinStatus *pin = myna_card_status_get_pin (status, id);
      int remaining = expected->remaining[id];

      g_test_message ("PIN %s", myna_pin_id_to_string (id));
      g_assert_cmpint (pin->max_tries, ==, myna_pin_get_max_tries (id));
      g_assert_false (pin->verified);
      if (remaining < 0)
        {
          g_assert_cmpint (pin->state, ==, MYNA_PIN_STATE_ABSENT);
          g_assert_cmpint (pin->remaining, ==, -1);
          continue;
        }
      g_assert_cmpint (pin->remaining, ==, remaining);
      if (remaining == 0)
        g_assert_cmpint (pin->state, ==, MYNA_PIN_STATE_BLOCKED);
      else if (remaining == 1)
        g_assert_cmpint (pin->state, ==, MYNA_PIN_STATE_LAST_TRY);
      else
        g_assert_cmpint (pin->state, ==, MYNA_PIN_STATE_OK);
    }
}

static void
test_jpki_scenario (gconstpointer data)
{
  const Expectation *expected = data;
  g_autoptr(MynaVirtualTransport) transport = new_transport (expected->scenario, 0);
  MynaVirtualCard *card = myna_virtual_transport_get_card (transport);
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = myna_jpki_read_status (session, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);

  g_assert_cmpint (myna_card_status_get_kind (status), ==, expected->kind);
  g_assert_cmpstr (myna_card_status_get_token (status), ==, expected->token);
  check_pins (status, expected);

  g_assert_true (myna_card_status_get_certificate (status, MYNA_CERT_AUTH_CA) != NULL);
  g_assert_true (myna_card_status_get_certificate (status, MYNA_CERT_SIGN_CA) != NULL);
  g_assert_null (myna_card_status_get_certificate (status, MYNA_CERT_SIGN));
  if (expected->auth_cert)
    {
      g_assert_true (g_bytes_equal (myna_card_status_get_certificate (status, MYNA_CERT_AUTH),
                                    myna_virtual_card_get_certificate (card, MYNA_CERT_AUTH)));
    }
  else
    {
      g_assert_null (myna_card_status_get_certificate (status, MYNA_CERT_AUTH));
      g_assert_error ((GError *) myna_card_status_get_certificate_error (status, MYNA_CERT_AUTH),
                      MYNA_SW_ERROR, 0x6A82);
    }

  /* A status read spends no try and presents no PIN. */
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (card), ==, 0);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 0);

  /* The count the session reports is the count the card saw. */
  g_assert_cmpuint (myna_card_status_get_apdu_count (status), ==,
                    myna_virtual_card_get_apdu_count (card));
  g_test_message ("%s: %u APDUs", expected->scenario, myna_card_status_get_apdu_count (status));
  if (expected->kind == MYNA_CARD_KIND_MY_NUMBER && expected->remaining[MYNA_PIN_SIGN] >= 0)
    {
      /* SELECT, token, 2 PINs, one READ BINARY per certificate, then
       * SELECT + PIN twice: the issue #9 budget is 12 without the signing
       * CA certificate. */
      g_assert_cmpuint (myna_card_status_get_apdu_count (status), ==, 11);
    }
  g_assert_true (myna_card_status_get_extended_length (status));
}

static void
test_jpki_already_verified (void)
{
  g_autoptr(MynaVirtualTransport) transport = new_transport ("valid", 0);
  MynaVirtualCard *card = myna_virtual_transport_get_card (transport);
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  const MynaPinStatus *sign;
  guint8 response[MYNA_APDU_MAX_RESPONSE];
  /* Another program verified the password and left the card powered. */
  const guint8 select[] = { 0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01 };
  const guint8 verify[] = { 0x00, 0x20, 0x00, 0x9B, 0x08, 'M', 'Y', 'N', 'A', '2', '0', '2', '6' };

  myna_virtual_card_process (card, select, sizeof select, response, sizeof response);
  myna_virtual_card_process (card, verify, sizeof verify, response, sizeof response);

  /* The empty VERIFY answers 9000: verified, the counter full (§3.1). */
  status = myna_jpki_read_status (session, NULL, &error);
  g_assert_no_error (error);
  sign = myna_card_status_get_pin (status, MYNA_PIN_SIGN);
  g_assert_true (sign->verified);
  g_assert_cmphex (sign->sw, ==, 0x9000);
  g_assert_cmpint (sign->remaining, ==, 5);
  g_assert_cmpint (sign->state, ==, MYNA_PIN_STATE_OK);
  g_assert_false (myna_card_status_get_pin (status, MYNA_PIN_AUTH)->verified);
}

static void
test_jpki_not_my_number (void)
{
  g_autoptr(MynaVirtualTransport) transport = new_transport ("not-my-number", 0);
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = myna_jpki_read_status (session, NULL, &error);
  g_assert_null (status);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_UNSUPPORTED_CARD);
}

static void
test_jpki_quirks (gconstpointer data)
{
  MynaVirtualQuirks quirks = GPOINTER_TO_UINT (data);
  g_autoptr(MynaVirtualTransport) transport = new_transport ("valid", quirks);
  g_autoptr(MynaVirtualTransport) reference = new_transport ("valid", 0);
  MynaVirtualCard *card = myna_virtual_transport_get_card (transport);
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  guint apdus;

  status = myna_jpki_read_status (session, NULL, &error);
  g_assert_no_error (error);
  apdus = myna_card_status_get_apdu_count (status);
  g_test_message ("quirks %x: %u APDUs", quirks, apdus);

  for (guint id = 0; id < MYNA_N_CERTS; id++)
    {
      if (id == MYNA_CERT_SIGN)
        continue;
      g_assert_true (g_bytes_equal (myna_card_status_get_certificate (status, id),
                                    myna_virtual_card_get_certificate (card, id)));
    }
  check_pins (status, &expectations[0]);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (card), ==, 0);

  if (quirks & MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH)
    {
      g_assert_false (myna_card_status_get_extended_length (status));
      /* The issue #9 budget without extended length is 30 for the token,
       * four PINs and the auth certificate with its CA; the signing CA
       * comes on top. */
      g_assert_cmpuint (apdus, <=, 30 + 10);
    }
}

static void
test_jpki_removed_mid_read (void)
{
  guint apdus;

  /* As many APDUs as a whole read takes. */
  {
    g_autoptr(MynaVirtualTransport) transport = new_transport ("valid", 0);
    g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
    g_autoptr(MynaCardStatus) status = myna_jpki_read_status (session, NULL, NULL);

    g_assert_nonnull (status);
    apdus = myna_card_session_get_apdu_count (session);
    g_assert_cmpuint (apdus, >=, 10);
  }

  /* Pull the card before each APDU in turn: the read fails cleanly. */
  for (guint n = 1; n <= apdus; n++)
    {
      g_autoptr(MynaVirtualTransport) transport = new_transport ("valid", 0);
      g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
      g_autoptr(MynaCardStatus) status = NULL;
      g_autoptr(GError) error = NULL;

      myna_virtual_transport_remove_after (transport, n);
      status = myna_jpki_read_status (session, NULL, &error);
      g_assert_null (status);
      g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_REMOVED);
      g_assert_cmpuint (myna_virtual_card_get_tries_spent (myna_virtual_transport_get_card (transport)), ==, 0);
    }
}

static void
test_jpki_cancelled (void)
{
  g_autoptr(MynaVirtualTransport) transport = new_transport ("valid", 0);
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  status = myna_jpki_read_status (session, cancellable, &error);
  g_assert_null (status);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GBytes *
read_sign (const char         *scenario,
           const char         *typed,
           MynaSignReadFlags   flags,
           MynaVirtualCard   **card_out,
           MynaPinStatus      *pin,
           guint              *apdus_sent,
           GError            **error)
{
  g_autoptr(MynaVirtualTransport) transport = new_transport (scenario, 0);
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autofree char *password = g_strdup (typed);
  gsize length = strlen (password);
  GBytes *der;

  der = myna_jpki_read_signing_certificate (session, password, flags, pin, NULL, error);

  /* The caller's buffer is wiped, whatever happened. */
  for (gsize i = 0; i < length; i++)
    g_assert_cmpint (password[i], ==, '\0');

  *card_out = g_object_ref (myna_virtual_transport_get_card (transport));
  *apdus_sent = myna_card_session_get_apdu_count (session);

  return der;
}

static void
test_jpki_sign_success (void)
{
  g_autoptr(MynaVirtualCard) card = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) error = NULL;
  MynaPinStatus pin;
  guint apdus = 0;

  /* Lower case is accepted: the password is upper-cased (reference §3.2). */
  der = read_sign ("valid", "myna2026", MYNA_SIGN_READ_NONE, &card, &pin, &apdus, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (der, myna_virtual_card_get_certificate (card, MYNA_CERT_SIGN)));
  g_assert_cmpint (pin.remaining, ==, 5);
  g_assert_false (pin.verified);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 1);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (card), ==, 0);
  /* Powered down afterwards, so the verified state does not linger. */
  g_assert_false (myna_virtual_card_is_powered (card));
  g_assert_cmpuint (myna_virtual_card_get_power_down_count (card), ==, 1);
}

/* The one format rule, as the password dialog and myna_pin_normalize()
 * apply it (reference §3.3: 6-16 letters and digits with both, 4 digits). */
static void
test_pin_check_format (void)
{
  static const struct {
    MynaPinId      id;
    const char    *pin;
    MynaPinFormat  format;
    guint          length;
  } cases[] = {
    { MYNA_PIN_SIGN, "",                  MYNA_PIN_FORMAT_EMPTY,         0 },
    { MYNA_PIN_SIGN, "ab1",               MYNA_PIN_FORMAT_TOO_SHORT,     3 },
    { MYNA_PIN_SIGN, "ABCDEFGHIJ1234567", MYNA_PIN_FORMAT_TOO_LONG,      17 },
    { MYNA_PIN_SIGN, "ab1-23",            MYNA_PIN_FORMAT_BAD_CHARACTER, 3 },
    { MYNA_PIN_SIGN, "MYNA 2026",         MYNA_PIN_FORMAT_BAD_CHARACTER, 4 },
    { MYNA_PIN_SIGN, "ＭＹＮＡ２０２６", MYNA_PIN_FORMAT_BAD_CHARACTER, 0 },
    { MYNA_PIN_SIGN, "123456",            MYNA_PIN_FORMAT_NOT_MIXED,     6 },
    { MYNA_PIN_SIGN, "abcdefgh",          MYNA_PIN_FORMAT_NOT_MIXED,     8 },
    { MYNA_PIN_SIGN, "myna2026",          MYNA_PIN_FORMAT_OK,            8 },
    { MYNA_PIN_SIGN, "MYNA2026ABCDEF12",  MYNA_PIN_FORMAT_OK,            16 },
    { MYNA_PIN_AUTH, "1234",              MYNA_PIN_FORMAT_OK,            4 },
    { MYNA_PIN_AUTH, "12a4",              MYNA_PIN_FORMAT_BAD_CHARACTER, 2 },
    { MYNA_PIN_AUTH, "123",               MYNA_PIN_FORMAT_TOO_SHORT,     3 },
    { MYNA_PIN_JUKI, "12345",             MYNA_PIN_FORMAT_TOO_LONG,      5 },
    { MYNA_PIN_CARD_INFO, "0000",         MYNA_PIN_FORMAT_OK,            4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *copy = g_strdup (cases[i].pin);
      guint length = G_MAXUINT;

      g_test_message ("%s “%s”", myna_pin_id_to_string (cases[i].id), cases[i].pin);
      g_assert_cmpint (myna_pin_check_format (cases[i].id, cases[i].pin, &length), ==, cases[i].format);
      g_assert_cmpuint (length, ==, cases[i].length);
      /* myna_pin_normalize() takes exactly what the check allows. */
      g_assert_cmpint (myna_pin_normalize (cases[i].id, copy, NULL), ==,
                       cases[i].format == MYNA_PIN_FORMAT_OK);
    }
}

static void
test_jpki_sign_wrong_format (void)
{
  const char *bad[] = { "", "ABC12", "ABCDEFGHIJ1234567", "MYNA 2026", "MYNA-2026", "ＭＹＮＡ２０２６",
                        "123456", "abcdefgh" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(MynaVirtualCard) card = NULL;
      g_autoptr(GBytes) der = NULL;
      g_autoptr(GError) error = NULL;
      MynaPinStatus pin;
      guint apdus = 0;

      der = read_sign ("valid", bad[i], MYNA_SIGN_READ_NONE, &card, &pin, &apdus, &error);
      g_assert_null (der);
      g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_FORMAT);
      /* Refused before anything reached the card. */
      g_assert_cmpuint (apdus, ==, 0);
      g_assert_cmpuint (myna_virtual_card_get_apdu_count (card), ==, 0);
      g_assert_cmpuint (myna_virtual_card_get_power_down_count (card), ==, 0);
    }
}

static void
test_jpki_sign_wrong_password (void)
{
  g_autoptr(MynaVirtualCard) card = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) error = NULL;
  MynaPinStatus pin;
  guint apdus = 0;

  der = read_sign ("valid", "WRONG123", MYNA_SIGN_READ_NONE, &card, &pin, &apdus, &error);
  g_assert_null (der);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG);
  g_assert_cmpint (pin.remaining, ==, 4);
  g_assert_cmpint (myna_virtual_card_get_pin_remaining (card, MYNA_PIN_SIGN), ==, 4);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (card), ==, 1);
  g_assert_false (myna_virtual_card_is_powered (card));
}

static void
test_jpki_sign_last_try (void)
{
  g_autoptr(MynaVirtualCard) card = NULL;
  g_autoptr(MynaVirtualCard) confirmed_card = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) error = NULL;
  MynaPinStatus pin;
  guint apdus = 0;

  /* One try left: nothing is presented without confirmation. */
  der = read_sign ("last-try", "WRONG123", MYNA_SIGN_READ_NONE, &card, &pin, &apdus, &error);
  g_assert_null (der);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 0);
  g_assert_cmpint (myna_virtual_card_get_pin_remaining (card, MYNA_PIN_SIGN), ==, 1);
  g_assert_cmpint (pin.state, ==, MYNA_PIN_STATE_LAST_TRY);
  g_clear_error (&error);

  /* Confirmed and right: read, and the counter is full again. */
  der = read_sign ("last-try", "MYNA2026", MYNA_SIGN_READ_CONFIRM_LAST_TRY, &confirmed_card, &pin,
                   &apdus, &error);
  g_assert_no_error (error);
  g_assert_nonnull (der);
  g_assert_cmpint (myna_virtual_card_get_pin_remaining (confirmed_card, MYNA_PIN_SIGN), ==, 5);
}

static void
test_jpki_sign_powers_down_inside_transaction (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autofree char *password = g_strdup ("WRONG123");
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) error = NULL;

  myna_test_transport_expect (transport, "00A4040C0AD392F000260100000001", "9000");
  myna_test_transport_expect (transport, "0020009B", "63C5");
  myna_test_transport_expect (transport, "00A4020C02001B", "9000");
  myna_test_transport_expect (transport, "002000800857524F4E47313233", "63C4");

  der = myna_jpki_read_signing_certificate (session, password, 0, NULL, NULL, &error);
  g_assert_null (der);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG);
  /* The card loses power before the transaction ends, so no other program
   * can use the card in between (reference §8.3). */
  g_assert_cmpstr (myna_test_transport_get_events (transport), ==, "begin power-down end ");
  myna_test_transport_assert_done (transport);
}

static void
test_jpki_sign_blocked_or_absent (void)
{
  g_autoptr(MynaVirtualCard) blocked = NULL;
  g_autoptr(MynaVirtualCard) absent = NULL;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) error = NULL;
  MynaPinStatus pin;
  guint apdus = 0;

  der = read_sign ("pin-blocked", "MYNA2026", MYNA_SIGN_READ_CONFIRM_LAST_TRY, &blocked, &pin,
                   &apdus, &error);
  g_assert_null (der);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (blocked), ==, 0);
  g_clear_error (&error);

  der = read_sign ("no-signing", "MYNA2026", MYNA_SIGN_READ_NONE, &absent, &pin, &apdus, &error);
  g_assert_null (der);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_ABSENT);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (absent), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jpki/status/%s", expectations[i].scenario);

      g_test_add_data_func (path, &expectations[i], test_jpki_scenario);
    }
  g_test_add_func ("/jpki/status/not-my-number", test_jpki_not_my_number);
  g_test_add_func ("/jpki/status/already-verified", test_jpki_already_verified);
  g_test_add_data_func ("/jpki/quirks/no-extended-length",
                        GUINT_TO_POINTER (MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH), test_jpki_quirks);
  g_test_add_data_func ("/jpki/quirks/get-response",
                        GUINT_TO_POINTER (MYNA_VIRTUAL_QUIRK_GET_RESPONSE), test_jpki_quirks);
  g_test_add_data_func ("/jpki/quirks/wrong-le",
                        GUINT_TO_POINTER (MYNA_VIRTUAL_QUIRK_WRONG_LE |
                                          MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH), test_jpki_quirks);
  g_test_add_data_func ("/jpki/quirks/6f00-after-power",
                        GUINT_TO_POINTER (MYNA_VIRTUAL_QUIRK_6F00_AFTER_POWER), test_jpki_quirks);
  g_test_add_func ("/jpki/removed-mid-read", test_jpki_removed_mid_read);
  g_test_add_func ("/jpki/cancelled", test_jpki_cancelled);
  g_test_add_func ("/jpki/sign/success", test_jpki_sign_success);
  g_test_add_func ("/jpki/sign/wrong-format", test_jpki_sign_wrong_format);
  g_test_add_func ("/jpki/pin/check-format", test_pin_check_format);
  g_test_add_func ("/jpki/sign/wrong-password", test_jpki_sign_wrong_password);
  g_test_add_func ("/jpki/sign/last-try", test_jpki_sign_last_try);
  g_test_add_func ("/jpki/sign/blocked-or-absent", test_jpki_sign_blocked_or_absent);
  g_test_add_func ("/jpki/sign/powers-down-inside-transaction", test_jpki_sign_powers_down_inside_transaction);

  return g_test_run ();
}
