/* myna-pcsc-transport.c
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

#define G_LOG_DOMAIN "mynacheck-pcsc"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-card-error.h"
#include "myna-pcsc-private.h"
#include "myna-pcsc-transport.h"

/*
 * A card in a PC/SC reader. Each transport has its own PC/SC context,
 * because pcsc-lite contexts must not be shared between threads.
 */
struct _MynaPcscTransport
{
  GObject       parent_instance;

  char         *reader_name;
  GBytes       *atr;
  SCARDCONTEXT  context;
  SCARDHANDLE   card;
  DWORD         protocol;
  DWORD         share_mode;
  guint         has_context : 1;
  guint         connected : 1;
  guint         in_transaction : 1;
};

static void transport_iface_init (MynaTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MynaPcscTransport, myna_pcsc_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MYNA_TYPE_TRANSPORT, transport_iface_init))

enum {
  PROP_0,
  PROP_READER_NAME,
  N_PROPS
};

static gboolean
check_connected (MynaPcscTransport  *self,
                 GError            **error)
{
  if (self->connected)
    return TRUE;

  g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_REMOVED,
               _("The connection to the card is closed."));
  return FALSE;
}

/* pcscd looks at a reader that has no card-event interrupt about every
 * 400 ms. */
#define REMOVAL_WAIT_MS 1000

static gboolean
card_left (MynaPcscTransport *self)
{
  SCARD_READERSTATE state = { 0 };
  gint64 deadline = g_get_monotonic_time () + REMOVAL_WAIT_MS * G_TIME_SPAN_MILLISECOND;

  state.szReader = self->reader_name;
  state.dwCurrentState = SCARD_STATE_UNAWARE;

  /* The first call tells the state now; each next one waits for a change
   * of it (in use, exclusive… also count), until the reader is empty or
   * time is up. */
  for (;;)
    {
      gint64 left = (deadline - g_get_monotonic_time ()) / G_TIME_SPAN_MILLISECOND;
      LONG rv;

      rv = SCardGetStatusChange (self->context, state.dwCurrentState == SCARD_STATE_UNAWARE ? 0 : (DWORD) MAX (left, 0),
                                 &state, 1);
      if (rv != SCARD_S_SUCCESS)
        return FALSE;
      if ((state.dwEventState & SCARD_STATE_EMPTY) != 0)
        return TRUE;
      if (left <= 0)
        return FALSE;
      state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
}

static gboolean
myna_pcsc_transport_transmit (MynaTransport  *transport,
                              const guint8   *command,
                              gsize           command_length,
                              guint8         *response,
                              gsize          *response_length,
                              GError        **error)
{
  MynaPcscTransport *self = MYNA_PCSC_TRANSPORT (transport);
  const SCARD_IO_REQUEST *pci;
  DWORD length = *response_length;
  LONG rv;

  if (!check_connected (self, error))
    return FALSE;

  pci = self->protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;

  rv = SCardTransmit (self->card, pci, command, command_length, NULL, response, &length);
  if (!myna_pcsc_set_error (error, rv, "SCardTransmit"))
    return FALSE;

  /* vpcd, and some readers, pass an empty answer when the card leaves in
   * the middle of a command, before pcscd has seen the reader empty: give
   * pcscd a moment to say so, so that the user hears the card was removed
   * rather than that it spoke nonsense. */
  if (length < 2 && card_left (self))
    return myna_pcsc_set_error (error, SCARD_W_REMOVED_CARD, "SCardTransmit");

  *response_length = length;

  return TRUE;
}

static GBytes *
myna_pcsc_transport_get_atr (MynaTransport *transport)
{
  MynaPcscTransport *self = MYNA_PCSC_TRANSPORT (transport);

  return self->atr != NULL ? g_bytes_ref (self->atr) : NULL;
}

static const char *
myna_pcsc_transport_get_reader_name (MynaTransport *transport)
{
  return MYNA_PCSC_TRANSPORT (transport)->reader_name;
}

static gboolean
myna_pcsc_transport_begin_transaction (MynaTransport  *transport,
                                       GError        **error)
{
  MynaPcscTransport *self = MYNA_PCSC_TRANSPORT (transport);
  LONG rv;

  if (!check_connected (self, error))
    return FALSE;

  rv = SCardBeginTransaction (self->card);
  if (rv == SCARD_W_RESET_CARD)
    {
      /* Someone reset the card since we connected: acknowledge and retry. */
      rv = SCardReconnect (self->card, self->share_mode,
                           SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                           SCARD_LEAVE_CARD, &self->protocol);
      if (rv == SCARD_S_SUCCESS)
        rv = SCardBeginTransaction (self->card);
    }

  if (!myna_pcsc_set_error (error, rv, "SCardBeginTransaction"))
    return FALSE;

  self->in_transaction = TRUE;

  return TRUE;
}

static void
myna_pcsc_transport_end_transaction (MynaTransport *transport)
{
  MynaPcscTransport *self = MYNA_PCSC_TRANSPORT (transport);
  LONG rv;

  if (!self->connected || !self->in_transaction)
    return;

  self->in_transaction = FALSE;

  rv = SCardEndTransaction (self->card, SCARD_LEAVE_CARD);
  if (rv != SCARD_S_SUCCESS)
    g_debug ("SCardEndTransaction: %s", pcsc_stringify_error (rv));
}

static gboolean
myna_pcsc_transport_power_down (MynaTransport  *transport,
                                GError        **error)
{
  MynaPcscTransport *self = MYNA_PCSC_TRANSPORT (transport);
  LONG rv = SCARD_S_SUCCESS;

  if (!self->connected)
    return TRUE;

  /* Power-cycle while still holding the transaction, so that no other
   * program slips in while a PIN is verified (reference §8.3). */
  if (self->in_transaction)
    {
      rv = SCardEndTransaction (self->card, SCARD_UNPOWER_CARD);
      self->in_transaction = FALSE;
      if (rv != SCARD_S_SUCCESS)
        g_debug ("SCardEndTransaction (unpower): %s", pcsc_stringify_error (rv));
    }

  self->connected = FALSE;

  rv = SCardDisconnect (self->card, SCARD_UNPOWER_CARD);
  if (rv != SCARD_S_SUCCESS && rv != SCARD_W_REMOVED_CARD)
    {
      g_debug ("SCardDisconnect (unpower): %s; resetting instead", pcsc_stringify_error (rv));
      rv = SCardDisconnect (self->card, SCARD_RESET_CARD);
    }
  if (rv == SCARD_W_REMOVED_CARD)
    return TRUE; /* gone from the reader: nothing is verified any more */

  return myna_pcsc_set_error (error, rv, "SCardDisconnect");
}

static void
transport_iface_init (MynaTransportInterface *iface)
{
  iface->transmit = myna_pcsc_transport_transmit;
  iface->get_atr = myna_pcsc_transport_get_atr;
  iface->get_reader_name = myna_pcsc_transport_get_reader_name;
  iface->begin_transaction = myna_pcsc_transport_begin_transaction;
  iface->end_transaction = myna_pcsc_transport_end_transaction;
  iface->power_down = myna_pcsc_transport_power_down;
}

static void
myna_pcsc_transport_finalize (GObject *object)
{
  MynaPcscTransport *self = (MynaPcscTransport *)object;

  if (self->connected)
    {
      if (self->in_transaction)
        SCardEndTransaction (self->card, SCARD_LEAVE_CARD);
      SCardDisconnect (self->card, SCARD_LEAVE_CARD);
    }
  if (self->has_context)
    SCardReleaseContext (self->context);

  g_clear_pointer (&self->reader_name, g_free);
  g_clear_pointer (&self->atr, g_bytes_unref);

  G_OBJECT_CLASS (myna_pcsc_transport_parent_class)->finalize (object);
}

static void
myna_pcsc_transport_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MynaPcscTransport *self = MYNA_PCSC_TRANSPORT (object);

  switch (prop_id)
    {
    case PROP_READER_NAME:
      g_value_set_string (value, self->reader_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_pcsc_transport_class_init (MynaPcscTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_pcsc_transport_finalize;
  object_class->get_property = myna_pcsc_transport_get_property;

  g_object_class_override_property (object_class, PROP_READER_NAME, "reader-name");
}

static void
myna_pcsc_transport_init (MynaPcscTransport *self)
{
}

/**
 * myna_pcsc_transport_new:
 * @reader_name: the PC/SC name of the reader
 * @exclusive: whether to keep every other program away from the card
 * @error: return location for a #GError
 *
 * Connects to the card in @reader_name. Use @exclusive while a PIN is
 * verified (reference §8.3); status reads share the card and hold a
 * transaction instead. Blocks: call it from a worker thread.
 *
 * Returns: (transfer full): a connected transport, or %NULL with @error set
 */
MynaPcscTransport *
myna_pcsc_transport_new (const char  *reader_name,
                         gboolean     exclusive,
                         GError     **error)
{
  g_autoptr(MynaPcscTransport) self = NULL;
  guint8 atr[MAX_ATR_SIZE];
  DWORD atr_length = sizeof atr;
  DWORD state = 0;
  DWORD protocol = 0;
  DWORD name_length = 0;
  LONG rv;

  g_return_val_if_fail (reader_name != NULL, NULL);

  self = g_object_new (MYNA_TYPE_PCSC_TRANSPORT, NULL);
  self->reader_name = g_strdup (reader_name);
  self->share_mode = exclusive ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED;

  rv = SCardEstablishContext (SCARD_SCOPE_SYSTEM, NULL, NULL, &self->context);
  if (!myna_pcsc_set_error (error, rv, "SCardEstablishContext"))
    return NULL;
  self->has_context = TRUE;

  rv = SCardConnect (self->context, reader_name, self->share_mode,
                     SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                     &self->card, &self->protocol);
  if (!myna_pcsc_set_error (error, rv, "SCardConnect"))
    return NULL;
  self->connected = TRUE;

  rv = SCardStatus (self->card, NULL, &name_length, &state, &protocol, atr, &atr_length);
  if (!myna_pcsc_set_error (error, rv, "SCardStatus"))
    return NULL;

  self->atr = g_bytes_new (atr, atr_length);

  g_debug ("Connected to “%s” (%s, T=%d)", reader_name,
           exclusive ? "exclusive" : "shared",
           self->protocol == SCARD_PROTOCOL_T0 ? 0 : 1);

  return g_steal_pointer (&self);
}

/**
 * myna_pcsc_transport_get_protocol:
 * @self: a #MynaPcscTransport
 *
 * Returns: "T=0" or "T=1", the protocol the reader chose
 */
const char *
myna_pcsc_transport_get_protocol (MynaPcscTransport *self)
{
  g_return_val_if_fail (MYNA_IS_PCSC_TRANSPORT (self), NULL);

  return self->protocol == SCARD_PROTOCOL_T0 ? "T=0" : "T=1";
}
