/* myna-apdu.c
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

#define G_LOG_DOMAIN "mynacheck-apdu"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-apdu.h"
#include "myna-card-error.h"

MynaApduCase
myna_apdu_get_case (const MynaApdu *apdu)
{
  g_return_val_if_fail (apdu != NULL, MYNA_APDU_CASE_1);

  if (apdu->nc == 0)
    return apdu->ne == 0 ? MYNA_APDU_CASE_1 : MYNA_APDU_CASE_2;
  else
    return apdu->ne == 0 ? MYNA_APDU_CASE_3 : MYNA_APDU_CASE_4;
}

gboolean
myna_apdu_is_extended (const MynaApdu *apdu)
{
  g_return_val_if_fail (apdu != NULL, FALSE);

  return apdu->extended ||
         apdu->nc > MYNA_APDU_MAX_SHORT_NC ||
         apdu->ne > MYNA_APDU_MAX_SHORT_NE;
}

static gsize
encoded_length (const MynaApdu *apdu,
                gboolean        extended)
{
  gsize needed = 4;

  if (apdu->nc > 0)
    needed += (extended ? 3 : 1) + apdu->nc;
  if (apdu->ne > 0)
    needed += extended ? (apdu->nc > 0 ? 2 : 3) : 1;

  return needed;
}

static gsize
write_lc_and_data (const MynaApdu *apdu,
                   gboolean        extended,
                   guint8         *buffer)
{
  gsize pos = 0;

  if (extended)
    {
      buffer[pos++] = 0x00;
      buffer[pos++] = (apdu->nc >> 8) & 0xff;
      buffer[pos++] = apdu->nc & 0xff;
    }
  else
    {
      buffer[pos++] = apdu->nc & 0xff;
    }

  memcpy (buffer + pos, apdu->data, apdu->nc);

  return pos + apdu->nc;
}

/* Ne of 256 (short) or 65536 (extended) is encoded as zero. */
static gsize
write_le (const MynaApdu *apdu,
          gboolean        extended,
          guint8         *buffer)
{
  gsize pos = 0;

  if (extended)
    {
      gsize le = apdu->ne == MYNA_APDU_MAX_EXTENDED_NE ? 0 : apdu->ne;

      if (apdu->nc == 0)
        buffer[pos++] = 0x00;
      buffer[pos++] = (le >> 8) & 0xff;
      buffer[pos++] = le & 0xff;
    }
  else
    {
      buffer[pos++] = apdu->ne == MYNA_APDU_MAX_SHORT_NE ? 0 : apdu->ne & 0xff;
    }

  return pos;
}

/**
 * myna_apdu_encode:
 * @apdu: the command
 * @buffer: where to write the encoded command
 * @buffer_size: the size of @buffer
 * @error: return location for a #GError
 *
 * Encodes @apdu by ISO/IEC 7816-4 §5.1, choosing the extended-length form
 * when @apdu asks for it or when Nc or Ne do not fit the short form.
 *
 * Returns: the number of bytes written, or 0 on error
 */
gsize
myna_apdu_encode (const MynaApdu  *apdu,
                  guint8          *buffer,
                  gsize            buffer_size,
                  GError         **error)
{
  gboolean extended;
  gsize needed;
  gsize pos = 0;

  g_return_val_if_fail (apdu != NULL, 0);
  g_return_val_if_fail (buffer != NULL, 0);
  g_return_val_if_fail (apdu->nc == 0 || apdu->data != NULL, 0);

  if (apdu->nc > MYNA_APDU_MAX_EXTENDED_NC || apdu->ne > MYNA_APDU_MAX_EXTENDED_NE)
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND,
                   "Command too long: Nc %" G_GSIZE_FORMAT ", Ne %" G_GSIZE_FORMAT,
                   apdu->nc, apdu->ne);
      return 0;
    }

  extended = myna_apdu_is_extended (apdu);
  needed = encoded_length (apdu, extended);

  if (needed > buffer_size)
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND,
                   "Command buffer too small: %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                   buffer_size, needed);
      return 0;
    }

  buffer[pos++] = apdu->cla;
  buffer[pos++] = apdu->ins;
  buffer[pos++] = apdu->p1;
  buffer[pos++] = apdu->p2;
  if (apdu->nc > 0)
    pos += write_lc_and_data (apdu, extended, buffer + pos);
  if (apdu->ne > 0)
    pos += write_le (apdu, extended, buffer + pos);

  g_assert (pos == needed);

  return pos;
}

/* Short Lc: case 3 or case 4 short. */
static gboolean
parse_short_lc (const guint8 *b,
                gsize         body,
                MynaApdu     *apdu)
{
  gsize nc = b[0];

  if (body == 1 + nc)
    {
      apdu->data = b + 1;
      apdu->nc = nc;
      return TRUE;
    }
  if (body == 2 + nc)
    {
      apdu->data = b + 1;
      apdu->nc = nc;
      apdu->ne = b[1 + nc] == 0 ? MYNA_APDU_MAX_SHORT_NE : b[1 + nc];
      return TRUE;
    }

  return FALSE;
}

/* b[0] == 0 and at least two body bytes: an extended-length form. */
static gboolean
parse_extended (const guint8 *b,
                gsize         body,
                MynaApdu     *apdu)
{
  gsize nc;

  apdu->extended = TRUE;

  if (body == 3)
    {
      /* Case 2 extended. */
      gsize le = ((gsize) b[1] << 8) | b[2];

      apdu->ne = le == 0 ? MYNA_APDU_MAX_EXTENDED_NE : le;
      return TRUE;
    }

  if (body < 3)
    return FALSE;

  nc = ((gsize) b[1] << 8) | b[2];
  if (nc == 0)
    return FALSE;

  if (body == 3 + nc)
    {
      apdu->data = b + 3;
      apdu->nc = nc;
      return TRUE;
    }
  if (body == 5 + nc)
    {
      gsize le = ((gsize) b[3 + nc] << 8) | b[4 + nc];

      apdu->data = b + 3;
      apdu->nc = nc;
      apdu->ne = le == 0 ? MYNA_APDU_MAX_EXTENDED_NE : le;
      return TRUE;
    }

  return FALSE;
}

/**
 * myna_apdu_parse:
 * @buffer: an encoded command APDU
 * @length: its length
 * @apdu: (out caller-allocates): the decoded command; its data points into @buffer
 * @error: return location for a #GError
 *
 * Decodes a command APDU in any of the seven encodings of ISO/IEC 7816-3
 * §12.1.3 (case 1; cases 2, 3 and 4 short or extended).
 *
 * Returns: %TRUE if @buffer is a well-formed command APDU
 */
gboolean
myna_apdu_parse (const guint8  *buffer,
                 gsize          length,
                 MynaApdu      *apdu,
                 GError       **error)
{
  gsize body;
  const guint8 *b;

  g_return_val_if_fail (buffer != NULL || length == 0, FALSE);
  g_return_val_if_fail (apdu != NULL, FALSE);

  memset (apdu, 0, sizeof *apdu);

  if (length < 4)
    goto malformed;

  apdu->cla = buffer[0];
  apdu->ins = buffer[1];
  apdu->p1 = buffer[2];
  apdu->p2 = buffer[3];

  body = length - 4;
  b = buffer + 4;

  if (body == 0)
    return TRUE;

  if (body == 1)
    {
      /* Case 2 short. */
      apdu->ne = b[0] == 0 ? MYNA_APDU_MAX_SHORT_NE : b[0];
      return TRUE;
    }

  if (b[0] != 0 ? parse_short_lc (b, body, apdu) : parse_extended (b, body, apdu))
    return TRUE;

malformed:
  g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND,
               "Malformed command APDU of %" G_GSIZE_FORMAT " bytes", length);
  return FALSE;
}

char *
myna_hex_encode (const guint8 *data,
                 gsize         length,
                 const char   *separator)
{
  static const char digits[] = "0123456789ABCDEF";
  GString *str;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  str = g_string_sized_new (length * 3);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && separator != NULL)
        g_string_append (str, separator);
      g_string_append_c (str, digits[data[i] >> 4]);
      g_string_append_c (str, digits[data[i] & 0x0f]);
    }

  return g_string_free (str, FALSE);
}

static gboolean
command_carries_secret (const MynaApdu *apdu)
{
  /* VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER and the JICSAP
   * CHANGE KEY all carry PINs in their data field. */
  switch (apdu->ins)
    {
    case 0x20:
    case 0x24:
    case 0x2C:
      return TRUE;
    case 0x32:
      return (apdu->cla & 0x80) != 0;
    default:
      return FALSE;
    }
}

/**
 * myna_apdu_format_command:
 * @command: an encoded command APDU
 * @length: its length
 *
 * Formats @command for an APDU trace. The data field of every command that
 * can carry a PIN is replaced by "XX" per byte, so a trace never holds one.
 *
 * Returns: (transfer full): the trace line
 */
char *
myna_apdu_format_command (const guint8 *command,
                          gsize         length)
{
  MynaApdu apdu;
  g_autofree char *header = NULL;
  GString *str;

  if (!myna_apdu_parse (command, length, &apdu, NULL))
    {
      /* Unparseable: show only the header, never a possible secret. */
      return g_strdup_printf ("(malformed, %" G_GSIZE_FORMAT " bytes)", length);
    }

  header = myna_hex_encode (command, 4, " ");
  str = g_string_new (header);

  if (apdu.nc > 0)
    {
      g_string_append_printf (str, " Lc=%" G_GSIZE_FORMAT " ", apdu.nc);
      if (command_carries_secret (&apdu))
        {
          for (gsize i = 0; i < apdu.nc; i++)
            g_string_append (str, i == 0 ? "XX" : " XX");
        }
      else
        {
          g_autofree char *data = myna_hex_encode (apdu.data, apdu.nc, " ");
          g_string_append (str, data);
        }
    }

  if (apdu.ne > 0)
    g_string_append_printf (str, " Le=%" G_GSIZE_FORMAT, apdu.ne);

  if (apdu.extended)
    g_string_append (str, " (extended)");

  return g_string_free (str, FALSE);
}

char *
myna_apdu_format_response (const guint8 *response,
                           gsize         length)
{
  g_autofree char *sw = NULL;

  if (length < 2)
    return g_strdup_printf ("(truncated, %" G_GSIZE_FORMAT " bytes)", length);

  sw = myna_hex_encode (response + length - 2, 2, NULL);

  return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes, SW %s", length - 2, sw);
}
