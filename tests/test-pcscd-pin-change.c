/* test-pcscd-pin-change.c
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

#define _GNU_SOURCE

#include "config.h"

#include <json-glib/json-glib.h>

#include "myna-cli.h"
#include "myna-test-pcscd.h"
#include "myna-test-utils.h"

/*
 * `mynacheck --change-pin` end to end: the virtual card behind a real
 * pcscd through the vpcd driver (myna-test-pcscd.c), and OpenSC, which
 * knows nothing of MynaCheck, as the independent check that the card
 * takes the commands of reference §3.4 and that a changed PIN is the one
 * it then verifies.
 */

#define PKCS15_TOOL "/usr/bin/pkcs15-tool"
#define OPENSC_TOOL "/usr/bin/opensc-tool"

typedef MynaTestPcscd Harness;

static void
harness_setup (Harness       *harness,
               gconstpointer  data)
{
  if (myna_test_pcscd_skip_reason () != NULL)
    g_test_skip (myna_test_pcscd_skip_reason ());
}

static void
harness_teardown (Harness       *harness,
                  gconstpointer  data)
{
  myna_test_pcscd_stop_all (harness);
}

typedef struct
{
  int   code;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Both PINs on standard input, never in the arguments. */
static void
change_pin (Run        *run,
            const char *pin,
            const char *current,
            const char *new_pin,
            gboolean    confirm)
{
  g_autofree char *input = g_strdup_printf ("%s\n%s\n", current, new_pin);
  const char *argv[] = { g_getenv ("MYNACHECK_BINARY"), "--change-pin", pin, "--pin-stdin",
                         confirm ? "--confirm-last-try" : NULL, NULL };

  run_clear (run);
  run->code = myna_test_run (input, &run->out, &run->err, argv);
  g_test_message ("--change-pin %s: exit %d, %s%s", pin, run->code, run->out, run->err);

  /* A PIN is never echoed. */
  g_assert_null (strstr (run->out, current));
  g_assert_null (strstr (run->err, current));
  g_assert_null (strstr (run->out, new_pin));
  g_assert_null (strstr (run->err, new_pin));
}

static gint64
stat_of (Harness    *harness,
         const char *name)
{
  g_autoptr(JsonObject) stats = myna_test_pcscd_read_stats (harness, 0);

  return json_object_get_int_member (stats, name);
}

static gint64
tries_of (Harness    *harness,
          const char *pin)
{
  g_autoptr(JsonObject) stats = myna_test_pcscd_read_stats (harness, 0);

  return json_object_get_int_member (json_object_get_object_member (stats, "pins"), pin);
}

static void
test_change (Harness       *harness,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) stats = NULL;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);

  /* A changed PIN, then changed back with it: the card kept the first. */
  change_pin (&run, "auth", "1234", "4321", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  g_assert_nonnull (strstr (run.out, "User authentication PIN: changed."));
  change_pin (&run, "auth", "4321", "1234", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);

  /* Both key references of the resident registry PIN, and the signing
   * password typed in lower case. */
  change_pin (&run, "juki", "1234", "2580", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  change_pin (&run, "sign", "myna2026", "newpass7", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  change_pin (&run, "sign", "NEWPASS7", "MYNA2026", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);

  g_assert_cmpint (stat_of (harness, "pin_changes"), ==, 2 + 2 + 2);
  g_assert_cmpint (stat_of (harness, "tries_spent"), ==, 0);
  /* Powered down after each change: no verified state lingers. */
  myna_test_pcscd_wait_for_stat (harness, "power_downs", 6);
  stats = myna_test_pcscd_read_stats (harness, 0);
  g_assert_false (json_object_get_boolean_member (stats, "verified"));
}

static void
test_refused (Harness       *harness,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);

  /* A wrong current PIN: exactly one try, and the message says how many
   * are left. */
  change_pin (&run, "auth", "0000", "4321", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_WRONG);
  g_assert_nonnull (strstr (run.err, "2 tries are left"));
  g_assert_cmpint (stat_of (harness, "tries_spent"), ==, 1);
  g_assert_cmpint (tries_of (harness, "auth"), ==, 2);

  /* A new PIN of the wrong format, or the same one: nothing sent. */
  change_pin (&run, "auth", "1234", "12345", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_REFUSED);
  change_pin (&run, "sign", "MYNA2026", "PASSWORD", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_REFUSED);
  change_pin (&run, "card-info", "1234", "1234", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_REFUSED);
  g_assert_cmpint (stat_of (harness, "verifies_with_data"), ==, 1);
  g_assert_cmpint (stat_of (harness, "tries_spent"), ==, 1);

  /* The right PIN resets the count. */
  change_pin (&run, "auth", "1234", "4321", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  g_assert_cmpint (tries_of (harness, "auth"), ==, 3);
  myna_test_pcscd_remove_card (harness, 0);

  /* One try left: refused until confirmed; a locked PIN is refused. */
  myna_test_pcscd_insert_card (harness, 0, "pin-blocked", NULL);
  change_pin (&run, "card-info", "1234", "9876", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_LAST_TRY);
  g_assert_nonnull (strstr (run.err, "--confirm-last-try"));
  g_assert_cmpint (stat_of (harness, "verifies_with_data"), ==, 0);
  change_pin (&run, "sign", "MYNA2026", "NEWPASS7", TRUE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_LOCKED);
  g_assert_cmpint (stat_of (harness, "verifies_with_data"), ==, 0);
  change_pin (&run, "card-info", "1234", "9876", TRUE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  g_assert_cmpint (tries_of (harness, "card-info"), ==, 3);
}

/* The card pulled at each step of a change through pcscd: before the
 * change, nothing changed and it says so; while the card takes the new
 * PIN, it says that the current or the new PIN may now hold. Never a try spent. */
static void
test_removed (Harness       *harness,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  gint64 apdus;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);
  change_pin (&run, "auth", "1234", "4321", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  apdus = stat_of (harness, "apdus");
  myna_test_pcscd_remove_card (harness, 0);

  for (gint64 n = 0; n < apdus; n++)
    {
      g_autofree char *fault = g_strdup_printf ("--remove-after=%" G_GINT64_FORMAT, n);

      myna_test_pcscd_insert_card (harness, 0, "valid", fault);
      change_pin (&run, "auth", "1234", "4321", FALSE);
      g_assert_cmpint (stat_of (harness, "tries_spent"), ==, 0);
      g_assert_cmpint (stat_of (harness, "pin_changes"), ==, 0);

      /* The last APDU is the change itself: its fate is unknown. */
      if (n == apdus - 1)
        {
          g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_UNFINISHED);
          g_assert_nonnull (strstr (run.err, "the current or the new PIN, unknown which"));
        }
      else
        {
          g_assert_cmpint (run.code, ==, MYNA_EXIT_CARD_ERROR);
          g_assert_nonnull (strstr (run.err, "nothing was changed"));
        }
      myna_test_pcscd_remove_card (harness, 0);
    }
}

static char *
opensc_send (const char * const *apdus,
             int                *code)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) OPENSC_TOOL);
  g_ptr_array_add (argv, (gpointer) "--reader");
  g_ptr_array_add (argv, (gpointer) MYNA_TEST_READER_0);
  for (guint i = 0; apdus[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (gpointer) "--send-apdu");
      g_ptr_array_add (argv, (gpointer) apdus[i]);
    }
  g_ptr_array_add (argv, NULL);

  *code = myna_test_run (NULL, &out, &err, (const char * const *) argv->pdata);
  g_test_message ("opensc-tool: exit %d\n%s%s", *code, out, err);

  return out;
}

static int
pkcs15_verify (const char *auth_id,
               const char *pin)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int code = myna_test_run (NULL, &out, &err,
                            (const char *[]) { PKCS15_TOOL, "--verify-pin", "--auth-id", auth_id,
                                               "--pin", pin, NULL });

  g_test_message ("pkcs15-tool --verify-pin --auth-id %s: exit %d\n%s%s", auth_id, code, out, err);
  return code;
}

/*
 * OpenSC as the independent client. Its JPKI driver has no PIN change
 * (pkcs15-tool --change-pin answers "not supported": OpenSC 0.23's
 * card-jpki.c knows only VERIFY and the tries query), so opensc-tool
 * sends the reference's commands byte for byte, and pkcs15-tool then
 * verifies the new PIN through its JPKI driver. And a PIN that MynaCheck
 * changed is the one OpenSC verifies.
 */
static void
test_opensc (Harness       *harness,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int code;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;
  if (!g_file_test (PKCS15_TOOL, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (OPENSC_TOOL, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs OpenSC's pkcs15-tool and opensc-tool (Debian package opensc)");
      return;
    }

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);

  /* What OpenSC's own PIN change does with this card: nothing reaches it. */
  code = myna_test_run (NULL, &out, &err,
                        (const char *[]) { PKCS15_TOOL, "--change-pin", "--auth-id", "01",
                                           "--pin", "1234", "--new-pin", "4321", NULL });
  g_test_message ("pkcs15-tool --change-pin: exit %d\n%s%s", code, out, err);
  g_assert_cmpint (stat_of (harness, "pin_changes"), ==, 0);
  if (code == 0)
    {
      /* A later OpenSC that can: then the card must take it as MynaCheck does. */
      g_assert_cmpint (stat_of (harness, "pin_changes"), ==, 1);
      g_assert_cmpint (pkcs15_verify ("01", "4321"), ==, 0);
      return;
    }
  g_assert_true (strstr (err, "ot supported") != NULL || strstr (out, "ot supported") != NULL);

  /* MynaCheck changes the user authentication PIN; OpenSC verifies it. */
  change_pin (&run, "auth", "1234", "4321", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);
  g_assert_cmpint (pkcs15_verify ("01", "4321"), ==, 0);
  g_assert_cmpint (stat_of (harness, "tries_spent"), ==, 0);

  /* OpenSC sends reference §3.4's commands for the signing password;
   * every answer is 9000, and MynaCheck then changes it back with it. */
  {
    const char *apdus[] = {
      "00:A4:04:0C:0A:D3:92:F0:00:26:01:00:00:00:01",   /* SELECT JPKI */
      "00:A4:02:0C:02:00:1B",                           /* SELECT the password EF */
      "00:20:00:80:08:4D:59:4E:41:32:30:32:36",         /* VERIFY MYNA2026 */
      "00:24:01:80:08:4F:50:45:4E:53:43:32:33",         /* CHANGE REFERENCE DATA OPENSC23 */
      NULL,
    };
    g_autofree char *sent = opensc_send (apdus, &code);
    guint ok = 0;

    g_assert_cmpint (code, ==, 0);
    for (const char *p = sent; (p = strstr (p, "SW1=0x90, SW2=0x00")) != NULL; p++)
      ok++;
    g_assert_cmpuint (ok, ==, G_N_ELEMENTS (apdus) - 1);
  }
  g_assert_cmpint (stat_of (harness, "pin_changes"), ==, 2);
  change_pin (&run, "sign", "OPENSC23", "MYNA2026", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_OK);

  /* And the resident registry PIN's CHANGE KEY in the common card
   * application, as the reference gives it. */
  {
    const char *apdus[] = {
      "00:A4:04:0C:0A:D3:92:10:00:31:00:01:01:01:00",   /* SELECT 共通カードAP */
      "00:A4:02:0C:02:00:1C",
      "00:20:00:80:04:31:32:33:34",                     /* VERIFY 1234 */
      "80:32:00:80:04:35:35:35:35",                     /* CHANGE KEY 5555 */
      NULL,
    };
    g_autofree char *sent = opensc_send (apdus, &code);
    guint ok = 0;

    g_assert_cmpint (code, ==, 0);
    for (const char *p = sent; (p = strstr (p, "SW1=0x90, SW2=0x00")) != NULL; p++)
      ok++;
    g_assert_cmpuint (ok, ==, G_N_ELEMENTS (apdus) - 1);
  }
  /* Its two keys now disagree, as after a change cut short: MynaCheck's
   * change stops at the second key and puts the first back. */
  change_pin (&run, "juki", "1234", "2580", FALSE);
  g_assert_cmpint (run.code, ==, MYNA_EXIT_PIN_WRONG);
  g_assert_cmpint (stat_of (harness, "tries_spent"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before GLib starts any thread: the namespace is per thread. */
  myna_test_pcscd_init ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pcscd/change-pin/change", Harness, NULL, harness_setup, test_change, harness_teardown);
  g_test_add ("/pcscd/change-pin/refused", Harness, NULL, harness_setup, test_refused, harness_teardown);
  g_test_add ("/pcscd/change-pin/removed", Harness, NULL, harness_setup, test_removed, harness_teardown);
  g_test_add ("/pcscd/change-pin/opensc", Harness, NULL, harness_setup, test_opensc, harness_teardown);

  ret = g_test_run ();

  myna_test_pcscd_cleanup ();

  return ret;
}
