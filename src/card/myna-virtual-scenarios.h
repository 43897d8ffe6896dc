/* myna-virtual-scenarios.h
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

#include "myna-card-types.h"

G_BEGIN_DECLS

/* In MynaVirtualScenario.tries: the card does not have this PIN. */
#define MYNA_VIRTUAL_NO_PIN (-1)

/* One demo card: what the virtual card holds, and its description for
 * --help, the demo menu and the demo banner. */
typedef struct
{
  const char *id;
  const char *description;           /* untranslated; see myna_virtual_scenario_describe() */
  const char *token;                 /* the JPKI token label; NULL: no JPKI application */
  int         tries[MYNA_N_PINS];    /* tries left, or MYNA_VIRTUAL_NO_PIN */
  gboolean    with_auth;             /* the user authentication certificate */
  gboolean    with_sign;             /* the signing certificate */
  gboolean    card_info_application; /* …0003, the card-info input support PIN */
  gboolean    juki_application;      /* …0401 */
  gboolean    common_application;    /* …0100 */
  gboolean    juki_pin_in_common_only; /* …0401 without its PIN EF */
  int         issued_days_ago;       /* the certificates' dates, relative to today… */
  int         expires_in_days;
  int         holder_age;            /* at the certificates' end */
  int         fixed_not_before[3];   /* …or fixed dates (year, month, day), if set */
  int         fixed_not_after[3];
} MynaVirtualScenario;

const MynaVirtualScenario *myna_virtual_scenarios_get       (guint      *n_scenarios);
const MynaVirtualScenario *myna_virtual_scenario_find       (const char *id);
const char                *myna_virtual_scenario_describe   (const char *id);
char                      *myna_virtual_scenarios_list      (void);

G_END_DECLS
