/* myna-jpki-change.c
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

#include <string.h>

#include <glib/gi18n.h>

#include "myna-card-error.h"
#include "myna-card-session-private.h"
#include "myna-card-status-private.h"
#include "myna-jpki.h"
#include "myna-jpki-private.h"

/*
 * Changing a PIN (reference §3.4, §8.2): SELECT the application and the
 * PIN's EF, VERIFY the current PIN, then write the new one. The resident
 * registry PIN is two key references (reference §3.3, single source):
 * both are changed, and if the second refuses, the first is changed back,
 * so that the two never hold different PINs unless the card goes away.
 */

typedef struct
{
  const guint8 *aid;
  guint16       fid;
  MynaPinWrite  write;
} PinKey;

/* In the order of myna_pin_get_key_name(). */
static const PinKey pin_keys[MYNA_N_PINS][MYNA_PIN_MAX_KEYS] = {
  [MYNA_PIN_AUTH] = {
    { myna_aid_jpki, EF_AUTH_PIN, MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA },
  },
  [MYNA_PIN_SIGN] = {
    { myna_aid_jpki, EF_SIGN_PIN, MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA },
  },
  [MYNA_PIN_CARD_INFO] = {
    { myna_aid_card_info, EF_CARD_INFO_PIN, MYNA_PIN_WRITE_CHANGE_REFERENCE_DATA },
  },
  [MYNA_PIN_JUKI] = {
    { myna_aid_juki, EF_JUKI_PIN, MYNA_PIN_WRITE_CHANGE_KEY },
    { myna_aid_common, EF_JUKI_PIN, MYNA_PIN_WRITE_CHANGE_KEY },
  },
};

/* Selects the application of a key. FALSE with no error: not on this card. */
static gboolean
select_key_application (MynaCardSession  *session,
                        const PinKey     *key,
                        GError          **error)
{
  if (key->aid == myna_aid_jpki)
    return _myna_jpki_select (session, error);

  return _myna_jpki_select_optional_application (session, key->aid, error);
}

static void
set_pin_state_error (GError              **error,
                     const MynaPinStatus  *pin,
                     guint16               sw)
{
  const char *name = myna_pin_get_name (pin->id);

  switch (pin->state)
    {
    case MYNA_PIN_STATE_ABSENT:
      /* Translators: %s is a PIN's name, as in po/glossary.json. */
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_ABSENT, _("%s: not on this card."), name);
      break;

    case MYNA_PIN_STATE_BLOCKED:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json. */
                   _("%s: locked, no tries left. Nothing was sent to the card; the PIN must be reset, not changed."),
                   name);
      break;

    case MYNA_PIN_STATE_UNKNOWN:
      /* Without a count, a try could be the last one: do not risk it. */
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json; %04X the card's answer. */
                   _("%s: the card did not say how many tries are left (it answered %04X). Nothing was sent to the card."),
                   name, sw);
      break;

    case MYNA_PIN_STATE_LAST_TRY:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json. */
                   _("%s: one try is left; one more wrong entry locks it. Nothing was sent to the card: confirm the last try to go on."),
                   name);
      break;

    case MYNA_PIN_STATE_OK:
    default:
      g_assert_not_reached ();
    }
}

/* What a wrong current PIN did, in words. */
static void
set_wrong_pin_error (GError              **error,
                     const MynaPinStatus  *pin,
                     guint16               sw)
{
  const char *name = myna_pin_get_name (pin->id);

  switch (pin->state)
    {
    case MYNA_PIN_STATE_BLOCKED:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_BLOCKED,
                   /* Translators: %s is a PIN's name, as in po/glossary.json. */
                   _("%s: wrong, and now locked. Nothing was changed."), name);
      break;

    case MYNA_PIN_STATE_OK:
    case MYNA_PIN_STATE_LAST_TRY:
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_WRONG,
                   /* Translators: %s is a PIN's name, as in po/glossary.json; %d a number of tries. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: wrong; %d try is left. Nothing was changed.",
                                "%s: wrong; %d tries are left. Nothing was changed.",
                                pin->remaining),
                   name, pin->remaining);
      break;

    case MYNA_PIN_STATE_ABSENT:
    case MYNA_PIN_STATE_UNKNOWN:
    default:
      /* Translators: what was being done when the card gave an
       * unexpected answer, which follows. */
      myna_sw_set_error (error, sw, _("Checking the current PIN"));
      break;
    }
}

/* Writes the new PIN into one key reference: VERIFY, then the write. On
 * a transport error after the write was sent, @outcome is UNKNOWN. */
static gboolean
change_key (MynaCardSession  *session,
            const PinKey     *key,
            const char       *current,
            const char       *new_pin,
            MynaPinStatus    *pin,
            MynaKeyOutcome   *outcome,
            GError          **error)
{
  g_autoptr(GError) write_error = NULL;
  guint16 sw = 0;

  if (!select_key_application (session, key, error))
    {
      if (error != NULL && *error == NULL)
        myna_sw_set_error (error, 0x6A82, _("Selecting the PIN's application"));
      return FALSE;
    }

  if (!_myna_card_session_verify_pin (session, key->fid, current, &sw, error))
    return FALSE;

  myna_pin_status_update (pin, sw);
  if (sw != 0x9000)
    {
      set_wrong_pin_error (error, pin, sw);
      return FALSE;
    }

  if (!_myna_card_session_change_pin (session, key->write, new_pin, &sw, &write_error))
    {
      *outcome = MYNA_KEY_UNKNOWN;
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }

  if (sw != 0x9000)
    {
      myna_sw_set_error (error, sw, _("Writing the new PIN"));
      return FALSE;
    }

  *outcome = MYNA_KEY_CHANGED;

  return TRUE;
}

/* Whether an error already says what happened to the PIN. */
static gboolean
error_is_about_the_pin (const GError *error)
{
  if (error->domain != MYNA_CARD_ERROR)
    return FALSE;

  switch ((MynaCardError) error->code)
    {
    case MYNA_CARD_ERROR_PIN_FORMAT:
    case MYNA_CARD_ERROR_PIN_WRONG:
    case MYNA_CARD_ERROR_PIN_BLOCKED:
    case MYNA_CARD_ERROR_PIN_ABSENT:
    case MYNA_CARD_ERROR_LAST_TRY_UNCONFIRMED:
    case MYNA_CARD_ERROR_PIN_SAME:
    case MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL:
    case MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN:
      return TRUE;
    case MYNA_CARD_ERROR_FAILED:
    case MYNA_CARD_ERROR_NO_SERVICE:
    case MYNA_CARD_ERROR_NO_READER:
    case MYNA_CARD_ERROR_UNKNOWN_READER:
    case MYNA_CARD_ERROR_NO_CARD:
    case MYNA_CARD_ERROR_SEVERAL_CARDS:
    case MYNA_CARD_ERROR_SHARING_VIOLATION:
    case MYNA_CARD_ERROR_UNRESPONSIVE:
    case MYNA_CARD_ERROR_UNSUPPORTED_CARD:
    case MYNA_CARD_ERROR_REMOVED:
    case MYNA_CARD_ERROR_RESET:
    case MYNA_CARD_ERROR_IO:
    case MYNA_CARD_ERROR_INVALID_COMMAND:
    case MYNA_CARD_ERROR_MALFORMED:
    default:
      return FALSE;
    }
}

/* The account of a change that did not end with every key on one PIN. */
static void
set_partial_error (GError                   **error,
                   const MynaPinChangeResult *result,
                   const GError             *cause)
{
  g_autoptr(GString) account = g_string_new (NULL);
  gboolean unknown = FALSE;

  for (guint k = 0; k < myna_pin_get_n_keys (result->pin); k++)
    {
      const char *state;

      switch (result->keys[k])
        {
        case MYNA_KEY_CHANGED:
          /* Translators: where one application's PIN stands after a partial change. */
          state = _("the new PIN");
          break;
        case MYNA_KEY_UNCHANGED:
          /* Translators: where one application's PIN stands after a partial change. */
          state = _("still the current PIN");
          break;
        case MYNA_KEY_UNKNOWN:
          unknown = TRUE;
          /* Translators: where one application's PIN stands after a partial change. */
          state = _("the current or the new PIN, unknown which: the card was removed while it took the new one");
          break;
        case MYNA_KEY_ABSENT:
        default:
          continue;
        }

      /* Translators: an application of the card and the PIN it now takes,
       * one per line after a partial change. */
      g_string_append_printf (account, _("\n• %s: %s"), myna_pin_get_key_name (result->pin, k), state);
    }

  g_set_error (error, MYNA_CARD_ERROR,
               unknown && myna_pin_get_n_keys (result->pin) == 1 ? MYNA_CARD_ERROR_PIN_CHANGE_UNKNOWN
                                                                     : MYNA_CARD_ERROR_PIN_CHANGE_PARTIAL,
               /* Translators: %s is a PIN's name, as in po/glossary.json; the
                * second %s is the card's answer; the third the list of
                * applications and the PIN each takes now. */
               _("%s: the change did not finish (%s). Which PIN each application takes now:%s\nUse each application's PIN as listed, or have the PIN reset at the municipal office."),
               myna_pin_get_name (result->pin), cause->message, account->str);
}

/**
 * myna_pin_change_result_get_warning:
 * @result: the result of a change that succeeded
 *
 * Returns: (nullable): what the holder must still do after the change,
 *   translated, or %NULL when nothing
 */
const char *
myna_pin_change_result_get_warning (const MynaPinChangeResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (result->not_powered_down)
    return _("The PIN was changed, but the card could not be powered down afterwards. Remove it from the reader.");

  return NULL;
}

/**
 * myna_jpki_check_pin_change:
 * @pin: which PIN
 * @current: (inout): the current PIN as typed; upper-cased where the card
 *   wants it
 * @new_pin: (inout): the new PIN as typed, likewise
 * @error: return location for a #GError
 *
 * What refuses a change before any card is touched: either PIN of the
 * wrong format (myna_pin_normalize()), or the same PIN twice.
 *
 * Returns: %TRUE if the change may go to the card
 */
gboolean
myna_jpki_check_pin_change (MynaPinId   pin,
                            char       *current,
                            char       *new_pin,
                            GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (pin < MYNA_N_PINS, FALSE);
  g_return_val_if_fail (current != NULL && new_pin != NULL, FALSE);

  if (!myna_pin_normalize (pin, current, &local_error))
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_FORMAT,
                   /* Translators: %s says what the format must be. */
                   _("The current PIN: %s"), local_error->message);
      return FALSE;
    }
  if (!myna_pin_normalize (pin, new_pin, &local_error))
    {
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_FORMAT,
                   /* Translators: %s says what the format must be. */
                   _("The new PIN: %s"), local_error->message);
      return FALSE;
    }
  if (g_str_equal (current, new_pin))
    {
      g_set_error_literal (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_PIN_SAME,
                           _("The new PIN is the same as the current one. Nothing was sent to the card."));
      return FALSE;
    }

  return TRUE;
}

/* Looks before touching anything: the tries of every key, by empty VERIFY,
 * which spends none. FALSE when the change must not go on. */
static gboolean
check_keys (MynaCardSession      *session,
            const PinKey         *keys,
            guint                 n_keys,
            MynaPinChangeFlags    flags,
            MynaPinChangeResult  *result,
            GError              **error)
{
  guint n_present = 0;

  for (guint k = 0; k < n_keys; k++)
    {
      g_autoptr(GError) local_error = NULL;
      MynaPinStatus status;
      guint16 sw = 0;

      if (!select_key_application (session, &keys[k], &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          result->keys[k] = MYNA_KEY_ABSENT;
          continue;
        }

      myna_pin_status_init (&status, result->pin);
      if (!myna_card_session_query_pin (session, keys[k].fid & 0x1f, keys[k].fid, &sw, error))
        return FALSE;
      myna_pin_status_update (&status, sw);

      if (status.state == MYNA_PIN_STATE_ABSENT)
        {
          result->keys[k] = MYNA_KEY_ABSENT;
          continue;
        }

      if (n_present++ == 0)
        result->status = status;

      if (status.state == MYNA_PIN_STATE_BLOCKED || status.state == MYNA_PIN_STATE_UNKNOWN ||
          (status.state == MYNA_PIN_STATE_LAST_TRY && (flags & MYNA_PIN_CHANGE_CONFIRM_LAST_TRY) == 0))
        {
          result->status = status;
          set_pin_state_error (error, &status, sw);
          return FALSE;
        }
    }

  if (n_present == 0)
    {
      myna_pin_status_update (&result->status, 0x6A82);
      set_pin_state_error (error, &result->status, 0x6A82);
      return FALSE;
    }

  return TRUE;
}

/* Puts back the keys changed before @failed, while the new PIN opens them. */
static void
change_keys_back (MynaCardSession      *session,
                  const PinKey         *keys,
                  guint                 failed,
                  const char           *current,
                  const char           *new_pin,
                  MynaPinChangeResult  *result)
{
  for (guint back = 0; back < failed; back++)
    {
      MynaPinStatus ignored;
      MynaKeyOutcome outcome = MYNA_KEY_CHANGED;
      g_autoptr(GError) back_error = NULL;

      if (result->keys[back] != MYNA_KEY_CHANGED)
        continue;
      myna_pin_status_init (&ignored, result->pin);
      if (change_key (session, &keys[back], new_pin, current, &ignored, &outcome, &back_error))
        result->keys[back] = MYNA_KEY_UNCHANGED;
      else
        g_debug ("Changing key %u back failed: %s", back, back_error->message);
    }
}

/* Writes the new PIN into every key the card has. On a refusal the keys
 * already changed are changed back, and the error gives an account of
 * where each key stands when they still differ. */
static gboolean
write_keys (MynaCardSession      *session,
            const PinKey         *keys,
            guint                 n_keys,
            const char           *current,
            const char           *new_pin,
            MynaPinChangeResult  *result,
            GError              **error)
{
  for (guint k = 0; k < n_keys; k++)
    {
      g_autoptr(GError) local_error = NULL;
      MynaPinStatus status;
      gboolean mixed = FALSE;

      if (result->keys[k] == MYNA_KEY_ABSENT)
        continue;

      myna_pin_status_init (&status, result->pin);
      if (change_key (session, &keys[k], current, new_pin, &status, &result->keys[k], &local_error))
        {
          if (k == 0 || result->keys[0] == MYNA_KEY_ABSENT)
            result->status = status;
          continue;
        }

      if (status.state != MYNA_PIN_STATE_UNKNOWN || status.sw != 0)
        result->status = status;

      change_keys_back (session, keys, k, current, new_pin, result);

      for (guint j = 0; j < n_keys; j++)
        mixed |= result->keys[j] == MYNA_KEY_CHANGED || result->keys[j] == MYNA_KEY_UNKNOWN;
      if (mixed)
        set_partial_error (error, result, local_error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * myna_jpki_change_pin:
 * @session: a session on the card
 * @pin: which PIN
 * @current: (inout): the current PIN as typed; wiped before return
 * @new_pin: (inout): the new PIN as typed; wiped before return
 * @flags: %MYNA_PIN_CHANGE_CONFIRM_LAST_TRY to allow a try when it is the last
 * @result: (out caller-allocates): the tries after the attempt and where
 *   each key reference stands
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes a PIN the holder knows. Nothing reaches the card when either PIN
 * has the wrong format or they are the same, when any key of the PIN is
 * locked, or when one try is left and @flags does not confirm it: the
 * tries of every key are read first, by empty VERIFY, which spends none.
 * A wrong current PIN spends exactly one try and changes nothing.
 *
 * Once the card has seen a PIN it is powered down, so that no verified
 * state lingers (reference §8.3); the session's transport cannot be used
 * after that.
 *
 * Returns: %TRUE if the PIN changed in every key reference the card has
 */
gboolean
myna_jpki_change_pin (MynaCardSession      *session,
                      MynaPinId             pin,
                      char                 *current,
                      char                 *new_pin,
                      MynaPinChangeFlags    flags,
                      MynaPinChangeResult  *result,
                      GCancellable         *cancellable,
                      GError              **error)
{
  MynaTransport *transport;
  guint n_keys;
  gboolean in_transaction = FALSE;
  gboolean changed = FALSE;
  g_autoptr(GError) power_error = NULL;

  g_return_val_if_fail (MYNA_IS_CARD_SESSION (session), FALSE);
  g_return_val_if_fail (pin < MYNA_N_PINS, FALSE);
  g_return_val_if_fail (current != NULL && new_pin != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  transport = myna_card_session_get_transport (session);
  n_keys = myna_pin_get_n_keys (pin);

  memset (result, 0, sizeof *result);
  result->pin = pin;
  myna_pin_status_init (&result->status, pin);
  for (guint k = 0; k < n_keys; k++)
    result->keys[k] = MYNA_KEY_UNCHANGED;

  if (!myna_jpki_check_pin_change (pin, current, new_pin, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!myna_transport_begin_transaction (transport, error))
    goto out;
  in_transaction = TRUE;

  if (!check_keys (session, pin_keys[pin], n_keys, flags, result, error) ||
      /* The last moment a closed dialog can still keep the try. */
      g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  changed = write_keys (session, pin_keys[pin], n_keys, current, new_pin, result, error);

out:
  myna_secret_wipe (current, strlen (current));
  myna_secret_wipe (new_pin, strlen (new_pin));

  if (in_transaction)
    {
      /* Power down before letting go of the card, whatever happened. */
      if (!myna_transport_power_down (transport, &power_error))
        {
          g_debug ("Powering down after a PIN change failed: %s", power_error->message);
          /* The change stands, and the holder must hear that it does;
           * only the verified state may linger. */
          result->not_powered_down = changed;
        }
      myna_transport_end_transaction (transport);
      result->status.verified = FALSE;
    }

  /* The card went away, the reader failed, the dialog closed: say that
   * the PIN is as it was. */
  if (!changed && error != NULL && *error != NULL && !error_is_about_the_pin (*error))
    {
      GError *cause = g_steal_pointer (error);

      g_set_error (error, cause->domain, cause->code,
                   /* Translators: the first %s is a PIN's name, as in
                    * po/glossary.json; the second says why. */
                   _("%s: nothing was changed. %s"), myna_pin_get_name (pin), cause->message);
      g_error_free (cause);
    }

  return changed;
}
