/* myna-card-error.c
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

#define G_LOG_DOMAIN "mynacheck-card"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-card-error.h"

G_DEFINE_QUARK (myna-card-error-quark, myna_card_error)
G_DEFINE_QUARK (myna-sw-error-quark, myna_sw_error)

/* What the user is told for each failure the card layer knows, wherever
 * it is found: PC/SC, the virtual card, the card manager, the self-test
 * or the command line. A code without an entry has its message written
 * where it happens, with the details of that place. */
static const char * const card_error_messages[] = {
  [MYNA_CARD_ERROR_NO_SERVICE] =
    N_("The smart card service (pcscd) is not running. Start it with “sudo systemctl enable --now pcscd.socket”."),
  [MYNA_CARD_ERROR_NO_READER] =
    N_("No IC card reader is connected. Plug in a USB IC card reader."),
  [MYNA_CARD_ERROR_UNKNOWN_READER] =
    N_("The IC card reader is no longer connected. Plug it in again."),
  [MYNA_CARD_ERROR_NO_CARD] =
    N_("There is no card in the reader. Insert your My Number card."),
  [MYNA_CARD_ERROR_SEVERAL_CARDS] =
    N_("Several readers hold a card: choose one."),
  [MYNA_CARD_ERROR_SHARING_VIOLATION] =
    N_("Another program is using the card. Close programs that use the card, such as a browser signing extension, and try again."),
  [MYNA_CARD_ERROR_UNRESPONSIVE] =
    N_("The card does not respond. Check that it is inserted the right way round, chip first, or try another reader."),
  [MYNA_CARD_ERROR_REMOVED] =
    N_("The card was removed while it was being read. Insert it again and leave it in the reader until reading is done."),
  [MYNA_CARD_ERROR_RESET] =
    N_("Another program reset the card. Try again."),
  [MYNA_CARD_ERROR_IO] =
    N_("Communication with the card failed. Remove the card and insert it again."),
};

/**
 * myna_card_error_get_message_id:
 * @code: a #MynaCardError
 *
 * For a message that is said twice, in the user's language and in English
 * (the diagnostics report).
 *
 * Returns: (nullable): the untranslated message for @code, or %NULL when
 *   @code has none of its own
 */
const char *
myna_card_error_get_message_id (MynaCardError code)
{
  if ((guint) code >= G_N_ELEMENTS (card_error_messages))
    return NULL;

  return card_error_messages[code];
}

/**
 * myna_card_error_get_message:
 * @code: a #MynaCardError
 *
 * Returns: (nullable): the translated message for @code, or %NULL when
 *   @code has none of its own
 */
const char *
myna_card_error_get_message (MynaCardError code)
{
  const char *msgid = myna_card_error_get_message_id (code);

  return msgid != NULL ? _(msgid) : NULL;
}

/**
 * myna_card_error_set:
 * @error: return location for a #GError
 * @code: a #MynaCardError that has a message of its own
 *
 * Sets @error in the %MYNA_CARD_ERROR domain with the message of @code.
 */
void
myna_card_error_set (GError        **error,
                     MynaCardError   code)
{
  const char *message = myna_card_error_get_message (code);

  g_return_if_fail (message != NULL);

  g_set_error_literal (error, MYNA_CARD_ERROR, code, message);
}

MynaSw
myna_sw_classify (guint16 sw)
{
  guint8 sw1 = sw >> 8;
  guint8 sw2 = sw & 0xff;

  switch (sw1)
    {
    case 0x90:
      return sw2 == 0x00 ? MYNA_SW_SUCCESS : MYNA_SW_UNKNOWN;
    case 0x61:
      return MYNA_SW_MORE_DATA;
    case 0x62:
      return sw2 == 0x82 ? MYNA_SW_END_OF_FILE : MYNA_SW_UNKNOWN;
    case 0x63:
      if (sw2 == 0x00)
        return MYNA_SW_NO_RETRY_LIMIT;
      if ((sw2 & 0xf0) == 0xc0)
        return MYNA_SW_VERIFICATION_FAILED;
      return MYNA_SW_UNKNOWN;
    case 0x65:
      return MYNA_SW_MEMORY_FAILURE;
    case 0x66:
      return MYNA_SW_SECURITY_ENVIRONMENT;
    case 0x67:
      return MYNA_SW_WRONG_LENGTH;
    case 0x68:
      if (sw2 == 0x81)
        return MYNA_SW_CHANNEL_NOT_SUPPORTED;
      if (sw2 == 0x82)
        return MYNA_SW_SECURE_MESSAGING_UNSUPPORTED;
      return MYNA_SW_UNKNOWN;
    case 0x69:
      switch (sw2)
        {
        case 0x81: return MYNA_SW_INCOMPATIBLE_FILE;
        case 0x82: return MYNA_SW_SECURITY_STATUS;
        case 0x83: return MYNA_SW_AUTH_METHOD_BLOCKED;
        case 0x84: return MYNA_SW_REFERENCE_BLOCKED;
        case 0x85: return MYNA_SW_CONDITIONS_NOT_SATISFIED;
        case 0x86: return MYNA_SW_NO_CURRENT_EF;
        case 0x87:
        case 0x88:
        case 0xFC: return MYNA_SW_SECURE_MESSAGING_FAILED;
        default:   return MYNA_SW_UNKNOWN;
        }
    case 0x6A:
      switch (sw2)
        {
        case 0x80: return MYNA_SW_INCORRECT_DATA;
        case 0x82: return MYNA_SW_NOT_FOUND;
        case 0x83: return MYNA_SW_RECORD_NOT_FOUND;
        case 0x86:
        case 0x87: return MYNA_SW_INCORRECT_P1P2;
        case 0x88: return MYNA_SW_DATA_NOT_FOUND;
        default:   return MYNA_SW_UNKNOWN;
        }
    case 0x6B:
      return sw2 == 0x00 ? MYNA_SW_WRONG_OFFSET : MYNA_SW_UNKNOWN;
    case 0x6C:
      return MYNA_SW_WRONG_LE;
    case 0x6D:
      return MYNA_SW_INS_NOT_SUPPORTED;
    case 0x6E:
      return MYNA_SW_CLA_NOT_SUPPORTED;
    case 0x6F:
      return MYNA_SW_NO_DIAGNOSIS;
    default:
      return MYNA_SW_UNKNOWN;
    }
}

/**
 * myna_sw_get_message:
 * @sw: a status word
 *
 * Returns: (transfer none): a translated sentence saying what @sw means on
 *   this card
 */
const char *
myna_sw_get_message (guint16 sw)
{
  switch (myna_sw_classify (sw))
    {
    case MYNA_SW_SUCCESS:
      return _("The card completed the command.");
    case MYNA_SW_MORE_DATA:
      return _("The card has more data to send.");
    case MYNA_SW_END_OF_FILE:
      return _("The card reached the end of the file before the requested length.");
    case MYNA_SW_NO_RETRY_LIMIT:
      return _("The card reports a PIN without a limit on tries.");
    case MYNA_SW_VERIFICATION_FAILED:
      return _("The card rejected the PIN.");
    case MYNA_SW_MEMORY_FAILURE:
      return _("The card reports a memory failure.");
    case MYNA_SW_SECURITY_ENVIRONMENT:
      return _("The card reports a fault in its security environment.");
    case MYNA_SW_WRONG_LENGTH:
      return _("The card or the reader refused the length of the command.");
    case MYNA_SW_CHANNEL_NOT_SUPPORTED:
      return _("The card does not support logical channels.");
    case MYNA_SW_SECURE_MESSAGING_UNSUPPORTED:
    case MYNA_SW_SECURE_MESSAGING_FAILED:
      return _("The card refused secure messaging.");
    case MYNA_SW_INCOMPATIBLE_FILE:
      return _("This file on the card cannot be read.");
    case MYNA_SW_SECURITY_STATUS:
      return _("The card needs a PIN before it allows this.");
    case MYNA_SW_AUTH_METHOD_BLOCKED:
    case MYNA_SW_REFERENCE_BLOCKED:
      return _("The PIN is locked on the card.");
    case MYNA_SW_CONDITIONS_NOT_SATISFIED:
      return _("The card refused the command in its current state.");
    case MYNA_SW_NO_CURRENT_EF:
      return _("No file is selected on the card.");
    case MYNA_SW_INCORRECT_DATA:
      return _("The card rejected the data of the command.");
    case MYNA_SW_NOT_FOUND:
      return _("The card does not have this application or file.");
    case MYNA_SW_RECORD_NOT_FOUND:
      return _("The card does not have this record.");
    case MYNA_SW_INCORRECT_P1P2:
      return _("The card rejected the parameters of the command.");
    case MYNA_SW_DATA_NOT_FOUND:
      return _("The card does not have the requested data.");
    case MYNA_SW_WRONG_OFFSET:
      return _("The position is beyond the end of the file on the card.");
    case MYNA_SW_WRONG_LE:
      return _("The card asked for a different response length.");
    case MYNA_SW_INS_NOT_SUPPORTED:
      return _("The card does not support this command.");
    case MYNA_SW_CLA_NOT_SUPPORTED:
      return _("The card does not support this command class.");
    case MYNA_SW_NO_DIAGNOSIS:
      return _("The card reported an error without details.");
    case MYNA_SW_UNKNOWN:
    default:
      return _("The card answered with an unexpected status.");
    }
}

/**
 * myna_sw_set_error:
 * @error: return location for a #GError
 * @sw: the status word the card answered
 * @what: (nullable): what was being done, for the message
 *
 * Sets @error in the %MYNA_SW_ERROR domain with @sw as its code.
 */
void
myna_sw_set_error (GError     **error,
                   guint16      sw,
                   const char  *what)
{
  if (what != NULL)
    /* Translators: what was being done, what the card said, and the raw
     * status word in hex, e.g. "Reading a file: … (SW 6A82)". */
    g_set_error (error, MYNA_SW_ERROR, sw, _("%s: %s (SW %04X)"),
                 what, myna_sw_get_message (sw), sw);
  else
    g_set_error (error, MYNA_SW_ERROR, sw, _("%s (SW %04X)"),
                 myna_sw_get_message (sw), sw);
}
