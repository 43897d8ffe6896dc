/* fuzz-apdu.c
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

#include "myna-apdu.h"
#include "myna-card-session.h"
#include "myna-virtual-card.h"

/*
 * libFuzzer: any bytes as a command APDU to the demo card, and as the start
 * of a certificate file. The APDU parser (cases 1-4, short and extended),
 * the demo card's answers to anything, the DER length reader and the trace
 * formatter must refuse what is wrong, never read or write out of bounds.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static MynaVirtualCard *card = NULL;
  static guint8 response[MYNA_APDU_MAX_RESPONSE];
  g_autofree char *command_text = NULL;
  g_autofree char *response_text = NULL;
  g_autoptr(GError) error = NULL;
  MynaApdu apdu;
  gsize total = 0;
  gsize length;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* One card for the whole run, as a demo session would keep it. */
  if (card == NULL)
    card = myna_virtual_card_new ("valid", NULL);

  if (myna_apdu_parse (data, size, &apdu, &error))
    {
      static guint8 encoded[MYNA_APDU_MAX_COMMAND];
      gsize encoded_length = myna_apdu_encode (&apdu, encoded, sizeof encoded, &error);

      /* What parses encodes back to the same bytes. */
      g_assert_no_error (error);
      g_assert_cmpmem (encoded, encoded_length, data, size);
    }
  else
    {
      g_assert_nonnull (error);
    }

  command_text = myna_apdu_format_command (data, size);
  myna_virtual_card_power_on (card);
  length = myna_virtual_card_process (card, data, size, response, sizeof response);
  g_assert_cmpuint (length, >=, 2);
  response_text = myna_apdu_format_response (response, length);

  g_clear_error (&error);
  if (myna_der_get_length (data, size, &total, &error))
    g_assert_cmpuint (total, <=, MYNA_CARD_MAX_FILE_SIZE);

  return 0;
}
