/* myna-reader-monitor-worker.c
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

#include "myna-pcsc-private.h"
#include "myna-reader-monitor-private.h"

/* While pcscd is away there is nothing to block on, so the worker looks
 * again at this interval. It is the only polling the monitor does. */
#define SERVICE_RETRY_MS 1000

/*
 * The reader monitor's thread: it blocks in SCardGetStatusChange(), with
 * the PnP pseudo-reader in the list so that readers coming and going wake
 * it too, and hands what it sees to the main context.
 */
/* What the thread saw, on its way to the main context. */
typedef struct
{
  MynaReaderWorker *worker;
  gboolean          service_available;
  GPtrArray        *readers;
} Update;

/**
 * _myna_reader_worker_new:
 * @monitor: the monitor to tell, on the caller's thread-default main context
 *
 * Returns: (transfer full): a worker for _myna_reader_worker_thread()
 */
MynaReaderWorker *
_myna_reader_worker_new (MynaReaderMonitor *monitor)
{
  MynaReaderWorker *worker = g_new0 (MynaReaderWorker, 1);

  g_atomic_ref_count_init (&worker->ref_count);
  g_mutex_init (&worker->mutex);
  g_cond_init (&worker->cond);
  g_weak_ref_init (&worker->monitor, monitor);
  worker->main_context = g_main_context_ref_thread_default ();

  return worker;
}

MynaReaderWorker *
_myna_reader_worker_ref (MynaReaderWorker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

void
_myna_reader_worker_unref (MynaReaderWorker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;

  g_weak_ref_clear (&worker->monitor);
  g_main_context_unref (worker->main_context);
  g_mutex_clear (&worker->mutex);
  g_cond_clear (&worker->cond);
  g_free (worker);
}

static void
update_free (gpointer data)
{
  Update *update = data;

  _myna_reader_worker_unref (update->worker);
  g_clear_pointer (&update->readers, g_ptr_array_unref);
  g_free (update);
}

gboolean
_myna_readers_equal (GPtrArray *a,
                     GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!myna_reader_info_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
deliver_update (gpointer data)
{
  Update *update = data;
  g_autoptr(MynaReaderMonitor) monitor = g_weak_ref_get (&update->worker->monitor);

  if (monitor != NULL)
    _myna_reader_monitor_update (monitor, update->worker, update->service_available, update->readers);

  return G_SOURCE_REMOVE;
}

static void
publish (MynaReaderWorker    *worker,
         gboolean   service_available,
         GPtrArray *readers)
{
  Update *update = g_new0 (Update, 1);

  update->worker = _myna_reader_worker_ref (worker);
  update->service_available = service_available;
  if (service_available)
    update->readers = readers != NULL
      ? g_ptr_array_ref (readers)
      : g_ptr_array_new_with_free_func ((GDestroyNotify) myna_reader_info_free);

  g_main_context_invoke_full (worker->main_context, G_PRIORITY_DEFAULT,
                              deliver_update, update, update_free);
}

/* Waits while the service is away; returns FALSE when asked to stop. */
static gboolean
wait_for_retry (MynaReaderWorker *worker)
{
  gint64 end_time = g_get_monotonic_time () + SERVICE_RETRY_MS * G_TIME_SPAN_MILLISECOND;
  gboolean go_on;

  g_mutex_lock (&worker->mutex);
  while (!worker->stopping)
    {
      if (!g_cond_wait_until (&worker->cond, &worker->mutex, end_time))
        break;
    }
  go_on = !worker->stopping;
  g_mutex_unlock (&worker->mutex);

  return go_on;
}

/* pcscd does not wake SCardGetStatusChange() when another program takes
 * or releases the card, only on insertion, removal and readers coming and
 * going; a refresh takes a fresh look. */
static gboolean
take_refresh (MynaReaderWorker *worker)
{
  gboolean refresh;

  g_mutex_lock (&worker->mutex);
  refresh = worker->refresh;
  worker->refresh = FALSE;
  g_mutex_unlock (&worker->mutex);

  return refresh;
}

static gboolean
is_stopping (MynaReaderWorker *worker)
{
  gboolean stopping;

  g_mutex_lock (&worker->mutex);
  stopping = worker->stopping;
  g_mutex_unlock (&worker->mutex);

  return stopping;
}

/* What one wait in SCardGetStatusChange() came to. */
typedef enum
{
  WAIT_GO_ON,   /* the states are fresh: look at them, wait again */
  WAIT_RELIST,  /* the reader list changed, or a refresh: start over */
  WAIT_STOP,    /* asked to stop */
  WAIT_LOST,    /* the service went away */
} WaitResult;

static WaitResult
check_wait (MynaReaderWorker *worker,
            LONG    rv)
{
  if (is_stopping (worker))
    return WAIT_STOP;
  if (rv == SCARD_E_CANCELLED)
    return WAIT_RELIST;

  if (myna_pcsc_is_service_lost (rv))
    {
      g_debug ("PC/SC service lost: %s", pcsc_stringify_error (rv));
      return WAIT_LOST;
    }

  if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE)
    return WAIT_RELIST;

  if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
    {
      g_debug ("SCardGetStatusChange: %s", pcsc_stringify_error (rv));
      return WAIT_LOST;
    }

  return WAIT_GO_ON;
}

/* One state per reader, then the PnP pseudo-reader. */
static SCARD_READERSTATE *
new_reader_states (GPtrArray *names)
{
  SCARD_READERSTATE *states = g_new0 (SCARD_READERSTATE, names->len + 1);
  guint pnp = names->len;

  for (guint i = 0; i < names->len; i++)
    {
      states[i].szReader = g_ptr_array_index (names, i);
      states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
  states[pnp].szReader = MYNA_PCSC_PNP_READER;
  /* pcsc-lite keeps the reader count in the upper 16 bits of the PnP state:
   * any other count wakes us. */
  states[pnp].dwCurrentState = (DWORD) names->len << 16;

  return states;
}

/* Tells the main context when what the readers hold has changed. */
static void
publish_if_changed (MynaReaderWorker             *worker,
                    SCARD_READERSTATE  *states,
                    guint               n_readers,
                    GPtrArray         **last)
{
  g_autoptr(GPtrArray) readers = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_reader_info_free);

  for (guint i = 0; i < n_readers; i++)
    g_ptr_array_add (readers, _myna_reader_info_new_from_state (&states[i]));

  if (_myna_readers_equal (*last, readers))
    return;

  publish (worker, TRUE, readers);
  g_clear_pointer (last, g_ptr_array_unref);
  *last = g_steal_pointer (&readers);
}

/* Whether readers came or went; otherwise the states seen become the
 * ones to wait on. */
static gboolean
reader_list_changed (LONG               rv,
                     SCARD_READERSTATE *states,
                     guint              n_readers)
{
  SCARD_READERSTATE *pnp = &states[n_readers];

  if (rv == SCARD_S_SUCCESS &&
      (pnp->dwEventState & SCARD_STATE_CHANGED) != 0 &&
      pnp->dwEventState >> 16 != n_readers)
    return TRUE;

  for (guint i = 0; i < n_readers; i++)
    {
      if ((states[i].dwEventState & SCARD_STATE_UNKNOWN) != 0)
        return TRUE;
      states[i].dwCurrentState = states[i].dwEventState & ~SCARD_STATE_CHANGED;
    }

  return FALSE;
}

/* Follows the readers of one PC/SC context until the reader list changes
 * (TRUE) or the service goes away or we are stopped (FALSE, with @lost
 * telling which). */
static gboolean
watch_readers (MynaReaderWorker   *worker,
               gboolean *lost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autofree SCARD_READERSTATE *states = NULL;

  *lost = FALSE;

  names = _myna_pcsc_list_reader_names (worker->context, &error);
  if (names == NULL)
    {
      g_debug ("Listing readers failed: %s", error->message);
      *lost = TRUE;
      return FALSE;
    }

  states = new_reader_states (names);

  /* The first look does not wait, so that the state is known at once. */
  for (DWORD timeout = 0; ; timeout = INFINITE)
    {
      LONG rv;

      if (is_stopping (worker))
        return FALSE;
      if (timeout != 0 && take_refresh (worker))
        return TRUE;

      rv = SCardGetStatusChange (worker->context, timeout, states, names->len + 1);

      switch (check_wait (worker, rv))
        {
        case WAIT_STOP:
          return FALSE;
        case WAIT_RELIST:
          return TRUE;
        case WAIT_LOST:
          *lost = TRUE;
          return FALSE;
        case WAIT_GO_ON:
        default:
          break;
        }

      publish_if_changed (worker, states, names->len, &last);

      if (reader_list_changed (rv, states, names->len))
        return TRUE;
    }
}

gpointer
_myna_reader_worker_thread (gpointer data)
{
  MynaReaderWorker *worker = data;
  gboolean announced_unavailable = FALSE;

  while (!is_stopping (worker))
    {
      SCARDCONTEXT context;
      gboolean lost = FALSE;
      LONG rv;

      rv = SCardEstablishContext (SCARD_SCOPE_SYSTEM, NULL, NULL, &context);
      if (rv != SCARD_S_SUCCESS)
        {
          if (!announced_unavailable)
            {
              g_debug ("PC/SC service unavailable: %s", pcsc_stringify_error (rv));
              publish (worker, FALSE, NULL);
              announced_unavailable = TRUE;
            }
          if (!wait_for_retry (worker))
            break;
          continue;
        }

      g_mutex_lock (&worker->mutex);
      worker->context = context;
      worker->has_context = TRUE;
      g_mutex_unlock (&worker->mutex);

      announced_unavailable = FALSE;

      while (watch_readers (worker, &lost))
        ;

      g_mutex_lock (&worker->mutex);
      worker->has_context = FALSE;
      g_mutex_unlock (&worker->mutex);
      SCardReleaseContext (context);

      if (lost && !is_stopping (worker))
        {
          publish (worker, FALSE, NULL);
          announced_unavailable = TRUE;
          if (!wait_for_retry (worker))
            break;
        }
    }

  g_mutex_lock (&worker->mutex);
  worker->exited = TRUE;
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->mutex);

  _myna_reader_worker_unref (worker);

  return NULL;
}
