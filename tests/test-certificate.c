/* test-certificate.c
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

#include "config.h"

#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include "myna-certificate.h"
#include "myna-clock.h"
#include "myna-test-utils.h"
#include "myna-virtual-card.h"

static MynaVirtualCard *card;

static MynaCertificate *
card_certificate (MynaCertId id)
{
  g_autoptr(GError) error = NULL;
  MynaCertificate *cert;

  cert = myna_certificate_new_from_der (myna_virtual_card_get_certificate (card, id), &error);
  g_assert_no_error (error);

  return cert;
}

static void
test_certificate_fields (void)
{
  g_autoptr(MynaCertificate) auth = card_certificate (MYNA_CERT_AUTH);
  g_autoptr(MynaCertificate) sign = card_certificate (MYNA_CERT_SIGN);
  g_autoptr(MynaCertificate) ca = card_certificate (MYNA_CERT_AUTH_CA);
  GBytes *der = myna_certificate_get_der (auth);
  GDateTime *not_after = myna_certificate_get_not_after (auth);
  const char * const *usage;
  g_autofree char *expected_sha = NULL;

  /* Reference §5.3: the auth subject is C and an opaque CN only. */
  g_assert_true (g_str_has_prefix (myna_certificate_get_subject (auth), "C=JP, CN="));
  g_assert_null (strstr (myna_certificate_get_subject (auth), "L="));
  g_assert_cmpuint (strlen (myna_certificate_get_common_name (auth)), ==, 23);
  g_assert_cmpstr (myna_certificate_get_issuer (auth), ==,
                   "C=JP, O=JPKI, OU=JPKI for user authentication, "
                   "OU=Japan Agency for Local Authority Information Systems");
  /* Reference §5.4: the signing subject carries two localities. */
  g_assert_nonnull (strstr (myna_certificate_get_subject (sign), "L=Tokyo-to, L=Mihon-shi, CN="));

  /* Reference §5.2: RSA-2048, sha256WithRSAEncryption. */
  g_assert_cmpstr (myna_certificate_get_key_algorithm (auth), ==, "RSA");
  g_assert_cmpuint (myna_certificate_get_key_bits (auth), ==, 2048);
  g_assert_cmpstr (myna_certificate_get_signature_algorithm (auth), ==, "sha256WithRSAEncryption");
  usage = myna_certificate_get_key_usage (auth);
  g_assert_cmpstrv (usage, ((const char *[]) { "digitalSignature", NULL }));
  usage = myna_certificate_get_key_usage (sign);
  g_assert_cmpstrv (usage, ((const char *[]) { "digitalSignature", "nonRepudiation", NULL }));
  usage = myna_certificate_get_key_usage (ca);
  g_assert_cmpstrv (usage, ((const char *[]) { "keyCertSign", "cRLSign", NULL }));

  /* Serial in hex. */
  g_assert_cmpuint (strlen (myna_certificate_get_serial (auth)), ==, 8);
  for (const char *p = myna_certificate_get_serial (auth); *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_islower (*p));

  /* The fingerprint is the SHA-256 of the DER, colon-separated. */
  expected_sha = myna_test_sha256_colons (g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  g_assert_cmpstr (myna_certificate_get_sha256 (auth), ==, expected_sha);

  /* Reference §5.2: ends at 23:59:59 JST, whatever TZ the machine has. */
  g_assert_cmpint (g_date_time_get_utc_offset (not_after), ==, 9 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (not_after), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (not_after), ==, 59);
  g_assert_cmpint (g_date_time_get_second (not_after), ==, 59);

  g_assert_false (myna_certificate_is_self_signed (auth));
  g_assert_true (myna_certificate_is_self_signed (ca));
  g_assert_false (myna_certificate_has_holder (auth));
  g_assert_true (myna_certificate_has_holder (sign));
}

static void
test_certificate_holder (void)
{
  g_autoptr(MynaCertificate) sign = card_certificate (MYNA_CERT_SIGN);
  g_autoptr(MynaCertificate) auth = card_certificate (MYNA_CERT_AUTH);
  g_autoptr(MynaHolder) holder = NULL;
  g_autoptr(MynaHolder) none = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *not_after = myna_certificate_get_not_after (sign);

  holder = myna_certificate_get_holder (sign, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holder->name, ==, "見本\u3000花子");
  g_assert_cmpstr (holder->name_substitute, ==, "");
  g_assert_cmpstr (holder->sex, ==, "2");
  g_assert_cmpstr (holder->address, ==, "東京都見本市見本町一丁目2番3号");
  g_assert_cmpstr (holder->address_substitute, ==, "");
  /* Era digit + Gregorian YYYYMMDD (reference §5.4). */
  g_assert_cmpuint (strlen (holder->birth_date_raw), ==, 9);
  g_assert_true (g_date_valid (&holder->birth_date));
  /* The demo holder was born on the day the certificate ends. */
  g_assert_cmpint (g_date_get_month (&holder->birth_date), ==, g_date_time_get_month (not_after));
  g_assert_cmpint (g_date_get_day (&holder->birth_date), ==, g_date_time_get_day_of_month (not_after));

  none = myna_certificate_get_holder (auth, &error);
  g_assert_null (none);
  g_assert_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER);
}

static void
test_certificate_chain (void)
{
  g_autoptr(MynaCertificate) auth = card_certificate (MYNA_CERT_AUTH);
  g_autoptr(MynaCertificate) auth_ca = card_certificate (MYNA_CERT_AUTH_CA);
  g_autoptr(MynaCertificate) sign = card_certificate (MYNA_CERT_SIGN);
  g_autoptr(MynaCertificate) sign_ca = card_certificate (MYNA_CERT_SIGN_CA);

  /* The demo CA has the J-LIS name but not a J-LIS key. */
  g_assert_cmpint (myna_certificate_verify_chain (auth, auth_ca), ==, MYNA_CHAIN_UNKNOWN_ROOT);
  g_assert_cmpint (myna_certificate_verify_chain (sign, sign_ca), ==, MYNA_CHAIN_UNKNOWN_ROOT);
  g_assert_cmpint (myna_certificate_verify_chain (auth_ca, auth_ca), ==, MYNA_CHAIN_UNKNOWN_ROOT);
  /* Signed by another key: the signature does not verify. */
  g_assert_cmpint (myna_certificate_verify_chain (auth, sign_ca), ==, MYNA_CHAIN_BAD_SIGNATURE);
  g_assert_cmpint (myna_certificate_verify_chain (auth, auth), ==, MYNA_CHAIN_BAD_SIGNATURE);
  g_assert_cmpint (myna_certificate_verify_chain (auth, NULL), ==, MYNA_CHAIN_NOT_CHECKED);

  for (MynaChainResult r = MYNA_CHAIN_NOT_CHECKED; r <= MYNA_CHAIN_BAD_SIGNATURE; r++)
    {
      g_assert_nonnull (myna_chain_result_to_string (r));
      g_assert_nonnull (myna_chain_result_describe (r));
    }
  g_assert_cmpstr (myna_chain_result_to_string (MYNA_CHAIN_GENUINE_ROOT), ==, "genuine-jlis-root");
}

static GBytes *
pem_file_to_der (const char *path)
{
  BIO *bio = BIO_new_file (path, "r");
  X509 *x509;
  unsigned char *der = NULL;
  int length;
  GBytes *bytes;

  g_assert_nonnull (bio);
  x509 = PEM_read_bio_X509 (bio, NULL, NULL, NULL);
  BIO_free (bio);
  g_assert_nonnull (x509);
  length = i2d_X509 (x509, &der);
  g_assert_cmpint (length, >, 0);
  bytes = g_bytes_new (der, length);
  OPENSSL_free (der);
  X509_free (x509);

  return bytes;
}

static void
test_certificate_genuine_roots (void)
{
  const struct { const char *file; MynaJlisHierarchy hierarchy; guint generation; gsize size; } roots[] = {
    /* DER sizes: reference §4.3. */
    { "auth_ca_2015.pem", MYNA_JLIS_HIERARCHY_AUTH, 1, 1316 },
    { "auth_ca_2023.pem", MYNA_JLIS_HIERARCHY_AUTH, 3, 1319 },
    { "sign_ca_2015.pem", MYNA_JLIS_HIERARCHY_SIGN, 1, 1301 },
    { "sign_ca_2023.pem", MYNA_JLIS_HIERARCHY_SIGN, 3, 1304 },
  };
  const char *dir = g_getenv ("MYNACHECK_JPKI_ROOTS");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The J-LIS roots are not here: ../shared/reference/jpki-roots/ is absent");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_autofree char *path = g_build_filename (dir, roots[i].file, NULL);
      g_autoptr(GBytes) der = pem_file_to_der (path);
      g_autoptr(MynaCertificate) root = NULL;
      g_autoptr(MynaCertificate) demo = card_certificate (roots[i].hierarchy == MYNA_JLIS_HIERARCHY_AUTH
                                                           ? MYNA_CERT_AUTH : MYNA_CERT_SIGN);
      g_autoptr(GError) error = NULL;
      const MynaJlisRoot *found;

      g_test_message ("%s", roots[i].file);
      g_assert_cmpuint (g_bytes_get_size (der), ==, roots[i].size);
      root = myna_certificate_new_from_der (der, &error);
      g_assert_no_error (error);

      found = myna_jlis_root_lookup (myna_certificate_get_sha256 (root));
      g_assert_nonnull (found);
      g_assert_cmpint (found->hierarchy, ==, roots[i].hierarchy);
      g_assert_cmpuint (found->generation, ==, roots[i].generation);

      g_assert_true (myna_certificate_is_self_signed (root));
      g_assert_cmpint (myna_certificate_verify_chain (root, root), ==, MYNA_CHAIN_GENUINE_ROOT);
      /* A certificate the genuine root did not sign, even with its name. */
      g_assert_cmpint (myna_certificate_verify_chain (demo, root), ==, MYNA_CHAIN_BAD_SIGNATURE);
      g_assert_cmpstr (myna_certificate_get_subject (root), ==,
                       myna_certificate_get_issuer (demo));
    }
}

static void
test_certificate_roots_table (void)
{
  guint n = 0;
  const MynaJlisRoot *roots = myna_jlis_roots_get (&n);

  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *lower = g_ascii_strdown (roots[i].sha256, -1);

      g_assert_cmpuint (strlen (roots[i].sha256), ==, 64);
      g_assert_true (myna_jlis_root_lookup (lower) == &roots[i]);
      g_assert_nonnull (roots[i].source);
    }
  g_assert_null (myna_jlis_root_lookup ("00"));
}

static void
test_certificate_bad_der (void)
{
  GBytes *good = myna_virtual_card_get_certificate (card, MYNA_CERT_AUTH);
  gsize size = g_bytes_get_size (good);
  const guint8 *data = g_bytes_get_data (good, NULL);
  g_autoptr(GBytes) truncated = g_bytes_new (data, size - 10);
  g_autoptr(GBytes) header_only = g_bytes_new (data, 4);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a certificate", 17);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GByteArray) trailing = g_byte_array_new ();
  g_autoptr(GBytes) with_trailing = NULL;
  GBytes *cases[5];

  g_byte_array_append (trailing, data, size);
  g_byte_array_append (trailing, (const guint8 *) "\0\0", 2);
  with_trailing = g_bytes_new (trailing->data, trailing->len);

  cases[0] = truncated;
  cases[1] = header_only;
  cases[2] = garbage;
  cases[3] = empty;
  cases[4] = with_trailing;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MynaCertificate) cert = myna_certificate_new_from_der (cases[i], &error);

      g_assert_null (cert);
      g_assert_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID);
    }
}

/* A certificate with the JPKI otherNames given as raw bytes, to feed the
 * parser what a broken card might hold. */
static GBytes *
make_certificate_with_names (const char * const *oids,
                             const char * const *values,
                             const gsize        *lengths,
                             guint               n)
{
  EVP_PKEY *key = EVP_RSA_gen (1024);
  X509 *x509 = X509_new ();
  GENERAL_NAMES *names = sk_GENERAL_NAME_new_null ();
  unsigned char *der = NULL;
  int length;
  GBytes *bytes;

  X509_set_version (x509, X509_VERSION_3);
  ASN1_INTEGER_set (X509_get_serialNumber (x509), 1);
  X509_NAME_add_entry_by_txt (X509_get_subject_name (x509), "CN", MBSTRING_ASC,
                              (const unsigned char *) "test", -1, -1, 0);
  X509_set_issuer_name (x509, X509_get_subject_name (x509));
  X509_gmtime_adj (X509_getm_notBefore (x509), 0);
  X509_gmtime_adj (X509_getm_notAfter (x509), 3600);
  X509_set_pubkey (x509, key);

  for (guint i = 0; i < n; i++)
    {
      GENERAL_NAME *name = GENERAL_NAME_new ();
      ASN1_UTF8STRING *string = ASN1_UTF8STRING_new ();
      ASN1_TYPE *value = ASN1_TYPE_new ();

      ASN1_STRING_set (string, values[i], lengths[i]);
      ASN1_TYPE_set (value, V_ASN1_UTF8STRING, string);
      GENERAL_NAME_set0_othername (name, OBJ_txt2obj (oids[i], 1), value);
      sk_GENERAL_NAME_push (names, name);
    }
  X509_add1_ext_i2d (x509, NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT);
  GENERAL_NAMES_free (names);
  X509_sign (x509, key, EVP_sha256 ());

  length = i2d_X509 (x509, &der);
  bytes = g_bytes_new (der, length);
  OPENSSL_free (der);
  X509_free (x509);
  EVP_PKEY_free (key);

  return bytes;
}

static void
test_certificate_bad_holder (void)
{
  const char *oids[] = {
    "1.2.392.200149.8.5.5.1", "1.2.392.200149.8.5.5.3",
    "1.2.392.200149.8.5.5.4", "1.2.392.200149.8.5.5.5",
  };
  const char *good[] = { "見本 太郎", "1", "319700101", "東京都" };
  const char *not_utf8[] = { "\xff\xfe\x41", "1", "319700101", "東京都" };
  const char *embedded_nul[] = { "見本", "1", "319700101", "東京都\0港区" };
  const char *bad_date[] = { "見本 太郎", "1", "9197013AB", "東京都" };
  gsize good_lengths[] = { strlen (good[0]), 1, 9, strlen (good[3]) };
  gsize nul_lengths[] = { strlen ("見本"), 1, 9, strlen ("東京都") + 1 + strlen ("港区") };
  struct { const char **values; gsize *lengths; guint n; gboolean ok; } cases[] = {
    { good, good_lengths, 4, TRUE },
    { not_utf8, (gsize[]) { 3, 1, 9, strlen (good[3]) }, 4, FALSE },
    { embedded_nul, nul_lengths, 4, FALSE },
    { good, good_lengths, 3, FALSE },            /* no address */
    { bad_date, good_lengths, 4, TRUE },         /* kept raw, date invalid */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) der = make_certificate_with_names (oids, cases[i].values, cases[i].lengths,
                                                           cases[i].n);
      g_autoptr(MynaCertificate) cert = NULL;
      g_autoptr(MynaHolder) holder = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      cert = myna_certificate_new_from_der (der, &error);
      g_assert_no_error (error);
      g_assert_true (myna_certificate_has_holder (cert));

      holder = myna_certificate_get_holder (cert, &error);
      if (!cases[i].ok)
        {
          g_assert_null (holder);
          g_assert_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (holder->name, ==, cases[i].values[0]);
      if (i == 0)
        {
          g_assert_true (g_date_valid (&holder->birth_date));
          g_assert_cmpint (g_date_get_year (&holder->birth_date), ==, 1970);
        }
      else
        {
          g_assert_false (g_date_valid (&holder->birth_date));
          g_assert_cmpstr (holder->birth_date_raw, ==, "9197013AB");
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* Dates must come out in JST whatever the machine's zone. */
  g_setenv ("TZ", "America/Los_Angeles", TRUE);

  g_test_init (&argc, &argv, NULL);

  card = myna_virtual_card_new ("valid", &error);
  g_assert_no_error (error);

  g_test_add_func ("/certificate/fields", test_certificate_fields);
  g_test_add_func ("/certificate/holder", test_certificate_holder);
  g_test_add_func ("/certificate/chain", test_certificate_chain);
  g_test_add_func ("/certificate/genuine-roots", test_certificate_genuine_roots);
  g_test_add_func ("/certificate/roots-table", test_certificate_roots_table);
  g_test_add_func ("/certificate/bad-der", test_certificate_bad_der);
  g_test_add_func ("/certificate/bad-holder", test_certificate_bad_holder);

  ret = g_test_run ();
  g_clear_object (&card);

  return ret;
}
