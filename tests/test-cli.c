/* test-cli.c
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

#include "myna-cli.h"
#include "myna-test-utils.h"

/* Runs the real `mynacheck` binary, with no display, as a script would. */

typedef struct
{
  int   status;
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

static void
run_mynacheck_env (Run                *run,
                   const char * const *env,
                   const char         *input,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("MYNACHECK_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run->status = myna_test_run_env (env, input, &run->out, &run->err,
                                   (const char * const *) argv->pdata);
}

static void
run_mynacheck (Run                *run,
               const char         *input,
               const char * const *args)
{
  run_mynacheck_env (run, NULL, input, args);
}

static gboolean
is_jst_iso8601 (const char *value)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (value, NULL);

  return parsed != NULL && g_str_has_suffix (value, "+09:00");
}

static void
check_certificate (JsonObject *root,
                   const char *id)
{
  JsonObject *cert = myna_test_find_by_id (root, "certificates", id);
  const char *fields[] = { "subject", "issuer", "serial", "not_before", "not_after", "sha256", "chain" };

  g_assert_nonnull (cert);
  g_assert_true (json_object_get_boolean_member (cert, "present"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (json_object_get_string_member (cert, fields[i]));
  g_assert_true (is_jst_iso8601 (json_object_get_string_member (cert, "not_before")));
  g_assert_true (is_jst_iso8601 (json_object_get_string_member (cert, "not_after")));
  g_assert_cmpuint (strlen (json_object_get_string_member (cert, "sha256")), ==, 95);
  g_assert_cmpstr (json_object_get_string_member (cert, "chain"), ==, "unknown-root");
  g_assert_cmpint (json_object_get_int_member (cert, "key_bits"), ==, 2048);
}

static void
test_cli_json_valid (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *card;
  JsonObject *auth_pin;
  JsonObject *auth;
  const char *ids[] = { "auth", "sign", "card-info", "juki" };
  const int max[] = { 3, 5, 3, 3 };

  run_mynacheck (&run, NULL, (const char *[]) { "--status", "--json", "--demo", "valid", NULL });
  g_assert_cmpint (run.status, ==, MYNA_EXIT_OK);
  g_assert_cmpstr (run.err, ==, "");

  root = myna_test_parse_json (run.out);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "reader"), ==, "MynaCheck demo reader");
  g_assert_cmpstr (json_object_get_string_member (root, "atr"), ==, "3BE000FF8131FE4514");
  card = json_object_get_object_member (root, "card");
  g_assert_cmpstr (json_object_get_string_member (card, "kind"), ==, "my-number");
  g_assert_cmpstr (json_object_get_string_member (card, "token"), ==, "JPKIAPICCTOKEN2");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pins")), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *pin = myna_test_find_by_id (root, "pins", ids[i]);

      g_assert_nonnull (pin);
      g_assert_cmpint (json_object_get_int_member (pin, "remaining"), ==, max[i]);
      g_assert_cmpint (json_object_get_int_member (pin, "max"), ==, max[i]);
      g_assert_cmpstr (json_object_get_string_member (pin, "state"), ==, "ok");
    }

  check_certificate (root, "auth");
  check_certificate (root, "auth-ca");
  check_certificate (root, "sign-ca");
  g_assert_null (myna_test_find_by_id (root, "certificates", "sign"));
  g_assert_false (json_object_has_member (root, "holder"));

  auth = myna_test_find_by_id (root, "certificates", "auth");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (auth, "not_after"), "T23:59:59+09:00"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (auth, "subject"), "C=JP, CN="));

  g_assert_cmpint (json_object_get_int_member (root, "apdus"), ==, 11);
  g_assert_true (json_object_get_boolean_member (root, "extended_length"));

  auth_pin = myna_test_find_by_id (root, "pins", "auth");
  g_assert_false (json_object_get_boolean_member (auth_pin, "verified"));
}

static void
test_cli_json_scenarios (void)
{
  const struct { const char *scenario; const char *kind; const char *pin; const char *state; } cases[] = {
    { "pin-blocked", "my-number", "sign", "blocked" },
    { "pin-blocked", "my-number", "card-info", "last-try" },
    { "last-try",    "my-number", "sign", "last-try" },
    { "no-signing",  "my-number", "sign", "absent" },
    { "juki",        "juki",      "auth", "absent" },
    { "juki",        "juki",      "juki", "ok" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(JsonObject) root = NULL;
      JsonObject *pin;

      run_mynacheck (&run, NULL, (const char *[]) { "--status", "--json", "--demo", cases[i].scenario, NULL });
      g_assert_cmpint (run.status, ==, MYNA_EXIT_OK);
      root = myna_test_parse_json (run.out);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "card"), "kind"),
                       ==, cases[i].kind);
      pin = myna_test_find_by_id (root, "pins", cases[i].pin);
      g_assert_cmpstr (json_object_get_string_member (pin, "state"), ==, cases[i].state);
      if (g_str_equal (cases[i].state, "absent"))
        g_assert_true (json_object_get_null_member (pin, "remaining"));
    }
}

static void
test_cli_json_lifecycle (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonObject *auth;
  JsonObject *auth_ca;
  JsonObject *sign_pin;
  JsonObject *reset;
  JsonArray *guides;
  JsonObject *first;

  /* A fixed day: the demo card's dates are relative to it. */
  run_mynacheck_env (&run, (const char *[]) { "MYNACHECK_NOW=2026-11-22T10:00:00+09:00", NULL },
                     NULL, (const char *[]) { "--status", "--json", "--demo", "renewal", NULL });
  g_assert_cmpint (run.status, ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (run.out);

  /* Issue #3 §4: state, days_left, renewal_opens_on. */
  auth = myna_test_find_by_id (root, "certificates", "auth");
  g_assert_cmpstr (json_object_get_string_member (auth, "state"), ==, "renewal-open");
  g_assert_cmpint (json_object_get_int_member (auth, "days_left"), ==, 45);
  g_assert_cmpstr (json_object_get_string_member (auth, "not_after"), ==, "2027-01-06T23:59:59+09:00");
  g_assert_cmpstr (json_object_get_string_member (auth, "renewal_opens_on"), ==, "2026-10-07");
  auth_ca = myna_test_find_by_id (root, "certificates", "auth-ca");
  g_assert_cmpstr (json_object_get_string_member (auth_ca, "state"), ==, "within-validity-period");
  g_assert_false (json_object_has_member (auth_ca, "renewal_opens_on"));

  /* Each PIN's reset route. */
  sign_pin = myna_test_find_by_id (root, "pins", "sign");
  reset = json_object_get_object_member (sign_pin, "reset");
  g_assert_cmpstr (json_object_get_string_member (reset, "guide"), ==, "reset-pin");
  g_assert_true (json_object_get_boolean_member (reset, "municipal_office"));
  g_assert_true (json_object_get_boolean_member (reset, "convenience_store"));
  g_assert_cmpstr (json_object_get_string_member (reset, "convenience_store_requires"), ==, "auth");
  reset = json_object_get_object_member (myna_test_find_by_id (root, "pins", "juki"), "reset");
  g_assert_false (json_object_get_boolean_member (reset, "convenience_store"));
  g_assert_true (json_object_get_null_member (reset, "convenience_store_requires"));

  /* The guides for this card, in order, lost card last. */
  guides = json_object_get_array_member (root, "guides");
  g_assert_cmpuint (json_array_get_length (guides), ==, 3);
  first = json_array_get_object_element (guides, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "renew-certificate");
  g_assert_cmpstr (json_object_get_string_member (first, "reason"), ==, "renewal-open");
  g_assert_cmpstr (json_object_get_string_member (first, "certificate"), ==, "auth");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "text"), "2026-10-07"));
  /* The card's own expiry may be the same day (seeds 000, 003). */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (guides, 1), "reason"), ==, "card-may-expire");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (guides, 2), "id"), ==, "lost-card");
}

static void
test_cli_text (void)
{
  g_auto(Run) run = { 0 };

  run_mynacheck (&run, NULL, (const char *[]) { "--status", "--demo", "pin-blocked", NULL });
  g_assert_cmpint (run.status, ==, MYNA_EXIT_OK);
  g_assert_nonnull (strstr (run.out, "Reader: MynaCheck demo reader"));
  g_assert_nonnull (strstr (run.out, "Card: My Number card (JPKIAPICCTOKEN2)"));
  g_assert_nonnull (strstr (run.out, "User authentication PIN: 2 tries left of 3"));
  g_assert_nonnull (strstr (run.out, "Signing password: locked"));
  g_assert_nonnull (strstr (run.out, "Valid until: "));
  g_assert_nonnull (strstr (run.out, "23:59:59 JST"));
  g_assert_nonnull (strstr (run.out, "State: Within validity period"));
  g_assert_nonnull (strstr (run.out, "What to do"));
  g_assert_nonnull (strstr (run.out, "暗証番号の再設定・ロック解除"));
}

/* One rule in the model: an old juki card's certificates are not
 * renewable, so neither the text nor the JSON offers a renewal date. */
static void
test_cli_juki_card (void)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonObject) root = NULL;
  /* The juki card carries only a signing certificate. */
  const char *ids[] = { "sign" };

  run_mynacheck (&text, "MYNA2026\n", (const char *[]) { "--status", "--demo", "juki", "--sign-password-stdin", NULL });
  g_assert_cmpint (text.status, ==, MYNA_EXIT_OK);
  g_assert_null (strstr (text.out, "Renewal opens"));
  g_assert_null (strstr (text.out, "renewal open"));
  g_assert_nonnull (strstr (text.out, "can no longer be issued or renewed"));

  run_mynacheck (&json, "MYNA2026\n", (const char *[]) { "--status", "--json", "--demo", "juki", "--sign-password-stdin", NULL });
  g_assert_cmpint (json.status, ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (json.out);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *cert = myna_test_find_by_id (root, "certificates", ids[i]);

      g_assert_true (json_object_get_boolean_member (cert, "present"));
      g_assert_true (json_object_has_member (cert, "state"));
      g_assert_false (json_object_has_member (cert, "renewal_opens_on"));
      g_assert_cmpstr (json_object_get_string_member (cert, "state"), !=, "renewal-open");
    }
}

static void
test_cli_exit_codes (void)
{
  const struct { const char *args[6]; const char *stdin_text; int status; } cases[] = {
    { { "--status", "--demo", "not-my-number", NULL }, NULL, MYNA_EXIT_UNSUPPORTED_CARD },
    { { "--status", "--demo", "no-such-card", NULL }, NULL, MYNA_EXIT_USAGE },
    { { "--no-such-option", NULL }, NULL, MYNA_EXIT_USAGE },
    { { "--json", NULL }, NULL, MYNA_EXIT_USAGE },
    { { "--status", "extra", NULL }, NULL, MYNA_EXIT_USAGE },
    { { "--status", "--demo", "valid", "--reader", "x", NULL }, NULL, MYNA_EXIT_USAGE },
    { { "--status", "--demo", "valid", "--sign-password-stdin", NULL }, "ABC\n", MYNA_EXIT_PASSWORD },
    { { "--status", "--demo", "pin-blocked", "--sign-password-stdin", NULL }, "MYNA2026\n", MYNA_EXIT_PASSWORD },
    { { "--status", "--demo", "no-signing", "--sign-password-stdin", NULL }, "MYNA2026\n", MYNA_EXIT_PASSWORD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_mynacheck (&run, cases[i].stdin_text, cases[i].args);
      g_assert_cmpint (run.status, ==, cases[i].status);

      /* One human line on stderr (a list of choices may follow it). */
      g_assert_true (g_str_has_prefix (run.err, "mynacheck: "));
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (strlen (lines[0]), >, 20);
    }
}

static void
test_cli_version (void)
{
  g_auto(Run) run = { 0 };

  run_mynacheck (&run, NULL, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

static void
test_cli_sign_password (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) format = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonObject) wrong_root = NULL;
  JsonObject *holder;

  run_mynacheck (&run, "myna2026\n", (const char *[]) {
                   "--status", "--json", "--demo", "valid", "--sign-password-stdin", NULL });
  g_assert_cmpint (run.status, ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (run.out);
  g_assert_nonnull (myna_test_find_by_id (root, "certificates", "sign"));
  holder = json_object_get_object_member (root, "holder");
  g_assert_cmpstr (json_object_get_string_member (holder, "name"), ==, "見本\u3000花子");
  g_assert_nonnull (json_object_get_string_member (holder, "birth_date"));
  g_assert_cmpstr (json_object_get_string_member (holder, "sex"), ==, "2");
  /* The password appears nowhere. */
  g_assert_null (strstr (run.out, "MYNA2026"));
  g_assert_null (strstr (run.err, "MYNA2026"));

  /* A wrong password: the status is printed with the new count, exit 10. */
  run_mynacheck (&wrong, "WRONG123\n", (const char *[]) {
                   "--status", "--json", "--demo", "valid", "--sign-password-stdin", NULL });
  g_assert_cmpint (wrong.status, ==, MYNA_EXIT_PASSWORD);
  wrong_root = myna_test_parse_json (wrong.out);
  g_assert_cmpint (json_object_get_int_member (myna_test_find_by_id (wrong_root, "pins", "sign"), "remaining"), ==, 4);
  g_assert_nonnull (strstr (wrong.err, "4 tries are left"));

  /* A password of the wrong format never reaches the card. */
  run_mynacheck (&format, "12345\n", (const char *[]) {
                   "--status", "--json", "--demo", "valid", "--sign-password-stdin", NULL });
  g_assert_cmpint (format.status, ==, MYNA_EXIT_PASSWORD);
  g_assert_cmpstr (format.out, ==, "");
  g_assert_nonnull (strstr (format.err, "Nothing was sent to the card"));
}

static void
test_cli_trace_hides_password (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;

  /* With every debug message on, the report still parses (traces go to
   * stderr) and the password is in neither stream. */
  run_mynacheck_env (&run, (const char *[]) { "G_MESSAGES_DEBUG=all", NULL },
                     "myna2026\n", (const char *[]) {
                       "--status", "--json", "--demo", "valid", "--sign-password-stdin", NULL });

  g_assert_cmpint (run.status, ==, MYNA_EXIT_OK);
  root = myna_test_parse_json (run.out);
  g_assert_nonnull (strstr (run.err, "00 20 00 80 Lc=8 XX XX XX XX XX XX XX XX"));
  g_assert_null (strcasestr (run.err, "myna2026"));
  g_assert_null (strcasestr (run.out, "myna2026"));
  g_assert_null (strstr (run.err, "4D 59 4E 41"));
}

static void
test_cli_last_try (void)
{
  g_auto(Run) refused = { 0 };
  g_auto(Run) confirmed = { 0 };

  run_mynacheck (&refused, "MYNA2026\n", (const char *[]) {
                   "--status", "--demo", "last-try", "--sign-password-stdin", NULL });
  g_assert_cmpint (refused.status, ==, MYNA_EXIT_PASSWORD);
  g_assert_nonnull (strstr (refused.err, "one try left"));

  run_mynacheck (&confirmed, "MYNA2026\n", (const char *[]) {
                   "--status", "--demo", "last-try", "--sign-password-stdin", "--confirm-last-try", NULL });
  g_assert_cmpint (confirmed.status, ==, MYNA_EXIT_OK);
  g_assert_nonnull (strstr (confirmed.out, "Name: 見本"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json/valid", test_cli_json_valid);
  g_test_add_func ("/cli/json/scenarios", test_cli_json_scenarios);
  g_test_add_func ("/cli/json/lifecycle", test_cli_json_lifecycle);
  g_test_add_func ("/cli/text", test_cli_text);
  g_test_add_func ("/cli/juki-card", test_cli_juki_card);
  g_test_add_func ("/cli/exit-codes", test_cli_exit_codes);
  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/sign-password", test_cli_sign_password);
  g_test_add_func ("/cli/last-try", test_cli_last_try);
  g_test_add_func ("/cli/trace-hides-password", test_cli_trace_hides_password);

  return g_test_run ();
}
