/* test-pin-change.c
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
#include "myna-card-session.h"
#include "myna-jpki.h"
#include "myna-test-transport.h"
#include "myna-virtual-card-private.h"
#include "myna-virtual-transport.h"

/*
 * Changing a PIN the holder knows (reference §3.4, §8.2), on the virtual
 * card: every branch, and what each costs in tries.
 */

#define AUTH_PIN "1234"
#define SIGN_PASSWORD "MYNA2026"
#define OTHER_PIN "1234"

typedef struct
{
  MynaVirtualTransport *transport;
  MynaVirtualCard      *card;
  MynaCardSession      *session;
  MynaPinChangeResult   result;
  GError               *error;
  gboolean              changed;
} Change;

static void
change_clear (Change *change)
{
  g_clear_object (&change->session);
  g_clear_object (&change->transport);
  g_clear_error (&change->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Change, change_clear)

static void
change_setup (Change     *change,
              const char *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaVirtualCard) card = myna_virtual_card_new (scenario, &error);

  g_assert_no_error (error);
  change->transport = myna_virtual_transport_new (card);
  change->card = myna_virtual_transport_get_card (change->transport);
  change->session = myna_card_session_new (MYNA_TRANSPORT (change->transport));
}

static void
change_run (Change             *change,
            MynaPinId           pin,
            const char         *current,
            const char         *new_pin,
            MynaPinChangeFlags  flags)
{
  g_autofree char *current_buffer = g_strdup (current);
  g_autofree char *new_buffer = g_strdup (new_pin);

  g_clear_error (&change->error);
  change->changed = myna_jpki_change_pin (change->session, pin, current_buffer, new_buffer, flags,
                                          &change->result, NULL, &change->error);

  /* Both PINs are wiped whatever happened. */
  for (gsize i = 0; i < strlen (current); i++)
    g_assert_cmpint (current_buffer[i], ==, 0);
  for (gsize i = 0; i < strlen (new_pin); i++)
    g_assert_cmpint (new_buffer[i], ==, 0);
}

/* The PIN a PIN's first key reference takes now. */
static const char *
pin_value (MynaVirtualCard *card,
           MynaPinId        pin)
{
  static const struct { const guint8 *aid; guint16 fid; } keys[MYNA_N_PINS] = {
    [MYNA_PIN_AUTH] = { myna_aid_jpki, 0x0018 },
    [MYNA_PIN_SIGN] = { myna_aid_jpki, 0x001B },
    [MYNA_PIN_CARD_INFO] = { myna_aid_card_info, 0x0011 },
    [MYNA_PIN_JUKI] = { myna_aid_juki, 0x001C },
  };

  return _myna_virtual_card_get_key_value (card, keys[pin].aid, keys[pin].fid);
}

static const char *
juki_key (Change       *change,
          const guint8 *aid)
{
  return _myna_virtual_card_get_key_value (change->card, aid, 0x001C);
}

static void
test_change_each_pin (void)
{
  static const struct { MynaPinId pin; const char *current; const char *typed; const char *stored; } cases[] = {
    { MYNA_PIN_AUTH, AUTH_PIN, "4321", "4321" },
    /* Lower case is sent upper-cased, as the card registers it (§3.2). */
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "newpass7", "NEWPASS7" },
    { MYNA_PIN_CARD_INFO, OTHER_PIN, "9876", "9876" },
    { MYNA_PIN_JUKI, OTHER_PIN, "2580", "2580" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Change) change = { 0 };

      g_test_message ("%s", myna_pin_id_to_string (cases[i].pin));
      change_setup (&change, "valid");
      change_run (&change, cases[i].pin, cases[i].current, cases[i].typed, MYNA_PIN_CHANGE_NONE);
      g_assert_no_error (change.error);
      g_assert_true (change.changed);
      g_assert_cmpstr (pin_value (change.card, cases[i].pin), ==, cases[i].stored);
      g_assert_cmpint (change.result.status.remaining, ==, myna_pin_get_max_tries (cases[i].pin));
      g_assert_false (change.result.status.verified);
      g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 0);
      /* No verified state lingers: the card was powered down. */
      g_assert_cmpuint (myna_virtual_card_get_power_down_count (change.card), ==, 1);

      for (guint k = 0; k < myna_pin_get_n_keys (cases[i].pin); k++)
        g_assert_cmpint (change.result.keys[k], ==, MYNA_KEY_CHANGED);
    }
}

/* Both key references of the resident registry PIN take the new one. */
static void
test_change_juki_both_keys (void)
{
  g_auto(Change) change = { 0 };

  change_setup (&change, "valid");
  change_run (&change, MYNA_PIN_JUKI, OTHER_PIN, "2580", MYNA_PIN_CHANGE_NONE);
  g_assert_true (change.changed);
  g_assert_cmpstr (juki_key (&change, myna_aid_juki), ==, "2580");
  g_assert_cmpstr (juki_key (&change, myna_aid_common), ==, "2580");
  g_assert_cmpuint (myna_virtual_card_get_change_count (change.card), ==, 2);
  g_assert_cmpuint (myna_pin_get_n_keys (MYNA_PIN_JUKI), ==, 2);
  g_assert_nonnull (strstr (myna_pin_get_key_name (MYNA_PIN_JUKI, 0), "住基AP"));
  g_assert_nonnull (strstr (myna_pin_get_key_name (MYNA_PIN_JUKI, 1), "共通カードAP"));
}

/* A wrong current PIN spends exactly one try and changes nothing. */
static void
test_change_wrong_current (void)
{
  g_auto(Change) change = { 0 };

  change_setup (&change, "valid");
  change_run (&change, MYNA_PIN_SIGN, "WRONG1", "NEWPASS7", MYNA_PIN_CHANGE_NONE);
  g_assert_false (change.changed);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG);
  g_assert_nonnull (strstr (change.error->message, "4 tries are left"));
  g_assert_cmpint (change.result.status.remaining, ==, 4);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 1);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (change.card), ==, 1);
  g_assert_cmpuint (myna_virtual_card_get_change_count (change.card), ==, 0);
  g_assert_cmpstr (pin_value (change.card, MYNA_PIN_SIGN), ==, SIGN_PASSWORD);
  g_assert_cmpint (change.result.keys[0], ==, MYNA_KEY_UNCHANGED);
  g_assert_cmpuint (myna_virtual_card_get_power_down_count (change.card), ==, 1);

  /* On the resident registry PIN, the first key's VERIFY stops it. */
  change_clear (&change);
  change_setup (&change, "valid");
  change_run (&change, MYNA_PIN_JUKI, "0000", "2580", MYNA_PIN_CHANGE_NONE);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 1);
  g_assert_cmpstr (juki_key (&change, myna_aid_juki), ==, OTHER_PIN);
  g_assert_cmpstr (juki_key (&change, myna_aid_common), ==, OTHER_PIN);
}

/* A bad format, or the same PIN again, never reaches the card. */
static void
test_change_refused_locally (void)
{
  static const struct { MynaPinId pin; const char *current; const char *new_pin; int code; } cases[] = {
    { MYNA_PIN_AUTH, AUTH_PIN, "12345", MYNA_CARD_ERROR_PIN_FORMAT },
    { MYNA_PIN_AUTH, AUTH_PIN, "12a4", MYNA_CARD_ERROR_PIN_FORMAT },
    { MYNA_PIN_AUTH, "123", "4321", MYNA_CARD_ERROR_PIN_FORMAT },
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "ABCDEFG", MYNA_CARD_ERROR_PIN_FORMAT },  /* no digit */
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "1234567", MYNA_CARD_ERROR_PIN_FORMAT },  /* no letter */
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "AB12", MYNA_CARD_ERROR_PIN_FORMAT },     /* too short */
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "ABCDEFGHIJ1234567", MYNA_CARD_ERROR_PIN_FORMAT }, /* 17 */
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "PASS-123", MYNA_CARD_ERROR_PIN_FORMAT },
    { MYNA_PIN_SIGN, SIGN_PASSWORD, "myna2026", MYNA_CARD_ERROR_PIN_SAME },   /* the same, upper-cased */
    { MYNA_PIN_JUKI, OTHER_PIN, OTHER_PIN, MYNA_CARD_ERROR_PIN_SAME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Change) change = { 0 };

      g_test_message ("%s → %s", cases[i].current, cases[i].new_pin);
      change_setup (&change, "valid");
      change_run (&change, cases[i].pin, cases[i].current, cases[i].new_pin, MYNA_PIN_CHANGE_NONE);
      g_assert_false (change.changed);
      g_assert_error (change.error, MYNA_CARD_ERROR, cases[i].code);
      g_assert_cmpuint (myna_virtual_card_get_apdu_count (change.card), ==, 0);
    }
}

/* Locked, absent, or one try left without confirmation: only the free
 * tries query reaches the card. */
static void
test_change_refused_by_state (void)
{
  g_auto(Change) change = { 0 };

  change_setup (&change, "pin-blocked");
  change_run (&change, MYNA_PIN_SIGN, SIGN_PASSWORD, "NEWPASS7", MYNA_PIN_CHANGE_CONFIRM_LAST_TRY);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (change.card), ==, 0);
  g_assert_cmpint (change.result.status.state, ==, MYNA_PIN_STATE_BLOCKED);

  change_clear (&change);
  change_setup (&change, "no-signing");
  change_run (&change, MYNA_PIN_SIGN, SIGN_PASSWORD, "NEWPASS7", MYNA_PIN_CHANGE_NONE);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_ABSENT);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (change.card), ==, 0);

  /* card-info has one try left on this card. */
  change_clear (&change);
  change_setup (&change, "pin-blocked");
  change_run (&change, MYNA_PIN_CARD_INFO, OTHER_PIN, "9876", MYNA_PIN_CHANGE_NONE);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED);
  g_assert_cmpuint (myna_virtual_card_get_verify_count (change.card), ==, 0);
  g_assert_cmpint (change.result.status.state, ==, MYNA_PIN_STATE_LAST_TRY);

  /* Confirmed, the last try goes to the card. */
  change_clear (&change);
  change_setup (&change, "pin-blocked");
  change_run (&change, MYNA_PIN_CARD_INFO, OTHER_PIN, "9876", MYNA_PIN_CHANGE_CONFIRM_LAST_TRY);
  g_assert_no_error (change.error);
  g_assert_true (change.changed);
  g_assert_cmpint (change.result.status.remaining, ==, 3);

  /* And a wrong last try locks it, and says so. */
  change_clear (&change);
  change_setup (&change, "pin-blocked");
  change_run (&change, MYNA_PIN_CARD_INFO, "0000", "9876", MYNA_PIN_CHANGE_CONFIRM_LAST_TRY);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED);
  g_assert_cmpint (change.result.status.state, ==, MYNA_PIN_STATE_BLOCKED);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 1);
}

/* The second key refuses: the first is changed back, and the card holds
 * the current PIN in both, as before. */
static void
test_change_juki_second_key_refuses (void)
{
  g_auto(Change) change = { 0 };

  change_setup (&change, "valid");
  myna_virtual_card_set_quirks (change.card, MYNA_VIRTUAL_QUIRK_COMMON_KEY_FAILS);
  change_run (&change, MYNA_PIN_JUKI, OTHER_PIN, "2580", MYNA_PIN_CHANGE_NONE);
  g_assert_false (change.changed);
  g_assert_error (change.error, MYNA_SW_ERROR, 0x6581);
  g_assert_cmpstr (juki_key (&change, myna_aid_juki), ==, OTHER_PIN);
  g_assert_cmpstr (juki_key (&change, myna_aid_common), ==, OTHER_PIN);
  g_assert_cmpint (change.result.keys[0], ==, MYNA_KEY_UNCHANGED);
  g_assert_cmpint (change.result.keys[1], ==, MYNA_KEY_UNCHANGED);
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 0);

  /* The two keys already disagreed: the second's VERIFY spends its one
   * try, and the first goes back to the current PIN. */
  change_clear (&change);
  change_setup (&change, "valid");
  _myna_virtual_card_set_key_value (change.card, myna_aid_common, 0x001C, "5555");
  change_run (&change, MYNA_PIN_JUKI, OTHER_PIN, "2580", MYNA_PIN_CHANGE_NONE);
  g_assert_error (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG);
  g_assert_cmpstr (juki_key (&change, myna_aid_juki), ==, OTHER_PIN);
  g_assert_cmpstr (juki_key (&change, myna_aid_common), ==, "5555");
  g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 1);
}

/* The card pulled at each step of a change: never a silent half-change.
 * Either nothing changed and the error says so, or every key changed, or
 * the error says where each key stands, and the account is true. */
static void
check_removed_at_each_step (MynaPinId   pin,
                            const char *current)
{
  guint apdus;

  {
    g_auto(Change) change = { 0 };

    change_setup (&change, "valid");
    change_run (&change, pin, current, "2580", MYNA_PIN_CHANGE_NONE);
    g_assert_true (change.changed);
    apdus = myna_virtual_card_get_apdu_count (change.card);
  }

  for (guint n = 1; n <= apdus; n++)
    {
      g_auto(Change) change = { 0 };
      guint n_keys = myna_pin_get_n_keys (pin);
      const guint8 *aids[] = { myna_aid_juki, myna_aid_common };
      gboolean any_changed = FALSE;
      gboolean all_changed = TRUE;

      change_setup (&change, "valid");
      myna_virtual_transport_remove_after (change.transport, n);
      change_run (&change, pin, current, "2580", MYNA_PIN_CHANGE_NONE);
      g_test_message ("%s, removed at APDU %u: %s", myna_pin_id_to_string (pin), n,
                      change.error != NULL ? change.error->message : "changed");
      g_assert_cmpuint (myna_virtual_card_get_tries_spent (change.card), ==, 0);

      for (guint k = 0; k < n_keys; k++)
        {
          const char *value = pin == MYNA_PIN_JUKI ? juki_key (&change, aids[k])
                                                   : pin_value (change.card, pin);

          switch (change.result.keys[k])
            {
            case MYNA_KEY_CHANGED:
              g_assert_cmpstr (value, ==, "2580");
              any_changed = TRUE;
              break;
            case MYNA_KEY_UNCHANGED:
              g_assert_cmpstr (value, ==, current);
              all_changed = FALSE;
              break;
            case MYNA_KEY_UNKNOWN:
              g_assert_true (g_str_equal (value, current) || g_str_equal (value, "2580"));
              any_changed = TRUE;
              all_changed = FALSE;
              break;
            case MYNA_KEY_ABSENT:
            default:
              g_assert_not_reached ();
            }
        }

      if (change.changed)
        {
          g_assert_true (all_changed);
          continue;
        }
      g_assert_nonnull (change.error);
      if (!any_changed)
        {
          g_assert_nonnull (strstr (change.error->message, "othing was changed"));
          continue;
        }

      /* Part of it may have changed: the error says where each key stands. */
      g_assert_true (g_error_matches (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL) ||
                     g_error_matches (change.error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN));
      for (guint k = 0; k < n_keys; k++)
        g_assert_nonnull (strstr (change.error->message, myna_pin_get_key_name (pin, k)));
    }
}

static void
test_change_removed_at_each_step (void)
{
  check_removed_at_each_step (MYNA_PIN_AUTH, AUTH_PIN);
  check_removed_at_each_step (MYNA_PIN_JUKI, OTHER_PIN);
}

/* The commands on the wire, byte for byte (reference §3.4): SELECT, the
 * free tries query, VERIFY, CHANGE REFERENCE DATA, power down. */
/* The APDUs of changing the user authentication PIN from 1234 to 4321,
 * the card answering @verify_sw to the VERIFY of the current PIN. */
static void
expect_auth_change (MynaTestTransport *transport,
                    const char        *verify_sw)
{
  myna_test_transport_expect (transport, "00A4040C0AD392F000260100000001", "9000");
  myna_test_transport_expect (transport, "00200098", "63C3");
  myna_test_transport_expect (transport, "00A4040C0AD392F000260100000001", "9000");
  myna_test_transport_expect (transport, "00A4020C020018", "9000");
  myna_test_transport_expect (transport, "002000800431323334", verify_sw);
  if (g_str_equal (verify_sw, "9000"))
    myna_test_transport_expect (transport, "002401800434333231", "9000");
}

static void
test_change_apdus (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autofree char *current = g_strdup ("1234");
  g_autofree char *new_pin = g_strdup ("4321");
  MynaPinChangeResult result;
  g_autoptr(GError) error = NULL;

  expect_auth_change (transport, "9000");

  g_assert_true (myna_jpki_change_pin (session, MYNA_PIN_AUTH, current, new_pin, 0, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (myna_test_transport_get_events (transport), ==, "begin power-down end ");
  myna_test_transport_assert_done (transport);
}

/* A change the card took stands even when the reader cannot power the
 * card down afterwards: the holder hears both that the PIN changed and
 * that the card must be taken out. */
static void
test_change_not_powered_down (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autofree char *current = g_strdup ("1234");
  g_autofree char *new_pin = g_strdup ("4321");
  MynaPinChangeResult result;
  g_autoptr(GError) error = NULL;

  myna_test_transport_set_power_down_fails (transport, TRUE);
  expect_auth_change (transport, "9000");

  g_assert_true (myna_jpki_change_pin (session, MYNA_PIN_AUTH, current, new_pin, 0, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (result.not_powered_down);
  g_assert_false (result.status.verified);
  g_assert_nonnull (myna_pin_change_result_get_warning (&result));
  g_assert_cmpstr (myna_test_transport_get_events (transport), ==, "begin power-down end ");
  g_assert_cmpstr (current, ==, "");
  g_assert_cmpstr (new_pin, ==, "");
  myna_test_transport_assert_done (transport);

  /* A refused change says nothing of the power-down. */
  g_clear_error (&error);
  current = (g_free (current), g_strdup ("1234"));
  new_pin = (g_free (new_pin), g_strdup ("4321"));
  expect_auth_change (transport, "63C2");
  g_assert_false (myna_jpki_change_pin (session, MYNA_PIN_AUTH, current, new_pin, 0, &result, NULL, &error));
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG);
  g_assert_false (result.not_powered_down);
  g_assert_null (myna_pin_change_result_get_warning (&result));
  myna_test_transport_assert_done (transport);
}

static void
test_change_apdus_juki (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autofree char *current = g_strdup ("1234");
  g_autofree char *new_pin = g_strdup ("4321");
  MynaPinChangeResult result;
  g_autoptr(GError) error = NULL;

  /* The tries of both keys first, for free. */
  myna_test_transport_expect (transport, "00A4040C0AD3921000310001010401", "9000");
  myna_test_transport_expect (transport, "0020009C", "63C3");
  myna_test_transport_expect (transport, "00A4040C0AD3921000310001010100", "9000");
  myna_test_transport_expect (transport, "0020009C", "63C3");
  /* Then VERIFY and CHANGE KEY in each. */
  myna_test_transport_expect (transport, "00A4040C0AD3921000310001010401", "9000");
  myna_test_transport_expect (transport, "00A4020C02001C", "9000");
  myna_test_transport_expect (transport, "002000800431323334", "9000");
  myna_test_transport_expect (transport, "803200800434333231", "9000");
  myna_test_transport_expect (transport, "00A4040C0AD3921000310001010100", "9000");
  myna_test_transport_expect (transport, "00A4020C02001C", "9000");
  myna_test_transport_expect (transport, "002000800431323334", "9000");
  myna_test_transport_expect (transport, "803200800434333231", "9000");

  g_assert_true (myna_jpki_change_pin (session, MYNA_PIN_JUKI, current, new_pin, 0, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.keys[0], ==, MYNA_KEY_CHANGED);
  g_assert_cmpint (result.keys[1], ==, MYNA_KEY_CHANGED);
  myna_test_transport_assert_done (transport);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin-change/each-pin", test_change_each_pin);
  g_test_add_func ("/pin-change/juki-both-keys", test_change_juki_both_keys);
  g_test_add_func ("/pin-change/wrong-current", test_change_wrong_current);
  g_test_add_func ("/pin-change/refused-locally", test_change_refused_locally);
  g_test_add_func ("/pin-change/refused-by-state", test_change_refused_by_state);
  g_test_add_func ("/pin-change/juki-second-key-refuses", test_change_juki_second_key_refuses);
  g_test_add_func ("/pin-change/removed-at-each-step", test_change_removed_at_each_step);
  g_test_add_func ("/pin-change/apdus", test_change_apdus);
  g_test_add_func ("/pin-change/apdus-juki", test_change_apdus_juki);
  g_test_add_func ("/pin-change/not-powered-down", test_change_not_powered_down);

  return g_test_run ();
}
