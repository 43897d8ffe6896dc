/* myna-secret.h
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

/* A byte array for data that must not outlive its use: PINs, and answers of
 * the card that hold personal data. Freeing it overwrites it first. */
typedef GByteArray MynaSecretBuffer;

void              myna_secret_wipe                 (gpointer          data,
                                                    gsize             length);
void              myna_secret_free                 (char             *secret);
MynaSecretBuffer *myna_secret_buffer_new           (gsize             reserved_size);
void              myna_secret_buffer_free          (MynaSecretBuffer *buffer);
void              myna_secret_buffer_append        (MynaSecretBuffer **buffer,
                                                    const guint8      *data,
                                                    gsize              length);
GBytes           *myna_secret_buffer_free_to_bytes (MynaSecretBuffer *buffer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MynaSecretBuffer, myna_secret_buffer_free)

G_END_DECLS
