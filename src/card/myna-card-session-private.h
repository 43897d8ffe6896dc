/* myna-card-session-private.h
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

#include "myna-card-session.h"

G_BEGIN_DECLS

/* The session's files: myna-card-session.c (APDUs, SELECT, READ BINARY,
 * VERIFY) and myna-card-session-der.c (reading a certificate file). */

/* What the session learnt the reader and card support. */
typedef enum
{
  SUPPORT_UNKNOWN,
  SUPPORT_YES,
  SUPPORT_NO,
} Support;

struct _MynaCardSession
{
  GObject        parent_instance;

  MynaTransport *transport;
  guint8        *command;
  guint8        *response;
  guint          apdu_count;
  Support        extended_length;
  Support        sfi_read;
  Support        sfi_verify;
};

/* Presents a PIN as is: only myna-jpki.c calls it, after the format check
 * and the last-try rule. */
gboolean _myna_card_session_verify_pin (MynaCardSession  *self,
                                        guint16           fid,
                                        const char       *pin,
                                        guint16          *sw,
                                        GError          **error);

/* How a PIN's new value is written: ISO CHANGE REFERENCE DATA (00 24 01
 * 80) for the JPKI and card-info PINs, JICSAP CHANGE KEY (80 32 00 80) for
 * the resident registry PIN's two key references (reference §3.4). */
typedef enum
{
  MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA,
  MYNA_PIN_WRITE_CHANGE_KEY,
} MynaPinWrite;

gboolean _myna_card_session_change_pin (MynaCardSession  *self,
                                        MynaPinWrite      write,
                                        const char       *new_pin,
                                        guint16          *sw,
                                        GError          **error);

G_END_DECLS
