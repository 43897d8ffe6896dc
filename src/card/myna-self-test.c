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

static MynaCheck *
add_check (GPtrArray       *checks,
           const char      *id,
           const char      *title,
           MynaCheckResult  result,
           char            *detail)
{
  MynaCheck *check = g_new0 (MynaCheck, 1);

  check->id = g_strdup (id);
  check->title = g_strdup (title);
  check->result = result;
  check->detail = detail;
  g_ptr_array_add (checks, check);

  return check;
}

static void
skip_rest (GPtrArray *checks,
           guint      from)
{
  static const struct { const char *id; const char *title; } steps[] = {
    { "service", N_("Smart card service") },
    { "readers", N_("Readers") },
    { "card", N_("Card") },
    { "atr", N_("Answer to reset (ATR)") },
    { "connection", N_("Connection") },
    { "jpki", N_("JPKI application") },
  };

  for (guint i = from; i < G_N_ELEMENTS (steps); i++)
    add_check (checks, steps[i].id, _(steps[i].title), MYNA_CHECK_SKIPPED,
               g_strdup (_("Not checked: an earlier step failed.")));
}

static void
check_jpki (GPtrArray     *checks,
            MynaTransport *transport)
{
  g_autoptr(MynaCardSession) session = myna_card_session_new (transport);
  g_autoptr(GError) error = NULL;
  guint16 sw = 0;

  if (myna_card_session_select_aid (session, myna_aid_jpki, MYNA_AID_LENGTH, &sw, &error))
    add_check (checks, "jpki", _("JPKI application"), MYNA_CHECK_OK,
               g_strdup (_("Found: this is a card with JPKI certificates.")));
  else if (error->domain != MYNA_SW_ERROR)
    add_check (checks, "jpki", _("JPKI application"), MYNA_CHECK_FAILED, g_strdup (error->message));
  else
    /* Translators: %04X is the status word the card answered, in hex. */
    add_check (checks, "jpki", _("JPKI application"), MYNA_CHECK_FAILED,
               g_strdup_printf (_("Not found (the card answered %04X): this is not a My Number card."), sw));
}

static GPtrArray *
run_demo (MynaVirtualCard *card)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_check_free);
  g_autoptr(MynaVirtualTransport) transport = myna_virtual_transport_new (card);
  g_autoptr(GBytes) atr = myna_transport_get_atr (MYNA_TRANSPORT (transport));
  gsize size;
  const guint8 *data = g_bytes_get_data (atr, &size);

  add_check (checks, "service", _("Smart card service"), MYNA_CHECK_SKIPPED,
             g_strdup (_("Not used: this is the demo card.")));
  add_check (checks, "readers", _("Readers"), MYNA_CHECK_OK,
             g_strdup (myna_transport_get_reader_name (MYNA_TRANSPORT (transport))));
  add_check (checks, "card", _("Card"), MYNA_CHECK_OK, g_strdup (_("Present")));
  add_check (checks, "atr", _("Answer to reset (ATR)"), MYNA_CHECK_OK, myna_hex_encode (data, size, " "));
  add_check (checks, "connection", _("Connection"), MYNA_CHECK_OK, g_strdup ("T=1"));
  check_jpki (checks, MYNA_TRANSPORT (transport));

  return checks;
}

/**
 * myna_self_test_run:
 * @preferred_reader: (nullable): the reader to test when several hold a card
 * @demo_card: (nullable): test the demo card instead of PC/SC
 *
 * Returns: (transfer full) (element-type MynaCheck): the checks, in order
 */
GPtrArray *
myna_self_test_run (const char      *preferred_reader,
                    MynaVirtualCard *demo_card)
{
  GPtrArray *checks;
  g_autoptr(GPtrArray) readers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaPcscTransport) transport = NULL;
  g_autoptr(GString) names = NULL;
  const MynaReaderInfo *reader = NULL;

  if (demo_card != NULL)
    return run_demo (demo_card);

  checks = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_check_free);

  readers = myna_pcsc_get_readers (&error);
  if (readers == NULL)
    {
      add_check (checks, "service", _("Smart card service"), MYNA_CHECK_FAILED, g_strdup (error->message));
      skip_rest (checks, 1);
      return checks;
    }
  /* Translators: %s is the version of the pcsc-lite library. */
  add_check (checks, "service", _("Smart card service"), MYNA_CHECK_OK,
             g_strdup_printf (_("pcscd is running (pcsc-lite %s)"), PCSCLITE_VERSION_NUMBER));

  if (readers->len == 0)
    {
      add_check (checks, "readers", _("Readers"), MYNA_CHECK_FAILED,
                 g_strdup (_("No IC card reader is connected. Plug in a USB IC card reader. A Sony RC-S380 has no Linux driver; an RC-S300 works.")));
      skip_rest (checks, 2);
      return checks;
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < readers->len; i++)
    {
      const MynaReaderInfo *info = g_ptr_array_index (readers, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "; " : "", info->name);
    }
  add_check (checks, "readers", _("Readers"), MYNA_CHECK_OK, g_strdup (names->str));

  switch (myna_reader_state_compute (readers, preferred_reader, &reader))
    {
    case MYNA_READER_STATE_CARD_PRESENT:
      add_check (checks, "card", _("Card"), MYNA_CHECK_OK,
                 /* Translators: %s is the name of a reader. */
                 g_strdup_printf (_("Present in %s"), reader->name));
      break;
    case MYNA_READER_STATE_CARD_IN_USE:
      add_check (checks, "card", _("Card"), MYNA_CHECK_WARNING,
                 g_strdup (_("Present, but another program holds it exclusively.")));
      break;
    case MYNA_READER_STATE_CARD_MUTE:
      add_check (checks, "card", _("Card"), MYNA_CHECK_FAILED,
                 g_strdup (_("The card does not respond. Check that it is inserted the right way round, chip first, or try another reader.")));
      skip_rest (checks, 3);
      return checks;
    case MYNA_READER_STATE_SEVERAL_CARDS:
      add_check (checks, "card", _("Card"), MYNA_CHECK_WARNING,
                 g_strdup (_("Several readers hold a card: choose one.")));
      skip_rest (checks, 3);
      return checks;
    case MYNA_READER_STATE_NO_CARD:
    case MYNA_READER_STATE_NO_READER:
    case MYNA_READER_STATE_STARTING:
    case MYNA_READER_STATE_SERVICE_UNAVAILABLE:
    default:
      add_check (checks, "card", _("Card"), MYNA_CHECK_FAILED,
                 g_strdup (_("There is no card in the reader. Insert your My Number card.")));
      skip_rest (checks, 3);
      return checks;
    }

  if (reader->atr != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (reader->atr, &size);

      add_check (checks, "atr", _("Answer to reset (ATR)"), MYNA_CHECK_OK, myna_hex_encode (data, size, " "));
    }
  else
    {
      add_check (checks, "atr", _("Answer to reset (ATR)"), MYNA_CHECK_WARNING, g_strdup (_("None")));
    }

  transport = myna_pcsc_transport_new (reader->name, FALSE, &error);
  if (transport == NULL)
    {
      add_check (checks, "connection", _("Connection"), MYNA_CHECK_FAILED, g_strdup (error->message));
      skip_rest (checks, 5);
      return checks;
    }

  add_check (checks, "connection", _("Connection"), MYNA_CHECK_OK,
             g_strdup (myna_pcsc_transport_get_protocol (transport)));
  check_jpki (checks, MYNA_TRANSPORT (transport));

  return checks;
}
