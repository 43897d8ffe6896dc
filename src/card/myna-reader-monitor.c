/* myna-reader-monitor.c
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

#include "myna-card-enums.h"
#include "myna-pcsc-private.h"
#include "myna-pcsc-transport.h"
#include "myna-reader-monitor-private.h"
#include "myna-self-test.h"

/*
 * Watches readers and cards from a worker thread that blocks in
 * SCardGetStatusChange(), with the PnP pseudo-reader in the list so that
 * readers coming and going wake it too. Changes reach the thread-default
 * main context of whoever called myna_reader_monitor_start().
 *
 * The thread is in myna-reader-monitor-worker.c. It shares only a
 * MynaReaderWorker with the object, so that dropping the last reference
 * to the monitor stops the thread without a reference cycle.
 *
 * A MynaCardSource: the card manager follows it, as it follows the demo
 * card's MynaVirtualReader.
 */
struct _MynaReaderMonitor
{
  GObject           parent_instance;

  MynaReaderWorker *worker;
  guint             refresh_id;
  guint             refresh_attempts;
  GThread          *thread;
  GPtrArray        *readers;
  char             *preferred_reader;
  MynaReaderState   state;
};

static void card_source_iface_init (MynaCardSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MynaReaderMonitor, myna_reader_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MYNA_TYPE_CARD_SOURCE, card_source_iface_init))

enum {
  PROP_0,
  PROP_STATE,
  PROP_PREFERRED_READER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
apply_state (MynaReaderMonitor *self,
             gboolean           service_available,
             GPtrArray         *readers)
{
  MynaReaderState state;
  gboolean readers_changed;

  readers_changed = !_myna_readers_equal (self->readers, readers);
  if (readers_changed)
    {
      g_clear_pointer (&self->readers, g_ptr_array_unref);
      self->readers = readers != NULL ? g_ptr_array_ref (readers) : NULL;
    }

  if (!service_available)
    state = MYNA_READER_STATE_SERVICE_UNAVAILABLE;
  else
    state = myna_reader_state_compute (self->readers, self->preferred_reader, NULL);

  if (state != self->state)
    {
      g_debug ("Reader state: %s", myna_reader_state_to_string (state));
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  else if (!readers_changed)
    {
      return;
    }

  myna_card_source_emit_changed (MYNA_CARD_SOURCE (self));
}

/**
 * _myna_reader_monitor_update:
 * @self: a #MynaReaderMonitor
 * @worker: the worker that saw it
 * @service_available: whether pcscd answered
 * @readers: (nullable): the readers, when it did
 *
 * On the main context: what the worker thread saw. A worker stopped
 * meanwhile is no longer heard.
 */
void
_myna_reader_monitor_update (MynaReaderMonitor *self,
                             MynaReaderWorker  *worker,
                             gboolean           service_available,
                             GPtrArray         *readers)
{
  if (self->worker == worker)
    apply_state (self, service_available, readers);
}

static void
myna_reader_monitor_dispose (GObject *object)
{
  MynaReaderMonitor *self = (MynaReaderMonitor *)object;

  myna_reader_monitor_stop (self);

  G_OBJECT_CLASS (myna_reader_monitor_parent_class)->dispose (object);
}

static void
myna_reader_monitor_finalize (GObject *object)
{
  MynaReaderMonitor *self = (MynaReaderMonitor *)object;

  g_clear_pointer (&self->readers, g_ptr_array_unref);
  g_clear_pointer (&self->preferred_reader, g_free);

  G_OBJECT_CLASS (myna_reader_monitor_parent_class)->finalize (object);
}

static void
myna_reader_monitor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MynaReaderMonitor *self = MYNA_READER_MONITOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PREFERRED_READER:
      g_value_set_string (value, self->preferred_reader);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_reader_monitor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MynaReaderMonitor *self = MYNA_READER_MONITOR (object);

  switch (prop_id)
    {
    case PROP_PREFERRED_READER:
      myna_reader_monitor_set_preferred_reader (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_reader_monitor_class_init (MynaReaderMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = myna_reader_monitor_dispose;
  object_class->finalize = myna_reader_monitor_finalize;
  object_class->get_property = myna_reader_monitor_get_property;
  object_class->set_property = myna_reader_monitor_set_property;

  /**
   * MynaReaderMonitor:state:
   *
   * The #MynaReaderState the readers are in.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       MYNA_TYPE_READER_STATE,
                       MYNA_READER_STATE_STARTING,
                       (G_PARAM_READABLE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /**
   * MynaReaderMonitor:preferred-reader:
   *
   * The reader the user picked when several hold a card.
   */
  properties[PROP_PREFERRED_READER] =
    g_param_spec_string ("preferred-reader", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
myna_reader_monitor_init (MynaReaderMonitor *self)
{
  self->state = MYNA_READER_STATE_STARTING;
}

MynaReaderMonitor *
myna_reader_monitor_new (void)
{
  return g_object_new (MYNA_TYPE_READER_MONITOR, NULL);
}

/**
 * myna_reader_monitor_start:
 * @self: a #MynaReaderMonitor
 *
 * Starts the worker thread. Updates arrive on the thread-default main
 * context of the caller.
 */
void
myna_reader_monitor_start (MynaReaderMonitor *self)
{
  MynaReaderWorker *worker;

  g_return_if_fail (MYNA_IS_READER_MONITOR (self));

  if (self->thread != NULL)
    return;

  worker = _myna_reader_worker_new (self);
  self->worker = worker;
  self->thread = g_thread_new ("mynacheck-readers", _myna_reader_worker_thread,
                               _myna_reader_worker_ref (worker));
}

/**
 * myna_reader_monitor_stop:
 * @self: a #MynaReaderMonitor
 *
 * Stops the worker thread and waits for it: SCardCancel() wakes it from
 * SCardGetStatusChange().
 */
void
myna_reader_monitor_stop (MynaReaderMonitor *self)
{
  MynaReaderWorker *worker;

  g_return_if_fail (MYNA_IS_READER_MONITOR (self));

  if (self->thread == NULL)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  worker = self->worker;

  g_mutex_lock (&worker->mutex);
  worker->stopping = TRUE;
  g_cond_broadcast (&worker->cond);
  while (!worker->exited)
    {
      /* A cancel sent just before the worker enters SCardGetStatusChange()
       * is lost, so keep sending until it has left. */
      if (worker->has_context)
        SCardCancel (worker->context);
      g_cond_wait_until (&worker->cond, &worker->mutex,
                         g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND);
    }
  g_mutex_unlock (&worker->mutex);

  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->worker, _myna_reader_worker_unref);
}

static gboolean
resend_refresh (gpointer data)
{
  MynaReaderMonitor *self = data;
  MynaReaderWorker *worker = self->worker;
  gboolean pending;

  if (worker == NULL)
    {
      self->refresh_id = 0;
      return G_SOURCE_REMOVE;
    }

  g_mutex_lock (&worker->mutex);
  pending = worker->refresh && !worker->exited;
  if (pending && worker->has_context)
    SCardCancel (worker->context);
  g_mutex_unlock (&worker->mutex);

  if (!pending || ++self->refresh_attempts >= 40)
    {
      self->refresh_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * myna_reader_monitor_refresh:
 * @self: a #MynaReaderMonitor
 *
 * Takes a fresh look at every reader. pcscd reports insertions, removals
 * and readers coming and going by itself, but not another program taking
 * or releasing the card: call this to learn whether the card is still in
 * use.
 */
void
myna_reader_monitor_refresh (MynaReaderMonitor *self)
{
  MynaReaderWorker *worker;

  g_return_if_fail (MYNA_IS_READER_MONITOR (self));

  worker = self->worker;
  if (worker == NULL)
    return;

  g_mutex_lock (&worker->mutex);
  worker->refresh = TRUE;
  if (worker->has_context)
    SCardCancel (worker->context);
  g_mutex_unlock (&worker->mutex);

  /* A cancel sent just before the worker blocks is lost: send it again
   * until the worker has taken the request. */
  self->refresh_attempts = 0;
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (50, resend_refresh, self);
}

MynaReaderState
myna_reader_monitor_get_state (MynaReaderMonitor *self)
{
  g_return_val_if_fail (MYNA_IS_READER_MONITOR (self), MYNA_READER_STATE_STARTING);

  return self->state;
}

/**
 * myna_reader_monitor_get_readers:
 * @self: a #MynaReaderMonitor
 *
 * Returns: (transfer none) (element-type MynaReaderInfo) (nullable): the
 *   readers last seen, or %NULL while the service is unavailable
 */
GPtrArray *
myna_reader_monitor_get_readers (MynaReaderMonitor *self)
{
  g_return_val_if_fail (MYNA_IS_READER_MONITOR (self), NULL);

  if (self->state == MYNA_READER_STATE_SERVICE_UNAVAILABLE)
    return NULL;

  return self->readers;
}

static const MynaReaderInfo *
find_card_reader (MynaReaderMonitor *self)
{
  const MynaReaderInfo *reader = NULL;

  if (self->readers == NULL || self->state == MYNA_READER_STATE_SERVICE_UNAVAILABLE)
    return NULL;

  myna_reader_state_compute (self->readers, self->preferred_reader, &reader);

  return reader;
}

/**
 * myna_reader_monitor_get_card_reader:
 * @self: a #MynaReaderMonitor
 *
 * Returns: (nullable): the reader holding the one card to read
 */
const char *
myna_reader_monitor_get_card_reader (MynaReaderMonitor *self)
{
  const MynaReaderInfo *reader;

  g_return_val_if_fail (MYNA_IS_READER_MONITOR (self), NULL);

  reader = find_card_reader (self);

  return reader != NULL ? reader->name : NULL;
}

/**
 * myna_reader_monitor_get_card_event_count:
 * @self: a #MynaReaderMonitor
 *
 * Returns: a number that changes whenever the card in the card reader is
 *   removed or inserted, so that a quick swap is not missed
 */
guint
myna_reader_monitor_get_card_event_count (MynaReaderMonitor *self)
{
  const MynaReaderInfo *reader;

  g_return_val_if_fail (MYNA_IS_READER_MONITOR (self), 0);

  reader = find_card_reader (self);

  return reader != NULL ? reader->event_count : 0;
}

void
myna_reader_monitor_set_preferred_reader (MynaReaderMonitor *self,
                                          const char        *reader_name)
{
  g_return_if_fail (MYNA_IS_READER_MONITOR (self));

  if (g_strcmp0 (self->preferred_reader, reader_name) == 0)
    return;

  g_free (self->preferred_reader);
  self->preferred_reader = g_strdup (reader_name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_READER]);

  if (self->state != MYNA_READER_STATE_STARTING &&
      self->state != MYNA_READER_STATE_SERVICE_UNAVAILABLE)
    apply_state (self, TRUE, self->readers);
}

/* Runs in a worker thread: no state of the monitor is needed. */
static MynaTransport *
reader_monitor_open_transport (MynaCardSource  *source,
                               const char      *reader_name,
                               gboolean         exclusive,
                               GError         **error)
{
  return MYNA_TRANSPORT (myna_pcsc_transport_new (reader_name, exclusive, error));
}

/* Runs in a worker thread: the self-test asks pcscd afresh. */
static GPtrArray *
reader_monitor_run_self_test (MynaCardSource *source,
                              const char     *preferred_reader)
{
  return myna_self_test_run_pcsc (preferred_reader);
}

static void
reader_monitor_start (MynaCardSource *source)
{
  myna_reader_monitor_start (MYNA_READER_MONITOR (source));
}

static void
reader_monitor_stop (MynaCardSource *source)
{
  myna_reader_monitor_stop (MYNA_READER_MONITOR (source));
}

static void
reader_monitor_refresh (MynaCardSource *source)
{
  myna_reader_monitor_refresh (MYNA_READER_MONITOR (source));
}

static MynaReaderState
reader_monitor_get_state (MynaCardSource *source)
{
  return myna_reader_monitor_get_state (MYNA_READER_MONITOR (source));
}

static GPtrArray *
reader_monitor_get_readers (MynaCardSource *source)
{
  return myna_reader_monitor_get_readers (MYNA_READER_MONITOR (source));
}

static const char *
reader_monitor_get_card_reader (MynaCardSource *source)
{
  return myna_reader_monitor_get_card_reader (MYNA_READER_MONITOR (source));
}

static guint
reader_monitor_get_card_event_count (MynaCardSource *source)
{
  return myna_reader_monitor_get_card_event_count (MYNA_READER_MONITOR (source));
}

static void
reader_monitor_set_preferred_reader (MynaCardSource *source,
                                     const char     *reader_name)
{
  myna_reader_monitor_set_preferred_reader (MYNA_READER_MONITOR (source), reader_name);
}

static void
card_source_iface_init (MynaCardSourceInterface *iface)
{
  iface->start = reader_monitor_start;
  iface->stop = reader_monitor_stop;
  iface->refresh = reader_monitor_refresh;
  iface->get_state = reader_monitor_get_state;
  iface->get_readers = reader_monitor_get_readers;
  iface->get_card_reader = reader_monitor_get_card_reader;
  iface->get_card_event_count = reader_monitor_get_card_event_count;
  iface->set_preferred_reader = reader_monitor_set_preferred_reader;
  iface->open_transport = reader_monitor_open_transport;
  iface->run_self_test = reader_monitor_run_self_test;
}
