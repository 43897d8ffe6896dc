/* myna-card-types.h
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

typedef struct _MynaCardSession   MynaCardSession;
typedef struct _MynaCardStatus    MynaCardStatus;
typedef struct _MynaPcscTransport MynaPcscTransport;
typedef struct _MynaReaderMonitor MynaReaderMonitor;
typedef struct _MynaVirtualCard   MynaVirtualCard;

/* What the token label in JPKI EF 0006 says the card is (reference §2.1). */
typedef enum
{
  MYNA_CARD_KIND_MY_NUMBER,  /* JPKIAPICCTOKEN2 */
  MYNA_CARD_KIND_JUKI,       /* JPKIAPICCTOKEN: old Basic Resident Registration card */
  MYNA_CARD_KIND_SMARTPHONE, /* JPKIAPGPSETOKEN, JPKIAPIOSTOKEN */
  MYNA_CARD_KIND_UNKNOWN,    /* has the JPKI application, label not known */
} MynaCardKind;

typedef enum
{
  MYNA_PIN_AUTH,      /* 利用者証明用電子証明書 暗証番号, JPKI EF 0018 */
  MYNA_PIN_SIGN,      /* 署名用電子証明書 パスワード, JPKI EF 001B */
  MYNA_PIN_CARD_INFO, /* 券面事項入力補助用 暗証番号, EF 0011 */
  MYNA_PIN_JUKI,      /* 住民基本台帳用 暗証番号, EF 001C */
  MYNA_N_PINS,
} MynaPinId;

typedef enum
{
  MYNA_PIN_STATE_OK,
  MYNA_PIN_STATE_LAST_TRY,
  MYNA_PIN_STATE_BLOCKED,
  MYNA_PIN_STATE_ABSENT,  /* the card has no such PIN, e.g. no signing certificate */
  MYNA_PIN_STATE_UNKNOWN, /* the card gave an answer that says nothing about tries */
} MynaPinState;

typedef enum
{
  MYNA_CERT_AUTH,    /* 利用者証明用電子証明書, JPKI EF 000A */
  MYNA_CERT_AUTH_CA, /* its CA, EF 000B */
  MYNA_CERT_SIGN,    /* 署名用電子証明書, EF 0001, behind the signing password */
  MYNA_CERT_SIGN_CA, /* its CA, EF 0002 */
  MYNA_N_CERTS,
} MynaCertId;

/* What the readers say, before any card is read. Whether a present card
 * is supported is known only once it is read (myna_jpki_read_status()
 * fails with MYNA_CARD_ERROR_UNSUPPORTED_CARD); MynaCardManager turns that
 * into its own "unsupported" state. */
typedef enum
{
  MYNA_READER_STATE_STARTING,
  MYNA_READER_STATE_SERVICE_UNAVAILABLE,
  MYNA_READER_STATE_NO_READER,
  MYNA_READER_STATE_NO_CARD,
  MYNA_READER_STATE_CARD_PRESENT,
  MYNA_READER_STATE_SEVERAL_CARDS,
  MYNA_READER_STATE_CARD_IN_USE,
  MYNA_READER_STATE_CARD_MUTE,
} MynaReaderState;

G_END_DECLS
