/* myna-cli-private.h
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

#include "myna-cli.h"
#include "myna-transport.h"

G_BEGIN_DECLS

/* Shared by the command line's files: one secret read from standard input
 * (a PIN or password line, one character past the longest PIN so that an
 * overlong one is refused), a connection to the card the options name,
 * and the one way to fail with a documented exit code. */
#define MYNA_CLI_SECRET_SIZE (MYNA_PIN_MAX_LENGTH + 2)

char          *_myna_cli_read_secret_line (void);
MynaTransport *_myna_cli_open_transport   (MynaOptions  *options,
                                           gboolean      exclusive,
                                           GError      **error);
int            _myna_cli_fail             (const GError *error);

G_END_DECLS
