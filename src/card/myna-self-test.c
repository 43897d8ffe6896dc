/* myna-self-test.c
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

#include <glib/gi18n.h>
#include <PCSC/pcsclite.h>

#include "myna-apdu.h"
#include "myna-card-error.h"
#include "myna-card-session.h"
#include "myna-jpki.h"
#include "myna-pcsc-private.h"
#include "myna-pcsc-transport.h"
#include "myna-self-test.h"
#include "myna-virtual-transport.h"

/*
 * The checks a help desk asks for first, in order, each stopping the rest
 * when it fails: is pcscd there, which readers, is there a card, what is
 * its ATR, can we connect, does it have the JPKI application. Blocking:
 * run it in a worker thread.
 */

void
myna_check_free (MynaCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->id);
  g_free (check->title);
  g_free (check->detail);
  g_free (check->report_detail);
  g_free (check);
}

const char *
myna_check_result_to_string (MynaCheckResult result)
{
  switch (result)
    {
    case MYNA_CHECK_OK:      return "ok";
    case MYNA_CHECK_WARNING: return "warning";
    case MYNA_CHECK_FAILED:  return "failed";
    case MYNA_CHECK_SKIPPED: return "skipped";
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct { const char *id; const char *title; } steps[] = {
  { "service", N_("Smart card service") },
  { "readers", N_("Readers") },
  { "card", N_("Card") },
  { "atr", N_("Answer to reset (ATR)") },
  { "connection", N_("Connection") },
  { "jpki", N_("JPKI application") },
};

/* Each check is said twice: in the user's language for the window, and in
 * English for the report a help desk reads. */
static void
add_check (GPtrArray       *checks,
           guint            step,
           MynaCheckResult  result,
           char            *report_detail,
           char            *detail)
{
  MynaCheck *check = g_new0 (MynaCheck, 1);

  check->id = g_strdup (steps[step].id);
  check->title = g_strdup (_(steps[step].title));
  check->result = result;
  check->report_detail = report_detail;
  check->detail = detail;
  g_ptr_array_add (checks, check);
}

static void
add_text (GPtrArray       *checks,
          guint            step,
          MynaCheckResult  result,
          const char      *msgid)
{
  add_check (checks, step, result, g_strdup (msgid), g_strdup (_(msgid)));
}

static void
add_error (GPtrArray       *checks,
           guint            step,
           const GError    *error)
{
  add_check (checks, step, MYNA_CHECK_FAILED,
             g_strdup_printf ("%s error %d", g_quark_to_string (error->domain), error->code),
             g_strdup (error->message));
}

enum { SERVICE, READERS, CARD, ATR, CONNECTION, JPKI };

static void
skip_rest (GPtrArray *checks,
           guint      from)
{
  for (guint i = from; i < G_N_ELEMENTS (steps); i++)
    add_text (checks, i, MYNA_CHECK_SKIPPED, N_("Not checked: an earlier step failed."));
}

static void
check_jpki (GPtrArray     *checks,
            MynaTransport *transport)
{
  g_autoptr(MynaCardSession) session = myna_card_session_new (transport);
  g_autoptr(GError) error = NULL;
  guint16 sw = 0;
  gboolean found;

  /* A transaction, so that the window's own read is not interleaved. */
  if (!myna_transport_begin_transaction (transport, &error))
    {
      add_error (checks, JPKI, error);
      return;
    }
  found = myna_card_session_select_aid (session, myna_aid_jpki, MYNA_AID_LENGTH, &sw, &error);
  myna_transport_end_transaction (transport);

  if (found)
    add_text (checks, JPKI, MYNA_CHECK_OK, N_("Found: this is a card with JPKI certificates."));
  else if (error->domain != MYNA_SW_ERROR)
    add_error (checks, JPKI, error);
  else
    add_check (checks, JPKI, MYNA_CHECK_FAILED,
               g_strdup_printf ("Not found (the card answered %04X): this is not a My Number card.", sw),
               /* Translators: %04X is the status word the card answered, in hex. */
               g_strdup_printf (_("Not found (the card answered %04X): this is not a My Number card."), sw));
}

static void
add_atr (GPtrArray *checks,
         GBytes    *atr)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (atr, &size);

  add_check (checks, ATR, MYNA_CHECK_OK, myna_hex_encode (data, size, " "), myna_hex_encode (data, size, " "));
}

/**
 * myna_self_test_run_virtual:
 * @card: the demo card
 * @inserted: whether it is in its pretend reader
 *
 * Returns: (transfer full) (element-type MynaCheck): the checks, in order
 */
GPtrArray *
myna_self_test_run_virtual (MynaVirtualCard *card,
                            gboolean         inserted)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_check_free);
  g_autoptr(MynaVirtualTransport) transport = NULL;
  g_autoptr(GBytes) atr = NULL;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (card), checks);

  add_text (checks, SERVICE, MYNA_CHECK_SKIPPED, N_("Not used: this is the demo card."));
  add_check (checks, READERS, MYNA_CHECK_OK, g_strdup ("MynaCheck demo reader"),
             g_strdup (_("MynaCheck demo reader")));

  if (!inserted)
    {
      add_text (checks, CARD, MYNA_CHECK_FAILED, myna_card_error_get_message_id (MYNA_CARD_ERROR_NO_CARD));
      skip_rest (checks, ATR);
      return checks;
    }

  transport = myna_virtual_transport_new (card);
  atr = myna_transport_get_atr (MYNA_TRANSPORT (transport));
  add_text (checks, CARD, MYNA_CHECK_OK, N_("Card present"));
  add_atr (checks, atr);
  add_check (checks, CONNECTION, MYNA_CHECK_OK, g_strdup ("T=1"), g_strdup ("T=1"));
  check_jpki (checks, MYNA_TRANSPORT (transport));

  return checks;
}

/* Is pcscd there, and which readers does it see? */
static GPtrArray *
check_service_and_readers (GPtrArray *checks)
{
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = NULL;

  readers = myna_pcsc_get_readers (&error);
  if (readers == NULL)
    {
      add_error (checks, SERVICE, error);
      skip_rest (checks, READERS);
      return NULL;
    }
  add_check (checks, SERVICE, MYNA_CHECK_OK,
             g_strdup_printf ("pcscd is running (pcsc-lite %s)", PCSCLITE_VERSION_NUMBER),
             /* Translators: %s is the version of the pcsc-lite library. */
             g_strdup_printf (_("pcscd is running (pcsc-lite %s)"), PCSCLITE_VERSION_NUMBER));

  if (readers->len == 0)
    {
      add_text (checks, READERS, MYNA_CHECK_FAILED,
                N_("No IC card reader is connected. Plug in a USB IC card reader. A Sony RC-S380 has no Linux driver; an RC-S300 works."));
      skip_rest (checks, CARD);
      return NULL;
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < readers->len; i++)
    {
      const MynaReaderInfo *info = g_ptr_array_index (readers, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "", info->name);
    }
  add_check (checks, READERS, MYNA_CHECK_OK, g_strdup (names->str), g_strdup (names->str));

  return g_steal_pointer (&readers);
}

/* Is there one card to test? Returns its reader, or %NULL when the rest
 * cannot be checked. */
static const MynaReaderInfo *
check_card (GPtrArray  *checks,
            GPtrArray  *readers,
            const char *preferred_reader)
{
  const MynaReaderInfo *reader = NULL;

  switch (myna_reader_state_compute (readers, preferred_reader, &reader))
    {
    case MYNA_READER_STATE_CARD_PRESENT:
      add_check (checks, CARD, MYNA_CHECK_OK,
                 g_strdup_printf ("Card present in %s", reader->name),
                 /* Translators: %s is the name of a reader. */
                 g_strdup_printf (_("Card present in %s"), reader->name));
      return reader;
    case MYNA_READER_STATE_CARD_IN_USE:
      add_text (checks, CARD, MYNA_CHECK_WARNING, N_("Card present, but another program holds it exclusively."));
      return reader;
    case MYNA_READER_STATE_CARD_MUTE:
      add_text (checks, CARD, MYNA_CHECK_FAILED, myna_card_error_get_message_id (MYNA_CARD_ERROR_UNRESPONSIVE));
      break;
    case MYNA_READER_STATE_SEVERAL_CARDS:
      add_text (checks, CARD, MYNA_CHECK_WARNING, myna_card_error_get_message_id (MYNA_CARD_ERROR_SEVERAL_CARDS));
      break;
    case MYNA_READER_STATE_NO_CARD:
    case MYNA_READER_STATE_NO_READER:
    case MYNA_READER_STATE_STARTING:
    case MYNA_READER_STATE_SERVICE_UNAVAILABLE:
    default:
      add_text (checks, CARD, MYNA_CHECK_FAILED, myna_card_error_get_message_id (MYNA_CARD_ERROR_NO_CARD));
      break;
    }

  skip_rest (checks, ATR);
  return NULL;
}

/**
 * myna_self_test_run_pcsc:
 * @preferred_reader: (nullable): the reader to test when several hold a card
 *
 * Returns: (transfer full) (element-type MynaCheck): the checks, in order
 */
GPtrArray *
myna_self_test_run_pcsc (const char *preferred_reader)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_check_free);
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaPcscTransport) transport = NULL;
  const MynaReaderInfo *reader;

  readers = check_service_and_readers (checks);
  if (readers == NULL)
    return checks;

  reader = check_card (checks, readers, preferred_reader);
  if (reader == NULL)
    return checks;

  if (reader->atr != NULL)
    add_atr (checks, reader->atr);
  else
    add_text (checks, ATR, MYNA_CHECK_WARNING, N_("None"));

  transport = myna_pcsc_transport_new (reader->name, FALSE, &error);
  if (transport == NULL)
    {
      add_error (checks, CONNECTION, error);
      skip_rest (checks, JPKI);
      return checks;
    }

  add_check (checks, CONNECTION, MYNA_CHECK_OK,
             g_strdup (myna_pcsc_transport_get_protocol (transport)),
             g_strdup (myna_pcsc_transport_get_protocol (transport)));
  check_jpki (checks, MYNA_TRANSPORT (transport));

  return checks;
}
