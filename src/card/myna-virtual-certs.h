/* myna-virtual-certs.h
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
#include <openssl/evp.h>

G_BEGIN_DECLS

/* What goes into the certificates of one virtual card. Dates are in JST. */
typedef struct
{
  GDateTime  *not_before;
  GDateTime  *not_after;     /* the end date; the time is set to 23:59:59 JST */
  gboolean    with_auth;
  gboolean    with_sign;
  const char *name;          /* 氏名 */
  const char *sex;           /* 性別, one digit */
  const char *birth_date;    /* 生年月日, era digit + YYYYMMDD */
  const char *address;       /* 住所 */
  const char *prefecture;    /* romanised, for the signing certificate's subject */
  const char *municipality;
} MynaVirtualCertSpec;

typedef struct
{
  GBytes   *auth_ca;
  GBytes   *sign_ca;
  GBytes   *auth;      /* NULL without with_auth */
  GBytes   *sign;      /* NULL without with_sign */
  EVP_PKEY *auth_key;  /* borrowed from a per-process cache */
  EVP_PKEY *sign_key;
} MynaVirtualCerts;

gboolean _myna_virtual_certs_generate (const MynaVirtualCertSpec *spec,
                                       MynaVirtualCerts          *certs,
                                       GError                   **error);
void     _myna_virtual_certs_clear    (MynaVirtualCerts          *certs);

G_END_DECLS
