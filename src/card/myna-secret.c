/* myna-secret.c
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

#define G_LOG_DOMAIN "mynacheck-card"

#include "config.h"

#include <string.h>

#include "myna-secret.h"

/**
 * myna_secret_wipe:
 * @data: memory that held a secret
 * @length: its size
 *
 * Overwrites @data with zeros in a way the compiler may not drop.
 */
void
myna_secret_wipe (gpointer data,
                  gsize    length)
{
  if (data != NULL && length > 0)
    explicit_bzero (data, length);
}

/**
 * myna_secret_free:
 * @secret: (nullable): a NUL-terminated secret from g_malloc()
 *
 * Wipes and frees @secret.
 */
void
myna_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  myna_secret_wipe (secret, strlen (secret));
  g_free (secret);
}

/**
 * myna_secret_buffer_new:
 * @reserved_size: bytes to allocate up front
 *
 * Appending past @reserved_size reallocates and leaves the old block
 * unwiped, so reserve the final size when it is known.
 *
 * Returns: (transfer full): an empty buffer
 */
MynaSecretBuffer *
myna_secret_buffer_new (gsize reserved_size)
{
  return g_byte_array_sized_new (reserved_size);
}

void
myna_secret_buffer_free (MynaSecretBuffer *buffer)
{
  if (buffer == NULL)
    return;

  myna_secret_wipe (buffer->data, buffer->len);
  g_byte_array_unref (buffer);
}

/**
 * myna_secret_buffer_append:
 * @buffer: (inout): a buffer, replaced by a larger one when needed
 * @data: bytes to add
 * @length: how many
 *
 * Grows by copying into a new buffer and wiping the old one, so that no
 * reallocation leaves a copy of the secret behind.
 */
void
myna_secret_buffer_append (MynaSecretBuffer **buffer,
                           const guint8      *data,
                           gsize              length)
{
  MynaSecretBuffer *larger;

  g_return_if_fail (buffer != NULL && *buffer != NULL);

  if (length == 0)
    return;

  larger = myna_secret_buffer_new ((*buffer)->len + length);
  g_byte_array_append (larger, (*buffer)->data, (*buffer)->len);
  g_byte_array_append (larger, data, length);
  myna_secret_buffer_free (*buffer);
  *buffer = larger;
}

static void
secret_buffer_destroy (gpointer data)
{
  myna_secret_buffer_free (data);
}

/**
 * myna_secret_buffer_free_to_bytes:
 * @buffer: (transfer full): a buffer
 *
 * Returns: (transfer full): the contents of @buffer, wiped when the last
 *   reference is dropped
 */
GBytes *
myna_secret_buffer_free_to_bytes (MynaSecretBuffer *buffer)
{
  g_return_val_if_fail (buffer != NULL, NULL);

  return g_bytes_new_with_free_func (buffer->data, buffer->len, secret_buffer_destroy, buffer);
}
