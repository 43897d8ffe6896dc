/* myna-virtual-reader.h
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
#include "myna-virtual-card.h"

G_BEGIN_DECLS

#define MYNA_TYPE_VIRTUAL_READER (myna_virtual_reader_get_type ())

G_DECLARE_FINAL_TYPE (MynaVirtualReader, myna_virtual_reader, MYNA, VIRTUAL_READER, GObject)

MynaVirtualReader *myna_virtual_reader_new          (const char        *scenario,
                                                     GError           **error);
MynaVirtualCard   *myna_virtual_reader_get_card     (MynaVirtualReader *self);
gboolean           myna_virtual_reader_get_inserted (MynaVirtualReader *self);
void               myna_virtual_reader_set_inserted (MynaVirtualReader *self,
                                                     gboolean           inserted);
void               myna_virtual_reader_set_latency  (MynaVirtualReader *self,
                                                     guint              latency_ms);

G_END_DECLS
