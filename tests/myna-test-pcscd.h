/* myna-test-pcscd.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MYNA_TEST_READER_0 "Virtual PCD 00 00"
#define MYNA_TEST_READER_1 "Virtual PCD 00 01"

typedef struct
{
  GSubprocess *pcscd;
  GSubprocess *cards[2];
  char        *stats[2];
} MynaTestPcscd;

const char *myna_test_pcscd_init        (void);
void        myna_test_pcscd_cleanup     (void);
const char *myna_test_pcscd_skip_reason (void);
const char *myna_test_pcscd_work_dir    (void);
gboolean    myna_test_pcscd_wait_until  (gboolean     (*condition) (gpointer data),
                                         gpointer       data);
void        myna_test_pcscd_start       (MynaTestPcscd *harness,
                                         gboolean       with_vpcd);
void        myna_test_pcscd_stop        (MynaTestPcscd *harness);
void        myna_test_pcscd_insert_card (MynaTestPcscd *harness,
                                         guint          slot,
                                         const char    *scenario,
                                         const char    *extra_argument);
void        myna_test_pcscd_remove_card (MynaTestPcscd *harness,
                                         guint          slot);
JsonObject *myna_test_pcscd_read_stats  (MynaTestPcscd *harness,
                                         guint          slot);
void        myna_test_pcscd_wait_for_stat (MynaTestPcscd *harness,
                                           const char    *key,
                                           gint64         at_least);
void        myna_test_pcscd_stop_all    (MynaTestPcscd *harness);

G_END_DECLS
