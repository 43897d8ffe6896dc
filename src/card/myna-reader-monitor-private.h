/* myna-reader-monitor-private.h
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

#include <winscard.h>

#include "myna-reader-monitor.h"

G_BEGIN_DECLS

/* The monitor's two files: myna-reader-monitor.c, the object on the main
 * context, and myna-reader-monitor-worker.c, the thread. They share only
 * a MynaReaderWorker, so that dropping the last reference to the monitor
 * stops the thread without a reference cycle. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GCond            cond;
  GMainContext    *main_context;
  GWeakRef         monitor;
  SCARDCONTEXT     context;
  gboolean         has_context;
  gboolean         stopping;
  gboolean         refresh;
  gboolean         exited;
} MynaReaderWorker;

MynaReaderWorker *_myna_reader_worker_new      (MynaReaderMonitor *monitor);
MynaReaderWorker *_myna_reader_worker_ref      (MynaReaderWorker  *worker);
void              _myna_reader_worker_unref    (MynaReaderWorker  *worker);
gpointer          _myna_reader_worker_thread   (gpointer           worker);
gboolean          _myna_readers_equal          (GPtrArray         *a,
                                                GPtrArray         *b);
void              _myna_reader_monitor_update  (MynaReaderMonitor *self,
                                                MynaReaderWorker  *worker,
                                                gboolean           service_available,
                                                GPtrArray         *readers);

G_END_DECLS
