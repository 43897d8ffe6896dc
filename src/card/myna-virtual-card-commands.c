/* myna-virtual-card-commands.c
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

#define G_LOG_DOMAIN "mynacheck-virtual"

#include "config.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <string.h>

#include "myna-pin.h"
#include "myna-virtual-card-private.h"

/*
 * The command set of the virtual card, as the reference describes the real
 * one: SELECT, READ BINARY, VERIFY, GET RESPONSE and the signature, with
 * their status words and the quirks a test may switch on. Runs with the
 * card's lock held (myna_virtual_card_transmit()).
 */

static gsize
reply (guint8       *response,
       gsize         response_size,
       const guint8 *data,
       gsize         length,
       guint16       sw)
{
  g_assert (length + 2 <= response_size);

  if (length > 0)
    memcpy (response, data, length);
  response[length] = sw >> 8;
  response[length + 1] = sw & 0xff;

  return length + 2;
}

static gsize
reply_sw (guint8  *response,
          gsize    response_size,
          guint16  sw)
{
  return reply (response, response_size, NULL, 0, sw);
}

static VirtualApplication *
find_application (MynaVirtualCard *self,
                  const guint8    *aid,
                  gsize            length)
{
  if (length != MYNA_AID_LENGTH)
    return NULL;

  for (guint i = 0; i < self->applications->len; i++)
    {
      VirtualApplication *application = g_ptr_array_index (self->applications, i);

      if (memcmp (application->aid, aid, MYNA_AID_LENGTH) == 0)
        return application;
    }

  return NULL;
}

static VirtualFile *
find_file (VirtualApplication *application,
           guint16             fid)
{
  if (application == NULL)
    return NULL;

  for (guint i = 0; i < application->files->len; i++)
    {
      VirtualFile *file = g_ptr_array_index (application->files, i);

      if (file->fid == fid)
        return file;
    }

  return NULL;
}

static gsize
send_data (MynaVirtualCard *self,
           const guint8    *data,
           gsize            length,
           guint8          *response,
           gsize            response_size)
{
  if ((self->quirks & MYNA_VIRTUAL_QUIRK_GET_RESPONSE) != 0 && length > 0)
    {
      g_clear_pointer (&self->pending, g_bytes_unref);
      self->pending = g_bytes_new (data, length);
      self->pending_offset = 0;
      return reply_sw (response, response_size, 0x6100 | (length >= 256 ? 0 : length));
    }

  return reply (response, response_size, data, length, 0x9000);
}

static gsize
process_select (MynaVirtualCard *self,
                const MynaApdu  *apdu,
                guint8          *response,
                gsize            response_size)
{
  if (apdu->p2 != 0x0C && apdu->p2 != 0x00)
    return reply_sw (response, response_size, 0x6A86);

  switch (apdu->p1)
    {
    case 0x04:
      {
        VirtualApplication *application = find_application (self, apdu->data, apdu->nc);

        if (application == NULL)
          return reply_sw (response, response_size, 0x6A82);

        self->current_application = application;
        self->current_file = NULL;
        return reply_sw (response, response_size, 0x9000);
      }

    case 0x02:
      {
        VirtualFile *file;

        if (apdu->nc != 2)
          return reply_sw (response, response_size, 0x6700);

        file = find_file (self->current_application, (apdu->data[0] << 8) | apdu->data[1]);
        if (file == NULL)
          return reply_sw (response, response_size, 0x6A82);

        self->current_file = file;
        return reply_sw (response, response_size, 0x9000);
      }

    case 0x00:
      /* The MF cannot be selected by FID (reference §1.3). */
      if (apdu->nc == 2 && apdu->data[0] == 0x3F && apdu->data[1] == 0x00)
        return reply_sw (response, response_size, 0x6A82);
      return reply_sw (response, response_size, 0x6A86);

    default:
      return reply_sw (response, response_size, 0x6A86);
    }
}

static gsize
process_read_binary (MynaVirtualCard *self,
                     const MynaApdu  *apdu,
                     guint8          *response,
                     gsize            response_size)
{
  VirtualFile *file;
  const guint8 *content;
  gsize size;
  gsize offset;
  gsize length;

  if (apdu->nc > 0 || apdu->ne == 0)
    return reply_sw (response, response_size, 0x6700);

  if ((apdu->p1 & 0x80) != 0)
    {
      if ((apdu->p1 & 0x60) != 0)
        return reply_sw (response, response_size, 0x6A86);
      if (self->current_application == NULL)
        return reply_sw (response, response_size, 0x6A82);
      file = find_file (self->current_application, apdu->p1 & 0x1F);
      if (file == NULL)
        return reply_sw (response, response_size, 0x6A82);
      self->current_file = file;
      offset = apdu->p2;
    }
  else
    {
      file = self->current_file;
      if (file == NULL)
        return reply_sw (response, response_size, 0x6986);
      offset = (apdu->p1 << 8) | apdu->p2;
    }

  if (file->kind != FILE_BINARY)
    return reply_sw (response, response_size, 0x6981);

  if (file->guard != NULL && !file->guard->verified)
    return reply_sw (response, response_size, 0x6982);

  content = g_bytes_get_data (file->content, &size);
  if (offset >= size)
    return reply_sw (response, response_size, 0x6B00);

  length = MIN (apdu->ne, size - offset);

  if ((self->quirks & MYNA_VIRTUAL_QUIRK_WRONG_LE) != 0 &&
      length < apdu->ne && length < MYNA_APDU_MAX_SHORT_NE)
    return reply_sw (response, response_size, 0x6C00 | length);

  return send_data (self, content + offset, length, response, response_size);
}

static gboolean
pin_matches (const VirtualFile *pin,
             const guint8      *data,
             gsize              length)
{
  gsize expected = strlen (pin->pin_value);

  return length == expected && CRYPTO_memcmp (pin->pin_value, data, length) == 0;
}

static gsize
process_verify (MynaVirtualCard *self,
                const MynaApdu  *apdu,
                guint8          *response,
                gsize            response_size)
{
  VirtualFile *pin;

  if (apdu->p1 != 0x00 || (apdu->p2 & 0x80) == 0)
    return reply_sw (response, response_size, 0x6A86);
  if (apdu->ne != 0)
    return reply_sw (response, response_size, 0x6700);

  if (apdu->p2 == 0x80)
    {
      pin = self->current_file;
      if (pin == NULL)
        return reply_sw (response, response_size, 0x6986);
    }
  else
    {
      pin = find_file (self->current_application, apdu->p2 & 0x1F);
      if (pin == NULL)
        return reply_sw (response, response_size, 0x6A82);
    }

  if (pin->kind != FILE_PIN)
    return reply_sw (response, response_size, 0x6981);

  if (apdu->nc == 0)
    {
      /* The tries query: it never spends one (reference §3.1). */
      if (pin->remaining == 0)
        return reply_sw (response, response_size, 0x63C0);
      if (pin->verified)
        return reply_sw (response, response_size, 0x9000);
      return reply_sw (response, response_size, 0x63C0 | pin->remaining);
    }

  self->verify_count++;

  if (pin->remaining == 0)
    return reply_sw (response, response_size, 0x6984);

  if (pin_matches (pin, apdu->data, apdu->nc))
    {
      pin->remaining = pin->max_tries;
      pin->verified = TRUE;
      return reply_sw (response, response_size, 0x9000);
    }

  pin->remaining--;
  pin->verified = FALSE;
  self->tries_spent++;

  return reply_sw (response, response_size, 0x63C0 | pin->remaining);
}

/* The new value's format, as the app checks it before sending: the card's
 * own check is not documented (reference §3.4 gives only the commands);
 * 6A80 is ISO 7816-4's "incorrect data". */
static gboolean
pin_value_valid (MynaPinId     id,
                 const guint8 *data,
                 gsize         length)
{
  g_autofree char *value = g_strndup ((const char *) data, length);
  g_autoptr(GError) error = NULL;
  gboolean valid;

  if (strlen (value) != length)
    return FALSE;

  valid = myna_pin_normalize (id, value, &error) && memcmp (value, data, length) == 0;
  myna_secret_wipe (value, length);

  return valid;
}

/*
 * CHANGE REFERENCE DATA (00 24 01 80) in the JPKI and card-info
 * applications, CHANGE KEY (80 32 00 80) on the resident registry PIN of
 * the 住基 and common card applications (reference §3.4, §8.2): the PIN
 * must have been verified since power-up, P1 says "new value only".
 */
static gsize
process_change (MynaVirtualCard *self,
                const MynaApdu  *apdu,
                guint8          *response,
                gsize            response_size)
{
  gboolean change_key = apdu->cla == 0x80;
  VirtualFile *pin = self->current_file;
  gboolean juki_application;

  if (self->current_application == NULL)
    return reply_sw (response, response_size, 0x6986);

  juki_application = memcmp (self->current_application->aid, myna_aid_juki, MYNA_AID_LENGTH) == 0 ||
                     memcmp (self->current_application->aid, myna_aid_common, MYNA_AID_LENGTH) == 0;
  if (change_key != juki_application)
    return reply_sw (response, response_size, 0x6D00);

  if (apdu->p1 != (change_key ? 0x00 : 0x01) || apdu->p2 != 0x80)
    return reply_sw (response, response_size, 0x6A86);
  if (pin == NULL)
    return reply_sw (response, response_size, 0x6986);
  if (pin->kind != FILE_PIN)
    return reply_sw (response, response_size, 0x6981);
  if (pin->remaining == 0)
    return reply_sw (response, response_size, 0x6984);
  if (!pin->verified)
    return reply_sw (response, response_size, 0x6982);
  if (!pin_value_valid (pin->pin_id, apdu->data, apdu->nc))
    return reply_sw (response, response_size, 0x6A80);

  if (change_key && (self->quirks & MYNA_VIRTUAL_QUIRK_COMMON_KEY_FAILS) != 0 &&
      memcmp (self->current_application->aid, myna_aid_common, MYNA_AID_LENGTH) == 0)
    return reply_sw (response, response_size, 0x6581);

  myna_secret_free (pin->pin_value);
  pin->pin_value = g_strndup ((const char *) apdu->data, apdu->nc);
  pin->remaining = pin->max_tries;
  /* The new PIN must be presented again before it opens anything. */
  pin->verified = FALSE;
  self->change_count++;

  return reply_sw (response, response_size, 0x9000);
}

static gsize
process_get_response (MynaVirtualCard *self,
                      const MynaApdu  *apdu,
                      guint8          *response,
                      gsize            response_size)
{
  const guint8 *data;
  gsize size;
  gsize length;
  gsize left;
  gsize sent;

  if (self->pending == NULL)
    return reply_sw (response, response_size, 0x6985);

  data = g_bytes_get_data (self->pending, &size);
  length = MIN (MAX (apdu->ne, 1), size - self->pending_offset);
  sent = reply (response, response_size, data + self->pending_offset, length, 0x9000);
  self->pending_offset += length;
  left = size - self->pending_offset;

  if (left == 0)
    {
      g_clear_pointer (&self->pending, g_bytes_unref);
      self->pending_offset = 0;
    }
  else
    {
      response[sent - 2] = 0x61;
      response[sent - 1] = left >= 256 ? 0 : left;
    }

  return sent;
}

static gsize
process_sign (MynaVirtualCard *self,
              const MynaApdu  *apdu,
              guint8          *response,
              gsize            response_size)
{
  VirtualFile *key = self->current_file;
  EVP_PKEY_CTX *ctx;
  guint8 signature[512];
  size_t signature_length = sizeof signature;
  gboolean ok;

  if ((apdu->p2 & 0x80) != 0 && apdu->p2 != 0x80)
    key = find_file (self->current_application, apdu->p2 & 0x1F);
  if (key == NULL || key->kind != FILE_KEY)
    return reply_sw (response, response_size, 0x6A82);
  if (key->guard == NULL || !key->guard->verified)
    return reply_sw (response, response_size, 0x6982);
  if (apdu->p1 != 0x00)
    return reply_sw (response, response_size, 0x6A86);
  if (apdu->nc == 0 || apdu->nc > 245)
    return reply_sw (response, response_size, 0x6985);

  /* P1 = 00: PKCS #1 v1.5 over the DigestInfo as given (reference §8.1). */
  ctx = EVP_PKEY_CTX_new (key->key, NULL);
  ok = ctx != NULL &&
       EVP_PKEY_sign_init (ctx) > 0 &&
       EVP_PKEY_CTX_set_rsa_padding (ctx, RSA_PKCS1_PADDING) > 0 &&
       EVP_PKEY_sign (ctx, signature, &signature_length, apdu->data, apdu->nc) > 0;
  EVP_PKEY_CTX_free (ctx);

  if (!ok)
    return reply_sw (response, response_size, 0x6985);

  return send_data (self, signature, signature_length, response, response_size);
}


/**
 * _myna_virtual_card_find_key_pin:
 * @self: a #MynaVirtualCard, locked
 * @aid: an application
 * @fid: the PIN's EF in it
 *
 * Returns: (nullable): that key reference's PIN file
 */
VirtualFile *
_myna_virtual_card_find_key_pin (MynaVirtualCard *self,
                                 const guint8    *aid,
                                 guint16          fid)
{
  VirtualFile *file = find_file (find_application (self, aid, MYNA_AID_LENGTH), fid);

  return file != NULL && file->kind == FILE_PIN ? file : NULL;
}

gsize
_myna_virtual_card_process_locked (MynaVirtualCard *self,
                                   const guint8    *command,
                                   gsize            command_length,
                                   guint8          *response,
                                   gsize            response_size)
{
  MynaApdu apdu;

  self->apdu_count++;

  if (self->fresh_power)
    {
      self->fresh_power = FALSE;
      if ((self->quirks & MYNA_VIRTUAL_QUIRK_6F00_AFTER_POWER) != 0)
        return reply_sw (response, response_size, 0x6F00);
    }

  if (!myna_apdu_parse (command, command_length, &apdu, NULL))
    return reply_sw (response, response_size, 0x6700);

  /* Only logical channel 0, and no secure messaging outside the
   * card-info application (reference §8.3). */
  if ((apdu.cla & 0x03) != 0)
    return reply_sw (response, response_size, 0x6881);
  if ((apdu.cla & 0x0C) != 0)
    return reply_sw (response, response_size, apdu.ins == 0xA4 ? 0x6882 : 0x69FC);

  if (apdu.extended && (self->quirks & MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH) != 0)
    return reply_sw (response, response_size, 0x6700);

  if (apdu.ins != 0xC0)
    g_clear_pointer (&self->pending, g_bytes_unref);

  if (apdu.cla == 0x80)
    {
      if (apdu.ins == 0x2A)
        return process_sign (self, &apdu, response, response_size);
      if (apdu.ins == 0x32)
        return process_change (self, &apdu, response, response_size);
      return reply_sw (response, response_size, 0x6D00);
    }

  if (apdu.cla != 0x00)
    return reply_sw (response, response_size, 0x6E00);

  switch (apdu.ins)
    {
    case 0xA4:
      return process_select (self, &apdu, response, response_size);
    case 0xB0:
      return process_read_binary (self, &apdu, response, response_size);
    case 0x20:
      return process_verify (self, &apdu, response, response_size);
    case 0x24:
      return process_change (self, &apdu, response, response_size);
    case 0xC0:
      return process_get_response (self, &apdu, response, response_size);
    default:
      return reply_sw (response, response_size, 0x6D00);
    }
}
