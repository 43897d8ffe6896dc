/* myna-cli.h
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

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of `mynacheck --status` and `--change-pin`; documented in
 * --help, the README and the man page. They never change meaning. */
typedef enum
{
  MYNA_EXIT_OK               = 0,
  MYNA_EXIT_FAILURE          = 1,  /* anything not listed below */
  MYNA_EXIT_USAGE            = 2,
  MYNA_EXIT_NO_SERVICE       = 3,
  MYNA_EXIT_NO_READER        = 4,
  MYNA_EXIT_NO_CARD          = 5,
  MYNA_EXIT_UNSUPPORTED_CARD = 6,
  MYNA_EXIT_CARD_ERROR       = 7,  /* card removed, or an I/O error */
  MYNA_EXIT_CARD_IN_USE      = 8,
  MYNA_EXIT_SEVERAL_CARDS    = 9,
  MYNA_EXIT_PASSWORD         = 10, /* signing password refused, wrong or locked */
  /* --change-pin only: */
  MYNA_EXIT_PIN_WRONG        = 11, /* the current PIN is wrong; a try was spent */
  MYNA_EXIT_PIN_LOCKED       = 12, /* locked before, or by this attempt */
  MYNA_EXIT_PIN_REFUSED      = 13, /* refused before the card: format, same PIN, no such PIN */
  MYNA_EXIT_LAST_TRY         = 14, /* one try left, not confirmed */
  MYNA_EXIT_PIN_UNFINISHED   = 15, /* part of the change may have happened */
} MynaExitCode;

typedef struct
{
  gboolean  status;
  gboolean  json;
  char     *reader;
  char     *demo;
  char     *language;
  gboolean  sign_password_stdin;
  gboolean  confirm_last_try;
  char     *change_pin;
  gboolean  pin_stdin;
  gboolean  kiosk;
  gboolean  help_desk;
  gboolean  version;
} MynaOptions;

MynaOptions *myna_options_new           (void);
void         myna_options_free          (MynaOptions  *options);
int          myna_options_parse         (MynaOptions  *options,
                                         int           argc,
                                         char        **argv);
int          myna_cli_run_status        (MynaOptions  *options);
int          myna_cli_run_change_pin    (MynaOptions  *options);
MynaExitCode myna_cli_exit_code_for_error (const GError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MynaOptions, myna_options_free)

G_END_DECLS
