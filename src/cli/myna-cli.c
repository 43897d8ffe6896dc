/* myna-cli.c
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

#define G_LOG_DOMAIN "mynacheck-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "myna-card-error.h"
#include "myna-card-report.h"
#include "myna-card-session.h"
#include "myna-cli.h"
#include "myna-cli-private.h"
#include "myna-clock.h"
#include "myna-guidance.h"
#include "myna-guide-book.h"
#include "myna-i18n.h"
#include "myna-jpki.h"
#include "myna-pcsc.h"
#include "myna-pcsc-transport.h"
#include "myna-report-json.h"
#include "myna-virtual-scenarios.h"
#include "myna-virtual-transport.h"

/*
 * `mynacheck --status`: read the card once and print what was found, for
 * people and for scripts. Runs before any display is opened.
 */

MynaOptions *
myna_options_new (void)
{
  return g_new0 (MynaOptions, 1);
}

void
myna_options_free (MynaOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->reader);
  g_free (options->demo);
  g_free (options->language);
  g_free (options->change_pin);
  g_free (options);
}

/* The options, with --help's summary and, after them, the demo
 * scenarios and the exit codes. The entries are copied into the context. */
static GOptionContext *
new_option_context (MynaOptions *options,
                    const char  *scenarios)
{
  const GOptionEntry entries[] = {
    { "status", 's', 0, G_OPTION_ARG_NONE, &options->status,
      N_("Read the card once, print its status and exit"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &options->json,
      N_("With --status, print JSON (see docs/status-json.md)"), NULL },
    { "reader", 'r', 0, G_OPTION_ARG_STRING, &options->reader,
      N_("Use the reader whose name is or contains NAME"), N_("NAME") },
    { "demo", 'd', 0, G_OPTION_ARG_STRING, &options->demo,
      N_("Use the built-in demo card instead of a reader"), N_("SCENARIO") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &options->language,
      N_("Show MynaCheck in LANGUAGE: ja, en, zh_CN, ko, es, pt_BR, th, ne, id, vi or tl"), N_("LANGUAGE") },
    { "sign-password-stdin", 0, 0, G_OPTION_ARG_NONE, &options->sign_password_stdin,
      N_("With --status, also read the signing certificate, with the password read from the first line of standard input"), NULL },
    { "change-pin", 0, 0, G_OPTION_ARG_STRING, &options->change_pin,
      /* Translators: keep auth, sign, card-info and juki as they are. */
      N_("Change a PIN you know: auth, sign, card-info or juki (the resident registry PIN); needs --pin-stdin"), N_("WHICH-PIN") },
    { "pin-stdin", 0, 0, G_OPTION_ARG_NONE, &options->pin_stdin,
      N_("With --change-pin, read the current PIN and then the new PIN from the first two lines of standard input"), NULL },
    { "confirm-last-try", 0, 0, G_OPTION_ARG_NONE, &options->confirm_last_try,
      N_("Allow the password or PIN to be tried even when one try is left"), NULL },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &options->kiosk,
      N_("Run as a public terminal: full screen, card data cleared when the card leaves or after a while without use"), NULL },
    { "help-desk", 0, 0, G_OPTION_ARG_NONE, &options->help_desk,
      N_("Start with personal details hidden, for sharing the screen with a help desk"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };
  GOptionContext *context;
  g_autofree char *description = NULL;

  /* Translators: PIN, certificate and card names as in po/glossary.json. */
  description = g_strdup_printf (_("Demo scenarios:\n%s\n"
                                   "Exit codes of --status:\n"
                                   "  0  the card was read\n"
                                   "  2  usage error\n"
                                   "  3  the PC/SC service (pcscd) is not running\n"
                                   "  4  no reader, or no reader of that name\n"
                                   "  5  no card in the reader\n"
                                   "  6  not a My Number card, or the card does not respond\n"
                                   "  7  the card was removed, or communication failed\n"
                                   "  8  another program is using the card\n"
                                   "  9  several cards: choose one with --reader\n"
                                   " 10  the signing password was refused, is wrong or is locked\n"
                                   "Exit codes of --change-pin, in addition to 0 and 2 to 9:\n"
                                   " 11  the current PIN is wrong: one try was spent, the message says how many are left\n"
                                   " 12  the PIN is locked: it must be reset at the municipal office\n"
                                   " 13  refused before reaching the card: a PIN of the wrong format, a new PIN the same as the current one, or a PIN the card does not have\n"
                                   " 14  one try is left: give --confirm-last-try to use it\n"
                                   " 15  the change did not finish: the message says which application takes which PIN\n"),
                                 scenarios);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Check your My Number card: its certificates, how long they are valid, and how many tries each PIN has left."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);


  return context;
}

/* Options that go together, and values that exist. Returns -1 to go on,
 * or the exit code. */
static int
check_options (MynaOptions *options,
               const char  *scenarios)
{
  if (options->version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return MYNA_EXIT_OK;
    }

  if (!options->status && (options->json || options->sign_password_stdin))
    {
      /* Translators: the two %s are option names, "--json" and the option
       * that reads the signing password. */
      g_printerr (_("mynacheck: %s and %s go with --status. Run “mynacheck --help” to see the options.\n"),
                  "--json", "--sign-password-stdin");
      return MYNA_EXIT_USAGE;
    }

  if (options->change_pin != NULL && !myna_pin_id_from_string (options->change_pin, NULL))
    {
      g_printerr (_("mynacheck: there is no PIN “%s”. Choose one of auth, sign, card-info, juki.\n"),
                  options->change_pin);
      return MYNA_EXIT_USAGE;
    }

  if (options->change_pin != NULL && !options->pin_stdin)
    {
      /* Translators: %s are option names. */
      g_printerr (_("mynacheck: %s reads the PINs from standard input, never from the command line: add %s.\n"),
                  "--change-pin", "--pin-stdin");
      return MYNA_EXIT_USAGE;
    }

  if (options->pin_stdin && options->change_pin == NULL)
    {
      /* Translators: %s are option names: the first needs the second. */
      g_printerr (_("mynacheck: %s needs %s.\n"), "--pin-stdin", "--change-pin");
      return MYNA_EXIT_USAGE;
    }

  if (options->change_pin != NULL &&
      (options->status || options->json || options->sign_password_stdin || options->kiosk || options->help_desk))
    {
      g_printerr (_("mynacheck: %s does one thing: it cannot go with %s, %s, %s, %s or %s.\n"),
                  "--change-pin", "--status", "--json", "--sign-password-stdin", "--kiosk", "--help-desk");
      return MYNA_EXIT_USAGE;
    }

  if (options->status && (options->kiosk || options->help_desk))
    {
      /* Translators: the two %s are option names, "--kiosk" and
       * "--help-desk"; they choose modes of the window. */
      g_printerr (_("mynacheck: %s and %s are modes of the window; --status prints everything it reads, so they cannot go with it.\n"),
                  "--kiosk", "--help-desk");
      return MYNA_EXIT_USAGE;
    }

  if (options->demo != NULL && myna_virtual_scenario_describe (options->demo) == NULL)
    {
      g_printerr (_("mynacheck: there is no demo card “%s”. Choose one of:\n%s"),
                  options->demo, scenarios);
      return MYNA_EXIT_USAGE;
    }

  if (options->language != NULL && myna_i18n_find_language (options->language) == NULL)
    {
      g_printerr (_("mynacheck: MynaCheck is not available in “%s”. Choose one of ja, en, zh_CN, ko, es, pt_BR, th, ne, id, vi, tl.\n"),
                  options->language);
      return MYNA_EXIT_USAGE;
    }

  if (options->demo != NULL && options->reader != NULL)
    {
      g_printerr (_("mynacheck: --demo and --reader cannot be used together.\n"));
      return MYNA_EXIT_USAGE;
    }

  return -1;
}

/**
 * myna_options_parse:
 * @options: where to store the options
 * @argc: the argument count
 * @argv: the arguments
 *
 * Returns: -1 to go on, or the exit code to end the program with
 */
int
myna_options_parse (MynaOptions  *options,
                    int           argc,
                    char        **argv)
{
  g_autofree char *scenarios = myna_virtual_scenarios_list ();
  g_autoptr(GOptionContext) context = new_option_context (options, scenarios);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr (_("mynacheck: %s. Run “mynacheck --help” to see the options.\n"), error->message);
      return MYNA_EXIT_USAGE;
    }

  if (g_strv_length (args) > 1)
    {
      g_printerr (_("mynacheck: unexpected argument “%s”. Run “mynacheck --help” to see the options.\n"),
                  args[1]);
      return MYNA_EXIT_USAGE;
    }

  return check_options (options, scenarios);
}

/**
 * myna_cli_exit_code_for_error:
 * @error: why the read failed
 *
 * Returns: the documented exit code for @error
 */
MynaExitCode
myna_cli_exit_code_for_error (const GError *error)
{
  if (error->domain == MYNA_SW_ERROR)
    return MYNA_EXIT_CARD_ERROR;

  if (error->domain != MYNA_CARD_ERROR)
    return MYNA_EXIT_FAILURE;

  switch ((MynaCardError) error->code)
    {
    case MYNA_CARD_ERROR_NO_SERVICE:
      return MYNA_EXIT_NO_SERVICE;
    case MYNA_CARD_ERROR_NO_READER:
    case MYNA_CARD_ERROR_UNKNOWN_READER:
      return MYNA_EXIT_NO_READER;
    case MYNA_CARD_ERROR_NO_CARD:
      return MYNA_EXIT_NO_CARD;
    case MYNA_CARD_ERROR_SEVERAL_CARDS:
      return MYNA_EXIT_SEVERAL_CARDS;
    case MYNA_CARD_ERROR_SHARING_VIOLATION:
      return MYNA_EXIT_CARD_IN_USE;
    case MYNA_CARD_ERROR_UNRESPONSIVE:
    case MYNA_CARD_ERROR_UNSUPPORTED_CARD:
      return MYNA_EXIT_UNSUPPORTED_CARD;
    case MYNA_CARD_ERROR_REMOVED:
    case MYNA_CARD_ERROR_RESET:
    case MYNA_CARD_ERROR_IO:
    case MYNA_CARD_ERROR_MALFORMED:
      return MYNA_EXIT_CARD_ERROR;
    case MYNA_CARD_ERROR_PIN_FORMAT:
    case MYNA_CARD_ERROR_PIN_WRONG:
    case MYNA_CARD_ERROR_PIN_BLOCKED:
    case MYNA_CARD_ERROR_PIN_ABSENT:
    case MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED:
    case MYNA_CARD_ERROR_PIN_SAME:
      return MYNA_EXIT_PASSWORD;
    case MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL:
    case MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN:
      return MYNA_EXIT_CARD_ERROR;
    case MYNA_CARD_ERROR_FAILED:
    case MYNA_CARD_ERROR_INVALID_COMMAND:
    default:
      return MYNA_EXIT_FAILURE;
    }
}

/* Reads one line from standard input straight into a buffer we wipe: no
 * stdio buffer keeps a copy. The buffer is MYNA_CLI_SECRET_SIZE long. */
char *
_myna_cli_read_secret_line (void)
{
  char *password = g_malloc0 (MYNA_CLI_SECRET_SIZE);
  gsize length = 0;

  for (;;)
    {
      char c = 0;
      ssize_t n = read (STDIN_FILENO, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      /* One character past the maximum is enough for the format check to
       * refuse it; the rest is read and dropped. */
      if (c != '\r' && length < MYNA_PIN_MAX_LENGTH + 1)
        password[length++] = c;
      myna_secret_wipe (&c, sizeof c);
    }

  return password;
}

static gboolean
find_reader (GPtrArray             *readers,
             const char            *wanted,
             const MynaReaderInfo **found,
             GError               **error)
{
  guint n_matches = 0;

  *found = myna_reader_find (readers, wanted, &n_matches);
  if (*found != NULL)
    return TRUE;

  g_set_error (error, MYNA_CARD_ERROR,
               readers->len == 0 ? MYNA_CARD_ERROR_NO_READER : MYNA_CARD_ERROR_UNKNOWN_READER,
               n_matches == 0 ? _("No reader is called “%s”.") : _("Several readers match “%s”; give more of the name."),
               wanted);
  return FALSE;
}

static char *
list_readers (GPtrArray *readers)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < readers->len; i++)
    {
      const MynaReaderInfo *reader = g_ptr_array_index (readers, i);

      g_string_append_printf (str, "  %s%s\n", reader->name,
                              reader->card_present ? _(" (card inserted)") : "");
    }

  return g_string_free (str, FALSE);
}

static MynaTransport *
open_pcsc_transport (MynaOptions  *options,
                     gboolean      exclusive,
                     GError      **error)
{
  g_autoptr(GPtrArray) readers = NULL;
  g_autofree char *list = NULL;
  const MynaReaderInfo *reader = NULL;
  MynaReaderState state;

  readers = myna_pcsc_get_readers (error);
  if (readers == NULL)
    return NULL;

  list = list_readers (readers);

  if (options->reader != NULL)
    {
      if (!find_reader (readers, options->reader, &reader, error))
        {
          if (readers->len > 0)
            g_prefix_error (error, "%s\n%s", _("Connected readers:"), list);
          return NULL;
        }
      if (!reader->card_present)
        {
          g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_NO_CARD,
                       _("There is no card in “%s”. Insert your My Number card."), reader->name);
          return NULL;
        }
    }
  else
    {
      state = myna_reader_state_compute (readers, NULL, &reader);

      /* Several cards: the command line's own way to choose one. */
      if (state == MYNA_READER_STATE_SEVERAL_CARDS)
        {
          g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_SEVERAL_CARDS,
                       _("Several readers hold a card. Choose one with --reader NAME:\n%s"), list);
          return NULL;
        }
      /* The readers were listed: the service is there, and so is the state. */
      g_assert (state != MYNA_READER_STATE_STARTING && state != MYNA_READER_STATE_SERVICE_UNAVAILABLE);
      if (!myna_reader_state_to_error (state, error))
        return NULL;
    }

  return MYNA_TRANSPORT (myna_pcsc_transport_new (reader->name, exclusive, error));
}

MynaTransport *
_myna_cli_open_transport (MynaOptions  *options,
                gboolean      exclusive,
                GError      **error)
{
  g_autoptr(MynaVirtualCard) card = NULL;

  if (options->demo == NULL)
    return open_pcsc_transport (options, exclusive, error);

  card = myna_virtual_card_new (options->demo, error);
  if (card == NULL)
    return NULL;

  return MYNA_TRANSPORT (myna_virtual_transport_new (card));
}

static MynaCardStatus *
read_status (MynaOptions      *options,
             gboolean          exclusive,
             MynaCardSession **session_out,
             GError          **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(MynaTransport) transport = NULL;
      g_autoptr(MynaCardSession) session = NULL;
      MynaCardStatus *status;

      transport = _myna_cli_open_transport (options, exclusive, error);
      if (transport == NULL)
        return NULL;

      session = myna_card_session_new (transport);
      status = myna_jpki_read_status (session, NULL, &local_error);
      if (status != NULL)
        {
          *session_out = g_steal_pointer (&session);
          return status;
        }

      /* Another program reset the card under us: read again, once. */
      if (attempt == 0 && g_error_matches (local_error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_RESET))
        continue;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
}

static void
print_pin (const MynaPinStatus *tries)
{
  const char *name = myna_pin_get_name (tries->id);

  switch (tries->state)
    {
    case MYNA_PIN_STATE_OK:
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: a PIN name, the tries left, and the
                             * tries a full counter holds, e.g. "3 of 5". */
                            "  %s: %d try left of %d\n",
                            "  %s: %d tries left of %d\n",
                            tries->remaining),
               name, tries->remaining, tries->max_tries);
      break;
    case MYNA_PIN_STATE_LAST_TRY:
      g_print (_("  %s: 1 try left — a wrong entry now locks it\n"), name);
      break;
    case MYNA_PIN_STATE_BLOCKED:
      g_print (_("  %s: locked — no tries left\n"), name);
      break;
    case MYNA_PIN_STATE_ABSENT:
      g_print (_("  %s: not on this card\n"), name);
      break;
    case MYNA_PIN_STATE_UNKNOWN:
    default:
      g_print (_("  %s: unknown (the card answered %04X)\n"), name, tries->sw);
      break;
    }
}

static void
print_lifecycle (MynaCardReport *report,
                 MynaCertId      id,
                 GDateTime      *now)
{
  MynaCertLifecycle lifecycle;

  if (!myna_card_report_get_lifecycle (report, id, now, &lifecycle))
    return;

  if (lifecycle.state == MYNA_CERT_STATE_EXPIRED)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "    State: %s, %d day ago\n",
                            "    State: %s, %d days ago\n", -lifecycle.days_left),
               myna_cert_state_get_label (lifecycle.state), -lifecycle.days_left);
    }
  else if (lifecycle.state == MYNA_CERT_STATE_NOT_YET_VALID)
    {
      g_print (_("    State: %s\n"), myna_cert_state_get_label (lifecycle.state));
    }
  else if (lifecycle.days_left == 0)
    {
      g_print (_("    State: %s, last day today\n"), myna_cert_state_get_label (lifecycle.state));
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "    State: %s, %d day left\n",
                            "    State: %s, %d days left\n", lifecycle.days_left),
               myna_cert_state_get_label (lifecycle.state), lifecycle.days_left);
    }

  if (lifecycle.renewable)
    {
      g_autofree char *opens_on = myna_format_date (&lifecycle.renewal_opens_on);

      g_print (_("    Renewal opens: %s\n"), opens_on);
    }
  else if (id == MYNA_CERT_AUTH || id == MYNA_CERT_SIGN)
    {
      g_print ("    %s\n", myna_juki_card_text ());
    }
}

static void
print_certificate (MynaCardReport *report,
                   MynaCertId      id,
                   GDateTime      *now)
{
  MynaCertificate *cert = myna_card_report_get_certificate (report, id);
  const GError *error = myna_card_report_get_certificate_error (report, id);
  g_autofree char *not_before = NULL;
  g_autofree char *not_after = NULL;
  g_autofree char *usage = NULL;

  g_print ("  %s\n", myna_cert_id_get_name (id));

  if (cert == NULL)
    {
      if (error != NULL && g_error_matches (error, MYNA_SW_ERROR, 0x6A82))
        g_print ("    %s\n", _("Not on this card."));
      else if (error != NULL)
        g_print ("    %s\n", error->message);
      else
        g_print ("    %s\n", _("Not read."));
      return;
    }

  not_before = myna_format_date_time_jst (myna_certificate_get_not_before (cert));
  not_after = myna_format_date_time_jst (myna_certificate_get_not_after (cert));
  usage = g_strjoinv (", ", (char **) myna_certificate_get_key_usage (cert));

  print_lifecycle (report, id, now);
  g_print (_("    Valid from: %s\n"), not_before);
  g_print (_("    Valid until: %s\n"), not_after);
  g_print (_("    Subject: %s\n"), myna_certificate_get_subject (cert));
  g_print (_("    Issuer: %s\n"), myna_certificate_get_issuer (cert));
  g_print (_("    Serial number: %s\n"), myna_certificate_get_serial (cert));
  g_print (_("    Certificate fingerprint (SHA-256): %s\n"), myna_certificate_get_sha256 (cert));
  g_print (_("    Key: %s, %u bits; usage: %s\n"), myna_certificate_get_key_algorithm (cert),
           myna_certificate_get_key_bits (cert), usage[0] != '\0' ? usage : _("none"));
  g_print (_("    Chain: %s\n"),
           myna_chain_result_describe (myna_card_report_get_chain_result (report, id)));
}

static void
print_holder (MynaCardReport *report)
{
  MynaCertificate *sign = myna_card_report_get_certificate (report, MYNA_CERT_SIGN);
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaHolder) holder = NULL;

  if (sign == NULL)
    return;

  holder = myna_certificate_get_holder (sign, &error);
  if (holder == NULL)
    {
      g_print ("    %s\n", error->message);
      return;
    }

  g_print (_("    Name: %s\n"), holder->name);
  g_print (_("    Address: %s\n"), holder->address);
  if (g_date_valid (&holder->birth_date))
    {
      char date[16];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", &holder->birth_date);
      g_print (_("    Birth date: %s\n"), date);
    }
  else
    {
      g_print (_("    Birth date: %s\n"), holder->birth_date_raw);
    }
  g_print (_("    Sex (code): %s\n"), holder->sex);
}

static void
print_guidance (MynaCardReport *report,
                GDateTime      *now)
{
  g_autoptr(GPtrArray) guidance = myna_guidance_for_report (report, now);
  MynaGuideBook *book = myna_guide_book_get_default ();

  g_print ("\n%s\n", _("What to do"));
  for (guint i = 0; i < guidance->len; i++)
    {
      const MynaGuidance *item = g_ptr_array_index (guidance, i);
      MynaGuide *guide = myna_guide_book_lookup (book, item->guide_id);
      const MynaGuideText *title = myna_guide_get_title (guide);

      g_print ("  • %s (%s)\n    %s\n", myna_guide_text_get (title), title->ja, item->text);
    }
}

static void
print_text (MynaCardReport *report,
            gboolean        sign_requested,
            GDateTime      *now)
{
  MynaCardStatus *status = myna_card_report_get_status (report);
  const char *token = myna_card_status_get_token (status);

  g_print (_("Reader: %s\n"), myna_card_status_get_reader_name (status));
  g_print (_("Card: %s (%s)\n"),
           myna_card_kind_get_name (myna_card_status_get_kind (status)),
           token != NULL ? token : _("no token label"));
  g_print ("\n%s\n", _("PINs"));
  for (guint id = 0; id < MYNA_N_PINS; id++)
    print_pin (myna_card_status_get_pin (status, id));

  g_print ("\n%s\n", _("Certificates"));
  print_certificate (report, MYNA_CERT_AUTH, now);
  print_certificate (report, MYNA_CERT_AUTH_CA, now);
  if (sign_requested)
    {
      print_certificate (report, MYNA_CERT_SIGN, now);
      print_holder (report);
    }
  else if (myna_card_status_get_pin (status, MYNA_PIN_SIGN)->state == MYNA_PIN_STATE_ABSENT)
    {
      g_print ("  %s\n    %s\n", myna_cert_id_get_name (MYNA_CERT_SIGN), _("Not on this card."));
    }
  else
    {
      g_print ("  %s\n    %s\n", myna_cert_id_get_name (MYNA_CERT_SIGN),
               /* Translators: PIN, certificate and card names as in po/glossary.json. */
               _("Not read: it holds your name, address, birth date and sex, and needs the signing password (--sign-password-stdin)."));
    }
  print_certificate (report, MYNA_CERT_SIGN_CA, now);

  print_guidance (report, now);

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "The card was read with %u command.\n",
                        "The card was read with %u commands.\n",
                        myna_card_status_get_apdu_count (status)),
           myna_card_status_get_apdu_count (status));
}

int
_myna_cli_fail (const GError *error)
{
  g_printerr ("mynacheck: %s\n", error->message);

  return myna_cli_exit_code_for_error (error);
}

/**
 * myna_cli_run_status:
 * @options: the parsed options
 *
 * Reads the card once and prints the result. The signing password, when
 * asked for, is read from standard input before the card is touched and
 * checked for format first.
 *
 * Returns: the exit code
 */
int
myna_cli_run_status (MynaOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sign_error = NULL;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(MynaCardReport) report = NULL;
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autofree char *password = NULL;

  if (options->sign_password_stdin)
    {
      password = _myna_cli_read_secret_line ();
      if (!myna_pin_normalize (MYNA_PIN_SIGN, password, &error))
        {
          myna_secret_wipe (password, MYNA_CLI_SECRET_SIZE);
          return _myna_cli_fail (error);
        }
    }

  /* With a password to present, keep other programs off the card. */
  status = read_status (options, password != NULL, &session, &error);
  if (status == NULL)
    {
      if (password != NULL)
        myna_secret_wipe (password, MYNA_CLI_SECRET_SIZE);
      return _myna_cli_fail (error);
    }

  report = myna_card_report_new (status);

  if (password != NULL)
    {
      MynaPinStatus sign_pin;
      g_autoptr(GBytes) der = NULL;

      der = myna_jpki_read_signing_certificate (session, password,
                                                options->confirm_last_try
                                                  ? MYNA_SIGN_READ_CONFIRM_LAST_TRY
                                                  : MYNA_SIGN_READ_NONE,
                                                &sign_pin, NULL, &sign_error);
      myna_secret_wipe (password, MYNA_CLI_SECRET_SIZE);
      myna_card_report_update_pin (report, &sign_pin);

      if (der != NULL)
        myna_card_report_set_signing_certificate (report, der, &sign_error);
    }

  if (options->json)
    {
      g_autofree char *json = myna_report_to_json_string (report, now);

      g_print ("%s\n", json);
    }
  else
    {
      print_text (report, password != NULL, now);
    }

  if (sign_error != NULL)
    return _myna_cli_fail (sign_error);

  return MYNA_EXIT_OK;
}
