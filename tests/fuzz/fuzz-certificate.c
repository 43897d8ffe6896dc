/* fuzz-certificate.c
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

#include "myna-certificate.h"

/*
 * libFuzzer: any bytes as a certificate read from a card. The parser, the
 * JPKI otherNames of a signing certificate and the chain check must refuse
 * what is wrong with an error, never crash, hang or leak.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) der = g_bytes_new (data, size);
  g_autoptr(MynaCertificate) certificate = NULL;
  g_autoptr(MynaHolder) holder = NULL;
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  certificate = myna_certificate_new_from_der (der, &error);
  if (certificate == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  (void) myna_certificate_get_subject (certificate);
  (void) myna_certificate_get_issuer (certificate);
  (void) myna_certificate_get_common_name (certificate);
  (void) myna_certificate_get_serial (certificate);
  (void) myna_certificate_get_not_before (certificate);
  (void) myna_certificate_get_not_after (certificate);
  (void) myna_certificate_get_sha256 (certificate);
  (void) myna_certificate_get_key_algorithm (certificate);
  (void) myna_certificate_get_key_bits (certificate);
  (void) myna_certificate_get_key_usage (certificate);
  (void) myna_certificate_get_signature_algorithm (certificate);
  (void) myna_certificate_is_self_signed (certificate);
  (void) myna_certificate_verify_chain (certificate, certificate);

  if (myna_certificate_has_holder (certificate))
    {
      holder = myna_certificate_get_holder (certificate, &error);
      g_assert_true (holder != NULL || error != NULL);
      if (holder != NULL)
        {
          g_assert_true (holder->name == NULL || g_utf8_validate (holder->name, -1, NULL));
          g_assert_true (holder->address == NULL || g_utf8_validate (holder->address, -1, NULL));
        }
    }

  return 0;
}
