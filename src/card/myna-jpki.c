/* myna-jpki.c
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

#include <glib/gi18n.h>

#include "myna-card-error.h"
#include "myna-card-session-private.h"
#include "myna-card-status-private.h"
#include "myna-jpki.h"
#include "myna-jpki-private.h"

const guint8 myna_aid_jpki[MYNA_AID_LENGTH] =
  { 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01 };
const guint8 myna_aid_card_info[MYNA_AID_LENGTH] =
  { 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08 };
const guint8 myna_aid_juki[MYNA_AID_LENGTH] =
  { 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01 };
const guint8 myna_aid_common[MYNA_AID_LENGTH] =
  { 0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00 };

/* Files and PINs of the JPKI application, with their short EF identifiers
 * (reference §2.1, §2.2: every EF of every application is in 0001–001E). */
#define EF_TOKEN_INFO    0x0006
#define EF_AUTH_CERT     0x000A
#define EF_AUTH_CA_CERT  0x000B
#define EF_SIGN_CERT     0x0001
#define EF_SIGN_CA_CERT  0x0002

#define TOKEN_LABEL_LENGTH 32

typedef struct
{
  MynaCertId id;
  guint16    fid;
} CertFile;

static const CertFile status_certificates[] = {
  { MYNA_CERT_AUTH,    EF_AUTH_CERT },
  { MYNA_CERT_AUTH_CA, EF_AUTH_CA_CERT },
  { MYNA_CERT_SIGN_CA, EF_SIGN_CA_CERT },
};

/**
 * myna_jpki_kind_from_token:
 * @token: (nullable): the trimmed token label of JPKI EF 0006
 *
 * Returns: what kind of card the label belongs to (reference §2.1)
 */
MynaCardKind
myna_jpki_kind_from_token (const char *token)
{
  if (token == NULL)
    return MYNA_CARD_KIND_UNKNOWN;
  if (g_str_equal (token, "JPKIAPICCTOKEN2"))
    return MYNA_CARD_KIND_MY_NUMBER;
  if (g_str_equal (token, "JPKIAPICCTOKEN"))
    return MYNA_CARD_KIND_JUKI;
  if (g_str_equal (token, "JPKIAPGPSETOKEN") || g_str_equal (token, "JPKIAPIOSTOKEN"))
    return MYNA_CARD_KIND_SMARTPHONE;
  return MYNA_CARD_KIND_UNKNOWN;
}

/* Errors that leave the connection usable: the card said no, or sent data
 * that makes no sense. Anything else (removed, reader gone, service down)
 * ends the read. */
static gboolean
error_is_about_one_item (const GError *error)
{
  return error->domain == MYNA_SW_ERROR ||
         g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED);
}

gboolean
_myna_jpki_select (MynaCardSession  *session,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  guint16 sw = 0;

  if (myna_card_session_select_aid (session, myna_aid_jpki, MYNA_AID_LENGTH, &sw, &local_error))
    return TRUE;

  /* One card answered the first command after power-up with 6F00
   * (reference §8.3, single source): try once more. */
  if (g_error_matches (local_error, MYNA_SW_ERROR, 0x6F00))
    {
      g_clear_error (&local_error);
      if (myna_card_session_select_aid (session, myna_aid_jpki, MYNA_AID_LENGTH, &sw, &local_error))
        return TRUE;
    }

  if (local_error->domain == MYNA_SW_ERROR)
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_UNSUPPORTED_CARD,
                   _("This card has no JPKI application, so it is not a My Number card (the card answered %04X)."),
                   sw);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static char *
parse_token_label (GBytes *label)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (label, &size);
  gsize length = MIN (size, TOKEN_LABEL_LENGTH);

  /* The label is space-padded; some tools also see NUL padding. */
  while (length > 0 && (data[length - 1] == ' ' || data[length - 1] == '\0'))
    length--;

  if (length == 0)
    return NULL;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isprint (data[i]))
        {
          g_debug ("Token label has a byte %02X that is not printable ASCII", data[i]);
          return NULL;
        }
    }

  return g_strndup ((const char *) data, length);
}

static gboolean
read_token (MynaCardSession  *session,
            MynaCardStatus   *status,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) label = NULL;
  g_autofree char *token = NULL;

  label = myna_card_session_read_binary (session, EF_TOKEN_INFO, 0, TOKEN_LABEL_LENGTH,
                                         &local_error);
  if (label == NULL && local_error->domain == MYNA_SW_ERROR)
    {
      g_clear_error (&local_error);
      if (myna_card_session_select_ef (session, EF_TOKEN_INFO, NULL, &local_error))
        label = myna_card_session_read_binary (session, 0, 0, TOKEN_LABEL_LENGTH, &local_error);
    }

  if (label == NULL)
    {
      if (!error_is_about_one_item (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("No token label: %s", local_error->message);
      _myna_card_status_set_token (status, NULL, MYNA_CARD_KIND_UNKNOWN);
      return TRUE;
    }

  token = parse_token_label (label);
  _myna_card_status_set_token (status, token, myna_jpki_kind_from_token (token));

  return TRUE;
}

static gboolean
query_pin (MynaCardSession  *session,
           MynaPinId         id,
           guint16           fid,
           MynaPinStatus    *pin,
           GError          **error)
{
  guint16 sw = 0;

  myna_pin_status_init (pin, id);

  if (!myna_card_session_query_pin (session, fid & 0x1f, fid, &sw, error))
    return FALSE;

  if (!myna_pin_status_update (pin, sw))
    g_debug ("The %s PIN query answered %04X, which says nothing about tries",
             myna_pin_id_to_string (id), sw);

  return TRUE;
}

static gboolean
read_pin (MynaCardSession  *session,
          MynaCardStatus   *status,
          MynaPinId         id,
          guint16           fid,
          GError          **error)
{
  MynaPinStatus pin;

  if (!query_pin (session, id, fid, &pin, error))
    return FALSE;

  _myna_card_status_set_pin (status, &pin);

  return TRUE;
}

static gboolean
read_certificates (MynaCardSession  *session,
                   MynaCardStatus   *status,
                   GCancellable     *cancellable,
                   GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_certificates); i++)
    {
      const CertFile *file = &status_certificates[i];
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) der = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      der = myna_card_session_read_der_file (session, file->fid & 0x1f, file->fid, &local_error);
      if (der != NULL)
        {
          _myna_card_status_set_certificate (status, file->id, der);
          continue;
        }

      if (!error_is_about_one_item (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("Certificate %s not read: %s",
               myna_cert_id_to_string (file->id), local_error->message);
      _myna_card_status_set_certificate_error (status, file->id, local_error);
    }

  return TRUE;
}

/* Selects an application that may be missing. FALSE with no error set
 * means the card does not have it. */
gboolean
_myna_jpki_select_optional_application (MynaCardSession  *session,
                                        const guint8     *aid,
                                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (myna_card_session_select_aid (session, aid, MYNA_AID_LENGTH, NULL, &local_error))
    return TRUE;

  if (local_error->domain == MYNA_SW_ERROR)
    {
      g_debug ("Application not selected: %s", local_error->message);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Tries each candidate application in turn until one has the PIN. */
static gboolean
read_pin_of_application (MynaCardSession  *session,
                         MynaCardStatus   *status,
                         MynaPinId         id,
                         const guint8     *const *aids,
                         guint16           fid,
                         GError          **error)
{
  MynaPinStatus pin;

  myna_pin_status_init (&pin, id);
  myna_pin_status_update (&pin, 0x6A82);

  for (guint i = 0; aids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_myna_jpki_select_optional_application (session, aids[i], &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }

      if (!query_pin (session, id, fid, &pin, error))
        return FALSE;
      if (pin.state != MYNA_PIN_STATE_ABSENT)
        break;
    }

  _myna_card_status_set_pin (status, &pin);

  return TRUE;
}

static gboolean
read_status_in_transaction (MynaCardSession  *session,
                            MynaCardStatus   *status,
                            GCancellable     *cancellable,
                            GError          **error)
{
  static const guint8 *const card_info_aids[] = { myna_aid_card_info, NULL };
  /* The juki PIN's application is disputed (reference §1.1): 住基AP first,
   * then the "common" application that other tools call the juki AP. */
  static const guint8 *const juki_aids[] = { myna_aid_juki, myna_aid_common, NULL };

  if (!_myna_jpki_select (session, error))
    return FALSE;

  if (!read_token (session, status, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_pin (session, status, MYNA_PIN_AUTH, EF_AUTH_PIN, error) ||
      !read_pin (session, status, MYNA_PIN_SIGN, EF_SIGN_PIN, error))
    return FALSE;

  if (!read_certificates (session, status, cancellable, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_pin_of_application (session, status, MYNA_PIN_CARD_INFO, card_info_aids,
                                EF_CARD_INFO_PIN, error) ||
      !read_pin_of_application (session, status, MYNA_PIN_JUKI, juki_aids,
                                EF_JUKI_PIN, error))
    return FALSE;

  return TRUE;
}

/**
 * myna_jpki_read_status:
 * @session: a session on the card
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads everything that needs no PIN: the token label, the tries left of
 * the four PINs (by empty VERIFY, which spends none), the authentication
 * certificate and the two CA certificates. Blocks: call it from a worker
 * thread.
 *
 * A certificate or PIN the card refuses is recorded in the result and the
 * read goes on; losing the card or the reader ends it with @error.
 *
 * Returns: (transfer full): the status, or %NULL with @error set
 *   (%MYNA_CARD_ERROR_UNSUPPORTED_CARD when the card has no JPKI application)
 */
MynaCardStatus *
myna_jpki_read_status (MynaCardSession  *session,
                       GCancellable     *cancellable,
                       GError          **error)
{
  MynaTransport *transport;
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GBytes) atr = NULL;
  guint first_apdu;
  gboolean ok;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (session), NULL);

  transport = myna_card_session_get_transport (session);
  atr = myna_transport_get_atr (transport);
  status = _myna_card_status_new (myna_transport_get_reader_name (transport), atr);
  first_apdu = myna_card_session_get_apdu_count (session);

  if (!myna_transport_begin_transaction (transport, error))
    return NULL;

  ok = read_status_in_transaction (session, status, cancellable, error);

  myna_transport_end_transaction (transport);

  if (!ok)
    return NULL;

  _myna_card_status_set_apdu_count (status,
                                    myna_card_session_get_apdu_count (session) - first_apdu,
                                    myna_card_session_get_extended_length (session));

  return g_steal_pointer (&status);
}

/* Whether the signing password may be sent, from what an empty VERIFY
 * said about its tries (@pin): never to a locked or absent PIN, nor when
 * the count is unknown, and on the last try only when confirmed. */
static gboolean
may_send_signing_password (const MynaPinStatus  *pin,
                           guint16               sw,
                           MynaSignReadFlags     flags,
                           GError              **error)
{
  switch (pin->state)
    {
    case MYNA_PIN_STATE_ABSENT:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_ABSENT,
                   _("This card has no signing certificate."));
      return FALSE;

    case MYNA_PIN_STATE_BLOCKED:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: PIN, certificate and card names as in po/glossary.json. */
                   _("The signing password is locked. Nothing was sent to the card."));
      return FALSE;

    case MYNA_PIN_STATE_UNKNOWN:
      /* Without a count, a try could be the last one: do not risk it. */
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: PIN, certificate and card names as in po/glossary.json. */
                   _("The card did not say how many tries the signing password has left (it answered %04X). Nothing was sent to the card."),
                   sw);
      return FALSE;

    case MYNA_PIN_STATE_LAST_TRY:
      if ((flags & MYNA_SIGN_READ_CONFIRM_LAST_TRY) == 0)
        {
          g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED,
                       /* Translators: PIN, certificate and card names as in po/glossary.json. */
                       _("The signing password has one try left; one more wrong password locks it. Nothing was sent to the card: confirm the last try to go on."));
          return FALSE;
        }
      break;

    case MYNA_PIN_STATE_OK:
    default:
      break;
    }

  return TRUE;
}

/* Why the card refused the password, with the tries it says are left. */
static void
set_refusal_error (const MynaPinStatus  *pin,
                   guint16               sw,
                   GError              **error)
{
  switch (pin->state)
    {
    case MYNA_PIN_STATE_BLOCKED:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: PIN, certificate and card names as in po/glossary.json. */
                   _("The signing password was wrong and is now locked."));
      return;

    case MYNA_PIN_STATE_OK:
    case MYNA_PIN_STATE_LAST_TRY:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG,
                   /* Translators: PIN, certificate and card names as in po/glossary.json. */
                   g_dngettext (GETTEXT_PACKAGE, "The signing password is wrong. %d try is left.",
                                "The signing password is wrong. %d tries are left.",
                                pin->remaining),
                   pin->remaining);
      return;

    case MYNA_PIN_STATE_ABSENT:
    case MYNA_PIN_STATE_UNKNOWN:
    default:
      /* Translators: PIN, certificate and card names as in po/glossary.json. */
      myna_sw_set_error (error, sw, _("Checking the signing password"));
      break;
    }
}

static gboolean
verify_signing_password (MynaCardSession    *session,
                         const char         *password,
                         MynaSignReadFlags   flags,
                         MynaPinStatus      *pin,
                         GError            **error)
{
  guint16 sw = 0;

  if (!myna_card_session_query_pin (session, EF_SIGN_PIN & 0x1f, EF_SIGN_PIN, &sw, error))
    return FALSE;

  myna_pin_status_update (pin, sw);
  if (!may_send_signing_password (pin, sw, flags, error))
    return FALSE;

  if (!_myna_card_session_verify_pin (session, EF_SIGN_PIN, password, &sw, error))
    return FALSE;

  myna_pin_status_update (pin, sw);
  if (sw == 0x9000)
    return TRUE;

  set_refusal_error (pin, sw, error);
  return FALSE;
}

/**
 * myna_jpki_read_signing_certificate:
 * @session: a session on the card
 * @password: (inout): the signing password as typed; wiped before return
 * @flags: %MYNA_SIGN_READ_CONFIRM_LAST_TRY to allow a try when it is the last
 * @sign_pin: (out caller-allocates) (optional): the signing password's tries
 *   after the attempt
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the signing certificate, which holds the holder's name, address,
 * birth date and sex and needs the signing password (reference §2.1).
 *
 * Nothing reaches the card when @password has the wrong format, when the
 * password is locked, or when one try is left and @flags does not confirm
 * it. Once the card has seen the password it is powered down, so that the
 * verified state does not linger (reference §8.3); the session's transport
 * cannot be used after that.
 *
 * Returns: (transfer full): the DER certificate in memory that is wiped when
 *   freed, or %NULL with @error set
 */
GBytes *
myna_jpki_read_signing_certificate (MynaCardSession    *session,
                                    char               *password,
                                    MynaSignReadFlags   flags,
                                    MynaPinStatus      *sign_pin,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  MynaTransport *transport;
  MynaPinStatus pin;
  g_autoptr(GBytes) der = NULL;
  g_autoptr(GError) power_error = NULL;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (session), NULL);
  g_return_val_if_fail (password != NULL, NULL);

  transport = myna_card_session_get_transport (session);
  myna_pin_status_init (&pin, MYNA_PIN_SIGN);

  if (!myna_pin_normalize (MYNA_PIN_SIGN, password, error))
    goto out;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!myna_transport_begin_transaction (transport, error))
    goto out;
  in_transaction = TRUE;

  if (!_myna_jpki_select (session, error))
    goto out;

  /* The last moment a closed dialog can still keep the try. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!verify_signing_password (session, password, flags, &pin, error))
    goto out;

  /* The password is no longer needed: wipe it before the long read. */
  myna_secret_wipe (password, strlen (password));

  der = myna_card_session_read_der_file (session, EF_SIGN_CERT & 0x1f, EF_SIGN_CERT, error);

out:
  myna_secret_wipe (password, strlen (password));

  if (in_transaction)
    {
      /* Power down before letting go of the card, whatever happened. */
      if (!myna_transport_power_down (transport, &power_error))
        {
          /* The password might still be verified: keep nothing, and say so. */
          g_clear_pointer (&der, g_bytes_unref);
          if (error != NULL && *error == NULL)
            {
              g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_IO, "%s (%s)",
                           _("The card could not be powered down after the password was checked. Remove it from the reader."),
                           power_error->message);
            }
        }
      myna_transport_end_transaction (transport);
      /* Whatever VERIFY achieved ended with the power. */
      pin.verified = FALSE;
    }

  if (sign_pin != NULL)
    *sign_pin = pin;

  return g_steal_pointer (&der);
}
