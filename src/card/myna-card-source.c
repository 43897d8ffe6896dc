/* myna-card-source.c
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

#include "myna-card-source.h"

G_DEFINE_INTERFACE (MynaCardSource, myna_card_source, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
myna_card_source_default_init (MynaCardSourceInterface *iface)
{
  /**
   * MynaCardSource::changed:
   *
   * Emitted on the main context when a reader or card changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

/**
 * myna_card_source_start:
 * @self: a #MynaCardSource
 *
 * Starts following the readers. Changes arrive on the thread-default main
 * context of the caller.
 */
void
myna_card_source_start (MynaCardSource *self)
{
  g_return_if_fail (MYNA_IS_CARD_SOURCE (self));

  MYNA_CARD_SOURCE_GET_IFACE (self)->start (self);
}

void
myna_card_source_stop (MynaCardSource *self)
{
  g_return_if_fail (MYNA_IS_CARD_SOURCE (self));

  MYNA_CARD_SOURCE_GET_IFACE (self)->stop (self);
}

/**
 * myna_card_source_refresh:
 * @self: a #MynaCardSource
 *
 * Takes a fresh look at the readers, for what the source does not report
 * by itself (another program letting go of the card).
 */
void
myna_card_source_refresh (MynaCardSource *self)
{
  g_return_if_fail (MYNA_IS_CARD_SOURCE (self));

  MYNA_CARD_SOURCE_GET_IFACE (self)->refresh (self);
}

MynaReaderState
myna_card_source_get_state (MynaCardSource *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (self), MYNA_READER_STATE_STARTING);

  return MYNA_CARD_SOURCE_GET_IFACE (self)->get_state (self);
}

/**
 * myna_card_source_get_readers:
 * @self: a #MynaCardSource
 *
 * Returns: (transfer none) (nullable) (element-type MynaReaderInfo): the
 *   PC/SC readers, or %NULL when there are none to choose from
 */
GPtrArray *
myna_card_source_get_readers (MynaCardSource *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (self), NULL);

  return MYNA_CARD_SOURCE_GET_IFACE (self)->get_readers (self);
}

/**
 * myna_card_source_get_card_reader:
 * @self: a #MynaCardSource
 *
 * Returns: (nullable): the reader holding the one card to read
 */
const char *
myna_card_source_get_card_reader (MynaCardSource *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (self), NULL);

  return MYNA_CARD_SOURCE_GET_IFACE (self)->get_card_reader (self);
}

/**
 * myna_card_source_get_card_event_count:
 * @self: a #MynaCardSource
 *
 * Returns: a number that changes whenever the card in the card reader is
 *   removed or inserted, so that a quick swap is not missed
 */
guint
myna_card_source_get_card_event_count (MynaCardSource *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (self), 0);

  return MYNA_CARD_SOURCE_GET_IFACE (self)->get_card_event_count (self);
}

/**
 * myna_card_source_set_preferred_reader:
 * @self: a #MynaCardSource
 * @reader_name: (nullable): the reader to read from when several hold a
 *   card, by its name or a part of it (myna_reader_find())
 */
void
myna_card_source_set_preferred_reader (MynaCardSource *self,
                                       const char     *reader_name)
{
  g_return_if_fail (MYNA_IS_CARD_SOURCE (self));

  MYNA_CARD_SOURCE_GET_IFACE (self)->set_preferred_reader (self, reader_name);
}

/**
 * myna_card_source_open_transport:
 * @self: a #MynaCardSource
 * @reader_name: (nullable): the reader, as myna_card_source_get_card_reader()
 *   gave it when the read began
 * @exclusive: whether to keep other programs off the card meanwhile
 * @error: return location for a #GError
 *
 * Blocking: call it in a worker thread.
 *
 * Returns: (transfer full) (nullable): a transport to the card
 */
MynaTransport *
myna_card_source_open_transport (MynaCardSource  *self,
                                 const char      *reader_name,
                                 gboolean         exclusive,
                                 GError         **error)
{
  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (self), NULL);

  return MYNA_CARD_SOURCE_GET_IFACE (self)->open_transport (self, reader_name, exclusive, error);
}

/**
 * myna_card_source_run_self_test:
 * @self: a #MynaCardSource
 * @preferred_reader: (nullable): the reader to test when several hold a card
 *
 * The diagnostics self-test (myna-self-test.h). Blocking: call it in a
 * worker thread.
 *
 * Returns: (transfer full) (element-type MynaCheck): the checks, in order
 */
GPtrArray *
myna_card_source_run_self_test (MynaCardSource *self,
                                const char     *preferred_reader)
{
  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (self), NULL);

  return MYNA_CARD_SOURCE_GET_IFACE (self)->run_self_test (self, preferred_reader);
}

/**
 * myna_card_source_emit_changed:
 * @self: a #MynaCardSource
 *
 * For implementations: says that a reader or card changed.
 */
void
myna_card_source_emit_changed (MynaCardSource *self)
{
  g_return_if_fail (MYNA_IS_CARD_SOURCE (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
