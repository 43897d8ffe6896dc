/* myna-self-test.h
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

#include <glib.h>

#include "myna-virtual-card.h"

G_BEGIN_DECLS

typedef enum
{
  MYNA_CHECK_OK,
  MYNA_CHECK_WARNING,
  MYNA_CHECK_FAILED,
  MYNA_CHECK_SKIPPED,
} MynaCheckResult;

/* One step of the PC/SC self-test, for the diagnostics page. */
typedef struct
{
  char            *id;      /* "service", "readers", "card", "atr", "connection", "jpki" */
  char            *title;   /* translated */
  MynaCheckResult  result;
  char            *detail;  /* translated, may hold reader names (see redaction) */
  char            *report_detail; /* the same in English, for the report */
} MynaCheck;

GPtrArray  *myna_self_test_run_pcsc         (const char      *preferred_reader);
GPtrArray  *myna_self_test_run_virtual      (MynaVirtualCard *card,
                                             gboolean         inserted);
void        myna_check_free                 (MynaCheck       *check);
const char *myna_check_result_to_string     (MynaCheckResult  result);

G_END_DECLS
