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
#define EF_AUTH_PIN      0x0018
#define EF_SIGN_PIN      0x001B
#define EF_CARD_INFO_PIN 0x0011
#define EF_JUKI_PIN      0x001C

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

static gboolean
select_jpki (MynaCardSession  *session,
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
static gboolean
select_optional_application (MynaCardSession  *session,
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

      if (!select_optional_application (session, aids[i], &local_error))
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

  if (!select_jpki (session, error))
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

  if (!select_jpki (session, error))
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

/*
 * Changing a PIN (reference §3.4, §8.2): SELECT the application and the
 * PIN's EF, VERIFY the current PIN, then write the new one. The resident
 * registry PIN is two key references (reference §3.3, single source):
 * both are changed, and if the second refuses, the first is changed back,
 * so that the two never hold different PINs unless the card goes away.
 */

typedef struct
{
  const guint8 *aid;        /* NULL: no such key */
  guint16       fid;
  MynaPinWrite  write;
  const char   *name;       /* for an account of a partial change */
} PinKey;

static const PinKey pin_keys[MYNA_N_PINS][MYNA_PIN_MAX_KEYS] = {
  [MYNA_PIN_AUTH] = {
    /* Translators: an application on the card, named when a PIN change
     * goes wrong; keep the Japanese name. */
    { myna_aid_jpki, EF_AUTH_PIN, MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA, N_("JPKI application (公的個人認証AP)") },
  },
  [MYNA_PIN_SIGN] = {
    { myna_aid_jpki, EF_SIGN_PIN, MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA, N_("JPKI application (公的個人認証AP)") },
  },
  [MYNA_PIN_CARD_INFO] = {
    /* Translators: an application on the card, named when a PIN change
     * goes wrong; keep the Japanese name. */
    { myna_aid_card_info, EF_CARD_INFO_PIN, MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA,
      N_("card-info input support application (券面事項入力補助AP)") },
  },
  [MYNA_PIN_JUKI] = {
    /* Translators: an application on the card, named when a PIN change
     * goes wrong; keep the Japanese name. */
    { myna_aid_juki, EF_JUKI_PIN, MYNA_PIN_WRITE_CHANGE_KEY, N_("resident registry application (住基AP)") },
    /* Translators: an application on the card, named when a PIN change
     * goes wrong; keep the Japanese name. */
    { myna_aid_common, EF_JUKI_PIN, MYNA_PIN_WRITE_CHANGE_KEY, N_("common card application (共通カードAP)") },
  },
};

/**
 * myna_jpki_get_pin_n_keys:
 * @pin: a PIN
 *
 * Returns: how many key references hold @pin on a card: 2 for the
 *   resident registry PIN, 1 for the others
 */
guint
myna_jpki_get_pin_n_keys (MynaPinId pin)
{
  guint n = 0;

  g_return_val_if_fail (pin < MYNA_N_PINS, 0);

  while (n < MYNA_PIN_MAX_KEYS && pin_keys[pin][n].aid != NULL)
    n++;

  return n;
}

/**
 * myna_jpki_get_pin_key_name:
 * @pin: a PIN
 * @key: which of its key references
 *
 * Returns: (transfer none): the translated name of the application that
 *   holds that key reference
 */
const char *
myna_jpki_get_pin_key_name (MynaPinId pin,
                            guint     key)
{
  g_return_val_if_fail (key < myna_jpki_get_pin_n_keys (pin), NULL);

  return _(pin_keys[pin][key].name);
}

/* Selects the application of a key. FALSE with no error: not on this card. */
static gboolean
select_key_application (MynaCardSession  *session,
                        const PinKey     *key,
                        GError          **error)
{
  if (key->aid == myna_aid_jpki)
    return select_jpki (session, error);

  return select_optional_application (session, key->aid, error);
}

static void
set_pin_state_error (GError              **error,
                     const MynaPinStatus  *pin,
                     guint16               sw)
{
  const char *name = myna_pin_get_name (pin->id);

  switch (pin->state)
    {
    case MYNA_PIN_STATE_ABSENT:
      /* Translators: %s is a PIN's name, as in po/glossary.json. */
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_ABSENT, _("%s: this card does not have it."), name);
      break;

    case MYNA_PIN_STATE_BLOCKED:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json. */
                   _("%s: locked, no tries left. Nothing was sent to the card; the PIN must be reset, not changed."),
                   name);
      break;

    case MYNA_PIN_STATE_UNKNOWN:
      /* Without a count, a try could be the last one: do not risk it. */
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json; %04X the card's answer. */
                   _("%s: the card did not say how many tries are left (it answered %04X). Nothing was sent to the card."),
                   name, sw);
      break;

    case MYNA_PIN_STATE_LAST_TRY:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json. */
                   _("%s: one try is left; one more wrong entry locks it. Nothing was sent to the card: confirm the last try to go on."),
                   name);
      break;

    case MYNA_PIN_STATE_OK:
    default:
      g_assert_not_reached ();
    }
}

/* What a wrong current PIN did, in words. */
static void
set_wrong_pin_error (GError              **error,
                     const MynaPinStatus  *pin,
                     guint16               sw)
{
  const char *name = myna_pin_get_name (pin->id);

  switch (pin->state)
    {
    case MYNA_PIN_STATE_BLOCKED:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json. */
                   _("%s: the current PIN was wrong, and the PIN is now locked. Nothing was changed."), name);
      break;

    case MYNA_PIN_STATE_OK:
    case MYNA_PIN_STATE_LAST_TRY:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG,
                   /* Translators: %s is a PIN's name, as in po/glossary.json; %d a number of tries. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: the current PIN is wrong; %d try is left. Nothing was changed.",
                                "%s: the current PIN is wrong; %d tries are left. Nothing was changed.",
                                pin->remaining),
                   name, pin->remaining);
      break;

    case MYNA_PIN_STATE_ABSENT:
    case MYNA_PIN_STATE_UNKNOWN:
    default:
      /* Translators: %s is a PIN's name, as in po/glossary.json. */
      myna_sw_set_error (error, sw, _("Checking the current PIN"));
      break;
    }
}

/* Writes the new PIN into one key reference: VERIFY, then the write. On
 * a transport error after the write was sent, @outcome is UNKNOWN. */
static gboolean
change_key (MynaCardSession  *session,
            const PinKey     *key,
            const char       *current,
            const char       *new_pin,
            MynaPinStatus    *pin,
            MynaKeyOutcome   *outcome,
            GError          **error)
{
  g_autoptr(GError) write_error = NULL;
  guint16 sw = 0;

  if (!select_key_application (session, key, error))
    {
      if (error != NULL && *error == NULL)
        myna_sw_set_error (error, 0x6A82, _("Selecting the PIN's application"));
      return FALSE;
    }

  if (!_myna_card_session_verify_pin (session, key->fid, current, &sw, error))
    return FALSE;

  myna_pin_status_update (pin, sw);
  if (sw != 0x9000)
    {
      set_wrong_pin_error (error, pin, sw);
      return FALSE;
    }

  if (!_myna_card_session_change_pin (session, key->write, new_pin, &sw, &write_error))
    {
      *outcome = MYNA_KEY_UNKNOWN;
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }

  if (sw != 0x9000)
    {
      myna_sw_set_error (error, sw, _("Writing the new PIN"));
      return FALSE;
    }

  *outcome = MYNA_KEY_CHANGED;

  return TRUE;
}

/* Whether an error already says what happened to the PIN. */
static gboolean
error_is_about_the_pin (const GError *error)
{
  if (error->domain != MYNA_CARD_ERROR)
    return FALSE;

  switch ((MynaCardError) error->code)
    {
    case MYNA_CARD_ERROR_PIN_FORMAT:
    case MYNA_CARD_ERROR_PIN_WRONG:
    case MYNA_CARD_ERROR_PIN_BLOCKED:
    case MYNA_CARD_ERROR_PIN_ABSENT:
    case MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED:
    case MYNA_CARD_ERROR_PIN_SAME:
    case MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL:
    case MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN:
      return TRUE;
    case MYNA_CARD_ERROR_FAILED:
    case MYNA_CARD_ERROR_NO_SERVICE:
    case MYNA_CARD_ERROR_NO_READER:
    case MYNA_CARD_ERROR_UNKNOWN_READER:
    case MYNA_CARD_ERROR_NO_CARD:
    case MYNA_CARD_ERROR_SEVERAL_CARDS:
    case MYNA_CARD_ERROR_SHARING_VIOLATION:
    case MYNA_CARD_ERROR_UNRESPONSIVE:
    case MYNA_CARD_ERROR_UNSUPPORTED_CARD:
    case MYNA_CARD_ERROR_REMOVED:
    case MYNA_CARD_ERROR_RESET:
    case MYNA_CARD_ERROR_IO:
    case MYNA_CARD_ERROR_INVALID_COMMAND:
    case MYNA_CARD_ERROR_MALFORMED:
    default:
      return FALSE;
    }
}

/* The account of a change that did not end with every key on one PIN. */
static void
set_partial_error (GError                   **error,
                   const MynaPinChangeResult *result,
                   const GError             *cause)
{
  g_autoptr(GString) account = g_string_new (NULL);
  gboolean unknown = FALSE;

  for (guint k = 0; k < myna_jpki_get_pin_n_keys (result->pin); k++)
    {
      const char *state;

      switch (result->keys[k])
        {
        case MYNA_KEY_CHANGED:
          /* Translators: where one application's PIN stands after a partial change. */
          state = _("the new PIN");
          break;
        case MYNA_KEY_UNCHANGED:
          /* Translators: where one application's PIN stands after a partial change. */
          state = _("still the current PIN");
          break;
        case MYNA_KEY_UNKNOWN:
          unknown = TRUE;
          /* Translators: where one application's PIN stands after a partial change. */
          state = _("either PIN: the card was removed while it took the new one");
          break;
        case MYNA_KEY_ABSENT:
        default:
          continue;
        }

      /* Translators: an application of the card and the PIN it now takes,
       * one per line after a partial change. */
      g_string_append_printf (account, _("\n• %s: %s"), myna_jpki_get_pin_key_name (result->pin, k), state);
    }

  g_set_error (error, MYNA_CARD_ERROR,
               unknown && myna_jpki_get_pin_n_keys (result->pin) == 1 ? MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN
                                                                     : MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL,
               /* Translators: %s is a PIN's name, as in po/glossary.json; the
                * second %s is the card's answer; the third the list of
                * applications and the PIN each takes now. */
               _("%s: the change did not finish (%s). Where the card stands now:%s\nUse each application's PIN as listed, or have the PIN reset at the municipal office."),
               myna_pin_get_name (result->pin), cause->message, account->str);
}

/**
 * myna_jpki_check_pin_change:
 * @pin: which PIN
 * @current: (inout): the current PIN as typed; upper-cased where the card
 *   wants it
 * @new_pin: (inout): the new PIN as typed, likewise
 * @error: return location for a #GError
 *
 * What refuses a change before any card is touched: either PIN of the
 * wrong format (myna_pin_normalize()), or the same PIN twice.
 *
 * Returns: %TRUE if the change may go to the card
 */
gboolean
myna_jpki_check_pin_change (MynaPinId   pin,
                            char       *current,
                            char       *new_pin,
                            GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (pin < MYNA_N_PINS, FALSE);
  g_return_val_if_fail (current != NULL && new_pin != NULL, FALSE);

  if (!myna_pin_normalize (pin, current, &local_error))
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_FORMAT,
                   /* Translators: %s says what the format must be. */
                   _("The current PIN: %s"), local_error->message);
      return FALSE;
    }
  if (!myna_pin_normalize (pin, new_pin, &local_error))
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_FORMAT,
                   /* Translators: %s says what the format must be. */
                   _("The new PIN: %s"), local_error->message);
      return FALSE;
    }
  if (g_str_equal (current, new_pin))
    {
      g_set_error_literal (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_SAME,
                           _("The new PIN is the same as the current one. Nothing was sent to the card."));
      return FALSE;
    }

  return TRUE;
}

/**
 * myna_jpki_change_pin:
 * @session: a session on the card
 * @pin: which PIN
 * @current: (inout): the current PIN as typed; wiped before return
 * @new_pin: (inout): the new PIN as typed; wiped before return
 * @flags: %MYNA_PIN_CHANGE_CONFIRM_LAST_TRY to allow a try when it is the last
 * @result: (out caller-allocates): the tries after the attempt and where
 *   each key reference stands
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes a PIN the holder knows. Nothing reaches the card when either PIN
 * has the wrong format or they are the same, when any key of the PIN is
 * locked, or when one try is left and @flags does not confirm it: the
 * tries of every key are read first, by empty VERIFY, which spends none.
 * A wrong current PIN spends exactly one try and changes nothing.
 *
 * Once the card has seen a PIN it is powered down, so that no verified
 * state lingers (reference §8.3); the session's transport cannot be used
 * after that.
 *
 * Returns: %TRUE if the PIN changed in every key reference the card has
 */
gboolean
myna_jpki_change_pin (MynaCardSession      *session,
                      MynaPinId             pin,
                      char                 *current,
                      char                 *new_pin,
                      MynaPinChangeFlags    flags,
                      MynaPinChangeResult  *result,
                      GCancellable         *cancellable,
                      GError              **error)
{
  MynaTransport *transport;
  const PinKey *keys;
  guint n_keys;
  guint n_present = 0;
  gboolean in_transaction = FALSE;
  gboolean changed = FALSE;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) power_error = NULL;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (session), FALSE);
  g_return_val_if_fail (pin < MYNA_N_PINS, FALSE);
  g_return_val_if_fail (current != NULL && new_pin != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  transport = myna_card_session_get_transport (session);
  keys = pin_keys[pin];
  n_keys = myna_jpki_get_pin_n_keys (pin);

  memset (result, 0, sizeof *result);
  result->pin = pin;
  myna_pin_status_init (&result->status, pin);
  for (guint k = 0; k < n_keys; k++)
    result->keys[k] = MYNA_KEY_UNCHANGED;

  if (!myna_jpki_check_pin_change (pin, current, new_pin, error))
    goto out;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!myna_transport_begin_transaction (transport, error))
    goto out;
  in_transaction = TRUE;

  /* Look before touching anything: the tries of every key, for free. */
  for (guint k = 0; k < n_keys; k++)
    {
      MynaPinStatus status;
      guint16 sw = 0;

      if (!select_key_application (session, &keys[k], &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          result->keys[k] = MYNA_KEY_ABSENT;
          continue;
        }

      myna_pin_status_init (&status, pin);
      if (!myna_card_session_query_pin (session, keys[k].fid & 0x1f, keys[k].fid, &sw, error))
        goto out;
      myna_pin_status_update (&status, sw);

      if (status.state == MYNA_PIN_STATE_ABSENT)
        {
          result->keys[k] = MYNA_KEY_ABSENT;
          continue;
        }

      if (n_present++ == 0)
        result->status = status;

      if (status.state == MYNA_PIN_STATE_BLOCKED || status.state == MYNA_PIN_STATE_UNKNOWN ||
          (status.state == MYNA_PIN_STATE_LAST_TRY && (flags & MYNA_PIN_CHANGE_CONFIRM_LAST_TRY) == 0))
        {
          result->status = status;
          set_pin_state_error (error, &status, sw);
          goto out;
        }
    }

  if (n_present == 0)
    {
      myna_pin_status_update (&result->status, 0x6A82);
      set_pin_state_error (error, &result->status, 0x6A82);
      goto out;
    }

  /* The last moment a closed dialog can still keep the try. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  for (guint k = 0; k < n_keys; k++)
    {
      MynaPinStatus status;

      if (result->keys[k] == MYNA_KEY_ABSENT)
        continue;

      myna_pin_status_init (&status, pin);
      if (change_key (session, &keys[k], current, new_pin, &status, &result->keys[k], &local_error))
        {
          if (k == 0 || result->keys[0] == MYNA_KEY_ABSENT)
            result->status = status;
          continue;
        }

      if (status.state != MYNA_PIN_STATE_UNKNOWN || status.sw != 0)
        result->status = status;

      /* Put back what changed before, while the new PIN opens it. */
      for (guint back = 0; back < k; back++)
        {
          MynaPinStatus ignored;
          MynaKeyOutcome outcome = MYNA_KEY_CHANGED;
          g_autoptr(GError) back_error = NULL;

          if (result->keys[back] != MYNA_KEY_CHANGED)
            continue;
          myna_pin_status_init (&ignored, pin);
          if (change_key (session, &keys[back], new_pin, current, &ignored, &outcome, &back_error))
            result->keys[back] = MYNA_KEY_UNCHANGED;
          else
            g_debug ("Changing key %u back failed: %s", back, back_error->message);
        }

      {
        gboolean mixed = FALSE;

        for (guint j = 0; j < n_keys; j++)
          mixed |= result->keys[j] == MYNA_KEY_CHANGED || result->keys[j] == MYNA_KEY_UNKNOWN;

        if (mixed)
          set_partial_error (error, result, local_error);
        else
          g_propagate_error (error, g_steal_pointer (&local_error));
      }
      goto out;
    }

  changed = TRUE;

out:
  myna_secret_wipe (current, strlen (current));
  myna_secret_wipe (new_pin, strlen (new_pin));

  if (in_transaction)
    {
      /* Power down before letting go of the card, whatever happened. */
      if (!myna_transport_power_down (transport, &power_error))
        {
          g_debug ("Powering down after a PIN change failed: %s", power_error->message);
          if (changed)
            {
              /* The change is done; the verified state may linger: say so. */
              changed = FALSE;
              g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_IO, "%s (%s)",
                           _("The PIN was changed, but the card could not be powered down afterwards. Remove it from the reader."),
                           power_error->message);
            }
        }
      myna_transport_end_transaction (transport);
      result->status.verified = FALSE;
    }

  /* The card went away, the reader failed, the dialog closed: say that
   * the PIN is as it was. */
  if (!changed && error != NULL && *error != NULL && !error_is_about_the_pin (*error))
    g_prefix_error (error,
                    /* Translators: %s is a PIN's name, as in po/glossary.json;
                     * the reason follows. */
                    _("%s: nothing was changed. "), myna_pin_get_name (pin));

  return changed;
}
