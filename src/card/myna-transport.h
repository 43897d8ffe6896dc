/* myna-transport.h
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

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MYNA_TYPE_TRANSPORT (myna_transport_get_type ())

G_DECLARE_INTERFACE (MynaTransport, myna_transport, MYNA, TRANSPORT, GObject)

/*
 * A connection to one card: PC/SC, or the in-process virtual card.
 *
 * transmit() sends one encoded command APDU and writes the response
 * (data and SW1 SW2) into a caller-owned buffer, so a response that
 * follows a PIN never sits in memory the caller cannot wipe.
 */
struct _MynaTransportInterface
{
  GTypeInterface parent_iface;

  gboolean     (*transmit)          (MynaTransport  *self,
                                     const guint8   *command,
                                     gsize           command_length,
                                     guint8         *response,
                                     gsize          *response_length,
                                     GError        **error);
  GBytes      *(*get_atr)           (MynaTransport  *self);
  const char  *(*get_reader_name)   (MynaTransport  *self);
  gboolean     (*begin_transaction) (MynaTransport  *self,
                                     GError        **error);
  void         (*end_transaction)   (MynaTransport  *self);
  gboolean     (*power_down)        (MynaTransport  *self,
                                     GError        **error);
};

gboolean    myna_transport_transmit          (MynaTransport  *self,
                                              const guint8   *command,
                                              gsize           command_length,
                                              guint8         *response,
                                              gsize          *response_length,
                                              GError        **error);
GBytes     *myna_transport_get_atr           (MynaTransport  *self);
const char *myna_transport_get_reader_name   (MynaTransport  *self);
gboolean    myna_transport_begin_transaction (MynaTransport  *self,
                                              GError        **error);
void        myna_transport_end_transaction   (MynaTransport  *self);
gboolean    myna_transport_power_down        (MynaTransport  *self,
                                              GError        **error);

G_END_DECLS
