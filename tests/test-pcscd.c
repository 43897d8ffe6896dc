/* test-pcscd.c
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

#include <glib/gstdio.h>

#include <errno.h>
#include <json-glib/json-glib.h>
#include <openssl/pem.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "myna-cli.h"
#include "myna-pcsc.h"
#include "myna-pcsc-transport.h"
#include "myna-reader-monitor.h"
#include "myna-test-pcscd.h"
#include "myna-test-utils.h"

/*
 * End to end: the virtual card behind a real pcscd through the vsmartcard
 * vpcd driver (see myna-test-pcscd.c), read by the real `mynacheck` and by
 * OpenSC's pkcs15-tool.
 */

#define PKCS15_TOOL "/usr/bin/pkcs15-tool"

typedef MynaTestPcscd Harness;

static int
run_mynacheck (const char  *input,
               char       **out,
               char       **err,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MYNACHECK_BINARY"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return myna_test_run (input, out, err, (const char * const *) argv->pdata);
}

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

/* The card's own counters: no try spent, no PIN sent. */
static void
assert_nothing_spent (JsonObject *stats)
{
  g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "verifies_with_data"), ==, 0);
}

typedef struct
{
  const char *scenario;
  const char *kind;
  int         remaining[4]; /* auth, sign, card-info, juki; -1 absent */
  const char *bridge_argument;
} StatusCase;

static const StatusCase status_cases[] = {
  { "valid",       "my-number", { 3, 5, 3, 3 },  NULL },
  { "pin-blocked", "my-number", { 2, 0, 1, 3 },  NULL },
  { "no-signing",  "my-number", { 3, -1, 3, 3 }, NULL },
  { "juki",        "juki",      { -1, 5, -1, 3 }, NULL },
  { "valid",       "my-number", { 3, 5, 3, 3 },  "--no-extended" },
  { "valid",       "my-number", { 3, 5, 3, 3 },  "--get-response" },
};

static void
test_pcscd_status (Harness       *harness,
                   gconstpointer  data)
{
  const StatusCase *expected = data;
  const char *pin_ids[] = { "auth", "sign", "card-info", "juki" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) stats = NULL;
  JsonObject *card;
  JsonObject *auth_ca;
  int status;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, expected->scenario, expected->bridge_argument);

  status = run_mynacheck (NULL, &out, &err, "--status", "--json", NULL);
  g_assert_cmpint (status, ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (out);

  g_assert_cmpstr (json_object_get_string_member (root, "reader"), ==, MYNA_TEST_READER_0);
  g_assert_cmpstr (json_object_get_string_member (root, "atr"), ==, "3BE000FF8131FE4514");
  card = json_object_get_object_member (root, "card");
  g_assert_cmpstr (json_object_get_string_member (card, "kind"), ==, expected->kind);

  for (guint i = 0; i < G_N_ELEMENTS (pin_ids); i++)
    {
      JsonObject *pin = myna_test_find_by_id (root, "pins", pin_ids[i]);

      if (expected->remaining[i] < 0)
        {
          g_assert_cmpstr (json_object_get_string_member (pin, "state"), ==, "absent");
          continue;
        }
      g_assert_cmpint (json_object_get_int_member (pin, "remaining"), ==, expected->remaining[i]);
    }

  auth_ca = myna_test_find_by_id (root, "certificates", "auth-ca");
  g_assert_true (json_object_get_boolean_member (auth_ca, "present"));
  g_assert_cmpstr (json_object_get_string_member (auth_ca, "chain"), ==, "unknown-root");
  g_assert_true (json_object_get_boolean_member (myna_test_find_by_id (root, "certificates", "auth"), "present") ==
                 (expected->remaining[0] >= 0));

  /* The card counted the same APDUs, and no try was spent. */
  stats = myna_test_pcscd_read_stats (harness, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "apdus"), >=, json_object_get_int_member (root, "apdus"));
  assert_nothing_spent (stats);

  if (g_strcmp0 (expected->bridge_argument, "--no-extended") == 0)
    g_assert_false (json_object_get_boolean_member (root, "extended_length"));
  else if (expected->bridge_argument == NULL && g_str_equal (expected->kind, "my-number") &&
           expected->remaining[1] >= 0)
    g_assert_cmpint (json_object_get_int_member (root, "apdus"), ==, 11);
}

static void
test_pcscd_not_my_number (Harness       *harness,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, "not-my-number", NULL);

  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", NULL), ==, MYNA_EXIT_UNSUPPORTED_CARD);
  g_assert_nonnull (strstr (err, "not a My Number card"));
}

static void
test_pcscd_signing (Harness       *harness,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *wrong_out = NULL;
  g_autofree char *wrong_err = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) stats = NULL;
  JsonObject *holder;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);

  g_assert_cmpint (run_mynacheck ("MYNA2026\n", &out, &err, "--status", "--json",
                                  "--sign-password-stdin", NULL), ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (out);
  holder = json_object_get_object_member (root, "holder");
  g_assert_cmpstr (json_object_get_string_member (holder, "address"), ==, "東京都見本市見本町一丁目2番3号");

  /* The card was powered down after the password (SCARD_UNPOWER_CARD). */
  myna_test_pcscd_wait_for_stat (harness, "power_downs", 1);
  stats = myna_test_pcscd_read_stats (harness, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "verifies_with_data"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 0);
  g_clear_pointer (&stats, json_object_unref);

  g_assert_cmpint (run_mynacheck ("WRONG123\n", &wrong_out, &wrong_err, "--status",
                                  "--sign-password-stdin", NULL), ==, MYNA_EXIT_PASSWORD);
  myna_test_pcscd_wait_for_stat (harness, "power_downs", 2);
  stats = myna_test_pcscd_read_stats (harness, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (stats, "pins"), "sign"), ==, 4);
}

static void
test_pcscd_exit_codes (Harness       *harness,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(MynaPcscTransport) holder = NULL;
  g_autoptr(GError) error = NULL;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  /* No pcscd at all. */
  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", NULL), ==, MYNA_EXIT_NO_SERVICE);
  g_assert_nonnull (strstr (err, "pcscd"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* pcscd without readers. */
  myna_test_pcscd_start (harness, FALSE);
  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", NULL), ==, MYNA_EXIT_NO_READER);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  myna_test_pcscd_stop (harness);

  /* Readers, no card. */
  myna_test_pcscd_start (harness, TRUE);
  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", NULL), ==, MYNA_EXIT_NO_CARD);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Two cards: the user must choose. */
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);
  myna_test_pcscd_insert_card (harness, 1, "juki", NULL);
  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", NULL), ==, MYNA_EXIT_SEVERAL_CARDS);
  g_assert_nonnull (strstr (err, MYNA_TEST_READER_1));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", "--json", "--reader", "pcd 00 01", NULL),
                   ==, MYNA_EXIT_OK);
  g_assert_nonnull (strstr (out, "\"juki\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", "--reader", "No Such Reader", NULL),
                   ==, MYNA_EXIT_NO_READER);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Another program holds the card exclusively. */
  myna_test_pcscd_remove_card (harness, 1);
  holder = myna_pcsc_transport_new (MYNA_TEST_READER_0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", NULL), ==, MYNA_EXIT_CARD_IN_USE);
  g_assert_nonnull (strstr (err, "Another program"));
  g_clear_object (&holder);
}

/* What a failed read must look like: a documented code, one line saying
 * what to do, no document, no try spent. */
static void
assert_clean_failure (Harness    *harness,
                      const char *fault,
                      int         code,
                      const char *out,
                      const char *err)
{
  g_autoptr(JsonObject) stats = myna_test_pcscd_read_stats (harness, 0);

  g_test_message ("%s: exit %d, %s", fault, code, err);
  /* A glitch the read can work around (extended length failing once, say)
   * may end in a whole, correct document. */
  if (code == MYNA_EXIT_OK)
    {
      g_autoptr(JsonObject) root = myna_test_parse_json (out);
      JsonArray *pins = json_object_get_array_member (root, "pins");
      static const int remaining[] = { 3, 5, 3, 3 };

      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "card"), "kind"),
                       ==, "my-number");
      for (guint i = 0; i < 4; i++)
        g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pins, i), "remaining"),
                         ==, remaining[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "certificates")), ==, 3);
      for (guint i = 0; i < 3; i++)
        g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_object_get_array_member (root, "certificates"), i),
                                                       "present"));
      g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 0);
      return;
    }
  if (code != MYNA_EXIT_NO_CARD && code != MYNA_EXIT_UNSUPPORTED_CARD && code != MYNA_EXIT_CARD_ERROR)
    g_error ("%s: exit code %d (%s)", fault, code, err);
  g_assert_cmpstr (out, ==, "");
  /* One line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  assert_nothing_spent (stats);
}

/* A status read of a card inserted with the bridge's @fault option: its
 * exit code, with @out and @err, once assert_clean_failure() passed. */
static int
read_with_fault (Harness     *harness,
                 const char  *fault,
                 char       **out,
                 char       **err)
{
  int code;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  myna_test_pcscd_insert_card (harness, 0, "valid", fault);
  code = run_mynacheck (NULL, out, err, "--status", "--json", NULL);
  assert_clean_failure (harness, fault, code, *out, *err);

  return code;
}

static void
test_pcscd_faults (Harness       *harness,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) stats = NULL;
  gint64 apdus;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  myna_test_pcscd_start (harness, TRUE);

  /* How many APDUs a whole read takes, as the card counts them. */
  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);
  g_assert_cmpint (run_mynacheck (NULL, &out, &err, "--status", "--json", NULL), ==, MYNA_EXIT_OK);
  stats = myna_test_pcscd_read_stats (harness, 0);
  apdus = json_object_get_int_member (stats, "apdus");
  g_assert_cmpint (apdus, >=, 10);
  myna_test_pcscd_remove_card (harness, 0);

  /* The card pulled after each APDU in turn, and a stray byte instead of
   * each answer in turn. */
  for (gint64 n = 0; n < apdus; n++)
    {
      g_autofree char *argument = g_strdup_printf ("--remove-after=%" G_GINT64_FORMAT, n);
      int code = read_with_fault (harness, argument, &out, &err);

      /* Said as it is: the card left. */
      g_assert_cmpint (code, ==, MYNA_EXIT_CARD_ERROR);
      if (strstr (err, "removed") == NULL)
        g_error ("%s: “%s” does not say the card was removed", argument, err);
      myna_test_pcscd_remove_card (harness, 0);
    }

  for (gint64 n = 1; n <= apdus; n++)
    {
      g_autofree char *argument = g_strdup_printf ("--garbage-at=%" G_GINT64_FORMAT, n);
      int code = read_with_fault (harness, argument, &out, &err);

      if (code != MYNA_EXIT_OK && strstr (err, "insert it again") == NULL)
        g_error ("%s: “%s” does not say what to do", argument, err);
      myna_test_pcscd_remove_card (harness, 0);
    }
}

static MynaReaderState
monitor_state (MynaReaderMonitor *monitor)
{
  return myna_reader_monitor_get_state (monitor);
}

static gboolean
monitor_reached (gpointer data)
{
  gpointer *pair = data;

  return monitor_state (pair[0]) == GPOINTER_TO_INT (pair[1]);
}

static void
expect_state (MynaReaderMonitor *monitor,
              MynaReaderState    state)
{
  gpointer pair[2] = { monitor, GINT_TO_POINTER (state) };

  if (!myna_test_pcscd_wait_until (monitor_reached, pair))
    g_error ("Reader monitor stayed in %s, expected %s",
             myna_reader_state_to_string (monitor_state (monitor)),
             myna_reader_state_to_string (state));
}

static void
test_pcscd_monitor (Harness       *harness,
                    gconstpointer  data)
{
  g_autoptr(MynaReaderMonitor) monitor = NULL;
  gint64 started;

  if (myna_test_pcscd_skip_reason () != NULL)
    return;

  monitor = myna_reader_monitor_new ();
  myna_reader_monitor_start (monitor);

  expect_state (monitor, MYNA_READER_STATE_SERVICE_UNAVAILABLE);

  myna_test_pcscd_start (harness, FALSE);
  expect_state (monitor, MYNA_READER_STATE_NO_READER);
  myna_test_pcscd_stop (harness);
  expect_state (monitor, MYNA_READER_STATE_SERVICE_UNAVAILABLE);

  myna_test_pcscd_start (harness, TRUE);
  expect_state (monitor, MYNA_READER_STATE_NO_CARD);
  g_assert_cmpuint (myna_reader_monitor_get_readers (monitor)->len, ==, 2);

  myna_test_pcscd_insert_card (harness, 0, "valid", NULL);
  expect_state (monitor, MYNA_READER_STATE_CARD_PRESENT);
  g_assert_cmpstr (myna_reader_monitor_get_card_reader (monitor), ==, MYNA_TEST_READER_0);

  myna_test_pcscd_insert_card (harness, 1, "valid", NULL);
  expect_state (monitor, MYNA_READER_STATE_SEVERAL_CARDS);
  g_assert_null (myna_reader_monitor_get_card_reader (monitor));

  /* As --reader says: the name, or a part of it in any case. */
  myna_reader_monitor_set_preferred_reader (monitor, "pcd 00 01");
  expect_state (monitor, MYNA_READER_STATE_CARD_PRESENT);
  g_assert_cmpstr (myna_reader_monitor_get_card_reader (monitor), ==, MYNA_TEST_READER_1);

  myna_test_pcscd_remove_card (harness, 1);
  expect_state (monitor, MYNA_READER_STATE_CARD_PRESENT);
  g_assert_cmpstr (myna_reader_monitor_get_card_reader (monitor), ==, MYNA_TEST_READER_0);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MynaPcscTransport) holder = myna_pcsc_transport_new (MYNA_TEST_READER_0, TRUE, &error);

    g_assert_no_error (error);
    myna_reader_monitor_refresh (monitor);
    expect_state (monitor, MYNA_READER_STATE_CARD_IN_USE);
  }
  myna_reader_monitor_refresh (monitor);
  expect_state (monitor, MYNA_READER_STATE_CARD_PRESENT);

  myna_test_pcscd_remove_card (harness, 0);
  expect_state (monitor, MYNA_READER_STATE_NO_CARD);

  /* pcscd goes away and comes back: the monitor follows by itself. */
  myna_test_pcscd_stop (harness);
  expect_state (monitor, MYNA_READER_STATE_SERVICE_UNAVAILABLE);
  myna_test_pcscd_start (harness, TRUE);
  started = g_get_monotonic_time ();
  expect_state (monitor, MYNA_READER_STATE_NO_CARD);
  g_test_message ("Recovered %.2f s after pcscd was back",
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  myna_reader_monitor_stop (monitor);
}

static char *
pkcs15_value (const char *output,
              const char *object,
              const char *field)
{
  const char *start = strstr (output, object);
  const char *end;
  const char *line;

  if (start == NULL)
    return NULL;
  end = strstr (start, "\n\n");
  line = strstr (start, field);
  if (line == NULL || (end != NULL && line > end))
    return NULL;
  line = strchr (line, ':') + 1;
  while (*line == ' ')
    line++;

  return g_strndup (line, strcspn (line, "\n"));
}

static void
test_pcscd_pkcs15_tool (Harness       *harness,
                        gconstpointer  data)
{
  const char *scenario = data;
  gboolean blocked = g_str_equal (scenario, "pin-blocked");
  g_autofree char *pins = NULL;
  g_autofree char *certs = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *err = NULL;
  g_autofree char *my_out = NULL;
  g_autofree char *auth_tries = NULL;
  g_autofree char *sign_tries = NULL;
  g_autoptr(JsonObject) stats = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autofree unsigned char *der = NULL;
  int der_length;
  const char *object_names[] = {
    "X.509 Certificate [User Authentication Certificate]",
    "X.509 Certificate [Digital Signature Certificate]",
    "X.509 Certificate [User Authentication Certificate CA]",
    "X.509 Certificate [Digital Signature Certificate CA]",
  };

  if (myna_test_pcscd_skip_reason () != NULL)
    return;
  if (!g_file_test (PKCS15_TOOL, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs OpenSC's pkcs15-tool (Debian package opensc)");
      return;
    }

  myna_test_pcscd_start (harness, TRUE);
  myna_test_pcscd_insert_card (harness, 0, scenario, NULL);

  /* OpenSC, knowing nothing of MynaCheck, sees the same tries. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (myna_test_run (NULL, &pins, &err,
                             (const char *[]) { PKCS15_TOOL, "--list-pins", NULL }), ==, 0);
  auth_tries = pkcs15_value (pins, "PIN [User Authentication PIN]", "Tries left");
  sign_tries = pkcs15_value (pins, "PIN [Digital Signature PIN]", "Tries left");
  g_assert_cmpstr (auth_tries, ==, blocked ? "2" : "3");
  g_assert_cmpstr (sign_tries, ==, blocked ? "0" : "5");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (myna_test_run (NULL, &certs, &err,
                             (const char *[]) { PKCS15_TOOL, "--list-certificates", NULL }), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (object_names); i++)
    g_assert_nonnull (strstr (certs, object_names[i]));

  /* And reads the same authentication certificate. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (myna_test_run (NULL, &pem, &err,
                             (const char *[]) { PKCS15_TOOL, "--read-certificate", "01", NULL }), ==, 0);
  {
    BIO *bio = BIO_new_mem_buf (pem, -1);
    X509 *x509 = PEM_read_bio_X509 (bio, NULL, NULL, NULL);
    unsigned char *encoded = NULL;

    g_assert_nonnull (x509);
    der_length = i2d_X509 (x509, &encoded);
    g_assert_cmpint (der_length, >, 0);
    der = g_memdup2 (encoded, der_length);
    OPENSSL_free (encoded);
    X509_free (x509);
    BIO_free (bio);
  }

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_mynacheck (NULL, &my_out, &err, "--status", "--json", NULL), ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (my_out);
  {
    g_autofree char *sha256 = myna_test_sha256_colons (der, der_length);

    g_assert_cmpstr (json_object_get_string_member (myna_test_find_by_id (root, "certificates", "auth"), "sha256"),
                     ==, sha256);
  }

  stats = myna_test_pcscd_read_stats (harness, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "tries_spent"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before GLib starts any thread: the namespace is per thread. */
  myna_test_pcscd_init ();

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pcscd/status/%s%s%s", status_cases[i].scenario,
                                               status_cases[i].bridge_argument != NULL ? "/" : "",
                                               status_cases[i].bridge_argument != NULL
                                                 ? status_cases[i].bridge_argument + 2 : "");

      g_test_add (path, Harness, &status_cases[i], harness_setup, test_pcscd_status, harness_teardown);
    }
  g_test_add ("/pcscd/status/not-my-number", Harness, NULL, harness_setup, test_pcscd_not_my_number,
              harness_teardown);
  g_test_add ("/pcscd/signing", Harness, NULL, harness_setup, test_pcscd_signing, harness_teardown);
  g_test_add ("/pcscd/exit-codes", Harness, NULL, harness_setup, test_pcscd_exit_codes, harness_teardown);
  g_test_add ("/pcscd/monitor", Harness, NULL, harness_setup, test_pcscd_monitor, harness_teardown);
  g_test_add ("/pcscd/faults", Harness, NULL, harness_setup, test_pcscd_faults, harness_teardown);
  g_test_add ("/pcscd/pkcs15-tool/valid", Harness, "valid", harness_setup, test_pcscd_pkcs15_tool,
              harness_teardown);
  g_test_add ("/pcscd/pkcs15-tool/pin-blocked", Harness, "pin-blocked", harness_setup,
              test_pcscd_pkcs15_tool, harness_teardown);

  ret = g_test_run ();

  myna_test_pcscd_cleanup ();

  return ret;
}
