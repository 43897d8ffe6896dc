/* myna-certificate.h
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

G_BEGIN_DECLS

#define MYNA_TYPE_CERTIFICATE (myna_certificate_get_type ())
#define MYNA_CERTIFICATE_ERROR (myna_certificate_error_quark ())

G_DECLARE_FINAL_TYPE (MynaCertificate, myna_certificate, MYNA, CERTIFICATE, GObject)

typedef enum
{
  MYNA_CERTIFICATE_ERROR_INVALID,        /* not a DER X.509 certificate */
  MYNA_CERTIFICATE_ERROR_INVALID_HOLDER, /* the JPKI otherNames are malformed */
} MynaCertificateError;

/* What the chain check found (issue #2 §3). */
typedef enum
{
  MYNA_CHAIN_NOT_CHECKED,
  MYNA_CHAIN_GENUINE_ROOT,  /* signed by a CA whose fingerprint is a J-LIS root */
  MYNA_CHAIN_UNKNOWN_ROOT,  /* the signature verifies, but the CA is not a J-LIS root we know */
  MYNA_CHAIN_BAD_SIGNATURE, /* the CA read from the card did not sign it */
} MynaChainResult;

typedef enum
{
  MYNA_JLIS_HIERARCHY_AUTH,
  MYNA_JLIS_HIERARCHY_SIGN,
} MynaJlisHierarchy;

typedef struct
{
  MynaJlisHierarchy  hierarchy;
  guint              generation;
  const char        *sha256;   /* upper-case hex, no separators */
  const char        *source;
} MynaJlisRoot;

/* The six JPKI otherNames of a signing certificate (reference §5.4). */
typedef struct
{
  char  *name;
  char  *name_substitute;
  char  *sex;
  char  *birth_date_raw;     /* era digit + YYYYMMDD */
  GDate  birth_date;         /* invalid if the raw value does not parse */
  char  *address;
  char  *address_substitute;
} MynaHolder;

GQuark              myna_certificate_error_quark      (void);

MynaCertificate    *myna_certificate_new_from_der     (GBytes           *der,
                                                       GError          **error);
GBytes             *myna_certificate_get_der          (MynaCertificate  *self);
const char         *myna_certificate_get_subject      (MynaCertificate  *self);
const char         *myna_certificate_get_issuer       (MynaCertificate  *self);
const char         *myna_certificate_get_common_name  (MynaCertificate  *self);
const char         *myna_certificate_get_serial       (MynaCertificate  *self);
GDateTime          *myna_certificate_get_not_before   (MynaCertificate  *self);
GDateTime          *myna_certificate_get_not_after    (MynaCertificate  *self);
const char         *myna_certificate_get_sha256       (MynaCertificate  *self);
const char         *myna_certificate_get_key_algorithm (MynaCertificate *self);
guint               myna_certificate_get_key_bits     (MynaCertificate  *self);
const char * const *myna_certificate_get_key_usage    (MynaCertificate  *self);
const char         *myna_certificate_get_signature_algorithm (MynaCertificate *self);
gboolean            myna_certificate_is_self_signed   (MynaCertificate  *self);
gboolean            myna_certificate_has_holder       (MynaCertificate  *self);
MynaHolder         *myna_certificate_get_holder       (MynaCertificate  *self,
                                                       GError          **error);
MynaChainResult     myna_certificate_verify_chain     (MynaCertificate  *self,
                                                       MynaCertificate  *ca);

const char         *myna_chain_result_to_string       (MynaChainResult   result);
const char         *myna_chain_result_describe        (MynaChainResult   result);
const MynaJlisRoot *myna_jlis_root_lookup             (const char       *sha256);
const MynaJlisRoot *myna_jlis_roots_get               (guint            *n_roots);

void                myna_holder_free                  (MynaHolder       *holder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MynaHolder, myna_holder_free)

G_END_DECLS
