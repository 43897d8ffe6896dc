/* myna-card-session.h
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

#include "myna-apdu.h"
#include "myna-card-types.h"
#include "myna-transport.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CARD_SESSION (myna_card_session_get_type ())

G_DECLARE_FINAL_TYPE (MynaCardSession, myna_card_session, MYNA, CARD_SESSION, GObject)

/* Reads are capped here: no JPKI certificate comes near it (reference §4.3:
 * about 1.3 KiB), and it is as far as a short READ BINARY can reach (offsets
 * stop at 7FFF), so the chunked fallback can always finish. A DER header
 * that claims more is refused as malformed. */
#define MYNA_CARD_MAX_FILE_SIZE 0x8000

MynaCardSession *myna_card_session_new                  (MynaTransport    *transport);
MynaTransport   *myna_card_session_get_transport        (MynaCardSession  *self);
guint            myna_card_session_get_apdu_count       (MynaCardSession  *self);
gboolean         myna_card_session_get_extended_length  (MynaCardSession  *self);
GBytes          *myna_card_session_transmit             (MynaCardSession  *self,
                                                         const MynaApdu   *apdu,
                                                         guint16          *sw,
                                                         GError          **error);
gboolean         myna_card_session_select_aid           (MynaCardSession  *self,
                                                         const guint8     *aid,
                                                         gsize             aid_length,
                                                         guint16          *sw,
                                                         GError          **error);
gboolean         myna_card_session_select_ef            (MynaCardSession  *self,
                                                         guint16           fid,
                                                         guint16          *sw,
                                                         GError          **error);
GBytes          *myna_card_session_read_binary          (MynaCardSession  *self,
                                                         guint8            sfi,
                                                         gsize             offset,
                                                         gsize             length,
                                                         GError          **error);
GBytes          *myna_card_session_read_der_file        (MynaCardSession  *self,
                                                         guint8            sfi,
                                                         guint16           fid,
                                                         GError          **error);
gboolean         myna_card_session_query_pin            (MynaCardSession  *self,
                                                         guint8            sfi,
                                                         guint16           fid,
                                                         guint16          *sw,
                                                         GError          **error);
gboolean         myna_der_get_length                    (const guint8     *header,
                                                         gsize             header_length,
                                                         gsize            *total_length,
                                                         GError          **error);

G_END_DECLS
