/* myna-cli-change-pin.c
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

#include <glib/gi18n.h>

#include "myna-card-error.h"
#include "myna-card-session.h"
#include "myna-cli-private.h"
#include "myna-jpki.h"
#include "myna-pin.h"
#include "myna-secret.h"

/*
 * `mynacheck --change-pin PIN --pin-stdin`: change a PIN the holder knows.
 * Both PINs come from standard input, never from the arguments, where
 * any user of the machine could read them in the process list.
 */

/* The exit codes of --change-pin: finer than --status's 10, which keeps
 * its meaning. */
static MynaExitCode
exit_code_for_change_error (const GError *error)
{
  if (error->domain != MYNA_CARD_ERROR)
    return myna_cli_exit_code_for_error (error);

  switch ((MynaCardError) error->code)
    {
    case MYNA_CARD_ERROR_PIN_WRONG:
      return MYNA_EXIT_PIN_WRONG;
    case MYNA_CARD_ERROR_PIN_BLOCKED:
      return MYNA_EXIT_PIN_LOCKED;
    case MYNA_CARD_ERROR_PIN_FORMAT:
    case MYNA_CARD_ERROR_PIN_SAME:
    case MYNA_CARD_ERROR_PIN_ABSENT:
      return MYNA_EXIT_PIN_REFUSED;
    case MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED:
      return MYNA_EXIT_LAST_TRY;
    case MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL:
    case MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN:
      return MYNA_EXIT_PIN_UNFINISHED;
    case MYNA_CARD_ERROR_FAILED:
    case MYNA_CARD_ERROR_NO_SERVICE:
    case MYNA_CARD_ERROR_NO_READER:
    case MYNA_CARD_ERROR_UNKNOWN_READER:
    case MYNA_CARD_ERROR_NO_CARD:
    case MYNA_CARD_ERROR_SEVERAL_CARDS:
    case MYNA_CARD_ERROR_SHARING_VIOLATION:
    case MYNA_CARD_ERROR_UNRESPONSIVE:
    case MYNA_CARD_ERROR_UNSUPPORTED_CARD:
    case MYNA_CARD_ERROR_REMOVED:
    case MYNA_CARD_ERROR_RESET:
    case MYNA_CARD_ERROR_IO:
    case MYNA_CARD_ERROR_INVALID_COMMAND:
    case MYNA_CARD_ERROR_MALFORMED:
    default:
      return myna_cli_exit_code_for_error (error);
    }
}

/**
 * myna_cli_run_change_pin:
 * @options: the parsed options, with a PIN to change
 *
 * Reads the current PIN and the new PIN from the first two lines of
 * standard input and changes the PIN with the rules of
 * myna_jpki_change_pin(): nothing reaches the card before both have the
 * right format, and with one try left only after --confirm-last-try.
 *
 * Returns: the exit code
 */
int
myna_cli_run_change_pin (MynaOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaTransport) transport = NULL;
  g_autoptr(MynaCardSession) session = NULL;
  char *current = NULL;
  char *new_pin = NULL;
  MynaPinChangeResult result;
  MynaPinId pin;
  gboolean changed = FALSE;

  g_return_val_if_fail (myna_pin_id_from_string (options->change_pin, &pin), MYNA_EXIT_USAGE);

  current = _myna_cli_read_secret_line ();
  new_pin = _myna_cli_read_secret_line ();

  /* A wrong format spends nothing and needs no card. */
  if (!myna_jpki_check_pin_change (pin, current, new_pin, &error))
    goto out;

  /* Exclusive while a PIN is verified (reference §8.3). */
  transport = _myna_cli_open_transport (options, TRUE, &error);
  if (transport == NULL)
    goto out;

  session = myna_card_session_new (transport);
  changed = myna_jpki_change_pin (session, pin, current, new_pin,
                                  options->confirm_last_try ? MYNA_PIN_CHANGE_CONFIRM_LAST_TRY
                                                            : MYNA_PIN_CHANGE_NONE,
                                  &result, NULL, &error);

out:
  myna_secret_wipe (current, MYNA_CLI_SECRET_SIZE);
  myna_secret_wipe (new_pin, MYNA_CLI_SECRET_SIZE);
  g_free (current);
  g_free (new_pin);

  if (!changed)
    {
      g_printerr ("mynacheck: %s\n", error->message);
      if (g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED))
        /* Translators: %s is an option name. */
        g_printerr (_("mynacheck: if you are sure of the current PIN, run again with %s.\n"), "--confirm-last-try");
      return exit_code_for_change_error (error);
    }

  g_print (_("%s: changed. Use the new one from now on, and keep it where nobody else can learn it."),
           myna_pin_get_name (pin));
  g_print ("\n");
  if (myna_pin_change_result_get_warning (&result) != NULL)
    g_printerr ("mynacheck: %s\n", myna_pin_change_result_get_warning (&result));

  return MYNA_EXIT_OK;
}
