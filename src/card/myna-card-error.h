/* myna-card-error.h
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

#define MYNA_CARD_ERROR (myna_card_error_quark ())
#define MYNA_SW_ERROR   (myna_sw_error_quark ())

/* Failures of the card layer that are not a status word from the card. */
typedef enum
{
  MYNA_CARD_ERROR_FAILED,
  MYNA_CARD_ERROR_NO_SERVICE,        /* pcscd is not running */
  MYNA_CARD_ERROR_NO_READER,
  MYNA_CARD_ERROR_UNKNOWN_READER,    /* a named reader is not connected */
  MYNA_CARD_ERROR_NO_CARD,
  MYNA_CARD_ERROR_SEVERAL_CARDS,
  MYNA_CARD_ERROR_SHARING_VIOLATION, /* another program holds the card */
  MYNA_CARD_ERROR_UNRESPONSIVE,      /* the card does not answer reset */
  MYNA_CARD_ERROR_UNSUPPORTED_CARD,  /* no JPKI application */
  MYNA_CARD_ERROR_REMOVED,
  MYNA_CARD_ERROR_RESET,             /* another program reset the card */
  MYNA_CARD_ERROR_IO,
  MYNA_CARD_ERROR_INVALID_COMMAND,   /* a command this program built is malformed */
  MYNA_CARD_ERROR_MALFORMED,         /* data from the card breaks the protocol */
  MYNA_CARD_ERROR_PIN_FORMAT,        /* refused locally, never sent */
  MYNA_CARD_ERROR_PIN_WRONG,
  MYNA_CARD_ERROR_PIN_BLOCKED,
  MYNA_CARD_ERROR_PIN_ABSENT,
  MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED,
  MYNA_CARD_ERROR_PIN_SAME,          /* the new PIN is the current one; refused locally */
  MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL, /* one key reference of a PIN changed, not both */
  MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN, /* the card went away while it took the new PIN */
} MynaCardError;

/* Status words as this card uses them (reference §10), one value per meaning.
 * Errors in the MYNA_SW_ERROR domain carry the raw status word as their code;
 * myna_sw_classify() maps it to this enum. */
typedef enum
{
  MYNA_SW_SUCCESS,                     /* 9000 */
  MYNA_SW_MORE_DATA,                   /* 61xx */
  MYNA_SW_END_OF_FILE,                 /* 6282 */
  MYNA_SW_NO_RETRY_LIMIT,              /* 6300 */
  MYNA_SW_VERIFICATION_FAILED,         /* 63Cx */
  MYNA_SW_MEMORY_FAILURE,              /* 6581 */
  MYNA_SW_SECURITY_ENVIRONMENT,        /* 66xx */
  MYNA_SW_WRONG_LENGTH,                /* 6700 */
  MYNA_SW_CHANNEL_NOT_SUPPORTED,       /* 6881 */
  MYNA_SW_SECURE_MESSAGING_UNSUPPORTED,/* 6882 */
  MYNA_SW_INCOMPATIBLE_FILE,           /* 6981 */
  MYNA_SW_SECURITY_STATUS,             /* 6982 */
  MYNA_SW_AUTH_METHOD_BLOCKED,         /* 6983 */
  MYNA_SW_REFERENCE_BLOCKED,           /* 6984 */
  MYNA_SW_CONDITIONS_NOT_SATISFIED,    /* 6985 */
  MYNA_SW_NO_CURRENT_EF,               /* 6986 */
  MYNA_SW_SECURE_MESSAGING_FAILED,     /* 69FC, 6987, 6988 */
  MYNA_SW_INCORRECT_DATA,              /* 6A80 */
  MYNA_SW_NOT_FOUND,                   /* 6A82 */
  MYNA_SW_RECORD_NOT_FOUND,            /* 6A83 */
  MYNA_SW_INCORRECT_P1P2,              /* 6A86, 6A87 */
  MYNA_SW_DATA_NOT_FOUND,              /* 6A88 */
  MYNA_SW_WRONG_OFFSET,                /* 6B00 */
  MYNA_SW_WRONG_LE,                    /* 6Cxx */
  MYNA_SW_INS_NOT_SUPPORTED,           /* 6D00 */
  MYNA_SW_CLA_NOT_SUPPORTED,           /* 6E00 */
  MYNA_SW_NO_DIAGNOSIS,                /* 6F00 */
  MYNA_SW_UNKNOWN,
} MynaSw;

GQuark      myna_card_error_quark (void);
GQuark      myna_sw_error_quark   (void);

const char *myna_card_error_get_message_id (MynaCardError code);
const char *myna_card_error_get_message    (MynaCardError code);
void        myna_card_error_set            (GError     **error,
                                            MynaCardError code);

MynaSw      myna_sw_classify      (guint16      sw);
const char *myna_sw_get_message   (guint16      sw);
void        myna_sw_set_error     (GError     **error,
                                   guint16      sw,
                                   const char  *what);

G_END_DECLS
