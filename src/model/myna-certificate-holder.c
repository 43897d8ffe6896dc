/* myna-certificate-holder.c
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
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>

#include "myna-certificate-private.h"

/*
 * The holder of a signing certificate, from its JPKI otherNames (reference
 * §5.4): name, address, birth date and sex. Personal data: it is read only
 * when asked for, and wiped when freed.
 */

/* JPKI otherName type ids (reference §5.4). */
#define OID_JPKI_NAME               "1.2.392.200149.8.5.5.1"
#define OID_JPKI_NAME_SUBSTITUTE    "1.2.392.200149.8.5.5.2"
#define OID_JPKI_SEX                "1.2.392.200149.8.5.5.3"
#define OID_JPKI_BIRTH_DATE         "1.2.392.200149.8.5.5.4"
#define OID_JPKI_ADDRESS            "1.2.392.200149.8.5.5.5"
#define OID_JPKI_ADDRESS_SUBSTITUTE "1.2.392.200149.8.5.5.6"
#define OID_JPKI_PREFIX             "1.2.392.200149.8.5.5."

static GENERAL_NAMES *
get_alt_names (X509      *x509,
               gboolean  *malformed)
{
  GENERAL_NAMES *names;
  int critical = 0;

  ERR_set_mark ();
  names = X509_get_ext_d2i (x509, NID_subject_alt_name, &critical, NULL);
  ERR_pop_to_mark ();
  /* No extension gives -1; a damaged one gives NULL with the extension
   * present, and two of them give -2. */
  *malformed = names == NULL && critical != -1;

  return names;
}

static gboolean
other_name_oid (const GENERAL_NAME *name,
                char               *oid,
                gsize               oid_size)
{
  if (name->type != GEN_OTHERNAME || name->d.otherName == NULL)
    return FALSE;

  return OBJ_obj2txt (oid, oid_size, name->d.otherName->type_id, 1) > 0;
}

/**
 * myna_certificate_has_holder:
 * @self: a #MynaCertificate
 *
 * Returns: %TRUE if the certificate carries JPKI holder attributes, as a
 *   signing certificate does
 */
gboolean
myna_certificate_has_holder (MynaCertificate *self)
{
  GENERAL_NAMES *names;
  gboolean malformed;
  gboolean found = FALSE;

  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), FALSE);

  names = get_alt_names (_myna_certificate_get_x509 (self), &malformed);
  if (malformed)
    return TRUE; /* let myna_certificate_get_holder() report it */

  for (int i = 0; names != NULL && i < sk_GENERAL_NAME_num (names) && !found; i++)
    {
      char oid[80];

      if (other_name_oid (sk_GENERAL_NAME_value (names, i), oid, sizeof oid))
        found = g_str_has_prefix (oid, OID_JPKI_PREFIX);
    }

  GENERAL_NAMES_free (names);

  return found;
}

static void
wipe_string (char **string)
{
  if (*string != NULL)
    explicit_bzero (*string, strlen (*string));
  g_clear_pointer (string, g_free);
}

void
myna_holder_free (MynaHolder *holder)
{
  if (holder == NULL)
    return;

  /* Personal data: wipe before freeing. */
  wipe_string (&holder->name);
  wipe_string (&holder->name_substitute);
  wipe_string (&holder->sex);
  wipe_string (&holder->birth_date_raw);
  wipe_string (&holder->address);
  wipe_string (&holder->address_substitute);
  explicit_bzero (holder, sizeof *holder);
  g_free (holder);
}

static gboolean
parse_birth_date (const char *raw,
                  GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);

  /* Era digit, then the Gregorian date (reference §5.4). */
  if (strlen (raw) != 9)
    return FALSE;
  for (guint i = 0; i < 9; i++)
    {
      if (!g_ascii_isdigit (raw[i]))
        return FALSE;
    }
  if (raw[0] < '1' || raw[0] > '5')
    return FALSE;

  year = (raw[1] - '0') * 1000 + (raw[2] - '0') * 100 + (raw[3] - '0') * 10 + (raw[4] - '0');
  month = (raw[5] - '0') * 10 + (raw[6] - '0');
  day = (raw[7] - '0') * 10 + (raw[8] - '0');

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

static char *
other_name_value (const GENERAL_NAME  *name,
                  const char          *oid,
                  GError             **error)
{
  const ASN1_TYPE *value = name->d.otherName->value;
  const ASN1_STRING *string;
  const char *data;
  int length;

  if (value == NULL ||
      (value->type != V_ASN1_UTF8STRING && value->type != V_ASN1_PRINTABLESTRING &&
       value->type != V_ASN1_IA5STRING))
    {
      g_set_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER, "%s (%s)",
                   _("A holder attribute of the signing certificate is not text."), oid);
      return NULL;
    }

  string = value->value.asn1_string;
  data = (const char *) ASN1_STRING_get0_data (string);
  length = ASN1_STRING_length (string);

  if (length < 0 || memchr (data, '\0', length) != NULL ||
      !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER, "%s (%s)",
                   _("A holder attribute of the signing certificate is not valid UTF-8 text."), oid);
      return NULL;
    }

  return g_strndup (data, length);
}

/**
 * myna_certificate_get_holder:
 * @self: a #MynaCertificate
 * @error: return location for a #GError
 *
 * Reads the holder's name, address, birth date and sex from the JPKI
 * otherNames of a signing certificate.
 *
 * Returns: (transfer full) (nullable): the holder, wiped when freed; %NULL
 *   with @error set when the attributes are missing or malformed
 */
MynaHolder *
myna_certificate_get_holder (MynaCertificate  *self,
                             GError          **error)
{
  static const struct { const char *oid; gsize offset; } fields[] = {
    { OID_JPKI_NAME,               G_STRUCT_OFFSET (MynaHolder, name) },
    { OID_JPKI_NAME_SUBSTITUTE,    G_STRUCT_OFFSET (MynaHolder, name_substitute) },
    { OID_JPKI_SEX,                G_STRUCT_OFFSET (MynaHolder, sex) },
    { OID_JPKI_BIRTH_DATE,         G_STRUCT_OFFSET (MynaHolder, birth_date_raw) },
    { OID_JPKI_ADDRESS,            G_STRUCT_OFFSET (MynaHolder, address) },
    { OID_JPKI_ADDRESS_SUBSTITUTE, G_STRUCT_OFFSET (MynaHolder, address_substitute) },
  };
  g_autoptr(MynaHolder) holder = g_new0 (MynaHolder, 1);
  GENERAL_NAMES *names;
  gboolean malformed;

  g_return_val_if_fail (MYNA_IS_CERTIFICATE (self), NULL);

  g_date_clear (&holder->birth_date, 1);

  names = get_alt_names (_myna_certificate_get_x509 (self), &malformed);
  if (names == NULL)
    {
      g_set_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER,
                   malformed ? _("The holder attributes of the signing certificate are damaged.")
                             : _("This certificate carries no holder attributes."));
      return NULL;
    }

  for (int i = 0; i < sk_GENERAL_NAME_num (names); i++)
    {
      const GENERAL_NAME *name = sk_GENERAL_NAME_value (names, i);
      char oid[80];

      if (!other_name_oid (name, oid, sizeof oid))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          char **slot = G_STRUCT_MEMBER_P (holder, fields[j].offset);

          if (!g_str_equal (oid, fields[j].oid))
            continue;

          if (*slot != NULL)
            {
              GENERAL_NAMES_free (names);
              g_set_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER, "%s (%s)",
                           _("A holder attribute appears twice in the signing certificate."), oid);
              return NULL;
            }

          *slot = other_name_value (name, oid, error);
          if (*slot == NULL)
            {
              GENERAL_NAMES_free (names);
              return NULL;
            }
        }
    }

  GENERAL_NAMES_free (names);

  if (holder->name == NULL || holder->sex == NULL ||
      holder->birth_date_raw == NULL || holder->address == NULL)
    {
      g_set_error (error, MYNA_CERTIFICATE_ERROR, MYNA_CERTIFICATE_ERROR_INVALID_HOLDER,
                   _("The signing certificate lacks some of the name, address, birth date and sex."));
      return NULL;
    }

  if (!parse_birth_date (holder->birth_date_raw, &holder->birth_date))
    g_debug ("Birth date in the signing certificate does not parse");

  return g_steal_pointer (&holder);
}
