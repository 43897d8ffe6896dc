/* myna-lifecycle.h
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

G_BEGIN_DECLS

#define MYNA_LIFECYCLE_ERROR (myna_lifecycle_error_quark ())

typedef enum
{
  MYNA_LIFECYCLE_ERROR_INVALID_DATES,
} MynaLifecycleError;

/* Where a certificate stands today. "Within validity period", never
 * "valid": a signing certificate is revoked when the holder's name,
 * address, sex or birth date changes, and nothing on the card says so. */
typedef enum
{
  MYNA_CERT_STATE_NOT_YET_VALID,
  MYNA_CERT_STATE_WITHIN_VALIDITY,
  MYNA_CERT_STATE_RENEWAL_OPEN,
  MYNA_CERT_STATE_EXPIRED,
} MynaCertState;

typedef struct
{
  MynaCertState state;
  int           days_left;          /* JST calendar days to the last day; 0 on it, negative after */
  GDate         first_day;          /* the first day of validity, in JST */
  GDate         last_day;           /* the last day of validity, in JST */
  gboolean      renewable;          /* FALSE for an old juki card's certificates */
  GDate         renewal_opens_on;   /* the first day renewal is accepted; cleared when not renewable */
  GDate         notice_expected_on; /* about when J-LIS mails the expiry notice */
} MynaCertLifecycle;

typedef enum
{
  MYNA_RESIDENCE_JAPANESE,
  MYNA_RESIDENCE_PERMANENT_RESIDENT, /* 永住者 or 特別永住者: the Japanese rules */
  MYNA_RESIDENCE_FOREIGN_RESIDENT,   /* any other status of residence */
} MynaResidence;

typedef struct
{
  GDate         birth_date;
  GDate         issue_date;         /* when the card and its certificates were issued */
  GDate         applied_on;         /* when J-LIS accepted the application, if known; zero or cleared if not */
  MynaResidence residence;
  GDate         stay_ends_on;       /* the end of the period of stay, foreign residents only */
} MynaExpiryInput;

typedef struct
{
  guint    age_at_issue;
  gboolean signing_certificate_issued; /* from 15 (adult wards excepted) */
  GDate    card_expires_on;
  /* Valid only when the date of application is not known and matters:
   * the card's expiry had it been applied for before 2022-04-01. */
  GDate    card_expires_on_if_applied_before_2022;
  GDate    card_renewal_opens_on;
  GDate    certificate_expires_on;
  GDate    certificate_renewal_opens_on;
  GDate    renewed_certificate_expires_on; /* if renewed on the first day of the window */
} MynaExpiryResult;

GQuark      myna_lifecycle_error_quark      (void);

void        myna_renewal_opens_on           (const GDate       *last_day,
                                             GDate             *opens_on);
void        myna_cert_lifecycle_compute     (GDateTime         *not_before,
                                             GDateTime         *not_after,
                                             GDateTime         *now,
                                             MynaCertLifecycle *lifecycle);
void        myna_cert_lifecycle_make_unrenewable (MynaCertLifecycle *lifecycle);
const char *myna_cert_state_to_string       (MynaCertState      state);
const char *myna_cert_state_get_label       (MynaCertState      state);

guint       myna_age_on                     (const GDate       *birth_date,
                                             const GDate       *date);
void        myna_nth_birthday_after         (const GDate       *birth_date,
                                             const GDate       *date,
                                             guint              n,
                                             GDate             *birthday);
void        myna_certificate_expiry_after_renewal (const GDate *birth_date,
                                                   const GDate *renewed_on,
                                                   const GDate *old_expiry,
                                                   const GDate *card_expiry,
                                                   GDate       *expires_on);
gboolean    myna_expiry_calculate           (const MynaExpiryInput *input,
                                             MynaExpiryResult      *result,
                                             GError               **error);
void        myna_date_from_date_time        (GDateTime         *date_time,
                                             GDate             *date);

G_END_DECLS
