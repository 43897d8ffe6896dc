/* myna-pin.c
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
#include <string.h>

#include "myna-card-error.h"
#include "myna-pin.h"

typedef struct
{
  const char *id;
  int         max_tries;
  guint       min_length;
  guint       max_length;
  gboolean    alphanumeric;
} PinInfo;

/* Tries and formats: reference §3.3 (OpenSC jpki.h, pkcs15-jpki.c).
 * - auth, sign: seeds 001 and 002 (5 and 3 tries, "6文字以上16文字以下で英数字
 *   混在", "数字4桁");
 * - juki: 4 digits, seed 004 ("住民基本台帳用暗証番号」(4桁の数字)");
 * - card-info and juki, 4 digits and 3 tries each: no seed; Tsu city,
 *   https://www.info.city.tsu.mie.jp/www/contents/1707112391889/index.html,
 *   and Iwakuni city, https://www.city.iwakuni.lg.jp/soshiki/20/100149.html;
 * - the signing password's letters are capitals ("英字は大文字"): no seed;
 *   Natori city, https://www.city.natori.miyagi.jp/soshiki/seikatsu/shimin/node_55209,
 *   so a lower-case letter typed is sent upper-cased. */
static const PinInfo pin_info[MYNA_N_PINS] = {
  [MYNA_PIN_AUTH]      = { "auth",      3, 4,  4,  FALSE },
  [MYNA_PIN_SIGN]      = { "sign",      5, 6,  16, TRUE  },
  [MYNA_PIN_CARD_INFO] = { "card-info", 3, 4,  4,  FALSE },
  [MYNA_PIN_JUKI]      = { "juki",      3, 4,  4,  FALSE },
};

const char *
myna_pin_id_to_string (MynaPinId id)
{
  g_return_val_if_fail (id < MYNA_N_PINS, NULL);

  return pin_info[id].id;
}

gboolean
myna_pin_id_from_string (const char *str,
                         MynaPinId  *id)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < MYNA_N_PINS; i++)
    {
      if (g_str_equal (str, pin_info[i].id))
        {
          if (id != NULL)
            *id = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * myna_pin_get_name:
 * @id: a PIN
 *
 * Returns: (transfer none): the translated name of the PIN
 */
const char *
myna_pin_get_name (MynaPinId id)
{
  switch (id)
    {
    case MYNA_PIN_AUTH:
      /* Translators: the 4-digit PIN of the 利用者証明用電子証明書 (user
       * authentication certificate), used to log in to Mynaportal. */
      return _("User authentication PIN");
    case MYNA_PIN_SIGN:
      /* Translators: the 6–16 character password of the 署名用電子証明書
       * (digital signature certificate), used for e-Tax and the like. */
      return _("Signing password");
    case MYNA_PIN_CARD_INFO:
      /* Translators: the 4-digit 券面事項入力補助用暗証番号, which lets
       * software read the name, address and My Number printed on the card. */
      return _("Card-info input support PIN");
    case MYNA_PIN_JUKI:
      /* Translators: the 4-digit 住民基本台帳用暗証番号 (resident registry
       * PIN), used at municipal offices. */
      return _("Resident registry PIN");
    case MYNA_N_PINS:
    default:
      g_return_val_if_reached (NULL);
    }
}

int
myna_pin_get_max_tries (MynaPinId id)
{
  g_return_val_if_fail (id < MYNA_N_PINS, 0);

  return pin_info[id].max_tries;
}

guint
myna_pin_get_min_length (MynaPinId id)
{
  g_return_val_if_fail (id < MYNA_N_PINS, 0);

  return pin_info[id].min_length;
}

guint
myna_pin_get_max_length (MynaPinId id)
{
  g_return_val_if_fail (id < MYNA_N_PINS, 0);

  return pin_info[id].max_length;
}

/* The applications that hold each PIN, one key reference each: the
 * resident registry PIN is held by two (reference §3.3, single source),
 * and a change must reach both. */
static const char * const pin_key_names[MYNA_N_PINS][MYNA_PIN_MAX_KEYS] = {
  /* Translators: an application on the card, named when a PIN change
   * goes wrong; keep the Japanese name. */
  [MYNA_PIN_AUTH] = { N_("JPKI application (公的個人認証AP)") },
  [MYNA_PIN_SIGN] = { N_("JPKI application (公的個人認証AP)") },
  /* Translators: an application on the card, named when a PIN change
   * goes wrong; keep the Japanese name. */
  [MYNA_PIN_CARD_INFO] = { N_("card-info input support application (券面事項入力補助AP)") },
  /* Translators: applications on the card, named when a PIN change goes
   * wrong; keep the Japanese names. The common card application (共通カードAP)
   * is the part of the card that other public services share; it holds a
   * second copy of the resident registry PIN. */
  [MYNA_PIN_JUKI] = { N_("resident registry application (住基AP)"), N_("common card application (共通カードAP)") },
};

/**
 * myna_pin_get_n_keys:
 * @id: a PIN
 *
 * Returns: how many key references hold @id on a card: 2 for the
 *   resident registry PIN, 1 for the others
 */
guint
myna_pin_get_n_keys (MynaPinId id)
{
  guint n = 0;

  g_return_val_if_fail (id < MYNA_N_PINS, 0);

  while (n < MYNA_PIN_MAX_KEYS && pin_key_names[id][n] != NULL)
    n++;

  return n;
}

/**
 * myna_pin_get_key_name:
 * @id: a PIN
 * @key: which of its key references
 *
 * Returns: (transfer none): the translated name of the application that
 *   holds that key reference
 */
const char *
myna_pin_get_key_name (MynaPinId id,
                       guint     key)
{
  g_return_val_if_fail (key < myna_pin_get_n_keys (id), NULL);

  return _(pin_key_names[id][key]);
}

const char *
myna_pin_state_to_string (MynaPinState state)
{
  switch (state)
    {
    case MYNA_PIN_STATE_OK:       return "ok";
    case MYNA_PIN_STATE_LAST_TRY: return "last-try";
    case MYNA_PIN_STATE_BLOCKED:  return "blocked";
    case MYNA_PIN_STATE_ABSENT:   return "absent";
    case MYNA_PIN_STATE_UNKNOWN:  return "unknown";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
myna_pin_status_init (MynaPinStatus *status,
                      MynaPinId      id)
{
  g_return_if_fail (status != NULL);
  g_return_if_fail (id < MYNA_N_PINS);

  memset (status, 0, sizeof *status);
  status->id = id;
  status->state = MYNA_PIN_STATE_UNKNOWN;
  status->remaining = -1;
  status->max_tries = pin_info[id].max_tries;
}

static MynaPinState
state_for_remaining (int remaining)
{
  if (remaining <= 0)
    return MYNA_PIN_STATE_BLOCKED;
  if (remaining == 1)
    return MYNA_PIN_STATE_LAST_TRY;
  return MYNA_PIN_STATE_OK;
}

/**
 * myna_pin_status_update:
 * @status: a #MynaPinStatus
 * @sw: the answer of the card to a VERIFY of this PIN, with or without data
 *
 * Interprets @sw by reference §3.1: 63Cx leaves x tries, 63C0 and 6984 (and,
 * defensively, 6983) mean blocked, 9000 means verified (the counter is full
 * again), 6A82 means the card has no such PIN, 6300 means a PIN without a
 * limit, whose state stays unknown.
 *
 * Returns: %TRUE if @sw is an answer about the PIN
 */
gboolean
myna_pin_status_update (MynaPinStatus *status,
                        guint16        sw)
{
  MynaSw kind = myna_sw_classify (sw);

  g_return_val_if_fail (status != NULL, FALSE);

  status->sw = sw;
  status->verified = FALSE;
  status->remaining = -1;
  status->state = MYNA_PIN_STATE_UNKNOWN;

  if (kind == MYNA_SW_VERIFICATION_FAILED)
    {
      status->remaining = sw & 0x0f;
      status->state = state_for_remaining (status->remaining);
    }
  else if (kind == MYNA_SW_AUTH_METHOD_BLOCKED || kind == MYNA_SW_REFERENCE_BLOCKED)
    {
      status->remaining = 0;
      status->state = MYNA_PIN_STATE_BLOCKED;
    }
  else if (kind == MYNA_SW_SUCCESS)
    {
      /* A successful VERIFY resets the counter. */
      status->remaining = status->max_tries;
      status->state = state_for_remaining (status->remaining);
      status->verified = TRUE;
    }
  else if (kind == MYNA_SW_NOT_FOUND)
    {
      status->state = MYNA_PIN_STATE_ABSENT;
    }
  else if (kind != MYNA_SW_NO_RETRY_LIMIT)
    {
      /* 6300 is an answer about the PIN (a key without a limit, JICSAP)
       * that gives no count; anything else is not about the PIN at all. */
      return FALSE;
    }

  return TRUE;
}

/**
 * myna_pin_status_is_usable:
 * @status: a #MynaPinStatus
 *
 * Returns: %TRUE if a VERIFY of this PIN could succeed
 */
gboolean
myna_pin_status_is_usable (const MynaPinStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  return status->state == MYNA_PIN_STATE_OK ||
         status->state == MYNA_PIN_STATE_LAST_TRY;
}

/**
 * myna_pin_check_format:
 * @id: which PIN @pin is for
 * @pin: the PIN as typed, NUL-terminated
 * @length: (out) (optional): the number of characters checked, all of them
 *   unless the result is %MYNA_PIN_FORMAT_BAD_CHARACTER
 *
 * The one rule for what may be sent as @id: the right length, digits only
 * for the 4-digit PINs, letters and digits for the signing password. A
 * signing password has at least one letter and one digit: J-LIS sets none
 * without both (reference §3.3; seed 001, "英数字混在"), so one typed
 * without both cannot be right and would only spend a try. Letters may be
 * lower case: myna_pin_normalize() upper-cases them.
 *
 * Returns: %MYNA_PIN_FORMAT_OK, or why @pin cannot be right
 */
MynaPinFormat
myna_pin_check_format (MynaPinId   id,
                       const char *pin,
                       guint      *length)
{
  const PinInfo *info;
  gboolean has_letter = FALSE;
  gboolean has_digit = FALSE;
  guint n = 0;

  if (length != NULL)
    *length = 0;

  g_return_val_if_fail (id < MYNA_N_PINS, MYNA_PIN_FORMAT_BAD_CHARACTER);
  g_return_val_if_fail (pin != NULL, MYNA_PIN_FORMAT_EMPTY);

  info = &pin_info[id];

  for (const char *p = pin; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (info->alphanumeric && g_ascii_isalpha (*p))
        has_letter = TRUE;
      else
        return MYNA_PIN_FORMAT_BAD_CHARACTER;
      n++;
      if (length != NULL)
        *length = n;
    }

  if (n == 0)
    return MYNA_PIN_FORMAT_EMPTY;
  if (n < info->min_length)
    return MYNA_PIN_FORMAT_TOO_SHORT;
  if (n > info->max_length)
    return MYNA_PIN_FORMAT_TOO_LONG;
  if (info->alphanumeric && !(has_letter && has_digit))
    return MYNA_PIN_FORMAT_NOT_MIXED;

  return MYNA_PIN_FORMAT_OK;
}

/**
 * myna_pin_normalize:
 * @id: which PIN @pin is for
 * @pin: (inout): the PIN as typed, NUL-terminated
 * @error: return location for a #GError
 *
 * Checks the format of @pin with myna_pin_check_format() before it may go
 * to the card, so that a PIN that cannot be right never spends a try. The
 * signing password is upper-cased in place: it is registered in upper
 * case and the card compares bytes (reference §3.2).
 *
 * Returns: %TRUE if @pin has the right format
 */
gboolean
myna_pin_normalize (MynaPinId   id,
                    char       *pin,
                    GError    **error)
{
  g_return_val_if_fail (id < MYNA_N_PINS, FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (myna_pin_check_format (id, pin, NULL) != MYNA_PIN_FORMAT_OK)
    {
      g_set_error_literal (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_FORMAT,
                           id == MYNA_PIN_SIGN
                             /* Translators: PIN, certificate and card names as in po/glossary.json. */
                             ? _("The signing password must be 6 to 16 letters (A–Z) and digits. Nothing was sent to the card.")
                             : _("This PIN must be 4 digits. Nothing was sent to the card."));
      return FALSE;
    }

  for (char *p = pin; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);

  return TRUE;
}
