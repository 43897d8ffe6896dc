/* myna-guidance.h
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

#include "myna-card-report.h"
#include "myna-guide.h"
#include "myna-lifecycle.h"

G_BEGIN_DECLS

/* Why a guide applies to this card. The codes are stable: they appear in
 * the JSON of --status. */
typedef enum
{
  MYNA_GUIDANCE_JUKI_CARD,
  MYNA_GUIDANCE_PIN_BLOCKED,
  MYNA_GUIDANCE_PIN_LAST_TRY,
  MYNA_GUIDANCE_CERTIFICATE_EXPIRED,
  MYNA_GUIDANCE_RENEWAL_OPEN,
  MYNA_GUIDANCE_CARD_EXPIRES,
  MYNA_GUIDANCE_CARD_MAY_EXPIRE,
  MYNA_GUIDANCE_NO_SIGNING_CERTIFICATE,
  MYNA_GUIDANCE_ALWAYS,
} MynaGuidanceReason;

typedef struct
{
  MynaGuidanceReason  reason;
  char               *guide_id;
  char               *text;      /* translated when the guidance was made */
  gboolean            has_pin;
  MynaPinId           pin;       /* for PIN reasons */
  gboolean            has_certificate;
  MynaCertId          certificate;
} MynaGuidance;

/* How a PIN can be reset, from the "reset-pin" guide. The municipal
 * office resets every PIN. */
typedef struct
{
  gboolean  convenience_store;                 /* open to this card */
  gboolean  convenience_store_has_requirement;
  MynaPinId convenience_store_requires;        /* a PIN that must still work */
  gboolean  convenience_store_ruled_out;       /* the route exists, but that PIN is locked or absent */
} MynaResetRoute;

GPtrArray  *myna_guidance_for_report          (MynaCardReport     *report,
                                               GDateTime          *now);
const char *myna_guidance_reason_to_string    (MynaGuidanceReason  reason);
void        myna_guidance_free                (MynaGuidance       *guidance);
void        myna_reset_route_for_pin          (MynaPinId           pin,
                                               MynaCardStatus     *card,
                                               MynaResetRoute     *route);
char       *myna_reset_route_describe         (MynaPinId           pin,
                                               MynaCardStatus     *card);
gboolean    myna_card_report_get_lifecycle    (MynaCardReport     *report,
                                               MynaCertId          id,
                                               GDateTime          *now,
                                               MynaCertLifecycle  *lifecycle);
const char *myna_juki_card_text               (void);
const char *myna_expired_certificate_advice   (void);
const char *myna_no_signing_certificate_reason (void);
char       *myna_format_date                  (const GDate        *date);
char       *myna_format_date_time_jst         (GDateTime          *date_time);
gboolean    myna_parse_date                   (const char         *text,
                                               GDate              *date);

G_END_DECLS
