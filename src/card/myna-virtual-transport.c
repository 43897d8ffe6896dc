/* myna-virtual-transport.c
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

#include <glib/gi18n.h>

#include "myna-apdu.h"
#include "myna-card-error.h"
#include "myna-virtual-transport.h"

/*
 * The virtual card as if it sat in a reader: the in-process path of the
 * demo and of the unit tests. The card can be taken out, now or after a
 * number of APDUs, and each APDU can take time, like a slow card.
 */
struct _MynaVirtualTransport
{
  GObject          parent_instance;

  MynaVirtualCard *card;
  guint            power_cycle;         /* the card's power-up this connection began in */
  guint            latency_ms;
  guint            apdus_until_removal; /* 0: never */
  int              removed;             /* atomic: another thread may pull the card */
  gboolean         closed;
};

static void transport_iface_init (MynaTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MynaVirtualTransport, myna_virtual_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MYNA_TYPE_TRANSPORT, transport_iface_init))

enum {
  PROP_0,
  PROP_READER_NAME,
  N_PROPS
};

static gboolean
myna_virtual_transport_transmit (MynaTransport  *transport,
                                 const guint8   *command,
                                 gsize           command_length,
                                 guint8         *response,
                                 gsize          *response_length,
                                 GError        **error)
{
  MynaVirtualTransport *self = MYNA_VIRTUAL_TRANSPORT (transport);

  if (self->apdus_until_removal > 0 && --self->apdus_until_removal == 0)
    myna_virtual_transport_remove_card (self);

  if (g_atomic_int_get (&self->removed))
    {
      myna_card_error_set (error, MYNA_CARD_ERROR_REMOVED);
      return FALSE;
    }

  if (self->closed)
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_REMOVED,
                   _("The connection to the card is closed."));
      return FALSE;
    }

  g_return_val_if_fail (*response_length >= MYNA_APDU_MAX_RESPONSE, FALSE);

  if (self->latency_ms > 0)
    g_usleep (self->latency_ms * G_TIME_SPAN_MILLISECOND);

  /* No answer: the card was taken out since this connection began. */
  *response_length = myna_virtual_card_transmit (self->card, self->power_cycle, command, command_length,
                                                 response, *response_length);
  if (*response_length == 0)
    {
      myna_card_error_set (error, MYNA_CARD_ERROR_REMOVED);
      return FALSE;
    }

  return TRUE;
}

static gboolean
myna_virtual_transport_begin_transaction (MynaTransport  *transport,
                                          GError        **error)
{
  MynaVirtualTransport *self = MYNA_VIRTUAL_TRANSPORT (transport);

  myna_virtual_card_begin_transaction (self->card);

  return TRUE;
}

static void
myna_virtual_transport_end_transaction (MynaTransport *transport)
{
  MynaVirtualTransport *self = MYNA_VIRTUAL_TRANSPORT (transport);

  myna_virtual_card_end_transaction (self->card);
}

static GBytes *
myna_virtual_transport_get_atr (MynaTransport *transport)
{
  MynaVirtualTransport *self = MYNA_VIRTUAL_TRANSPORT (transport);

  return g_bytes_ref (myna_virtual_card_get_atr (self->card));
}

static const char *
myna_virtual_transport_get_reader_name (MynaTransport *transport)
{
  /* Translated when shown: see myna_card_status_get_reader_name().
   * Translators: the name of the pretend reader that holds the demo card. */
  return N_("MynaCheck demo reader");
}

static gboolean
myna_virtual_transport_power_down (MynaTransport  *transport,
                                   GError        **error)
{
  MynaVirtualTransport *self = MYNA_VIRTUAL_TRANSPORT (transport);

  if (self->closed)
    return TRUE;

  self->closed = TRUE;
  myna_virtual_card_power_off_cycle (self->card, self->power_cycle);

  return TRUE;
}

static void
transport_iface_init (MynaTransportInterface *iface)
{
  iface->transmit = myna_virtual_transport_transmit;
  iface->get_atr = myna_virtual_transport_get_atr;
  iface->get_reader_name = myna_virtual_transport_get_reader_name;
  iface->power_down = myna_virtual_transport_power_down;
  iface->begin_transaction = myna_virtual_transport_begin_transaction;
  iface->end_transaction = myna_virtual_transport_end_transaction;
}

static void
myna_virtual_transport_finalize (GObject *object)
{
  MynaVirtualTransport *self = (MynaVirtualTransport *)object;

  g_clear_object (&self->card);

  G_OBJECT_CLASS (myna_virtual_transport_parent_class)->finalize (object);
}

static void
myna_virtual_transport_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_READER_NAME:
      g_value_set_string (value, myna_virtual_transport_get_reader_name (MYNA_TRANSPORT (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_virtual_transport_class_init (MynaVirtualTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_virtual_transport_finalize;
  object_class->get_property = myna_virtual_transport_get_property;

  g_object_class_override_property (object_class, PROP_READER_NAME, "reader-name");
}

static void
myna_virtual_transport_init (MynaVirtualTransport *self)
{
}

/**
 * myna_virtual_transport_new:
 * @card: a virtual card
 *
 * Puts @card in a pretend reader and powers it up, as pcscd does when a
 * program connects.
 *
 * Returns: (transfer full): a new transport
 */
MynaVirtualTransport *
myna_virtual_transport_new (MynaVirtualCard *card)
{
  MynaVirtualTransport *self;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (card), NULL);

  self = g_object_new (MYNA_TYPE_VIRTUAL_TRANSPORT, NULL);
  self->card = g_object_ref (card);
  self->power_cycle = myna_virtual_card_power_on (card);

  return self;
}

/**
 * myna_virtual_transport_get_card:
 * @self: a #MynaVirtualTransport
 *
 * Returns: (transfer none): the card
 */
MynaVirtualCard *
myna_virtual_transport_get_card (MynaVirtualTransport *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_TRANSPORT (self), NULL);

  return self->card;
}

/**
 * myna_virtual_transport_set_latency:
 * @self: a #MynaVirtualTransport
 * @latency_ms: how long each APDU takes
 */
void
myna_virtual_transport_set_latency (MynaVirtualTransport *self,
                                    guint                 latency_ms)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_TRANSPORT (self));

  self->latency_ms = latency_ms;
}

/**
 * myna_virtual_transport_remove_card:
 * @self: a #MynaVirtualTransport
 *
 * Takes the card out: every later transmission fails as if it had been
 * pulled from the reader. Safe to call from any thread.
 */
void
myna_virtual_transport_remove_card (MynaVirtualTransport *self)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_TRANSPORT (self));

  g_atomic_int_set (&self->removed, TRUE);
}

/**
 * myna_virtual_transport_remove_after:
 * @self: a #MynaVirtualTransport
 * @n_apdus: the APDU that finds the card gone, counting from 1
 *
 * Arranges for the card to be pulled just before APDU @n_apdus.
 */
void
myna_virtual_transport_remove_after (MynaVirtualTransport *self,
                                     guint                 n_apdus)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_TRANSPORT (self));

  self->apdus_until_removal = n_apdus;
}
