/* myna-card-status.c
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
#include <string.h>

#include "myna-card-status-private.h"
#include "myna-pin.h"

/*
 * The result of reading a card. Certificates are held in memory that is
 * wiped when it is freed or when myna_card_status_clear() runs, because the
 * signing certificate holds the holder's name, address and birth date.
 */
struct _MynaCardStatus
{
  GObject        parent_instance;

  char          *reader_name;
  GBytes        *atr;
  char          *token;
  MynaCardKind   kind;
  MynaPinStatus  pins[MYNA_N_PINS];
  GBytes        *certificates[MYNA_N_CERTS];
  GError        *certificate_errors[MYNA_N_CERTS];
  guint          apdu_count;
  gboolean       extended_length;
};

G_DEFINE_FINAL_TYPE (MynaCardStatus, myna_card_status, G_TYPE_OBJECT)

const char *
myna_card_kind_to_string (MynaCardKind kind)
{
  switch (kind)
    {
    case MYNA_CARD_KIND_MY_NUMBER:  return "my-number";
    case MYNA_CARD_KIND_JUKI:       return "juki";
    case MYNA_CARD_KIND_SMARTPHONE: return "smartphone";
    case MYNA_CARD_KIND_UNKNOWN:    return "unknown";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * myna_card_kind_get_name:
 * @kind: a card kind
 *
 * Returns: (transfer none): the translated name of the kind of card
 */
const char *
myna_card_kind_get_name (MynaCardKind kind)
{
  switch (kind)
    {
    case MYNA_CARD_KIND_MY_NUMBER:
      /* Translators: マイナンバーカード */
      return _("My Number card");
    case MYNA_CARD_KIND_JUKI:
      /* Translators: 住民基本台帳カード (住基カード), the card before the My
       * Number card; its certificates can no longer be issued or renewed. */
      return _("Basic Resident Registration card");
    case MYNA_CARD_KIND_SMARTPHONE:
      /* Translators: スマホ用電子証明書, the JPKI certificates in a phone. */
      return _("Smartphone JPKI certificate");
    case MYNA_CARD_KIND_UNKNOWN:
    default:
      return _("Unknown JPKI card");
    }
}

const char *
myna_cert_id_to_string (MynaCertId id)
{
  switch (id)
    {
    case MYNA_CERT_AUTH:    return "auth";
    case MYNA_CERT_AUTH_CA: return "auth-ca";
    case MYNA_CERT_SIGN:    return "sign";
    case MYNA_CERT_SIGN_CA: return "sign-ca";
    case MYNA_N_CERTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * myna_cert_id_get_name:
 * @id: a certificate
 *
 * Returns: (transfer none): the translated name of the certificate
 */
const char *
myna_cert_id_get_name (MynaCertId id)
{
  switch (id)
    {
    case MYNA_CERT_AUTH:
      /* Translators: 利用者証明用電子証明書, used to log in (Mynaportal,
       * convenience-store certificates, health insurance). */
      return _("User authentication certificate");
    case MYNA_CERT_AUTH_CA:
      /* Translators: the J-LIS CA certificate that issued the 利用者証明用電子証明書. */
      return _("Authentication CA certificate");
    case MYNA_CERT_SIGN:
      /* Translators: 署名用電子証明書, used to sign documents (e-Tax). */
      return _("Signing certificate");
    case MYNA_CERT_SIGN_CA:
      /* Translators: the J-LIS CA certificate that issued the 署名用電子証明書. */
      return _("Signing CA certificate");
    case MYNA_N_CERTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
myna_card_status_finalize (GObject *object)
{
  MynaCardStatus *self = (MynaCardStatus *)object;

  myna_card_status_clear (self);
  g_clear_pointer (&self->reader_name, g_free);
  g_clear_pointer (&self->atr, g_bytes_unref);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (myna_card_status_parent_class)->finalize (object);
}

static void
myna_card_status_class_init (MynaCardStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_card_status_finalize;
}

static void
myna_card_status_init (MynaCardStatus *self)
{
  self->kind = MYNA_CARD_KIND_UNKNOWN;

  for (guint i = 0; i < MYNA_N_PINS; i++)
    myna_pin_status_init (&self->pins[i], i);
}

MynaCardStatus *
_myna_card_status_new (const char *reader_name,
                       GBytes     *atr)
{
  MynaCardStatus *self = g_object_new (MYNA_TYPE_CARD_STATUS, NULL);

  self->reader_name = g_strdup (reader_name);
  self->atr = atr != NULL ? g_bytes_ref (atr) : NULL;

  return self;
}

void
_myna_card_status_set_token (MynaCardStatus *self,
                             const char     *token,
                             MynaCardKind    kind)
{
  g_return_if_fail (MYNA_IS_CARD_STATUS (self));

  g_free (self->token);
  self->token = g_strdup (token);
  self->kind = kind;
}

void
_myna_card_status_set_pin (MynaCardStatus      *self,
                           const MynaPinStatus *pin)
{
  g_return_if_fail (MYNA_IS_CARD_STATUS (self));
  g_return_if_fail (pin != NULL && pin->id < MYNA_N_PINS);

  self->pins[pin->id] = *pin;
}

void
_myna_card_status_set_certificate (MynaCardStatus *self,
                                   MynaCertId      id,
                                   GBytes         *der)
{
  g_return_if_fail (MYNA_IS_CARD_STATUS (self));
  g_return_if_fail (id < MYNA_N_CERTS);

  g_clear_pointer (&self->certificates[id], g_bytes_unref);
  g_clear_error (&self->certificate_errors[id]);
  if (der != NULL)
    self->certificates[id] = g_bytes_ref (der);
}

void
_myna_card_status_set_certificate_error (MynaCardStatus *self,
                                         MynaCertId      id,
                                         const GError   *error)
{
  g_return_if_fail (MYNA_IS_CARD_STATUS (self));
  g_return_if_fail (id < MYNA_N_CERTS);

  g_clear_pointer (&self->certificates[id], g_bytes_unref);
  g_clear_error (&self->certificate_errors[id]);
  if (error != NULL)
    self->certificate_errors[id] = g_error_copy (error);
}

void
_myna_card_status_set_apdu_count (MynaCardStatus *self,
                                  guint           apdu_count,
                                  gboolean        extended_length)
{
  g_return_if_fail (MYNA_IS_CARD_STATUS (self));

  self->apdu_count = apdu_count;
  self->extended_length = extended_length;
}

/**
 * myna_card_status_get_reader_name:
 * @self: a #MynaCardStatus
 *
 * The demo reader's name is kept untranslated and translated here, so that
 * it follows a language chosen after the card was read; a real reader's
 * name has no translation and comes back as it is.
 *
 * Returns: (nullable): the name of the reader the card was read in
 */
const char *
myna_card_status_get_reader_name (MynaCardStatus *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);

  if (self->reader_name == NULL || *self->reader_name == '\0')
    return self->reader_name;

  return g_dgettext (GETTEXT_PACKAGE, self->reader_name);
}

/**
 * myna_card_status_get_atr:
 * @self: a #MynaCardStatus
 *
 * Returns: (transfer none) (nullable): the answer to reset
 */
GBytes *
myna_card_status_get_atr (MynaCardStatus *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);

  return self->atr;
}

MynaCardKind
myna_card_status_get_kind (MynaCardStatus *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), MYNA_CARD_KIND_UNKNOWN);

  return self->kind;
}

/**
 * myna_card_status_get_token:
 * @self: a #MynaCardStatus
 *
 * Returns: (nullable): the token label from JPKI EF 0006, trimmed
 */
const char *
myna_card_status_get_token (MynaCardStatus *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);

  return self->token;
}

const MynaPinStatus *
myna_card_status_get_pin (MynaCardStatus *self,
                          MynaPinId       id)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);
  g_return_val_if_fail (id < MYNA_N_PINS, NULL);

  return &self->pins[id];
}

/**
 * myna_card_status_get_certificate:
 * @self: a #MynaCardStatus
 * @id: which certificate
 *
 * Returns: (transfer none) (nullable): the DER certificate, or %NULL when it
 *   was not read, is not on the card, or could not be read (see
 *   myna_card_status_get_certificate_error())
 */
GBytes *
myna_card_status_get_certificate (MynaCardStatus *self,
                                  MynaCertId      id)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);
  g_return_val_if_fail (id < MYNA_N_CERTS, NULL);

  return self->certificates[id];
}

/**
 * myna_card_status_get_certificate_error:
 * @self: a #MynaCardStatus
 * @id: which certificate
 *
 * Returns: (transfer none) (nullable): why the certificate is missing; a
 *   %MYNA_SW_ERROR with code 0x6A82 means the card does not have it
 */
const GError *
myna_card_status_get_certificate_error (MynaCardStatus *self,
                                        MynaCertId      id)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);
  g_return_val_if_fail (id < MYNA_N_CERTS, NULL);

  return self->certificate_errors[id];
}

guint
myna_card_status_get_apdu_count (MynaCardStatus *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), 0);

  return self->apdu_count;
}

/**
 * myna_card_status_get_extended_length:
 * @self: a #MynaCardStatus
 *
 * Returns: %FALSE if the read had to fall back to short APDUs
 */
gboolean
myna_card_status_get_extended_length (MynaCardStatus *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), FALSE);

  return self->extended_length;
}

/**
 * myna_card_status_clear:
 * @self: a #MynaCardStatus
 *
 * Drops every certificate, wiping the memory that held them. Call it when
 * the card leaves the reader.
 */
void
myna_card_status_clear (MynaCardStatus *self)
{
  g_return_if_fail (MYNA_IS_CARD_STATUS (self));

  for (guint i = 0; i < MYNA_N_CERTS; i++)
    {
      g_clear_pointer (&self->certificates[i], g_bytes_unref);
      g_clear_error (&self->certificate_errors[i]);
    }
}

static MynaCardStatus *
copy (MynaCardStatus *self)
{
  MynaCardStatus *copy = _myna_card_status_new (self->reader_name, self->atr);

  _myna_card_status_set_token (copy, self->token, self->kind);
  memcpy (copy->pins, self->pins, sizeof self->pins);
  for (guint i = 0; i < MYNA_N_CERTS; i++)
    {
      if (self->certificates[i] != NULL)
        copy->certificates[i] = g_bytes_ref (self->certificates[i]);
      if (self->certificate_errors[i] != NULL)
        copy->certificate_errors[i] = g_error_copy (self->certificate_errors[i]);
    }
  _myna_card_status_set_apdu_count (copy, self->apdu_count, self->extended_length);

  return copy;
}

/**
 * myna_card_status_copy_with_pin:
 * @self: a #MynaCardStatus
 * @pin: what a later PIN operation on the same card said about one PIN
 *
 * A status is what one read of the card returned, and does not change;
 * what is learnt later makes a new one.
 *
 * Returns: (transfer full): a copy of @self with @pin
 */
MynaCardStatus *
myna_card_status_copy_with_pin (MynaCardStatus      *self,
                                const MynaPinStatus *pin)
{
  MynaCardStatus *status;

  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);
  g_return_val_if_fail (pin != NULL && pin->id < MYNA_N_PINS, NULL);

  status = copy (self);
  _myna_card_status_set_pin (status, pin);

  return status;
}

/**
 * myna_card_status_copy_with_certificate:
 * @self: a #MynaCardStatus
 * @id: which certificate
 * @der: the certificate, read later from the same card (the signing
 *   certificate, with the password)
 *
 * Returns: (transfer full): a copy of @self with @der as certificate @id
 */
MynaCardStatus *
myna_card_status_copy_with_certificate (MynaCardStatus *self,
                                        MynaCertId      id,
                                        GBytes         *der)
{
  MynaCardStatus *status;

  g_return_val_if_fail (MYNA_IS_CARD_STATUS (self), NULL);
  g_return_val_if_fail (id < MYNA_N_CERTS, NULL);
  g_return_val_if_fail (der != NULL, NULL);

  status = copy (self);
  _myna_card_status_set_certificate (status, id, der);

  return status;
}
