/* myna-pcsc.c
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

#define G_LOG_DOMAIN "mynacheck-pcsc"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "myna-card-error.h"
#include "myna-pcsc-private.h"

G_DEFINE_BOXED_TYPE (MynaReaderInfo, myna_reader_info, myna_reader_info_copy, myna_reader_info_free)

MynaReaderInfo *
myna_reader_info_copy (const MynaReaderInfo *info)
{
  MynaReaderInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (MynaReaderInfo, 1);
  *copy = *info;
  copy->name = g_strdup (info->name);
  copy->atr = info->atr != NULL ? g_bytes_ref (info->atr) : NULL;

  return copy;
}

void
myna_reader_info_free (MynaReaderInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_clear_pointer (&info->atr, g_bytes_unref);
  g_free (info);
}

gboolean
myna_reader_info_equal (const MynaReaderInfo *a,
                        const MynaReaderInfo *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         a->card_present == b->card_present &&
         a->exclusive == b->exclusive &&
         a->in_use == b->in_use &&
         a->mute == b->mute &&
         a->event_count == b->event_count &&
         ((a->atr == NULL && b->atr == NULL) ||
          (a->atr != NULL && b->atr != NULL && g_bytes_equal (a->atr, b->atr)));
}

MynaReaderInfo *
_myna_reader_info_new_from_state (const SCARD_READERSTATE *state)
{
  MynaReaderInfo *info = g_new0 (MynaReaderInfo, 1);
  DWORD flags = state->dwEventState;

  info->name = g_strdup (state->szReader);
  info->card_present = (flags & SCARD_STATE_PRESENT) != 0;
  info->exclusive = (flags & SCARD_STATE_EXCLUSIVE) != 0;
  info->in_use = (flags & SCARD_STATE_INUSE) != 0;
  info->mute = (flags & SCARD_STATE_MUTE) != 0;
  /* pcsc-lite counts card events in the upper 16 bits. */
  info->event_count = (flags >> 16) & 0xffff;
  if (info->card_present && state->cbAtr > 0)
    info->atr = g_bytes_new (state->rgbAtr, state->cbAtr);

  return info;
}

/**
 * myna_pcsc_is_service_lost:
 * @rv: a PC/SC return value
 *
 * Returns: %TRUE if @rv means the connection to pcscd is gone
 */
gboolean
myna_pcsc_is_service_lost (long rv)
{
  switch (rv)
    {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
    case SCARD_E_INVALID_HANDLE:
    case SCARD_F_COMM_ERROR:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * myna_pcsc_set_error:
 * @error: return location for a #GError
 * @rv: a PC/SC return value
 * @what: (nullable): what was being done
 *
 * Maps @rv to a #MynaCardError with a sentence that says what to do.
 *
 * Returns: %FALSE if @rv is a failure (and @error is set), %TRUE otherwise
 */
gboolean
myna_pcsc_set_error (GError     **error,
                     long         rv,
                     const char  *what)
{
  MynaCardError code;

  switch (rv)
    {
    case SCARD_S_SUCCESS:
      return TRUE;

    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
      code = MYNA_CARD_ERROR_NO_SERVICE;
      break;

    case SCARD_E_NO_READERS_AVAILABLE:
      code = MYNA_CARD_ERROR_NO_READER;
      break;

    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
      code = MYNA_CARD_ERROR_UNKNOWN_READER;
      break;

    case SCARD_E_NO_SMARTCARD:
      code = MYNA_CARD_ERROR_NO_CARD;
      break;

    case SCARD_W_REMOVED_CARD:
      code = MYNA_CARD_ERROR_REMOVED;
      break;

    case SCARD_E_SHARING_VIOLATION:
      code = MYNA_CARD_ERROR_SHARING_VIOLATION;
      break;

    case SCARD_W_UNRESPONSIVE_CARD:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_UNSUPPORTED_CARD:
    case SCARD_E_CARD_UNSUPPORTED:
    case SCARD_E_PROTO_MISMATCH:
      code = MYNA_CARD_ERROR_UNRESPONSIVE;
      break;

    case SCARD_W_RESET_CARD:
      code = MYNA_CARD_ERROR_RESET;
      break;

    case SCARD_E_CANCELLED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
      return FALSE;

    default:
      code = MYNA_CARD_ERROR_IO;
      break;
    }

  if (what != NULL)
    g_set_error (error, MYNA_CARD_ERROR, code, "%s (%s: %s)", myna_card_error_get_message (code), what,
                 pcsc_stringify_error (rv));
  else
    g_set_error (error, MYNA_CARD_ERROR, code, "%s (%s)", myna_card_error_get_message (code),
                 pcsc_stringify_error (rv));

  return FALSE;
}

/* Returns the reader names, not counting the PnP pseudo-reader; an empty
 * array when none is connected. */
GPtrArray *
_myna_pcsc_list_reader_names (SCARDCONTEXT   context,
                              GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *buffer = NULL;
  DWORD length = 0;
  LONG rv;

  rv = SCardListReaders (context, NULL, NULL, &length);
  if (rv == SCARD_E_NO_READERS_AVAILABLE)
    return g_steal_pointer (&names);
  if (!myna_pcsc_set_error (error, rv, "SCardListReaders"))
    return NULL;

  buffer = g_malloc0 (length + 1);
  rv = SCardListReaders (context, NULL, buffer, &length);
  if (rv == SCARD_E_NO_READERS_AVAILABLE)
    return g_steal_pointer (&names);
  if (!myna_pcsc_set_error (error, rv, "SCardListReaders"))
    return NULL;

  for (const char *p = buffer; p < buffer + length && *p != '\0'; p += strlen (p) + 1)
    g_ptr_array_add (names, g_strdup (p));

  return g_steal_pointer (&names);
}

/**
 * myna_pcsc_get_readers:
 * @error: return location for a #GError
 *
 * Takes one look at every reader, without waiting for a change.
 *
 * Returns: (transfer full) (element-type MynaReaderInfo): the readers, or
 *   %NULL when the PC/SC service cannot be reached
 */
GPtrArray *
myna_pcsc_get_readers (GError **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) readers = NULL;
  g_autofree SCARD_READERSTATE *states = NULL;
  SCARDCONTEXT context;
  LONG rv;

  rv = SCardEstablishContext (SCARD_SCOPE_SYSTEM, NULL, NULL, &context);
  if (!myna_pcsc_set_error (error, rv, "SCardEstablishContext"))
    return NULL;

  names = _myna_pcsc_list_reader_names (context, error);
  if (names == NULL)
    {
      SCardReleaseContext (context);
      return NULL;
    }

  readers = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_reader_info_free);

  if (names->len > 0)
    {
      states = g_new0 (SCARD_READERSTATE, names->len);
      for (guint i = 0; i < names->len; i++)
        {
          states[i].szReader = g_ptr_array_index (names, i);
          states[i].dwCurrentState = SCARD_STATE_UNAWARE;
        }

      rv = SCardGetStatusChange (context, 0, states, names->len);
      if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
        {
          myna_pcsc_set_error (error, rv, "SCardGetStatusChange");
          SCardReleaseContext (context);
          return NULL;
        }

      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (readers, _myna_reader_info_new_from_state (&states[i]));
    }

  SCardReleaseContext (context);

  return g_steal_pointer (&readers);
}

/**
 * myna_reader_find:
 * @readers: (element-type MynaReaderInfo): the readers
 * @wanted: the name the user gave, whole or in part
 * @n_matches: (out) (optional): how many readers' names contain @wanted
 *
 * The one rule for `--reader NAME`, in the window as in `--status`: the
 * reader whose name is @wanted, or else the only one whose name contains
 * it, ignoring case. Reader names are long ("SCM Microsystems Inc.
 * SCR 3310 [CCID Interface] 00 00"); a part of it is what people type.
 *
 * Returns: (nullable) (transfer none): the reader, or %NULL when none or
 *   several match
 */
const MynaReaderInfo *
myna_reader_find (GPtrArray  *readers,
                  const char *wanted,
                  guint      *n_matches)
{
  g_autofree char *wanted_folded = NULL;
  const MynaReaderInfo *match = NULL;
  guint matches = 0;

  g_return_val_if_fail (readers != NULL, NULL);
  g_return_val_if_fail (wanted != NULL, NULL);

  wanted_folded = g_utf8_casefold (wanted, -1);

  for (guint i = 0; i < readers->len; i++)
    {
      const MynaReaderInfo *reader = g_ptr_array_index (readers, i);
      g_autofree char *folded = g_utf8_casefold (reader->name, -1);

      if (g_str_equal (reader->name, wanted))
        {
          if (n_matches != NULL)
            *n_matches = 1;
          return reader;
        }
      if (strstr (folded, wanted_folded) != NULL)
        {
          match = reader;
          matches++;
        }
    }

  if (n_matches != NULL)
    *n_matches = matches;

  return matches == 1 ? match : NULL;
}

static MynaReaderState
state_of_card (const MynaReaderInfo *reader)
{
  if (reader->mute)
    return MYNA_READER_STATE_CARD_MUTE;
  if (reader->exclusive)
    return MYNA_READER_STATE_CARD_IN_USE;
  return MYNA_READER_STATE_CARD_PRESENT;
}

/**
 * myna_reader_state_compute:
 * @readers: (element-type MynaReaderInfo): the readers
 * @preferred_reader: (nullable): the reader the user chose, if any: its
 *   name or a part of it, as myna_reader_find() matches it
 * @card_reader: (out) (optional) (transfer none): the reader to read from
 *   when the state is about one card
 *
 * Reduces the readers to the one state the user needs to know about.
 *
 * Returns: the state
 */
MynaReaderState
myna_reader_state_compute (GPtrArray             *readers,
                           const char            *preferred_reader,
                           const MynaReaderInfo **card_reader)
{
  const MynaReaderInfo *with_card = NULL;
  const MynaReaderInfo *preferred = NULL;
  guint n_cards = 0;

  g_return_val_if_fail (readers != NULL, MYNA_READER_STATE_NO_READER);

  if (card_reader != NULL)
    *card_reader = NULL;

  if (readers->len == 0)
    return MYNA_READER_STATE_NO_READER;

  if (preferred_reader != NULL)
    preferred = myna_reader_find (readers, preferred_reader, NULL);
  if (preferred != NULL && preferred->card_present)
    {
      if (card_reader != NULL)
        *card_reader = preferred;
      return state_of_card (preferred);
    }

  for (guint i = 0; i < readers->len; i++)
    {
      const MynaReaderInfo *reader = g_ptr_array_index (readers, i);

      if (!reader->card_present)
        continue;

      n_cards++;
      with_card = reader;
    }

  if (n_cards == 0)
    return MYNA_READER_STATE_NO_CARD;
  if (n_cards > 1)
    return MYNA_READER_STATE_SEVERAL_CARDS;

  if (card_reader != NULL)
    *card_reader = with_card;

  return state_of_card (with_card);
}

/**
 * myna_reader_state_to_error:
 * @state: what the readers say
 * @error: return location for a #GError
 *
 * The one mapping from a reader state to the error a read would end
 * with, and its message (myna_card_error_get_message()).
 *
 * Returns: %TRUE if @state has a card to read (or says nothing yet),
 *   %FALSE with @error set otherwise
 */
gboolean
myna_reader_state_to_error (MynaReaderState   state,
                            GError          **error)
{
  switch (state)
    {
    case MYNA_READER_STATE_STARTING:
    case MYNA_READER_STATE_CARD_PRESENT:
      return TRUE;
    case MYNA_READER_STATE_SERVICE_UNAVAILABLE:
      myna_card_error_set (error, MYNA_CARD_ERROR_NO_SERVICE);
      return FALSE;
    case MYNA_READER_STATE_NO_READER:
      myna_card_error_set (error, MYNA_CARD_ERROR_NO_READER);
      return FALSE;
    case MYNA_READER_STATE_NO_CARD:
      myna_card_error_set (error, MYNA_CARD_ERROR_NO_CARD);
      return FALSE;
    case MYNA_READER_STATE_SEVERAL_CARDS:
      myna_card_error_set (error, MYNA_CARD_ERROR_SEVERAL_CARDS);
      return FALSE;
    case MYNA_READER_STATE_CARD_IN_USE:
      myna_card_error_set (error, MYNA_CARD_ERROR_SHARING_VIOLATION);
      return FALSE;
    case MYNA_READER_STATE_CARD_MUTE:
      myna_card_error_set (error, MYNA_CARD_ERROR_UNRESPONSIVE);
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
myna_reader_state_to_string (MynaReaderState state)
{
  switch (state)
    {
    case MYNA_READER_STATE_STARTING:            return "starting";
    case MYNA_READER_STATE_SERVICE_UNAVAILABLE: return "service-unavailable";
    case MYNA_READER_STATE_NO_READER:           return "no-reader";
    case MYNA_READER_STATE_NO_CARD:             return "no-card";
    case MYNA_READER_STATE_CARD_PRESENT:        return "card-present";
    case MYNA_READER_STATE_SEVERAL_CARDS:       return "several-cards";
    case MYNA_READER_STATE_CARD_IN_USE:         return "card-in-use";
    case MYNA_READER_STATE_CARD_MUTE:           return "card-mute";
    default:
      g_return_val_if_reached (NULL);
    }
}
