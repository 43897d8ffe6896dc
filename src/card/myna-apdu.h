/* myna-apdu.h
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

#include <glib.h>

G_BEGIN_DECLS

#define MYNA_APDU_MAX_SHORT_NC     255
#define MYNA_APDU_MAX_SHORT_NE     256
#define MYNA_APDU_MAX_EXTENDED_NC  65535
#define MYNA_APDU_MAX_EXTENDED_NE  65536
/* Header, extended Lc, data, extended Le. */
#define MYNA_APDU_MAX_COMMAND      (4 + 3 + MYNA_APDU_MAX_EXTENDED_NC + 2)
/* Data plus SW1 SW2. */
#define MYNA_APDU_MAX_RESPONSE     (MYNA_APDU_MAX_EXTENDED_NE + 2)

/* ISO/IEC 7816-3 command cases. */
typedef enum
{
  MYNA_APDU_CASE_1 = 1, /* no data, no response data */
  MYNA_APDU_CASE_2,     /* no data, response data expected */
  MYNA_APDU_CASE_3,     /* data, no response data */
  MYNA_APDU_CASE_4,     /* data, response data expected */
} MynaApduCase;

/*
 * A command APDU. @nc is the number of data bytes (Nc); @ne the number of
 * response bytes expected (Ne), 0 meaning "no Le field". Ne of 256 encodes as
 * a short Le of 00, Ne of 65536 as an extended Le of 0000.
 */
typedef struct
{
  guint8        cla;
  guint8        ins;
  guint8        p1;
  guint8        p2;
  const guint8 *data;
  gsize         nc;
  gsize         ne;
  gboolean      extended;
} MynaApdu;

MynaApduCase myna_apdu_get_case        (const MynaApdu *apdu);
gboolean     myna_apdu_is_extended     (const MynaApdu *apdu);
gsize        myna_apdu_encode          (const MynaApdu *apdu,
                                        guint8         *buffer,
                                        gsize           buffer_size,
                                        GError        **error);
gboolean     myna_apdu_parse           (const guint8   *buffer,
                                        gsize           length,
                                        MynaApdu       *apdu,
                                        GError        **error);
char        *myna_apdu_format_command  (const guint8   *command,
                                        gsize           length);
char        *myna_apdu_format_response (const guint8   *response,
                                        gsize           length);
char        *myna_hex_encode           (const guint8   *data,
                                        gsize           length,
                                        const char     *separator);

G_END_DECLS
