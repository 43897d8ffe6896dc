/* test-apdu.c
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

typedef struct
{
  const char *name;
  MynaApdu    apdu;
  const char *hex;
  MynaApduCase apdu_case;
} EncodingCase;

static const guint8 aid[] = { 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01 };
static const guint8 pin[] = { '1', '2', '3', '4' };

static char *
hex (const guint8 *data,
     gsize         length)
{
  return myna_hex_encode (data, length, NULL);
}

static void
test_apdu_encode_cases (void)
{
  static guint8 big[300];
  const EncodingCase cases[] = {
    /* The empty VERIFY of reference §3.1: exactly four bytes. */
    { "case 1", { 0x00, 0x20, 0x00, 0x80, NULL, 0, 0, FALSE }, "00200080", MYNA_APDU_CASE_1 },
    { "case 2 short", { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 0x20, FALSE }, "00B0000020", MYNA_APDU_CASE_2 },
    { "case 2 short Ne 256", { 0x00, 0xB0, 0x01, 0x00, NULL, 0, 256, FALSE }, "00B0010000", MYNA_APDU_CASE_2 },
    { "case 2 extended", { 0x00, 0xB0, 0x8A, 0x04, NULL, 0, 0x04F0, FALSE }, "00B08A040004F0", MYNA_APDU_CASE_2 },
    { "case 2 extended Ne 65536", { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 65536, FALSE }, "00B00000000000", MYNA_APDU_CASE_2 },
    { "case 2 forced extended", { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 4, TRUE }, "00B00000000004", MYNA_APDU_CASE_2 },
    { "case 3 short", { 0x00, 0xA4, 0x04, 0x0C, aid, sizeof aid, 0, FALSE },
      "00A4040C0AD392F000260100000001", MYNA_APDU_CASE_3 },
    { "case 3 VERIFY", { 0x00, 0x20, 0x00, 0x80, pin, sizeof pin, 0, FALSE }, "002000800431323334", MYNA_APDU_CASE_3 },
    { "case 3 extended", { 0x00, 0x20, 0x00, 0x80, pin, sizeof pin, 0, TRUE }, "0020008000000431323334", MYNA_APDU_CASE_3 },
    { "case 4 short", { 0x80, 0x2A, 0x00, 0x80, pin, sizeof pin, 256, FALSE }, "802A0080043132333400", MYNA_APDU_CASE_4 },
    { "case 4 extended", { 0x80, 0x2A, 0x00, 0x80, pin, sizeof pin, 65536, FALSE }, "802A0080000004313233340000", MYNA_APDU_CASE_4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint8 buffer[MYNA_APDU_MAX_COMMAND];
      g_autoptr(GError) error = NULL;
      g_autofree char *encoded = NULL;
      gsize length;

      g_test_message ("%s", cases[i].name);
      length = myna_apdu_encode (&cases[i].apdu, buffer, sizeof buffer, &error);
      g_assert_no_error (error);
      encoded = hex (buffer, length);
      g_assert_cmpstr (encoded, ==, cases[i].hex);
      g_assert_cmpint (myna_apdu_get_case (&cases[i].apdu), ==, cases[i].apdu_case);
    }

  /* Data longer than 255 bytes needs the extended form by itself. */
  {
    MynaApdu apdu = { 0x00, 0xD6, 0x00, 0x00, big, sizeof big, 0, FALSE };
    guint8 buffer[MYNA_APDU_MAX_COMMAND];
    gsize length = myna_apdu_encode (&apdu, buffer, sizeof buffer, NULL);

    g_assert_true (myna_apdu_is_extended (&apdu));
    g_assert_cmpuint (length, ==, 4 + 3 + sizeof big);
    g_assert_cmpuint (buffer[4], ==, 0x00);
    g_assert_cmpuint (buffer[5], ==, 0x01);
    g_assert_cmpuint (buffer[6], ==, 0x2C);
  }
}

static void
test_apdu_encode_errors (void)
{
  MynaApdu too_long = { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 65537, FALSE };
  MynaApdu fits = { 0x00, 0xA4, 0x04, 0x0C, aid, sizeof aid, 0, FALSE };
  guint8 small[8];
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (myna_apdu_encode (&too_long, small, sizeof small, &error), ==, 0);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND);
  g_clear_error (&error);

  g_assert_cmpuint (myna_apdu_encode (&fits, small, sizeof small, &error), ==, 0);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND);
}

static void
test_apdu_parse_round_trip (void)
{
  static guint8 data[1000];
  const MynaApdu apdus[] = {
    { 0x00, 0x20, 0x00, 0x80, NULL, 0, 0, FALSE },
    { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 1, FALSE },
    { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 256, FALSE },
    { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 257, FALSE },
    { 0x00, 0xB0, 0x00, 0x00, NULL, 0, 65536, FALSE },
    { 0x00, 0xA4, 0x04, 0x0C, aid, sizeof aid, 0, FALSE },
    { 0x00, 0xA4, 0x04, 0x0C, aid, sizeof aid, 0, TRUE },
    { 0x80, 0x2A, 0x00, 0x80, data, 51, 256, FALSE },
    { 0x80, 0x2A, 0x00, 0x80, data, sizeof data, 300, FALSE },
    { 0x80, 0x2A, 0x00, 0x80, data, 255, 65536, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (apdus); i++)
    {
      guint8 buffer[MYNA_APDU_MAX_COMMAND];
      g_autoptr(GError) error = NULL;
      MynaApdu parsed;
      gsize length;

      length = myna_apdu_encode (&apdus[i], buffer, sizeof buffer, &error);
      g_assert_no_error (error);
      g_assert_true (myna_apdu_parse (buffer, length, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (parsed.cla, ==, apdus[i].cla);
      g_assert_cmpuint (parsed.ins, ==, apdus[i].ins);
      g_assert_cmpuint (parsed.p1, ==, apdus[i].p1);
      g_assert_cmpuint (parsed.p2, ==, apdus[i].p2);
      g_assert_cmpuint (parsed.nc, ==, apdus[i].nc);
      g_assert_cmpuint (parsed.ne, ==, apdus[i].ne);
      g_assert_cmpint (parsed.extended, ==, myna_apdu_is_extended (&apdus[i]));
      if (apdus[i].nc > 0)
        g_assert_cmpmem (parsed.data, parsed.nc, apdus[i].data, apdus[i].nc);
    }
}

static void
test_apdu_parse_malformed (void)
{
  const char *bad[] = {
    "",
    "00A404",
    "00A4040C05D392F0",       /* Lc says 5, 3 bytes follow */
    "00A4040C0AD392",         /* truncated data */
    "00B0000000",             /* extended marker with one byte: case 2 short Le=00 is fine, see below */
    "00B00000000001AABB",     /* extended Lc 1, data, then one stray byte */
    "00B000000000",           /* extended with Lc 0 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      guint8 buffer[64];
      gsize length = strlen (bad[i]) / 2;
      MynaApdu apdu;
      gboolean ok;

      for (gsize j = 0; j < length; j++)
        buffer[j] = g_ascii_xdigit_value (bad[i][2 * j]) << 4 | g_ascii_xdigit_value (bad[i][2 * j + 1]);

      ok = myna_apdu_parse (buffer, length, &apdu, &error);
      if (g_str_equal (bad[i], "00B0000000"))
        {
          /* Five bytes: case 2 short with Le = 00, i.e. 256. */
          g_assert_true (ok);
          g_assert_cmpuint (apdu.ne, ==, 256);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND);
    }
}

static void
test_apdu_trace_masks_pins (void)
{
  const guint8 verify[] = { 0x00, 0x20, 0x00, 0x80, 0x08, 'M', 'Y', 'N', 'A', '2', '0', '2', '6' };
  const guint8 change[] = { 0x00, 0x24, 0x01, 0x80, 0x04, '9', '8', '7', '6' };
  const guint8 change_key[] = { 0x80, 0x32, 0x00, 0x80, 0x04, '5', '5', '5', '5' };
  const guint8 select[] = { 0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B };
  g_autofree char *verify_line = myna_apdu_format_command (verify, sizeof verify);
  g_autofree char *change_line = myna_apdu_format_command (change, sizeof change);
  g_autofree char *change_key_line = myna_apdu_format_command (change_key, sizeof change_key);
  g_autofree char *select_line = myna_apdu_format_command (select, sizeof select);
  g_autofree char *garbage_line = myna_apdu_format_command (verify, 7);

  g_assert_cmpstr (verify_line, ==, "00 20 00 80 Lc=8 XX XX XX XX XX XX XX XX");
  g_assert_cmpstr (change_line, ==, "00 24 01 80 Lc=4 XX XX XX XX");
  g_assert_cmpstr (change_key_line, ==, "80 32 00 80 Lc=4 XX XX XX XX");
  g_assert_cmpstr (select_line, ==, "00 A4 02 0C Lc=2 00 1B");
  /* A malformed command is never printed: it might hold a PIN. */
  g_assert_null (strstr (garbage_line, "4D"));
}

typedef struct
{
  guint16 sw;
  MynaSw  expected;
} SwCase;

static void
test_sw_classify (void)
{
  const SwCase cases[] = {
    { 0x9000, MYNA_SW_SUCCESS },
    { 0x6110, MYNA_SW_MORE_DATA },
    { 0x6282, MYNA_SW_END_OF_FILE },
    { 0x6300, MYNA_SW_NO_RETRY_LIMIT },
    { 0x63C3, MYNA_SW_VERIFICATION_FAILED },
    { 0x63C0, MYNA_SW_VERIFICATION_FAILED },
    { 0x6700, MYNA_SW_WRONG_LENGTH },
    { 0x6881, MYNA_SW_CHANNEL_NOT_SUPPORTED },
    { 0x6882, MYNA_SW_SECURE_MESSAGING_UNSUPPORTED },
    { 0x6981, MYNA_SW_INCOMPATIBLE_FILE },
    { 0x6982, MYNA_SW_SECURITY_STATUS },
    { 0x6983, MYNA_SW_AUTH_METHOD_BLOCKED },
    { 0x6984, MYNA_SW_REFERENCE_BLOCKED },
    { 0x6985, MYNA_SW_CONDITIONS_NOT_SATISFIED },
    { 0x6986, MYNA_SW_NO_CURRENT_EF },
    { 0x69FC, MYNA_SW_SECURE_MESSAGING_FAILED },
    { 0x6A80, MYNA_SW_INCORRECT_DATA },
    { 0x6A82, MYNA_SW_NOT_FOUND },
    { 0x6A83, MYNA_SW_RECORD_NOT_FOUND },
    { 0x6A86, MYNA_SW_INCORRECT_P1P2 },
    { 0x6A88, MYNA_SW_DATA_NOT_FOUND },
    { 0x6B00, MYNA_SW_WRONG_OFFSET },
    { 0x6C20, MYNA_SW_WRONG_LE },
    { 0x6D00, MYNA_SW_INS_NOT_SUPPORTED },
    { 0x6E00, MYNA_SW_CLA_NOT_SUPPORTED },
    { 0x6F00, MYNA_SW_NO_DIAGNOSIS },
    { 0x66F1, MYNA_SW_SECURITY_ENVIRONMENT },
    { 0x9001, MYNA_SW_UNKNOWN },
    { 0x1234, MYNA_SW_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (myna_sw_classify (cases[i].sw), ==, cases[i].expected);
      g_assert_nonnull (myna_sw_get_message (cases[i].sw));

      myna_sw_set_error (&error, cases[i].sw, "Testing");
      g_assert_error (error, MYNA_SW_ERROR, cases[i].sw);
      g_assert_true (g_str_has_prefix (error->message, "Testing: "));
    }

  /* Different meanings read differently. */
  g_assert_cmpstr (myna_sw_get_message (0x6A82), !=, myna_sw_get_message (0x6982));
}

static void
test_der_length (void)
{
  const struct { const char *hex; gboolean ok; gsize total; } cases[] = {
    { "30820510", TRUE, 4 + 0x510 },   /* the J-LIS roots (reference §4.3) */
    { "308106", TRUE, 3 + 6 },
    { "3005", TRUE, 2 + 5 },
    { "30827FFC", TRUE, 0x8000 },      /* exactly the 32 KiB cap */
    { "30827FFD", FALSE, 0 },          /* one byte beyond it */
    { "3082FFFC", FALSE, 0 },          /* 64 KiB */
    { "3084FFFFFFFF", FALSE, 0 },      /* far beyond */
    { "3083100000", FALSE, 0 },
    { "3180", FALSE, 0 },              /* indefinite length, not DER; and not a SEQUENCE */
    { "3080", FALSE, 0 },              /* indefinite length */
    { "0482", FALSE, 0 },              /* not a SEQUENCE */
    { "FFFF", FALSE, 0 },
    { "30", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint8 buffer[8];
      gsize length = strlen (cases[i].hex) / 2;
      gsize total = 0;
      gboolean ok;

      for (gsize j = 0; j < length; j++)
        buffer[j] = g_ascii_xdigit_value (cases[i].hex[2 * j]) << 4 |
                    g_ascii_xdigit_value (cases[i].hex[2 * j + 1]);

      g_test_message ("%s", cases[i].hex);
      ok = myna_der_get_length (buffer, length, &total, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (total, ==, cases[i].total);
        }
      else
        {
          g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/apdu/encode/cases", test_apdu_encode_cases);
  g_test_add_func ("/apdu/encode/errors", test_apdu_encode_errors);
  g_test_add_func ("/apdu/parse/round-trip", test_apdu_parse_round_trip);
  g_test_add_func ("/apdu/parse/malformed", test_apdu_parse_malformed);
  g_test_add_func ("/apdu/trace/masks-pins", test_apdu_trace_masks_pins);
  g_test_add_func ("/apdu/sw/classify", test_sw_classify);
  g_test_add_func ("/apdu/der/length", test_der_length);

  return g_test_run ();
}
