/* myna-certificate.c
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

#define G_LOG_DOMAIN "mynacheck-model"

#include "config.h"

#include <glib/gi18n.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "myna-certificate-private.h"
#include "myna-clock.h"

/*
 * A certificate read from the card, parsed with OpenSSL. Dates are in JST
 * because a JPKI certificate ends at 23:59:59 JST of its last day
 * (reference §5.2), and that day is what the user must see.
 */
struct _MynaCertificate
{
  GObject    parent_instance;

  GBytes    *der;
  X509      *x509;
  char      *subject;
  char      *issuer;
  char      *common_name;
  char      *serial;
  char      *sha256;
  char      *key_algorithm;
  char      *signature_algorithm;
  GStrv      key_usage;
  GDateTime *not_before;
  GDateTime *not_after;
  guint      key_bits;
};

G_DEFINE_FINAL_TYPE (MynaCertificate, myna_certificate, G_TYPE_OBJECT)
G_DEFINE_QUARK (myna-certificate-error-quark, myna_certificate_error)

/* The genuine J-LIS roots by the SHA-256 of their DER encoding (reference
 * §11; ../shared/reference/jpki-roots/README.md). Every generation of a
 * hierarchy shares one subject name, so only the fingerprint identifies a
 * root. The fingerprint of the generation-2 authentication root
 * (2019-09-14 to 2029-09-14) is not in any source we have, so a card that
 * chains to it reads "signature good, root not known" until it is added. */
static const MynaJlisRoot jlis_roots[] = {
  { MYNA_JLIS_HIERARCHY_AUTH, 1,
    "4DCFC4CA0AAF9FB2A3081B3F0C991C320B3ACC008667A341EEAEC5AF1D58CA7D",
    "jpki/myna src/ta/auth_ca_2015.pem (reference §11)" },
  { MYNA_JLIS_HIERARCHY_AUTH, 3,
    "64114F29620C24ED2631D46476A040E7EE740D956089C00B036A6A8118C322B5",
    "jpki/myna src/ta/auth_ca_2023.pem (reference §11)" },
  { MYNA_JLIS_HIERARCHY_SIGN, 1,
    "19645405A1FE14377434BD55957628AC4038557C542403A2243F21C706FC9355",
    "jpki/myna src/ta/sign_ca_2015.pem (reference §11)" },
  { MYNA_JLIS_HIERARCHY_SIGN, 2,
    "79679C33E4CC9319440F1AD120A597FF1844E2EF217063ADB176966FD5E6FBEB",
    "official J-LIS value quoted in susumutomita/ZeroKeyMate docs/SOURCES.md (reference §11)" },
  { MYNA_JLIS_HIERARCHY_SIGN, 3,
    "D227F6CDE11D35C5252178F106F843D24651944975413B539FA2FB68DBFA365F",
    "jpki/myna src/ta/sign_ca_2023.pem; matches the official J-LIS value (reference §11)" },
};

static char *
name_to_string (const X509_NAME *name)
{
  BIO *bio = BIO_new (BIO_s_mem ());
  char *data = NULL;
  long length = 0;
  char *result;

  if (bio == NULL)
    return g_strdup ("");

  /* One line, in DER order ("C=JP, O=JPKI, …"), UTF-8 kept as is. */
  if (X509_NAME_print_ex (bio, name, 0,
                          XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN |
                          ASN1_STRFLGS_UTF8_CONVERT | ASN1_STRFLGS_ESC_CTRL |
                          ASN1_STRFLGS_ESC_2253) >= 0)
    length = BIO_get_mem_data (bio, &data);

  result = data != NULL && length > 0 ? g_utf8_make_valid (data, length) : g_strdup ("");
  BIO_free (bio);

  return result;
}

static char *
common_name (const X509_NAME *name)
{
  int index = X509_NAME_get_index_by_NID (name, NID_commonName, -1);
  unsigned char *utf8 = NULL;
  int length;
  char *result;

  if (index < 0)
    return NULL;

  length = ASN1_STRING_to_UTF8 (&utf8, X509_NAME_ENTRY_get_data (X509_NAME_get_entry (name, index)));
  if (length < 0)
    return NULL;

  result = g_utf8_make_valid ((const char *) utf8, length);
  OPENSSL_free (utf8);

  return result;
}

static GDateTime *
time_to_jst (const ASN1_TIME *time)
{
  g_autoptr(GDateTime) utc = NULL;
  struct tm tm = { 0 };

  if (time == NULL || ASN1_TIME_to_tm (time, &tm) != 1)
    return NULL;

  utc = g_date_time_new_utc (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                             tm.tm_hour, tm.tm_min, tm.tm_sec);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, myna_clock_get_jst ());
}

static char *
hex_with_colons (const guint8 *data,
                 gsize         length)
{
  GString *str = g_string_sized_new (length * 3);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (str, i == 0 ? "%02X" : ":%02X", data[i]);

  return g_string_free (str, FALSE);
}

static GStrv
key_usage_names (X509 *x509)
{
  static const struct { guint32 bit; const char *name; } usages[] = {
    { KU_DIGITAL_SIGNATURE, "digitalSignature" },
    { KU_NON_REPUDIATION,   "nonRepudiation" },
    { KU_KEY_ENCIPHERMENT,  "keyEncipherment" },
    { KU_DATA_ENCIPHERMENT, "dataEncipherment" },
    { KU_KEY_AGREEMENT,     "keyAgreement" },
    { KU_KEY_CERT_SIGN,     "keyCertSign" },
    { KU_CRL_SIGN,          "cRLSign" },
    { KU_ENCIPHER_ONLY,     "encipherOnly" },
    { KU_DECIPHER_ONLY,     "decipherOnly" },
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint32 bits = X509_get_key_usage (x509);

  if (bits != UINT32_MAX)
    {
      for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
        {
          if ((bits & usages[i].bit) != 0)
            g_strv_builder_add (builder, usages[i].name);
        }
    }

  return g_strv_builder_end (builder);
}

static void
myna_certificate_finalize (GObject *object)
{
  MynaCertificate *self = (MynaCertificate *)object;

  g_clear_pointer (&self->x509, X509_free);
  g_clear_pointer (&self->der, g_bytes_unref);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->common_name, g_free);
  g_clear_pointer (&self->serial, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->key_algorithm, g_free);
  g_clear_pointer (&self->signature_algorithm, g_free);
  g_clear_pointer (&self->key_usage, g_strfreev);
  g_clear_pointer (&self->not_before, g_date_time_unref);
  g_clear_pointer (&self->not_after, g_date_time_unref);

  G_OBJECT_CLASS (myna_certificate_parent_class)->finalize (object);
}

static void
myna_certificate_class_init (MynaCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_certificate_finalize;
}

static void
myna_certificate_init (MynaCertificate *self)
{
}

static gboolean
set_invalid (GError     **error,
             const char  *detail)
{
  g_set_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID, "%s %s",
               _("The certificate on the card is damaged or is not a certificate."), detail);
  return FALSE;
}

/* What the window and the report show, read once from the X.509. */
static gboolean
read_fields (MynaCertificate  *self,
             GError          **error)
{
  guint8 digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  EVP_PKEY *key;
  BIGNUM *serial;
  char *hex;
  int signature_nid;

  self->subject = name_to_string (X509_get_subject_name (self->x509));
  self->issuer = name_to_string (X509_get_issuer_name (self->x509));
  self->common_name = common_name (X509_get_subject_name (self->x509));

  serial = ASN1_INTEGER_to_BN (X509_get0_serialNumber (self->x509), NULL);
  if (serial == NULL)
    {
      set_invalid (error, _("Its serial number cannot be read."));
      return FALSE;
    }
  hex = BN_bn2hex (serial);
  self->serial = g_strdup (hex);
  OPENSSL_free (hex);
  BN_free (serial);

  self->not_before = time_to_jst (X509_get0_notBefore (self->x509));
  self->not_after = time_to_jst (X509_get0_notAfter (self->x509));
  if (self->not_before == NULL || self->not_after == NULL)
    {
      set_invalid (error, _("Its validity dates cannot be read."));
      return FALSE;
    }

  if (X509_digest (self->x509, EVP_sha256 (), digest, &digest_length) != 1)
    {
      set_invalid (error, _("Its fingerprint cannot be computed."));
      return FALSE;
    }
  self->sha256 = hex_with_colons (digest, digest_length);

  key = X509_get0_pubkey (self->x509);
  if (key == NULL)
    {
      set_invalid (error, _("Its public key cannot be read."));
      return FALSE;
    }
  self->key_algorithm = g_strdup (EVP_PKEY_get0_type_name (key) != NULL
                                  ? EVP_PKEY_get0_type_name (key) : "unknown");
  self->key_bits = EVP_PKEY_get_bits (key);
  self->key_usage = key_usage_names (self->x509);

  signature_nid = X509_get_signature_nid (self->x509);
  self->signature_algorithm = g_strdup (signature_nid != NID_undef ? OBJ_nid2ln (signature_nid) : "unknown");

  return TRUE;
}

/**
 * myna_certificate_new_from_der:
 * @der: a DER-encoded X.509 certificate, nothing before or after it
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the certificate, or %NULL with @error set
 */
MynaCertificate *
myna_certificate_new_from_der (GBytes  *der,
                               GError **error)
{
  g_autoptr(MynaCertificate) self = NULL;
  const unsigned char *p;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (der != NULL, NULL);

  data = g_bytes_get_data (der, &size);
  if (size == 0 || size > G_MAXINT)
    {
      set_invalid (error, _("It is empty."));
      return NULL;
    }

  self = g_object_new (MYNA_TYPE_CERTIFICATE, NULL);
  self->der = g_bytes_ref (der);

  /* Leave the caller's OpenSSL errors alone. */
  ERR_set_mark ();

  p = data;
  self->x509 = d2i_X509 (NULL, &p, (long) size);
  if (self->x509 == NULL)
    {
      set_invalid (error, _("It does not decode as an X.509 certificate."));
      goto fail;
    }
  if (p != data + size)
    {
      set_invalid (error, _("Data follows the end of the certificate."));
      goto fail;
    }

  if (!read_fields (self, error))
    goto fail;

  ERR_pop_to_mark ();

  return g_steal_pointer (&self);

fail:
  ERR_pop_to_mark ();
  return NULL;
}

/**
 * myna_certificate_get_der:
 * @self: a #MynaCertificate
 *
 * Returns: (transfer none): the DER encoding
 */
GBytes *
myna_certificate_get_der (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->der;
}

const char *
myna_certificate_get_subject (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->subject;
}

const char *
myna_certificate_get_issuer (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->issuer;
}

/**
 * myna_certificate_get_common_name:
 * @self: a #MynaCertificate
 *
 * Returns: (nullable): the CN of the subject
 */
const char *
myna_certificate_get_common_name (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->common_name;
}

/**
 * myna_certificate_get_serial:
 * @self: a #MynaCertificate
 *
 * Returns: the serial number in upper-case hexadecimal
 */
const char *
myna_certificate_get_serial (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->serial;
}

/**
 * myna_certificate_get_not_before:
 * @self: a #MynaCertificate
 *
 * Returns: (transfer none): the start of validity, in JST
 */
GDateTime *
myna_certificate_get_not_before (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->not_before;
}

/**
 * myna_certificate_get_not_after:
 * @self: a #MynaCertificate
 *
 * Returns: (transfer none): the end of validity, in JST
 */
GDateTime *
myna_certificate_get_not_after (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->not_after;
}

/**
 * myna_certificate_get_sha256:
 * @self: a #MynaCertificate
 *
 * Returns: the SHA-256 fingerprint of the DER, as colon-separated hex
 */
const char *
myna_certificate_get_sha256 (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->sha256;
}

const char *
myna_certificate_get_key_algorithm (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->key_algorithm;
}

guint
myna_certificate_get_key_bits (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), 0);

  return self->key_bits;
}

/**
 * myna_certificate_get_key_usage:
 * @self: a #MynaCertificate
 *
 * Returns: (transfer none): the key usage bits by their RFC 5280 names;
 *   empty when the certificate has no key usage extension
 */
const char * const *
myna_certificate_get_key_usage (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return (const char * const *) self->key_usage;
}

const char *
myna_certificate_get_signature_algorithm (MynaCertificate *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  return self->signature_algorithm;
}

/**
 * myna_certificate_is_self_signed:
 * @self: a #MynaCertificate
 *
 * Returns: %TRUE if the certificate is its own issuer and its signature
 *   verifies with its own key
 */
gboolean
myna_certificate_is_self_signed (MynaCertificate *self)
{
  gboolean self_signed;

  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), FALSE);

  ERR_set_mark ();
  self_signed = X509_self_signed (self->x509, 1) == 1;
  ERR_pop_to_mark ();

  return self_signed;
}

/**
 * myna_certificate_verify_chain:
 * @self: a #MynaCertificate
 * @ca: (nullable): the CA certificate read from the same card
 *
 * Checks that @ca signed @self and whether @ca is a genuine J-LIS root, by
 * its pinned SHA-256 (reference §11). For a CA certificate, pass itself.
 *
 * Returns: the result
 */
MynaChainResult
myna_certificate_verify_chain (MynaCertificate *self,
                               MynaCertificate *ca)
{
  EVP_PKEY *key;
  gboolean signature_ok;

  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), MYNA_CHAIN_NOT_CHECKED);
  g_return_val_if_fail (ca == NULL || MYNA_IS_CERTIFICATE (ca), MYNA_CHAIN_NOT_CHECKED);

  if (ca == NULL)
    return MYNA_CHAIN_NOT_CHECKED;

  ERR_set_mark ();
  key = X509_get0_pubkey (ca->x509);
  signature_ok = key != NULL &&
                 X509_NAME_cmp (X509_get_issuer_name (self->x509),
                                X509_get_subject_name (ca->x509)) == 0 &&
                 X509_verify (self->x509, key) == 1;
  ERR_pop_to_mark ();

  if (!signature_ok)
    return MYNA_CHAIN_BAD_SIGNATURE;

  if (myna_certificate_is_self_signed (ca) && myna_jlis_root_lookup (ca->sha256) != NULL)
    return MYNA_CHAIN_GENUINE_ROOT;

  return MYNA_CHAIN_UNKNOWN_ROOT;
}

const char *
myna_chain_result_to_string (MynaChainResult result)
{
  switch (result)
    {
    case MYNA_CHAIN_NOT_CHECKED:   return "not-checked";
    case MYNA_CHAIN_GENUINE_ROOT:  return "genuine-jlis-root";
    case MYNA_CHAIN_UNKNOWN_ROOT:  return "unknown-root";
    case MYNA_CHAIN_BAD_SIGNATURE: return "bad-signature";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * myna_chain_result_describe:
 * @result: a chain result
 *
 * Returns: (transfer none): a translated sentence for @result
 */
const char *
myna_chain_result_describe (MynaChainResult result)
{
  switch (result)
    {
    case MYNA_CHAIN_NOT_CHECKED:
      return _("Not checked: the issuing CA certificate could not be read from the card.");
    case MYNA_CHAIN_GENUINE_ROOT:
      return _("Issued under a genuine J-LIS root certificate.");
    case MYNA_CHAIN_UNKNOWN_ROOT:
      return _("The signature is correct, but the issuing CA certificate is not one of the J-LIS root certificates MynaCheck knows.");
    case MYNA_CHAIN_BAD_SIGNATURE:
      return _("The signature does not match the issuing CA certificate on the card.");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * myna_jlis_root_lookup:
 * @sha256: a SHA-256 fingerprint in hex, with or without colons
 *
 * Returns: (nullable): the J-LIS root with that fingerprint
 */
const MynaJlisRoot *
myna_jlis_root_lookup (const char *sha256)
{
  g_autoptr(GString) plain = NULL;

  g_return_val_if_fail (sha256 != NULL, NULL);

  plain = g_string_new (NULL);
  for (const char *p = sha256; *p != '\0'; p++)
    {
      if (*p != ':' && *p != ' ')
        g_string_append_c (plain, g_ascii_toupper (*p));
    }

  for (guint i = 0; i < G_N_ELEMENTS (jlis_roots); i++)
    {
      if (g_str_equal (plain->str, jlis_roots[i].sha256))
        return &jlis_roots[i];
    }

  return NULL;
}

/**
 * myna_jlis_roots_get:
 * @n_roots: (out): the number of roots
 *
 * Returns: (array length=n_roots): the pinned J-LIS roots
 */
const MynaJlisRoot *
myna_jlis_roots_get (guint *n_roots)
{
  *n_roots = G_N_ELEMENTS (jlis_roots);

  return jlis_roots;
}

/* For myna-certificate-holder.c. */
X509 *
_myna_certificate_get_x509 (MynaCertificate *self)
{
  return self->x509;
}
