/* test-virtual-card.c
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

#include <gio/gio.h>

#include "myna-apdu.h"
#include "myna-pin.h"
#include "myna-test-transport.h"
#include "myna-virtual-card.h"
#include "myna-virtual-scenarios.h"

/* The virtual card must answer like the real one (reference §§1–4, §10),
 * since every other test and the demo rely on it. */

static MynaVirtualCard *
new_card (const char *scenario)
{
  g_autoptr(GError) error = NULL;
  MynaVirtualCard *card = myna_virtual_card_new (scenario, &error);

  g_assert_no_error (error);
  myna_virtual_card_power_on (card);

  return card;
}

/* Sends @command_hex and returns the whole answer in hex. */
static char *
send (MynaVirtualCard *card,
      const char      *command_hex)
{
  g_autoptr(GBytes) command = myna_test_bytes_from_hex (command_hex);
  g_autofree guint8 *response = g_malloc (MYNA_APDU_MAX_RESPONSE);
  gsize length;

  length = myna_virtual_card_process (card, g_bytes_get_data (command, NULL),
                                      g_bytes_get_size (command), response, MYNA_APDU_MAX_RESPONSE);

  return myna_hex_encode (response, length, NULL);
}

static void
assert_sw (MynaVirtualCard *card,
           const char      *command_hex,
           const char      *sw_hex)
{
  g_autofree char *answer = send (card, command_hex);

  g_assert_true (g_str_has_suffix (answer, sw_hex));
}

#define SELECT_JPKI "00A4040C0AD392F000260100000001"

static void
test_virtual_select (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("valid");
  g_autofree char *answer = NULL;

  assert_sw (card, SELECT_JPKI, "9000");
  answer = send (card, SELECT_JPKI);
  g_assert_cmpstr (answer, ==, "9000");

  /* A prefix of the AID is not enough here (reference §1.2 warns). */
  assert_sw (card, "00A4040C05D392F00026", "6A82");
  assert_sw (card, "00A4040C0AD392F000260100000002", "6A82");
  /* EFs by P1 = 02 only (reference §1.3). */
  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00A4020C02000A", "9000");
  assert_sw (card, "00A4020C020099", "6A82");
  assert_sw (card, "00A4090C02000A", "6A86");
  assert_sw (card, "00A4000C023F00", "6A82");
  /* No logical channels, no secure messaging (reference §8.3). */
  assert_sw (card, "01A4040C0AD392F000260100000001", "6881");
  assert_sw (card, "0CA4040C0AD392F000260100000001", "6882");
  assert_sw (card, "0CB0000004", "69FC");
  /* Unknown instruction and class. */
  assert_sw (card, "00CA5F5100", "6D00");
  assert_sw (card, "A0A4040C0AD392F000260100000001", "6E00");
}

static void
test_virtual_read_binary (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("valid");
  GBytes *auth = myna_virtual_card_get_certificate (card, MYNA_CERT_AUTH);
  gsize size = g_bytes_get_size (auth);
  g_autofree char *auth_hex = myna_hex_encode (g_bytes_get_data (auth, NULL), size, NULL);
  g_autofree char *header = NULL;
  g_autofree char *all = NULL;
  g_autofree char *chunk = NULL;
  g_autofree char *token = NULL;
  g_autofree char *command = NULL;
  g_autofree char *auth_header = g_strndup (auth_hex, 8);

  assert_sw (card, SELECT_JPKI, "9000");

  /* The token label by SFI 6 (reference §7.2). */
  token = send (card, "00B0860020");
  /* "JPKIAPICCTOKEN2" */
  g_assert_true (g_str_has_prefix (token, "4A504B494150494343544F4B454E32"));
  g_assert_cmpuint (strlen (token), ==, (32 + 2) * 2);

  /* The auth certificate by SFI 0x0A: header, then one extended read. */
  header = send (card, "00B08A0004");
  g_assert_true (g_str_has_prefix (header, auth_header));
  command = g_strdup_printf ("00B08A0400%04X", (guint) (size - 4));
  all = send (card, command);
  g_assert_true (g_str_has_prefix (all, auth_hex + 8));
  g_assert_true (g_str_has_suffix (all, "9000"));
  g_assert_cmpuint (strlen (all), ==, (size - 4 + 2) * 2);

  /* By offset after SELECT; a read past the end of the data gives what is
   * left, one past the end of the file gives 6B00. */
  assert_sw (card, "00A4020C02000A", "9000");
  chunk = send (card, "00B0000410");
  g_assert_cmpmem (chunk, 32, auth_hex + 8, 32);
  assert_sw (card, "00B07FFF01", "6B00");

  /* No current EF after selecting an application. */
  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00B0000004", "6986");

  /* PIN and key files cannot be read. */
  assert_sw (card, "00B0980004", "6981");
  assert_sw (card, "00B0970004", "6981");
}

static void
test_virtual_signing_certificate_needs_password (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("valid");

  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00B0810004", "6982");
  assert_sw (card, "00A4020C020001", "9000");
  assert_sw (card, "00B0000004", "6982");

  /* MYNA2026 */
  assert_sw (card, "00A4020C02001B", "9000");
  assert_sw (card, "00200080084D594E4132303236", "9000");
  assert_sw (card, "00B0810004", "9000");

  /* The verified state lasts until the card loses power (reference §8.3). */
  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00B0810004", "9000");
  myna_virtual_card_reset (card);
  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00B0810004", "9000");
  myna_virtual_card_power_off (card);
  myna_virtual_card_power_on (card);
  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00B0810004", "6982");
  g_assert_cmpuint (myna_virtual_card_get_power_down_count (card), ==, 1);
}

static void
test_virtual_verify_counters (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("valid");

  assert_sw (card, SELECT_JPKI, "9000");

  /* Empty VERIFY, by SFI and after SELECT: no try spent. */
  for (guint i = 0; i < 5; i++)
    {
      assert_sw (card, "00200098", "63C3");
      assert_sw (card, "0020009B", "63C5");
    }
  assert_sw (card, "00A4020C020018", "9000");
  assert_sw (card, "00200080", "63C3");
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (card), ==, 0);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 0);

  /* Wrong PINs count down to 63C0; then 6984 (reference §3.1, §3.2). */
  assert_sw (card, "002000800430303030", "63C2");
  assert_sw (card, "00200080", "63C2");
  assert_sw (card, "002000800430303030", "63C1");
  assert_sw (card, "002000800430303030", "63C0");
  assert_sw (card, "00200080", "63C0");
  assert_sw (card, "002000800431323334", "6984");
  g_assert_cmpint (myna_virtual_card_get_pin_remaining (card, MYNA_PIN_AUTH), ==, 0);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (card), ==, 3);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (card), ==, 4);

  /* A right PIN resets the counter of another PIN that had a miss. */
  assert_sw (card, "00A4020C02001B", "9000");
  assert_sw (card, "00200080084D594E4132303235", "63C4");
  assert_sw (card, "00200080084D594E4132303236", "9000");
  assert_sw (card, "00200080", "9000");
  g_assert_cmpint (myna_virtual_card_get_pin_remaining (card, MYNA_PIN_SIGN), ==, 5);

  /* VERIFY with a wrong P1 or an Le. */
  assert_sw (card, "00200180", "6A86");
  assert_sw (card, "0020008000", "6700");
}

static void
test_virtual_other_applications (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("valid");
  g_autoptr(MynaVirtualCard) juki = new_card ("juki");

  assert_sw (card, "00A4040C0AD3921000310001010408", "9000");
  assert_sw (card, "00200091", "63C3");
  assert_sw (card, "00A4040C0AD3921000310001010401", "9000");
  assert_sw (card, "0020009C", "63C3");
  assert_sw (card, "00A4040C0AD3921000310001010100", "9000");
  assert_sw (card, "0020009C", "63C3");

  /* The old juki card: no card-info application; …0401 without the PIN,
   * which is in …0100 (the disputed AID, reference §1.1). */
  assert_sw (juki, "00A4040C0AD3921000310001010408", "6A82");
  assert_sw (juki, "00A4040C0AD3921000310001010401", "9000");
  assert_sw (juki, "0020009C", "6A82");
  assert_sw (juki, "00A4040C0AD3921000310001010100", "9000");
  assert_sw (juki, "0020009C", "63C3");
  assert_sw (juki, SELECT_JPKI, "9000");
  assert_sw (juki, "00200098", "6A82");
  assert_sw (juki, "00B08A0004", "6A82");
}

static void
test_virtual_not_my_number (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("not-my-number");
  GBytes *atr = myna_virtual_card_get_atr (card);

  assert_sw (card, SELECT_JPKI, "6A82");
  g_assert_cmpuint (g_bytes_get_size (atr), >, 2);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (atr, NULL))[0], ==, 0x3B);
}

static void
test_virtual_quirks (void)
{
  g_autoptr(MynaVirtualCard) card = new_card ("valid");
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;

  myna_virtual_card_set_quirks (card, MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH |
                                      MYNA_VIRTUAL_QUIRK_GET_RESPONSE |
                                      MYNA_VIRTUAL_QUIRK_WRONG_LE);
  assert_sw (card, SELECT_JPKI, "9000");
  assert_sw (card, "00B08A040004F0", "6700");

  /* Data comes as 61xx, then GET RESPONSE. */
  first = send (card, "00B08A0004");
  g_assert_cmpstr (first, ==, "6104");
  rest = send (card, "00C0000004");
  g_assert_true (g_str_has_prefix (rest, "3082"));
  g_assert_true (g_str_has_suffix (rest, "9000"));

  /* Le longer than what is left: 6Cxx. */
  assert_sw (card, "00B0860000", "6CA0");
  assert_sw (card, "00A4020C020008", "9000");
  assert_sw (card, "00B0000010", "6C03");

  myna_virtual_card_set_quirks (card, MYNA_VIRTUAL_QUIRK_6F00_AFTER_POWER);
  myna_virtual_card_power_off (card);
  myna_virtual_card_power_on (card);
  assert_sw (card, SELECT_JPKI, "6F00");
  assert_sw (card, SELECT_JPKI, "9000");
}

static void
test_virtual_scenarios_listed (void)
{
  const char *required[] = {
    "valid", "pin-blocked", "renewal", "expired", "no-signing", "juki", "not-my-number",
  };
  guint n = 0;
  const MynaVirtualScenario *scenarios = myna_virtual_scenarios_get (&n);
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaVirtualCard) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n; j++)
        found |= g_str_equal (scenarios[j].id, required[i]);
      g_assert_true (found);
      g_assert_nonnull (myna_virtual_scenario_describe (required[i]));
    }

  none = myna_virtual_card_new ("no-such-card", &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/virtual-card/select", test_virtual_select);
  g_test_add_func ("/virtual-card/read-binary", test_virtual_read_binary);
  g_test_add_func ("/virtual-card/signing-certificate-needs-password",
                   test_virtual_signing_certificate_needs_password);
  g_test_add_func ("/virtual-card/verify-counters", test_virtual_verify_counters);
  g_test_add_func ("/virtual-card/other-applications", test_virtual_other_applications);
  g_test_add_func ("/virtual-card/not-my-number", test_virtual_not_my_number);
  g_test_add_func ("/virtual-card/quirks", test_virtual_quirks);
  g_test_add_func ("/virtual-card/scenarios", test_virtual_scenarios_listed);

  return g_test_run ();
}
