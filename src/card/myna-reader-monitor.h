/* myna-reader-monitor.h
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

#include "myna-card-source.h"
#include "myna-card-types.h"
#include "myna-pcsc.h"

G_BEGIN_DECLS

#define MYNA_TYPE_READER_MONITOR (myna_reader_monitor_get_type ())

G_DECLARE_FINAL_TYPE (MynaReaderMonitor, myna_reader_monitor, MYNA, READER_MONITOR, GObject)

MynaReaderMonitor *myna_reader_monitor_new                  (void);
void               myna_reader_monitor_start                (MynaReaderMonitor *self);
void               myna_reader_monitor_stop                 (MynaReaderMonitor *self);
void               myna_reader_monitor_refresh              (MynaReaderMonitor *self);
MynaReaderState    myna_reader_monitor_get_state            (MynaReaderMonitor *self);
GPtrArray         *myna_reader_monitor_get_readers          (MynaReaderMonitor *self);
const char        *myna_reader_monitor_get_card_reader      (MynaReaderMonitor *self);
guint              myna_reader_monitor_get_card_event_count (MynaReaderMonitor *self);
void               myna_reader_monitor_set_preferred_reader (MynaReaderMonitor *self,
                                                             const char        *reader_name);

G_END_DECLS
