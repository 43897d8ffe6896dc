/* myna-card-session.c
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

#include "myna-card-error.h"
#include "myna-card-session-private.h"
#include "myna-pin.h"

G_DEFINE_FINAL_TYPE (MynaCardSession, myna_card_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRANSPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint16
response_sw (const guint8 *response,
             gsize         length)
{
  g_assert (length >= 2);

  return (response[length - 2] << 8) | response[length - 1];
}

static gboolean
transmit_raw (MynaCardSession  *self,
              gsize             command_length,
              gsize            *response_length,
              GError          **error)
{
  gboolean tracing = !g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN);

  if (tracing)
    {
      g_autofree char *line = myna_apdu_format_command (self->command, command_length);
      g_debug (">> %s", line);
    }

  self->apdu_count++;
  *response_length = MYNA_APDU_MAX_RESPONSE;

  if (!myna_transport_transmit (self->transport, self->command, command_length,
                                self->response, response_length, error))
    {
      if (tracing)
        g_debug ("<< (no answer)");
      return FALSE;
    }

  if (*response_length < 2)
    {
      if (tracing)
        g_debug ("<< (%" G_GSIZE_FORMAT " bytes, no status word)", *response_length);
      /* Not an answer at all: the exchange failed, whatever was asked. */
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_IO, "%s (%s)",
                   _("Communication with the card failed. Remove the card and insert it again."),
                   "no status word");
      return FALSE;
    }

  if (tracing)
    {
      g_autofree char *line = myna_apdu_format_response (self->response, *response_length);
      g_debug ("<< %s", line);
    }

  return TRUE;
}

static gboolean
send_apdu (MynaCardSession  *self,
           const MynaApdu   *apdu,
           gsize            *response_length,
           GError          **error)
{
  gsize command_length;
  gboolean ret;

  command_length = myna_apdu_encode (apdu, self->command, MYNA_APDU_MAX_COMMAND, error);
  if (command_length == 0)
    return FALSE;

  ret = transmit_raw (self, command_length, response_length, error);

  /* The command may have carried a PIN. */
  myna_secret_wipe (self->command, command_length);

  return ret;
}

static void
myna_card_session_finalize (GObject *object)
{
  MynaCardSession *self = (MynaCardSession *)object;

  myna_secret_wipe (self->command, MYNA_APDU_MAX_COMMAND);
  myna_secret_wipe (self->response, MYNA_APDU_MAX_RESPONSE);
  g_clear_pointer (&self->command, g_free);
  g_clear_pointer (&self->response, g_free);
  g_clear_object (&self->transport);

  G_OBJECT_CLASS (myna_card_session_parent_class)->finalize (object);
}

static void
myna_card_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MynaCardSession *self = MYNA_CARD_SESSION (object);

  switch (prop_id)
    {
    case PROP_TRANSPORT:
      g_value_set_object (value, self->transport);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_card_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MynaCardSession *self = MYNA_CARD_SESSION (object);

  switch (prop_id)
    {
    case PROP_TRANSPORT:
      self->transport = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_card_session_class_init (MynaCardSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_card_session_finalize;
  object_class->get_property = myna_card_session_get_property;
  object_class->set_property = myna_card_session_set_property;

  properties[PROP_TRANSPORT] =
    g_param_spec_object ("transport", NULL, NULL,
                         MYNA_TYPE_TRANSPORT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
myna_card_session_init (MynaCardSession *self)
{
  self->command = g_malloc0 (MYNA_APDU_MAX_COMMAND);
  self->response = g_malloc0 (MYNA_APDU_MAX_RESPONSE);
}

/**
 * myna_card_session_new:
 * @transport: the connection to the card
 *
 * Creates the protocol layer above @transport. A session is used by one
 * thread at a time, and never by the GTK main thread: every call blocks on
 * the card.
 *
 * Returns: (transfer full): a new #MynaCardSession
 */
MynaCardSession *
myna_card_session_new (MynaTransport *transport)
{
  g_return_val_if_fail (MYNA_IS_TRANSPORT (transport), NULL);

  return g_object_new (MYNA_TYPE_CARD_SESSION,
                       "transport", transport,
                       NULL);
}

/**
 * myna_card_session_get_transport:
 * @self: a #MynaCardSession
 *
 * Returns: (transfer none): the transport
 */
MynaTransport *
myna_card_session_get_transport (MynaCardSession *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), NULL);

  return self->transport;
}

/**
 * myna_card_session_get_apdu_count:
 * @self: a #MynaCardSession
 *
 * Returns: how many APDUs went to the card through this session, GET
 *   RESPONSE and re-sent commands included
 */
guint
myna_card_session_get_apdu_count (MynaCardSession *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), 0);

  return self->apdu_count;
}

gboolean
myna_card_session_get_extended_length (MynaCardSession *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), FALSE);

  return self->extended_length != SUPPORT_NO;
}

/**
 * myna_card_session_transmit:
 * @self: a #MynaCardSession
 * @apdu: the command
 * @sw: (out): the final status word
 * @error: return location for a #GError
 *
 * Sends @apdu and collects the whole answer. This is the one place where
 * 6Cxx (send again with Le = xx) and 61xx (fetch the rest with GET
 * RESPONSE) are handled, for every command.
 *
 * Returns: (transfer full): the response data, possibly empty; %NULL when
 *   the card did not answer
 */
GBytes *
myna_card_session_transmit (MynaCardSession  *self,
                            const MynaApdu   *apdu,
                            guint16          *sw,
                            GError          **error)
{
  g_autoptr(MynaSecretBuffer) data = NULL;
  gsize response_length;
  guint16 status;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), NULL);
  g_return_val_if_fail (apdu != NULL, NULL);
  g_return_val_if_fail (sw != NULL, NULL);

  if (!send_apdu (self, apdu, &response_length, error))
    return NULL;

  status = response_sw (self->response, response_length);

  if ((status >> 8) == 0x6C && apdu->ne > 0)
    {
      MynaApdu again = *apdu;

      again.ne = (status & 0xff) == 0 ? MYNA_APDU_MAX_SHORT_NE : (status & 0xff);
      again.extended = FALSE;

      if (!send_apdu (self, &again, &response_length, error))
        return NULL;

      status = response_sw (self->response, response_length);
    }

  data = myna_secret_buffer_new (MAX (response_length - 2, apdu->ne));
  g_byte_array_append (data, self->response, response_length - 2);
  myna_secret_wipe (self->response, response_length);

  for (guint rounds = 0; (status >> 8) == 0x61; rounds++)
    {
      MynaApdu get_response = {
        .cla = apdu->cla & 0x03, /* keep the logical channel */
        .ins = 0xC0,
        .ne = (status & 0xff) == 0 ? MYNA_APDU_MAX_SHORT_NE : (status & 0xff),
      };
      gsize before = data->len;

      /* 256 rounds of at most 256 bytes fill the largest answer there is. */
      if (rounds >= 256 || data->len + get_response.ne > MYNA_APDU_MAX_EXTENDED_NE)
        {
          g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED,
                       _("The card kept sending more data than any answer can hold."));
          return NULL;
        }

      if (!send_apdu (self, &get_response, &response_length, error))
        return NULL;
      status = response_sw (self->response, response_length);

      /* A GET RESPONSE may itself be told the right length, once. */
      if ((status >> 8) == 0x6C)
        {
          get_response.ne = (status & 0xff) == 0 ? MYNA_APDU_MAX_SHORT_NE : (status & 0xff);
          if (!send_apdu (self, &get_response, &response_length, error))
            return NULL;
          status = response_sw (self->response, response_length);
        }

      myna_secret_buffer_append (&data, self->response, response_length - 2);
      myna_secret_wipe (self->response, response_length);

      if ((status >> 8) == 0x61 && data->len == before)
        {
          g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED,
                       _("The card announced more data but sent none."));
          return NULL;
        }
    }

  *sw = status;

  return myna_secret_buffer_free_to_bytes (g_steal_pointer (&data));
}

static gboolean
expect_success (guint16      sw,
                const char  *what,
                GError     **error)
{
  if (sw == 0x9000)
    return TRUE;

  myna_sw_set_error (error, sw, what);
  return FALSE;
}

/**
 * myna_card_session_select_aid:
 * @self: a #MynaCardSession
 * @aid: the full application identifier (never a prefix: reference §1.2)
 * @aid_length: its length
 * @sw: (out) (optional): the status word
 * @error: return location for a #GError
 *
 * Selects an application with SELECT by DF name, P2 = 0C (no FCI).
 *
 * Returns: %TRUE if the card answered 9000; otherwise @error is in the
 *   %MYNA_SW_ERROR domain, or the card did not answer
 */
gboolean
myna_card_session_select_aid (MynaCardSession  *self,
                              const guint8     *aid,
                              gsize             aid_length,
                              guint16          *sw,
                              GError          **error)
{
  MynaApdu apdu = { 0x00, 0xA4, 0x04, 0x0C, aid, aid_length, 0, FALSE };
  g_autoptr(GBytes) data = NULL;
  guint16 status = 0;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), FALSE);
  g_return_val_if_fail (aid != NULL && aid_length > 0 && aid_length <= 16, FALSE);

  data = myna_card_session_transmit (self, &apdu, &status, error);
  if (sw != NULL)
    *sw = status;
  if (data == NULL)
    return FALSE;

  return expect_success (status, _("Selecting an application"), error);
}

/**
 * myna_card_session_select_ef:
 * @self: a #MynaCardSession
 * @fid: the file identifier under the current application
 * @sw: (out) (optional): the status word
 * @error: return location for a #GError
 *
 * Selects an elementary file with P1 = 02, the only form this card accepts
 * for EFs (reference §1.3).
 *
 * Returns: %TRUE if the card answered 9000
 */
gboolean
myna_card_session_select_ef (MynaCardSession  *self,
                             guint16           fid,
                             guint16          *sw,
                             GError          **error)
{
  guint8 fid_bytes[2] = { fid >> 8, fid & 0xff };
  MynaApdu apdu = { 0x00, 0xA4, 0x02, 0x0C, fid_bytes, 2, 0, FALSE };
  g_autoptr(GBytes) data = NULL;
  guint16 status = 0;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), FALSE);

  data = myna_card_session_transmit (self, &apdu, &status, error);
  if (sw != NULL)
    *sw = status;
  if (data == NULL)
    return FALSE;

  return expect_success (status, _("Selecting a file"), error);
}

/**
 * myna_card_session_read_binary:
 * @self: a #MynaCardSession
 * @sfi: a short EF identifier (1–30), or 0 for the current EF
 * @offset: where to start; at most 255 with @sfi, 32767 without
 * @length: how many bytes to ask for (1–65536); more than 256 needs an
 *   extended-length APDU
 * @error: return location for a #GError
 *
 * Reads from a transparent EF. The card may return fewer bytes than asked
 * when the file ends first (reference §4.1).
 *
 * Returns: (transfer full): the bytes read, or %NULL with @error set
 */
GBytes *
myna_card_session_read_binary (MynaCardSession  *self,
                               guint8            sfi,
                               gsize             offset,
                               gsize             length,
                               GError          **error)
{
  MynaApdu apdu = { 0x00, 0xB0, 0, 0, NULL, 0, length, FALSE };
  g_autoptr(GBytes) data = NULL;
  guint16 sw;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), NULL);
  g_return_val_if_fail (sfi <= 30, NULL);
  g_return_val_if_fail (length > 0 && length <= MYNA_APDU_MAX_EXTENDED_NE, NULL);

  if (offset > (sfi != 0 ? 0xff : 0x7fff))
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_INVALID_COMMAND,
                   "READ BINARY offset %" G_GSIZE_FORMAT " is out of range", offset);
      return NULL;
    }

  if (sfi != 0)
    {
      apdu.p1 = 0x80 | sfi;
      apdu.p2 = offset;
    }
  else
    {
      apdu.p1 = offset >> 8;
      apdu.p2 = offset & 0xff;
    }

  data = myna_card_session_transmit (self, &apdu, &sw, error);
  if (data == NULL)
    return NULL;

  if (sw != 0x9000 && sw != 0x6282)
    {
      myna_sw_set_error (error, sw, _("Reading a file"));
      return NULL;
    }

  return g_steal_pointer (&data);
}

static gboolean
send_empty_verify (MynaCardSession  *self,
                   guint8            p2,
                   guint16          *sw,
                   GError          **error)
{
  /* Case 1: no Lc, no data, no Le. This form never spends a try. */
  MynaApdu apdu = { 0x00, 0x20, 0x00, p2, NULL, 0, 0, FALSE };
  g_autoptr(GBytes) data = NULL;

  data = myna_card_session_transmit (self, &apdu, sw, error);

  return data != NULL;
}

/**
 * _myna_card_session_change_pin:
 * @self: a #MynaCardSession
 * @write: the command the PIN's application takes
 * @new_pin: the new PIN, already checked with myna_pin_normalize()
 * @sw: (out): the answer of the card
 * @error: return location for a #GError
 *
 * Writes a new value for the PIN verified just before, on the EF still
 * selected: P1 01 ("new value only"), P2 80 (the current EF), the PIN as
 * ASCII (reference §3.4, §8.2). The command buffer is wiped after sending.
 *
 * Returns: %TRUE if the card answered; 9000 in @sw means the PIN changed
 */
gboolean
_myna_card_session_change_pin (MynaCardSession  *self,
                               MynaPinWrite      write,
                               const char       *new_pin,
                               guint16          *sw,
                               GError          **error)
{
  MynaApdu apdu = { 0x00, 0x24, 0x01, 0x80, (const guint8 *) new_pin, 0, 0, FALSE };
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), FALSE);
  g_return_val_if_fail (new_pin != NULL, FALSE);
  g_return_val_if_fail (sw != NULL, FALSE);

  if (write == MYNA_PIN_WRITE_CHANGE_KEY)
    {
      apdu.cla = 0x80;
      apdu.ins = 0x32;
      apdu.p1 = 0x00;
    }

  apdu.nc = strlen (new_pin);
  g_return_val_if_fail (apdu.nc > 0 && apdu.nc <= MYNA_PIN_MAX_LENGTH, FALSE);

  data = myna_card_session_transmit (self, &apdu, sw, error);

  return data != NULL;
}

/**
 * myna_card_session_query_pin:
 * @self: a #MynaCardSession
 * @sfi: the short EF identifier of the PIN, or 0
 * @fid: the file identifier of the PIN under the current application
 * @sw: (out): the answer to the empty VERIFY, 6A82 if the PIN does not exist
 * @error: return location for a #GError
 *
 * Asks the card how many tries a PIN has left with a VERIFY that carries
 * no data, which spends none (reference §3.1). The short form with the
 * SFI in P2 saves the SELECT; a card that does not understand it gets the
 * SELECT + VERIFY form, which every source documents.
 *
 * Returns: %TRUE if the card answered; interpret @sw with
 *   myna_pin_status_update()
 */
gboolean
myna_card_session_query_pin (MynaCardSession  *self,
                             guint8            sfi,
                             guint16           fid,
                             guint16          *sw,
                             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), FALSE);
  g_return_val_if_fail (sfi <= 30, FALSE);
  g_return_val_if_fail (sw != NULL, FALSE);

  if (sfi != 0 && self->sfi_verify != SUPPORT_NO)
    {
      MynaPinStatus scratch;

      if (!send_empty_verify (self, 0x80 | sfi, sw, error))
        return FALSE;

      myna_pin_status_init (&scratch, MYNA_PIN_AUTH);
      if (myna_pin_status_update (&scratch, *sw) && *sw != 0x6A82)
        {
          self->sfi_verify = SUPPORT_YES;
          return TRUE;
        }

      if (*sw != 0x6A82)
        {
          g_debug ("VERIFY by SFI answered %04X; selecting PINs by FID from now on", *sw);
          self->sfi_verify = SUPPORT_NO;
        }
    }

  if (!myna_card_session_select_ef (self, fid, sw, &local_error))
    {
      if (g_error_matches (local_error, MYNA_SW_ERROR, 0x6A82))
        return TRUE; /* no such PIN: *sw says 6A82 */

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return send_empty_verify (self, 0x80, sw, error);
}

/**
 * _myna_card_session_verify_pin:
 * @self: a #MynaCardSession
 * @fid: the file identifier of the PIN under the current application
 * @pin: the PIN, already checked with myna_pin_normalize()
 * @sw: (out): the answer of the card
 * @error: return location for a #GError
 *
 * Presents a PIN: SELECT of its EF, then VERIFY with the PIN as ASCII
 * (reference §3.2). This spends a try when @pin is wrong. The command
 * buffer is wiped after sending.
 *
 * Returns: %TRUE if the card answered; interpret @sw with
 *   myna_pin_status_update()
 */
gboolean
_myna_card_session_verify_pin (MynaCardSession  *self,
                              guint16           fid,
                              const char       *pin,
                              guint16          *sw,
                              GError          **error)
{
  MynaApdu apdu = { 0x00, 0x20, 0x00, 0x80, (const guint8 *) pin, 0, 0, FALSE };
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);
  g_return_val_if_fail (sw != NULL, FALSE);

  apdu.nc = strlen (pin);
  g_return_val_if_fail (apdu.nc > 0 && apdu.nc <= MYNA_PIN_MAX_LENGTH, FALSE);

  if (!myna_card_session_select_ef (self, fid, sw, error))
    return FALSE;

  data = myna_card_session_transmit (self, &apdu, sw, error);

  return data != NULL;
}
