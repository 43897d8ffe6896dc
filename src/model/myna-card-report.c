/* myna-card-report.c
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

#define G_LOG_DOMAIN "mynacheck-model"

#include "config.h"

#include "myna-card-report.h"

/*
 * What MynaCheck knows about one card: the raw status read from it, each
 * certificate parsed, and each chain checked against the CA certificate
 * of its own hierarchy from the same card.
 */
struct _MynaCardReport
{
  GObject          parent_instance;

  MynaCardStatus  *status;
  MynaCertificate *certificates[MYNA_N_CERTS];
  GError          *parse_errors[MYNA_N_CERTS];
  MynaChainResult  chain[MYNA_N_CERTS];
};

G_DEFINE_FINAL_TYPE (MynaCardReport, myna_card_report, G_TYPE_OBJECT)

static MynaCertId
issuer_of (MynaCertId id)
{
  switch (id)
    {
    case MYNA_CERT_AUTH:
    case MYNA_CERT_AUTH_CA:
      return MYNA_CERT_AUTH_CA;
    case MYNA_CERT_SIGN:
    case MYNA_CERT_SIGN_CA:
      return MYNA_CERT_SIGN_CA;
    case MYNA_N_CERTS:
    default:
      g_return_val_if_reached (MYNA_CERT_AUTH_CA);
    }
}

static void
parse_certificate (MynaCardReport *self,
                   MynaCertId      id)
{
  GBytes *der = myna_card_status_get_certificate (self->status, id);

  g_clear_object (&self->certificates[id]);
  g_clear_error (&self->parse_errors[id]);

  if (der != NULL)
    self->certificates[id] = myna_certificate_new_from_der (der, &self->parse_errors[id]);
}

/* The status is what one read returned; what a later PIN operation on
 * the same card learnt makes a new one (myna_card_status_copy_with_pin()). */
static void
replace_status (MynaCardReport *self,
                MynaCardStatus *status)
{
  g_clear_object (&self->status);
  self->status = status;
}

static void
check_chains (MynaCardReport *self)
{
  for (guint id = 0; id < MYNA_N_CERTS; id++)
    {
      MynaCertificate *ca = self->certificates[issuer_of (id)];

      self->chain[id] = self->certificates[id] != NULL
        ? myna_certificate_verify_chain (self->certificates[id], ca)
        : MYNA_CHAIN_NOT_CHECKED;
    }
}

static void
myna_card_report_finalize (GObject *object)
{
  MynaCardReport *self = (MynaCardReport *)object;

  myna_card_report_clear (self);
  g_clear_object (&self->status);

  G_OBJECT_CLASS (myna_card_report_parent_class)->finalize (object);
}

static void
myna_card_report_class_init (MynaCardReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_card_report_finalize;
}

static void
myna_card_report_init (MynaCardReport *self)
{
}

/**
 * myna_card_report_new:
 * @status: what was read from the card
 *
 * Returns: (transfer full): the report
 */
MynaCardReport *
myna_card_report_new (MynaCardStatus *status)
{
  MynaCardReport *self;

  g_return_val_if_fail (MYNA_IS_CARD_STATUS (status), NULL);

  self = g_object_new (MYNA_TYPE_CARD_REPORT, NULL);
  self->status = g_object_ref (status);

  for (guint id = 0; id < MYNA_N_CERTS; id++)
    parse_certificate (self, id);
  check_chains (self);

  return self;
}

/**
 * myna_card_report_get_status:
 * @self: a #MynaCardReport
 *
 * Returns: (transfer none): the status read from the card
 */
MynaCardStatus *
myna_card_report_get_status (MynaCardReport *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_REPORT (self), NULL);

  return self->status;
}

/**
 * myna_card_report_get_certificate:
 * @self: a #MynaCardReport
 * @id: which certificate
 *
 * Returns: (transfer none) (nullable): the parsed certificate
 */
MynaCertificate *
myna_card_report_get_certificate (MynaCardReport *self,
                                  MynaCertId      id)
{
  g_return_val_if_fail (MYNA_IS_CARD_REPORT (self), NULL);
  g_return_val_if_fail (id < MYNA_N_CERTS, NULL);

  return self->certificates[id];
}

/**
 * myna_card_report_get_certificate_error:
 * @self: a #MynaCardReport
 * @id: which certificate
 *
 * Returns: (transfer none) (nullable): why the certificate is not there:
 *   the card's refusal, or why its bytes do not parse
 */
const GError *
myna_card_report_get_certificate_error (MynaCardReport *self,
                                        MynaCertId      id)
{
  g_return_val_if_fail (MYNA_IS_CARD_REPORT (self), NULL);
  g_return_val_if_fail (id < MYNA_N_CERTS, NULL);

  if (self->parse_errors[id] != NULL)
    return self->parse_errors[id];

  return myna_card_status_get_certificate_error (self->status, id);
}

MynaChainResult
myna_card_report_get_chain_result (MynaCardReport *self,
                                   MynaCertId      id)
{
  g_return_val_if_fail (MYNA_IS_CARD_REPORT (self), MYNA_CHAIN_NOT_CHECKED);
  g_return_val_if_fail (id < MYNA_N_CERTS, MYNA_CHAIN_NOT_CHECKED);

  return self->chain[id];
}

/**
 * myna_card_report_set_signing_certificate:
 * @self: a #MynaCardReport
 * @der: the signing certificate read with the password
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @der parses
 */
gboolean
myna_card_report_set_signing_certificate (MynaCardReport  *self,
                                          GBytes          *der,
                                          GError         **error)
{
  g_return_val_if_fail (MYNA_IS_CARD_REPORT (self), FALSE);
  g_return_val_if_fail (der != NULL, FALSE);

  replace_status (self, myna_card_status_copy_with_certificate (self->status, MYNA_CERT_SIGN, der));
  parse_certificate (self, MYNA_CERT_SIGN);
  check_chains (self);

  if (self->parse_errors[MYNA_CERT_SIGN] != NULL)
    {
      g_propagate_error (error, g_error_copy (self->parse_errors[MYNA_CERT_SIGN]));
      return FALSE;
    }

  return TRUE;
}

/**
 * myna_card_report_update_pin:
 * @self: a #MynaCardReport
 * @pin: the tries left after a PIN operation
 */
void
myna_card_report_update_pin (MynaCardReport      *self,
                             const MynaPinStatus *pin)
{
  g_return_if_fail (MYNA_IS_CARD_REPORT (self));
  g_return_if_fail (pin != NULL);

  if (pin->sw != 0)
    replace_status (self, myna_card_status_copy_with_pin (self->status, pin));
}

/**
 * myna_card_report_clear:
 * @self: a #MynaCardReport
 *
 * Drops every certificate and wipes the bytes read from the card.
 */
void
myna_card_report_clear (MynaCardReport *self)
{
  g_return_if_fail (MYNA_IS_CARD_REPORT (self));

  for (guint id = 0; id < MYNA_N_CERTS; id++)
    {
      g_clear_object (&self->certificates[id]);
      g_clear_error (&self->parse_errors[id]);
      self->chain[id] = MYNA_CHAIN_NOT_CHECKED;
    }

  if (self->status != NULL)
    myna_card_status_clear (self->status);
}
