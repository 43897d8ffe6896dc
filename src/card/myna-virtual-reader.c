/* myna-virtual-reader.c
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

#include "myna-self-test.h"
#include "myna-virtual-reader.h"
#include "myna-virtual-transport.h"

/*
 * The demo card in a pretend reader: a card source like the PC/SC
 * readers, so that the card manager reads it through the same code. The
 * card can be taken out and put back, as a user would a real one; each
 * insertion counts as a new card.
 *
 * Unlike pcscd, it answers at once: start(), and taking the card out or
 * putting it back, emit MynaCardSource::changed before they return.
 */
struct _MynaVirtualReader
{
  GObject          parent_instance;

  MynaVirtualCard *card;
  int              inserted;     /* atomic: read by the self-test thread */
  guint            latency_ms;   /* atomic: read by reading threads */
  guint            event_count;
  gboolean         started;
};

static void card_source_iface_init (MynaCardSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MynaVirtualReader, myna_virtual_reader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MYNA_TYPE_CARD_SOURCE, card_source_iface_init))

/* The pretend reader's name, as the transport gives it (a msgid there,
 * translated when shown: see myna_card_status_get_reader_name()). */
#define DEMO_READER_NAME "MynaCheck demo reader"

static void
virtual_reader_start (MynaCardSource *source)
{
  MynaVirtualReader *self = MYNA_VIRTUAL_READER (source);

  if (self->started)
    return;

  self->started = TRUE;
  myna_card_source_emit_changed (source);
}

static void
virtual_reader_stop (MynaCardSource *source)
{
  MYNA_VIRTUAL_READER (source)->started = FALSE;
}

static void
virtual_reader_refresh (MynaCardSource *source)
{
  if (MYNA_VIRTUAL_READER (source)->started)
    myna_card_source_emit_changed (source);
}

static MynaReaderState
virtual_reader_get_state (MynaCardSource *source)
{
  MynaVirtualReader *self = MYNA_VIRTUAL_READER (source);

  if (!self->started)
    return MYNA_READER_STATE_STARTING;

  return myna_virtual_reader_get_inserted (self) ? MYNA_READER_STATE_CARD_PRESENT
                                                 : MYNA_READER_STATE_NO_CARD;
}

/* No PC/SC readers to choose from. */
static GPtrArray *
virtual_reader_get_readers (MynaCardSource *source)
{
  return NULL;
}

static const char *
virtual_reader_get_card_reader (MynaCardSource *source)
{
  return myna_virtual_reader_get_inserted (MYNA_VIRTUAL_READER (source)) ? DEMO_READER_NAME : NULL;
}

static guint
virtual_reader_get_card_event_count (MynaCardSource *source)
{
  return MYNA_VIRTUAL_READER (source)->event_count;
}

static void
virtual_reader_set_preferred_reader (MynaCardSource *source,
                                     const char     *reader_name)
{
}

/* Runs in a worker thread. */
static MynaTransport *
virtual_reader_open_transport (MynaCardSource  *source,
                               const char      *reader_name,
                               gboolean         exclusive,
                               GError         **error)
{
  MynaVirtualReader *self = MYNA_VIRTUAL_READER (source);
  MynaVirtualTransport *transport = myna_virtual_transport_new (self->card);

  myna_virtual_transport_set_latency (transport, g_atomic_int_get (&self->latency_ms));

  return MYNA_TRANSPORT (transport);
}

/* Runs in a worker thread. */
static GPtrArray *
virtual_reader_run_self_test (MynaCardSource *source,
                              const char     *preferred_reader)
{
  MynaVirtualReader *self = MYNA_VIRTUAL_READER (source);

  return myna_self_test_run_virtual (self->card, myna_virtual_reader_get_inserted (self));
}

static void
card_source_iface_init (MynaCardSourceInterface *iface)
{
  iface->start = virtual_reader_start;
  iface->stop = virtual_reader_stop;
  iface->refresh = virtual_reader_refresh;
  iface->get_state = virtual_reader_get_state;
  iface->get_readers = virtual_reader_get_readers;
  iface->get_card_reader = virtual_reader_get_card_reader;
  iface->get_card_event_count = virtual_reader_get_card_event_count;
  iface->set_preferred_reader = virtual_reader_set_preferred_reader;
  iface->open_transport = virtual_reader_open_transport;
  iface->run_self_test = virtual_reader_run_self_test;
}

static void
myna_virtual_reader_finalize (GObject *object)
{
  MynaVirtualReader *self = (MynaVirtualReader *)object;

  g_clear_object (&self->card);

  G_OBJECT_CLASS (myna_virtual_reader_parent_class)->finalize (object);
}

static void
myna_virtual_reader_class_init (MynaVirtualReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_virtual_reader_finalize;
}

static void
myna_virtual_reader_init (MynaVirtualReader *self)
{
}

/**
 * myna_virtual_reader_new:
 * @scenario: a demo card scenario (myna_virtual_scenarios_get())
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a pretend reader with the demo card in it, or
 *   %NULL when @scenario is unknown
 */
MynaVirtualReader *
myna_virtual_reader_new (const char  *scenario,
                         GError     **error)
{
  g_autoptr(MynaVirtualCard) card = myna_virtual_card_new (scenario, error);
  MynaVirtualReader *self;

  if (card == NULL)
    return NULL;

  self = g_object_new (MYNA_TYPE_VIRTUAL_READER, NULL);
  self->card = g_steal_pointer (&card);
  self->inserted = TRUE;
  self->event_count = 1;

  return self;
}

/**
 * myna_virtual_reader_get_card:
 * @self: a #MynaVirtualReader
 *
 * Returns: (transfer none): the demo card, in the reader or not
 */
MynaVirtualCard *
myna_virtual_reader_get_card (MynaVirtualReader *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_READER (self), NULL);

  return self->card;
}

gboolean
myna_virtual_reader_get_inserted (MynaVirtualReader *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_READER (self), FALSE);

  return g_atomic_int_get (&self->inserted);
}

/**
 * myna_virtual_reader_set_inserted:
 * @self: a #MynaVirtualReader
 * @inserted: whether the demo card is in its pretend reader
 *
 * Takes the demo card out, powering it down, or puts it back, which
 * counts as a new card. Putting back a card that is in the reader says
 * where things stand again, as myna_card_source_refresh() does.
 */
void
myna_virtual_reader_set_inserted (MynaVirtualReader *self,
                                  gboolean           inserted)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_READER (self));

  if (!inserted)
    myna_virtual_card_power_off (self->card);
  else if (!myna_virtual_reader_get_inserted (self))
    self->event_count++;

  g_atomic_int_set (&self->inserted, !!inserted);

  if (self->started)
    myna_card_source_emit_changed (MYNA_CARD_SOURCE (self));
}

/**
 * myna_virtual_reader_set_latency:
 * @self: a #MynaVirtualReader
 * @latency_ms: how long each APDU takes, like a slow card
 */
void
myna_virtual_reader_set_latency (MynaVirtualReader *self,
                                 guint              latency_ms)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_READER (self));

  g_atomic_int_set (&self->latency_ms, latency_ms);
}
