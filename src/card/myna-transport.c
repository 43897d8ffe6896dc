/* myna-transport.c
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

#include "myna-transport.h"

G_DEFINE_INTERFACE (MynaTransport, myna_transport, G_TYPE_OBJECT)

static gboolean
myna_transport_real_begin_transaction (MynaTransport  *self,
                                       GError        **error)
{
  return TRUE;
}

static void
myna_transport_real_end_transaction (MynaTransport *self)
{
}

static void
myna_transport_default_init (MynaTransportInterface *iface)
{
  iface->begin_transaction = myna_transport_real_begin_transaction;
  iface->end_transaction = myna_transport_real_end_transaction;

  /**
   * MynaTransport:reader-name:
   *
   * The name of the reader the card sits in, as the user sees it.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_string ("reader-name", NULL, NULL,
                                                            NULL,
                                                            (G_PARAM_READABLE |
                                                             G_PARAM_STATIC_STRINGS)));
}

/**
 * myna_transport_transmit:
 * @self: a #MynaTransport
 * @command: an encoded command APDU
 * @command_length: its length
 * @response: (out caller-allocates): buffer for the response
 * @response_length: (inout): the size of @response; on return, the length
 *   of the response including SW1 SW2
 * @error: return location for a #GError
 *
 * Sends one command to the card. This blocks: never call it on the thread
 * of the GTK main loop.
 *
 * Returns: %TRUE when the card answered with at least a status word
 */
gboolean
myna_transport_transmit (MynaTransport  *self,
                         const guint8   *command,
                         gsize           command_length,
                         guint8         *response,
                         gsize          *response_length,
                         GError        **error)
{
  g_return_val_if_fail (MYNA_IS_TRANSPORT (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (response != NULL, FALSE);
  g_return_val_if_fail (response_length != NULL, FALSE);

  return MYNA_TRANSPORT_GET_IFACE (self)->transmit (self, command, command_length,
                                                     response, response_length, error);
}

/**
 * myna_transport_get_atr:
 * @self: a #MynaTransport
 *
 * Returns: (transfer full) (nullable): the answer to reset of the card
 */
GBytes *
myna_transport_get_atr (MynaTransport *self)
{
  g_return_val_if_fail (MYNA_IS_TRANSPORT (self), NULL);

  return MYNA_TRANSPORT_GET_IFACE (self)->get_atr (self);
}

const char *
myna_transport_get_reader_name (MynaTransport *self)
{
  g_return_val_if_fail (MYNA_IS_TRANSPORT (self), NULL);

  return MYNA_TRANSPORT_GET_IFACE (self)->get_reader_name (self);
}

/**
 * myna_transport_begin_transaction:
 * @self: a #MynaTransport
 * @error: return location for a #GError
 *
 * Keeps other programs from talking to the card until
 * myna_transport_end_transaction(), so a read is not interleaved with theirs.
 *
 * Returns: %TRUE on success
 */
gboolean
myna_transport_begin_transaction (MynaTransport  *self,
                                  GError        **error)
{
  g_return_val_if_fail (MYNA_IS_TRANSPORT (self), FALSE);

  return MYNA_TRANSPORT_GET_IFACE (self)->begin_transaction (self, error);
}

void
myna_transport_end_transaction (MynaTransport *self)
{
  g_return_if_fail (MYNA_IS_TRANSPORT (self));

  MYNA_TRANSPORT_GET_IFACE (self)->end_transaction (self);
}

/**
 * myna_transport_power_down:
 * @self: a #MynaTransport
 * @error: return location for a #GError
 *
 * Removes power from the card and closes the connection. A verified PIN
 * stays in effect until the card loses power (reference §8.3), so this
 * ends every PIN operation. The transport cannot transmit afterwards.
 *
 * Returns: %TRUE on success
 */
gboolean
myna_transport_power_down (MynaTransport  *self,
                           GError        **error)
{
  g_return_val_if_fail (MYNA_IS_TRANSPORT (self), FALSE);

  return MYNA_TRANSPORT_GET_IFACE (self)->power_down (self, error);
}
