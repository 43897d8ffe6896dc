/* myna-virtual-certs.c
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

#define G_LOG_DOMAIN "mynacheck-virtual"

#include "config.h"

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include "myna-card-error.h"
#include "myna-clock.h"
#include "myna-virtual-certs.h"

/*
 * Certificates shaped like those of a real card (reference §5): a
 * self-signed CA per hierarchy with the J-LIS subject name, an
 * authentication certificate whose subject is only C and an opaque CN, and
 * a signing certificate with the six JPKI otherNames. They are made at run
 * time with dates relative to today, so the demo never goes stale. The CA
 * is a dummy: its key is not J-LIS's, and the chain check says so.
 */

typedef enum
{
  KEY_AUTH_CA,
  KEY_SIGN_CA,
  KEY_AUTH,
  KEY_SIGN,
  N_KEYS
} KeyId;

static EVP_PKEY *
get_key (KeyId id)
{
  /* RSA-2048 like the card (reference §5.2). Generating four keys takes a
   * moment, so one set serves every virtual card of the process. */
  static EVP_PKEY *keys[N_KEYS];
  static GMutex mutex;
  EVP_PKEY *key;

  g_mutex_lock (&mutex);
  if (keys[id] == NULL)
    keys[id] = EVP_RSA_gen (2048);
  key = keys[id];
  g_mutex_unlock (&mutex);

  return key;
}

static gboolean
set_openssl_error (GError     **error,
                   const char  *what)
{
  unsigned long code = ERR_get_error ();
  char buffer[256] = "";

  if (code != 0)
    ERR_error_string_n (code, buffer, sizeof buffer);
  ERR_clear_error ();

  g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_FAILED,
               "Making the virtual card's certificates failed: %s: %s", what, buffer);
  return FALSE;
}

static X509_NAME *
ca_name (gboolean sign)
{
  X509_NAME *name = X509_NAME_new ();

  X509_NAME_add_entry_by_txt (name, "C", V_ASN1_PRINTABLESTRING, (const guchar *) "JP", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "O", V_ASN1_UTF8STRING, (const guchar *) "JPKI", -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "OU", V_ASN1_UTF8STRING,
                              (const guchar *) (sign ? "JPKI for digital signature"
                                                     : "JPKI for user authentication"),
                              -1, -1, 0);
  X509_NAME_add_entry_by_txt (name, "OU", V_ASN1_UTF8STRING,
                              (const guchar *) "Japan Agency for Local Authority Information Systems",
                              -1, -1, 0);

  return name;
}

static gboolean
add_extension (X509        *cert,
               X509V3_CTX  *ctx,
               int          nid,
               const char  *value)
{
  X509_EXTENSION *extension = X509V3_EXT_conf_nid (NULL, ctx, nid, value);
  gboolean ok;

  if (extension == NULL)
    return FALSE;

  ok = X509_add_ext (cert, extension, -1) == 1;
  X509_EXTENSION_free (extension);

  return ok;
}

static void
set_random_serial (X509 *cert)
{
  guint8 bytes[4];
  BIGNUM *bn;

  RAND_bytes (bytes, sizeof bytes);
  bytes[0] &= 0x7f; /* positive */
  bytes[0] |= 0x01; /* and four bytes long, as on the cards */
  bn = BN_bin2bn (bytes, sizeof bytes, NULL);
  BN_to_ASN1_INTEGER (bn, X509_get_serialNumber (cert));
  BN_free (bn);
}

static GBytes *
encode (X509 *cert)
{
  unsigned char *der = NULL;
  int length = i2d_X509 (cert, &der);
  GBytes *bytes;

  if (length <= 0)
    return NULL;

  bytes = g_bytes_new (der, length);
  OPENSSL_free (der);

  return bytes;
}

static X509 *
new_certificate (X509_NAME *subject,
                 X509_NAME *issuer,
                 EVP_PKEY  *key,
                 GDateTime *not_before,
                 GDateTime *not_after)
{
  X509 *cert = X509_new ();

  X509_set_version (cert, X509_VERSION_3);
  set_random_serial (cert);
  X509_set_subject_name (cert, subject);
  X509_set_issuer_name (cert, issuer);
  ASN1_TIME_set (X509_getm_notBefore (cert), g_date_time_to_unix (not_before));
  ASN1_TIME_set (X509_getm_notAfter (cert), g_date_time_to_unix (not_after));
  X509_set_pubkey (cert, key);

  return cert;
}

static X509 *
make_ca (gboolean  sign,
         GError  **error)
{
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GDateTime) not_before = g_date_time_add_years (now, -3);
  g_autoptr(GDateTime) not_after = g_date_time_add_years (now, 7);
  EVP_PKEY *key = get_key (sign ? KEY_SIGN_CA : KEY_AUTH_CA);
  X509_NAME *name;
  X509 *cert;
  X509V3_CTX ctx;

  if (key == NULL)
    {
      set_openssl_error (error, "EVP_RSA_gen");
      return NULL;
    }

  name = ca_name (sign);
  cert = new_certificate (name, name, key, not_before, not_after);
  X509_NAME_free (name);

  X509V3_set_ctx (&ctx, cert, cert, NULL, NULL, 0);
  if (!add_extension (cert, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign") ||
      !add_extension (cert, &ctx, NID_basic_constraints, "critical,CA:TRUE") ||
      !add_extension (cert, &ctx, NID_subject_key_identifier, "hash") ||
      X509_sign (cert, key, EVP_sha256 ()) == 0)
    {
      X509_free (cert);
      set_openssl_error (error, "CA certificate");
      return NULL;
    }

  return cert;
}

static gboolean
add_other_name (GENERAL_NAMES *names,
                const char    *oid,
                const char    *value)
{
  GENERAL_NAME *name = GENERAL_NAME_new ();
  ASN1_OBJECT *type_id = OBJ_txt2obj (oid, 1);
  ASN1_UTF8STRING *string = ASN1_UTF8STRING_new ();
  ASN1_TYPE *wrapped = ASN1_TYPE_new ();

  ASN1_STRING_set (string, value, -1);
  ASN1_TYPE_set (wrapped, V_ASN1_UTF8STRING, string);

  if (!GENERAL_NAME_set0_othername (name, type_id, wrapped))
    {
      GENERAL_NAME_free (name);
      return FALSE;
    }

  return sk_GENERAL_NAME_push (names, name) > 0;
}

static char *
opaque_id (guint length)
{
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  guint8 random[32];
  GString *str = g_string_sized_new (length);

  g_assert (length <= sizeof random);

  RAND_bytes (random, length);
  for (guint i = 0; i < length; i++)
    g_string_append_c (str, alphabet[random[i] % (sizeof alphabet - 1)]);

  return g_string_free (str, FALSE);
}

/* Reference §5.3 and §5.4: the authentication certificate's subject is an
 * opaque identifier and nothing personal; the signing certificate's names
 * the prefecture and municipality, with a CN of request time, sequence
 * number and office code. */
static X509_NAME *
end_entity_subject (const MynaVirtualCertSpec *spec,
                    gboolean                   sign)
{
  X509_NAME *subject = X509_NAME_new ();
  g_autofree char *cn = NULL;

  X509_NAME_add_entry_by_txt (subject, "C", V_ASN1_PRINTABLESTRING, (const guchar *) "JP", -1, -1, 0);
  if (sign)
    {
      g_autofree char *stamp = g_date_time_format (spec->not_before, "%Y%m%d%H%M%S");
      g_autofree char *office = opaque_id (9);

      cn = g_strdup_printf ("%s%05d%s", stamp, g_random_int_range (1, 99999), office);
      X509_NAME_add_entry_by_txt (subject, "L", V_ASN1_UTF8STRING,
                                  (const guchar *) spec->prefecture, -1, -1, 0);
      X509_NAME_add_entry_by_txt (subject, "L", V_ASN1_UTF8STRING,
                                  (const guchar *) spec->municipality, -1, -1, 0);
    }
  else
    {
      cn = opaque_id (23);
    }
  X509_NAME_add_entry_by_txt (subject, "CN", V_ASN1_UTF8STRING, (const guchar *) cn, -1, -1, 0);

  return subject;
}

/* Reference §5.4: the holder in otherNames 1.2.392.200149.8.5.5.1–.6. */
static gboolean
add_holder (X509                      *cert,
            const MynaVirtualCertSpec *spec)
{
  GENERAL_NAMES *names = sk_GENERAL_NAME_new_null ();
  gboolean ok;

  ok = add_other_name (names, "1.2.392.200149.8.5.5.1", spec->name) &&
       add_other_name (names, "1.2.392.200149.8.5.5.2", "") &&
       add_other_name (names, "1.2.392.200149.8.5.5.3", spec->sex) &&
       add_other_name (names, "1.2.392.200149.8.5.5.4", spec->birth_date) &&
       add_other_name (names, "1.2.392.200149.8.5.5.5", spec->address) &&
       add_other_name (names, "1.2.392.200149.8.5.5.6", "") &&
       X509_add1_ext_i2d (cert, NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT) == 1;
  GENERAL_NAMES_free (names);

  return ok;
}

static X509 *
make_end_entity (const MynaVirtualCertSpec  *spec,
                 gboolean                    sign,
                 X509                       *ca,
                 GError                    **error)
{
  g_autoptr(GDateTime) not_after = NULL;
  EVP_PKEY *key = get_key (sign ? KEY_SIGN : KEY_AUTH);
  EVP_PKEY *ca_key = get_key (sign ? KEY_SIGN_CA : KEY_AUTH_CA);
  X509_NAME *subject;
  X509 *cert;
  X509V3_CTX ctx;
  gboolean ok;

  if (key == NULL || ca_key == NULL)
    {
      set_openssl_error (error, "EVP_RSA_gen");
      return NULL;
    }

  /* A JPKI certificate ends at 23:59:59 JST of its last day (reference §5.2). */
  not_after = myna_clock_date_jst (g_date_time_get_year (spec->not_after),
                                   g_date_time_get_month (spec->not_after),
                                   g_date_time_get_day_of_month (spec->not_after),
                                   23, 59, 59);

  subject = end_entity_subject (spec, sign);
  cert = new_certificate (subject, X509_get_subject_name (ca), key, spec->not_before, not_after);
  X509_NAME_free (subject);

  X509V3_set_ctx (&ctx, ca, cert, NULL, NULL, 0);
  ok = add_extension (cert, &ctx, NID_key_usage,
                      sign ? "critical,digitalSignature,nonRepudiation"
                           : "critical,digitalSignature") &&
       add_extension (cert, &ctx, NID_authority_key_identifier, "keyid:always") &&
       add_extension (cert, &ctx, NID_subject_key_identifier, "hash");
  if (ok && sign)
    ok = add_holder (cert, spec);

  if (!ok || X509_sign (cert, ca_key, EVP_sha256 ()) == 0)
    {
      X509_free (cert);
      set_openssl_error (error, sign ? "signing certificate" : "authentication certificate");
      return NULL;
    }

  return cert;
}

/**
 * _myna_virtual_certs_generate:
 * @spec: what to put in the certificates
 * @certs: (out caller-allocates): the certificates
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; clear @certs with _myna_virtual_certs_clear()
 */
gboolean
_myna_virtual_certs_generate (const MynaVirtualCertSpec  *spec,
                              MynaVirtualCerts           *certs,
                              GError                    **error)
{
  X509 *auth_ca = NULL;
  X509 *sign_ca = NULL;
  gboolean ok = FALSE;

  memset (certs, 0, sizeof *certs);

  auth_ca = make_ca (FALSE, error);
  if (auth_ca == NULL)
    goto out;
  sign_ca = make_ca (TRUE, error);
  if (sign_ca == NULL)
    goto out;

  certs->auth_ca = encode (auth_ca);
  certs->sign_ca = encode (sign_ca);
  certs->auth_key = get_key (KEY_AUTH);
  certs->sign_key = get_key (KEY_SIGN);

  if (spec->with_auth)
    {
      X509 *auth = make_end_entity (spec, FALSE, auth_ca, error);

      if (auth == NULL)
        goto out;
      certs->auth = encode (auth);
      X509_free (auth);
    }

  if (spec->with_sign)
    {
      X509 *sign = make_end_entity (spec, TRUE, sign_ca, error);

      if (sign == NULL)
        goto out;
      certs->sign = encode (sign);
      X509_free (sign);
    }

  ok = TRUE;

out:
  X509_free (auth_ca);
  X509_free (sign_ca);
  if (!ok)
    _myna_virtual_certs_clear (certs);

  return ok;
}

void
_myna_virtual_certs_clear (MynaVirtualCerts *certs)
{
  g_clear_pointer (&certs->auth_ca, g_bytes_unref);
  g_clear_pointer (&certs->sign_ca, g_bytes_unref);
  g_clear_pointer (&certs->auth, g_bytes_unref);
  g_clear_pointer (&certs->sign, g_bytes_unref);
  certs->auth_key = NULL;
  certs->sign_key = NULL;
}
