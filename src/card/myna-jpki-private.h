/* myna-jpki-private.h
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

/* The PIN EFs of each application, with their short EF identifiers
 * (reference §2.2, §3.3): the status read counts their tries, the PIN
 * change writes them. */
#define EF_AUTH_PIN      0x0018
#define EF_SIGN_PIN      0x001B
#define EF_CARD_INFO_PIN 0x0011
#define EF_JUKI_PIN      0x001C

gboolean _myna_jpki_select                       (MynaCardSession  *session,
                                                 GError          **error);
gboolean _myna_jpki_select_optional_application (MynaCardSession  *session,
                                                 const guint8     *aid,
                                                 GError          **error);

G_END_DECLS
