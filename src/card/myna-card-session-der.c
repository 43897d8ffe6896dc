/* myna-card-session-der.c
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
#include <openssl/asn1.h>
#include <openssl/err.h>

#include "myna-card-error.h"
#include "myna-card-session-private.h"
#include "myna-secret.h"

/*
 * Reading a certificate from a transparent EF: its DER header says how
 * long it is, and the session reads exactly that, by SFI when the card
 * takes it, in one extended-length APDU when the reader carries it, else
 * in 256-byte chunks (reference §4.1-§4.3). What the session learns about
 * the reader and card is kept for the next file.
 */

/**
 * myna_der_get_length:
 * @header: the first bytes of a DER object
 * @header_length: how many there are
 * @total_length: (out): the length of the whole object, header included
 * @error: return location for a #GError
 *
 * Reads the length of a certificate from the start of its DER encoding, so
 * that a read asks for exactly that many bytes (reference §4.3).
 *
 * Returns: %TRUE if @header starts a DER SEQUENCE of at most
 *   %MYNA_CARD_MAX_FILE_SIZE bytes
 */
gboolean
myna_der_get_length (const guint8  *header,
                     gsize          header_length,
                     gsize         *total_length,
                     GError       **error)
{
  const unsigned char *p = header;
  long content_length = 0;
  int tag = 0;
  int xclass = 0;
  gsize header_size;
  int ret;

  g_return_val_if_fail (header != NULL || header_length == 0, FALSE);
  g_return_val_if_fail (total_length != NULL, FALSE);

  /* The header must be whole: a SEQUENCE tag and its length bytes. */
  if (header_length < 2 || header[0] != 0x30)
    goto malformed;
  header_size = (header[1] & 0x80) != 0 ? 2 + (gsize) (header[1] & 0x7f) : 2;
  if (header_size > header_length)
    goto malformed;

  /* ASN1_get_object() refuses content longer than its limit, and how it
   * reports that differs between OpenSSL 3.0 releases. The content is not
   * here yet, as we read the header first, so the limit is the size cap
   * instead of the bytes at hand; it only ever reads the header bytes. */
  ERR_set_mark ();
  ret = ASN1_get_object (&p, &content_length, &tag, &xclass,
                         (long) (header_size + MYNA_CARD_MAX_FILE_SIZE));
  ERR_pop_to_mark ();

  if ((ret & 0x80) != 0 || (gsize) (p - header) != header_size)
    goto malformed;
  if ((ret & 0x01) != 0)
    goto malformed; /* indefinite length is not DER */
  if (tag != V_ASN1_SEQUENCE || xclass != V_ASN1_UNIVERSAL || (ret & V_ASN1_CONSTRUCTED) == 0)
    goto malformed;
  if (content_length < 0 ||
      (gsize) content_length > MYNA_CARD_MAX_FILE_SIZE - (gsize) (p - header))
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED,
                   _("A certificate on the card claims a length of %ld bytes, more than any file on this card can hold."),
                   content_length);
      return FALSE;
    }

  *total_length = (gsize) (p - header) + (gsize) content_length;
  return TRUE;

malformed:
  g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED,
               _("A file on the card does not start with a DER certificate."));
  return FALSE;
}

/* The card did not understand the form of the command (an SFI in P1 or P2,
 * an extended length), as opposed to refusing what it asked for. */
static gboolean
sw_error_means_form_unsupported (const GError *error)
{
  MynaSw kind;

  if (error == NULL || error->domain != MYNA_SW_ERROR)
    return FALSE;

  kind = myna_sw_classify (error->code);

  return kind == MYNA_SW_INCORRECT_P1P2 ||
         kind == MYNA_SW_INS_NOT_SUPPORTED ||
         kind == MYNA_SW_INCOMPATIBLE_FILE ||
         kind == MYNA_SW_NO_CURRENT_EF ||
         kind == MYNA_SW_WRONG_LENGTH ||
         kind == MYNA_SW_WRONG_OFFSET ||
         kind == MYNA_SW_DATA_NOT_FOUND ||
         kind == MYNA_SW_CONDITIONS_NOT_SATISFIED;
}

static gboolean error_means_no_extended_length (const GError *error);

/* The first READ BINARY of a certificate file asks for this much: every
 * JPKI certificate and CA certificate fits (reference §4.3), and a card
 * returns fewer bytes with 9000 when the file is shorter (§4.1), so one
 * APDU usually reads the whole file. */
#define FIRST_READ_EXTENDED 2048

/* Reads the start of a file, as much as one APDU may carry: extended
 * length unless the session knows it fails, else 256 bytes. A refusal of
 * the extended form counts only when the short form then works, so that a
 * card refusing something else (an SFI, say) is not taken for a reader
 * without extended length. */
static GBytes *
read_first (MynaCardSession  *self,
            guint8            sfi,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *data;

  if (self->extended_length != SUPPORT_NO)
    {
      data = myna_card_session_read_binary (self, sfi, 0, FIRST_READ_EXTENDED, &local_error);
      if (data != NULL)
        {
          if (g_bytes_get_size (data) > MYNA_APDU_MAX_SHORT_NE)
            self->extended_length = SUPPORT_YES;
          return data;
        }

      if (!error_means_no_extended_length (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  data = myna_card_session_read_binary (self, sfi, 0, MYNA_APDU_MAX_SHORT_NE, error);
  if (data != NULL && local_error != NULL)
    {
      g_debug ("Extended length refused (%s); reading in short chunks from now on",
               local_error->message);
      self->extended_length = SUPPORT_NO;
    }

  return data;
}

static GBytes *
read_der_header (MynaCardSession  *self,
                 guint8            sfi,
                 guint16           fid,
                 gboolean         *selected,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *header;

  *selected = FALSE;

  if (sfi != 0 && self->sfi_read != SUPPORT_NO)
    {
      header = read_first (self, sfi, &local_error);
      if (header != NULL)
        {
          self->sfi_read = SUPPORT_YES;
          return header;
        }

      /* 6A82 by SFI may mean "no such file" or "no such SFI"; selecting by
       * FID below tells which, without giving up on SFI reads. */
      if (g_error_matches (local_error, MYNA_SW_ERROR, 0x6A82))
        g_clear_error (&local_error);
      else if (sw_error_means_form_unsupported (local_error))
        {
          g_debug ("READ BINARY by SFI refused; selecting files by FID from now on");
          self->sfi_read = SUPPORT_NO;
          g_clear_error (&local_error);
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (!myna_card_session_select_ef (self, fid, NULL, error))
    return NULL;

  *selected = TRUE;

  return read_first (self, 0, error);
}

static gboolean
error_means_no_extended_length (const GError *error)
{
  /* A card refuses with 6700; a reader that cannot carry the APDU fails the
   * transmission instead. Either way the card is still there. */
  return g_error_matches (error, MYNA_SW_ERROR, 0x6700) ||
         g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_IO) ||
         sw_error_means_form_unsupported (error);
}

/**
 * myna_card_session_read_der_file:
 * @self: a #MynaCardSession
 * @sfi: the short EF identifier of the file, or 0 to select by @fid only
 * @fid: the file identifier
 * @error: return location for a #GError
 *
 * Reads one DER object (a certificate) from a transparent EF in as few
 * APDUs as the reader allows: one extended-length READ BINARY of up to
 * 2048 bytes fetches the whole certificate, its DER header giving the
 * length; a longer object gets one more read for the rest. When the reader
 * or card refuses extended length, the session remembers it and reads in
 * chunks of at most 256 bytes.
 *
 * Returns: (transfer full): exactly the DER object, or %NULL with @error
 *   set (in %MYNA_SW_ERROR with code 0x6A82 when the file does not exist)
 */
typedef enum
{
  READ_DONE,
  READ_FAILED,    /* @error is set */
  READ_TRUNCATED, /* the file ends before the object */
} ReadResult;

/* The rest of the object in one extended-length READ BINARY, if the reader
 * carries it; learns whether it does. */
static ReadResult
read_rest_at_once (MynaCardSession   *self,
                   guint8             sfi,
                   guint16            fid,
                   GByteArray        *object,
                   gsize              total,
                   gboolean          *selected,
                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) rest = NULL;
  gsize wanted = total - object->len;
  gboolean by_sfi = !*selected && object->len <= 0xff;
  gsize got;

  /* An SFI carries an offset of 8 bits only. */
  if (!by_sfi && !*selected)
    {
      if (!myna_card_session_select_ef (self, fid, NULL, error))
        return READ_FAILED;
      *selected = TRUE;
    }

  rest = myna_card_session_read_binary (self, by_sfi ? sfi : 0, object->len, wanted, &local_error);
  if (rest == NULL)
    {
      if (wanted > MYNA_APDU_MAX_SHORT_NE && error_means_no_extended_length (local_error))
        {
          g_debug ("Extended length refused (%s); reading in short chunks from now on",
                   local_error->message);
          self->extended_length = SUPPORT_NO;
          return READ_DONE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return READ_FAILED;
    }

  got = MIN (wanted, g_bytes_get_size (rest));
  g_byte_array_append (object, g_bytes_get_data (rest, NULL), got);

  /* A reader may cap what it carries and pass a short answer with 9000:
   * the chunks fetch the rest. */
  if (wanted > MYNA_APDU_MAX_SHORT_NE)
    self->extended_length = got == wanted ? SUPPORT_YES : SUPPORT_NO;
  else if (got == 0)
    return READ_TRUNCATED;

  return READ_DONE;
}

/* The rest of the object in chunks of at most 256 bytes. */
static ReadResult
read_rest_in_chunks (MynaCardSession   *self,
                     guint16            fid,
                     GByteArray        *object,
                     gsize              total,
                     gboolean          *selected,
                     GError           **error)
{
  while (object->len < total)
    {
      g_autoptr(GBytes) chunk = NULL;
      gsize wanted = MIN (total - object->len, MYNA_APDU_MAX_SHORT_NE);

      if (!*selected)
        {
          if (!myna_card_session_select_ef (self, fid, NULL, error))
            return READ_FAILED;
          *selected = TRUE;
        }

      chunk = myna_card_session_read_binary (self, 0, object->len, wanted, error);
      if (chunk == NULL)
        return READ_FAILED;
      if (g_bytes_get_size (chunk) == 0)
        return READ_TRUNCATED;

      g_byte_array_append (object, g_bytes_get_data (chunk, NULL),
                           MIN (wanted, g_bytes_get_size (chunk)));
    }

  return READ_DONE;
}

/**
 * myna_card_session_read_der_file:
 * @self: a #MynaCardSession
 * @sfi: the short EF identifier of the file, or 0 to select by @fid only
 * @fid: the file identifier
 * @error: return location for a #GError
 *
 * Reads one DER object (a certificate) from a transparent EF in as few
 * APDUs as the reader allows: one extended-length READ BINARY of up to
 * 2048 bytes fetches the whole certificate, its DER header giving the
 * length; a longer object gets one more read for the rest. When the reader
 * or card refuses extended length, the session remembers it and reads in
 * chunks of at most 256 bytes.
 *
 * Returns: (transfer full): exactly the DER object, or %NULL with @error
 *   set (in %MYNA_SW_ERROR with code 0x6A82 when the file does not exist)
 */
GBytes *
myna_card_session_read_der_file (MynaCardSession  *self,
                                 guint8            sfi,
                                 guint16           fid,
                                 GError          **error)
{
  g_autoptr(GBytes) header = NULL;
  g_autoptr(MynaSecretBuffer) object = NULL;
  ReadResult result = READ_DONE;
  gboolean selected = FALSE;
  gsize total;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), NULL);

  header = read_der_header (self, sfi, fid, &selected, error);
  if (header == NULL)
    return NULL;

  if (!myna_der_get_length (g_bytes_get_data (header, NULL), g_bytes_get_size (header),
                            &total, error))
    return NULL;

  object = myna_secret_buffer_new (total);
  g_byte_array_append (object, g_bytes_get_data (header, NULL),
                       MIN (total, g_bytes_get_size (header)));

  if (object->len < total && self->extended_length != SUPPORT_NO)
    result = read_rest_at_once (self, sfi, fid, object, total, &selected, error);
  if (result == READ_DONE)
    result = read_rest_in_chunks (self, fid, object, total, &selected, error);

  if (result == READ_TRUNCATED)
    g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED,
                 _("A file on the card ends before the end of its certificate."));
  if (result != READ_DONE)
    return NULL;

  return myna_secret_buffer_free_to_bytes (g_steal_pointer (&object));
}
