/* mynacheck-virtual-card.c
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

#define G_LOG_DOMAIN "mynacheck-virtual-card"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>

#include "myna-apdu.h"
#include "myna-card-status.h"
#include "myna-pin.h"
#include "myna-virtual-card.h"
#include "myna-virtual-scenarios.h"

/*
 * Puts the virtual My Number card behind a real pcscd: connects to the
 * vsmartcard vpcd driver (Debian package vsmartcard-vpcd) and answers its
 * socket protocol. Each message is a 2-byte big-endian length and a body;
 * a 1-byte body is a control code (0 power off, 1 power on, 2 reset,
 * 4 send the ATR), anything longer is a command APDU answered with a
 * response APDU.
 *
 * With --stats, a JSON file is rewritten after every event with the APDU
 * count, the tries spent and the tries left, so a test can check that a
 * status read spent none.
 */

#define VPCD_CTRL_OFF   0
#define VPCD_CTRL_ON    1
#define VPCD_CTRL_RESET 2
#define VPCD_CTRL_ATR   4

static char *scenario = NULL;
static char *host = NULL;
static int port = 35963;
static char *stats_path = NULL;
static int latency_ms = 0;
static int connect_timeout = 10;
static gboolean no_extended = FALSE;
static gboolean get_response = FALSE;
static gboolean wrong_le = FALSE;
static int remove_after = -1;
static int garbage_at = 0;
static char *export_dir = NULL;
static gboolean list = FALSE;
static gboolean insert_on_input = FALSE;

static const GOptionEntry entries[] = {
  { "scenario", 's', 0, G_OPTION_ARG_STRING, &scenario, "The card to be (default: valid)", "NAME" },
  { "host", 0, 0, G_OPTION_ARG_STRING, &host, "Where vpcd listens (default: 127.0.0.1)", "HOST" },
  { "port", 'p', 0, G_OPTION_ARG_INT, &port, "vpcd's port (default: 35963)", "PORT" },
  { "stats", 0, 0, G_OPTION_ARG_FILENAME, &stats_path, "Keep counters in this JSON file", "FILE" },
  { "latency", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Milliseconds each APDU takes", "MS" },
  { "connect-timeout", 0, 0, G_OPTION_ARG_INT, &connect_timeout, "Seconds to wait for vpcd (default: 10)", "S" },
  { "no-extended", 0, 0, G_OPTION_ARG_NONE, &no_extended, "Act as a reader without extended-length APDUs", NULL },
  { "get-response", 0, 0, G_OPTION_ARG_NONE, &get_response, "Send data with 61xx and GET RESPONSE", NULL },
  { "wrong-le", 0, 0, G_OPTION_ARG_NONE, &wrong_le, "Answer 6Cxx when Le is too long", NULL },
  { "remove-after", 0, 0, G_OPTION_ARG_INT, &remove_after,
    "Leave the reader when APDU N+1 arrives, unanswered, as a card pulled mid-read", "N" },
  { "garbage-at", 0, 0, G_OPTION_ARG_INT, &garbage_at,
    "Answer APDU N with one stray byte and no status word", "N" },
  { "export-certificates", 0, 0, G_OPTION_ARG_FILENAME, &export_dir,
    "Write the card's certificates as DER files into DIR and exit", "DIR" },
  { "insert-on-input", 0, 0, G_OPTION_ARG_NONE, &insert_on_input,
    "Go into the reader at each odd line on stdin, out at each even one, until stdin closes", NULL },
  { "list", 'l', 0, G_OPTION_ARG_NONE, &list, "List the scenarios and exit", NULL },
  { NULL }
};

static void
write_stats (MynaVirtualCard *card)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  if (stats_path == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, myna_virtual_card_get_scenario (card));
  json_builder_set_member_name (builder, "apdus");
  json_builder_add_int_value (builder, myna_virtual_card_get_apdu_count (card));
  json_builder_set_member_name (builder, "tries_spent");
  json_builder_add_int_value (builder, myna_virtual_card_get_tries_spent (card));
  json_builder_set_member_name (builder, "verifies_with_data");
  json_builder_add_int_value (builder, myna_virtual_card_get_verify_count (card));
  json_builder_set_member_name (builder, "pin_changes");
  json_builder_add_int_value (builder, myna_virtual_card_get_change_count (card));
  json_builder_set_member_name (builder, "power_downs");
  json_builder_add_int_value (builder, myna_virtual_card_get_power_down_count (card));
  json_builder_set_member_name (builder, "powered");
  json_builder_add_boolean_value (builder, myna_virtual_card_is_powered (card));
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, myna_virtual_card_has_verified_pin (card));
  json_builder_set_member_name (builder, "pins");
  json_builder_begin_object (builder);
  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      json_builder_set_member_name (builder, myna_pin_id_to_string (id));
      json_builder_add_int_value (builder, myna_virtual_card_get_pin_remaining (card, id));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  if (!g_file_set_contents (stats_path, data, -1, &error))
    g_printerr ("mynacheck-virtual-card: %s\n", error->message);
}

static GSocketConnection *
connect_to_vpcd (GError **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  gint64 deadline = g_get_monotonic_time () + (gint64) connect_timeout * G_USEC_PER_SEC;

  /* vpcd is on this machine: a proxy has no say, and looking one up
   * loads GIO's modules for the life of the process. */
  g_socket_client_set_enable_proxy (client, FALSE);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      GSocketConnection *connection;

      connection = g_socket_client_connect_to_host (client, host, port, NULL, &local_error);
      if (connection != NULL)
        {
          /* Each message is small and waits for its answer: Nagle's
           * algorithm would hold every one back for a delayed ACK. */
          g_socket_set_option (g_socket_connection_get_socket (connection), IPPROTO_TCP, TCP_NODELAY, 1, NULL);
          return connection;
        }

      if (g_get_monotonic_time () >= deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* pcscd may not have loaded the vpcd driver yet. */
      g_usleep (100 * G_TIME_SPAN_MILLISECOND);
    }
}

static gboolean
send_message (GOutputStream  *output,
              const guint8   *data,
              gsize           length,
              GError        **error)
{
  g_autofree guint8 *message = g_malloc (length + 2);

  /* One write: the length and the data in a single segment. */
  message[0] = length >> 8;
  message[1] = length & 0xff;
  memcpy (message + 2, data, length);

  return g_output_stream_write_all (output, message, length + 2, NULL, NULL, error) &&
         g_output_stream_flush (output, NULL, error);
}

/* vpcd sends a command's length and its bytes apart; acknowledging at once
 * lets the bytes come without waiting for the delayed-ACK timer. */
static void
ack_quickly (GIOStream *stream)
{
  if (G_IS_SOCKET_CONNECTION (stream))
    g_socket_set_option (g_socket_connection_get_socket (G_SOCKET_CONNECTION (stream)),
                         IPPROTO_TCP, TCP_QUICKACK, 1, NULL);
}

/* Reads one message into @command. Returns FALSE when the serving ends,
 * with @status the exit status: 0 when vpcd closed the connection. */
static gboolean
read_message (GIOStream *stream,
              guint8    *command,
              gsize     *length,
              int       *status)
{
  GInputStream *input = g_io_stream_get_input_stream (stream);
  g_autoptr(GError) error = NULL;
  guint8 header[2];
  gsize read = 0;

  ack_quickly (stream);
  if (!g_input_stream_read_all (input, header, 2, &read, NULL, &error) || read < 2)
    {
      if (error != NULL)
        g_printerr ("mynacheck-virtual-card: %s\n", error->message);
      *status = error != NULL ? 1 : 0; /* vpcd closed the connection */
      return FALSE;
    }

  *length = (header[0] << 8) | header[1];
  ack_quickly (stream);
  if (!g_input_stream_read_all (input, command, *length, &read, NULL, &error) || read < *length)
    {
      g_printerr ("mynacheck-virtual-card: %s\n", error != NULL ? error->message : "short read");
      *status = 1;
      return FALSE;
    }

  return TRUE;
}

/* A 1-byte message: power, reset, or the ATR. */
static gboolean
control (MynaVirtualCard  *card,
         GOutputStream    *output,
         guint8            code,
         GError          **error)
{
  gsize atr_length;
  const guint8 *atr;

  switch (code)
    {
    case VPCD_CTRL_OFF:
      myna_virtual_card_power_off (card);
      return TRUE;
    case VPCD_CTRL_ON:
      myna_virtual_card_power_on (card);
      return TRUE;
    case VPCD_CTRL_RESET:
      myna_virtual_card_reset (card);
      return TRUE;
    case VPCD_CTRL_ATR:
      atr = g_bytes_get_data (myna_virtual_card_get_atr (card), &atr_length);
      return send_message (output, atr, atr_length, error);
    default:
      g_printerr ("mynacheck-virtual-card: unknown vpcd control code %u\n", code);
      return TRUE;
    }
}

/* Answers APDU number @apdus into @response; returns the answer's length. */
static gsize
answer (MynaVirtualCard *card,
        int              apdus,
        guint8          *command,
        gsize            length,
        guint8          *response)
{
  if (latency_ms > 0)
    g_usleep ((gulong) latency_ms * G_TIME_SPAN_MILLISECOND);

  if (garbage_at > 0 && apdus == garbage_at)
    {
      response[0] = 0x90;
      length = 1;
    }
  else
    {
      myna_virtual_card_power_on (card);
      length = myna_virtual_card_process (card, command, length, response, MYNA_APDU_MAX_RESPONSE);
    }
  /* The command may have held a PIN. */
  myna_secret_wipe (command, G_MAXUINT16 + 1);

  return length;
}

static int
serve (MynaVirtualCard *card,
       GIOStream       *stream)
{
  GOutputStream *output = g_io_stream_get_output_stream (stream);
  g_autofree guint8 *command = g_malloc (G_MAXUINT16 + 1);
  g_autofree guint8 *response = g_malloc (MYNA_APDU_MAX_RESPONSE);
  int apdus = 0;
  int status = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      if (!read_message (stream, command, &length, &status))
        return status;

      if (length == 1)
        {
          if (!control (card, output, command[0], &error))
            {
              g_printerr ("mynacheck-virtual-card: %s\n", error->message);
              return 1;
            }
          write_stats (card);
          continue;
        }

      apdus++;

      /* The card leaves: vpcd sees the connection close, pcscd the reader
       * empty, and the APDU never gets an answer. */
      if (remove_after >= 0 && apdus > remove_after)
        {
          myna_secret_wipe (command, G_MAXUINT16 + 1);
          write_stats (card);
          return 0;
        }

      length = answer (card, apdus, command, length, response);

      /* Counted before the answer leaves: a client that has its answer
       * finds the counters up to date. */
      write_stats (card);
      if (!send_message (output, response, length, &error))
        {
          g_printerr ("mynacheck-virtual-card: %s\n", error->message);
          return 1;
        }
    }
}

/* The next line on stdin takes the card out: the connection closes, as
 * when a card leaves the reader. Returns whether stdin ended instead. */
static gpointer
remove_on_input (gpointer data)
{
  GSocket *socket = data;
  char line[64];
  gboolean ended = fgets (line, sizeof line, stdin) == NULL;

  g_socket_shutdown (socket, TRUE, TRUE, NULL);

  return GINT_TO_POINTER (ended);
}

/* One card, in and out of the reader as often as the lines on stdin say:
 * an endurance run needs hundreds of insertions, and making the card's
 * keys and certificates takes about a second each time. */
static int
serve_on_input (MynaVirtualCard *card)
{
  char line[64];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GError) error = NULL;
      GThread *remover;
      gboolean ended;

      connection = connect_to_vpcd (&error);
      if (connection == NULL)
        {
          g_printerr ("mynacheck-virtual-card: cannot reach vpcd at %s:%d: %s\n", host, port, error->message);
          return 1;
        }

      remover = g_thread_new ("remover", remove_on_input, g_socket_connection_get_socket (connection));
      if (serve (card, G_IO_STREAM (connection)) != 0)
        g_socket_shutdown (g_socket_connection_get_socket (connection), TRUE, TRUE, NULL);
      ended = GPOINTER_TO_INT (g_thread_join (remover));
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      myna_virtual_card_power_off (card);
      write_stats (card);
      if (ended)
        break;
    }

  return 0;
}

/* For openssl and the fuzzers' seed corpus: the demo card's certificates
 * hold made-up people only. */
static int
export_certificates (MynaVirtualCard *card,
                     const char      *name,
                     const char      *directory)
{
  for (MynaCertId id = 0; id < MYNA_N_CERTS; id++)
    {
      GBytes *der = myna_virtual_card_get_certificate (card, id);
      g_autoptr(GError) error = NULL;
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;

      if (der == NULL)
        continue;
      file = g_strdup_printf ("%s-%s.der", name, myna_cert_id_to_string (id));
      path = g_build_filename (directory, file, NULL);
      if (!g_file_set_contents (path, g_bytes_get_data (der, NULL), g_bytes_get_size (der), &error))
        {
          g_printerr ("mynacheck-virtual-card: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static MynaVirtualQuirks
quirks_from_options (void)
{
  MynaVirtualQuirks quirks = MYNA_VIRTUAL_QUIRK_NONE;

  if (no_extended)
    quirks |= MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH;
  if (get_response)
    quirks |= MYNA_VIRTUAL_QUIRK_GET_RESPONSE;
  if (wrong_le)
    quirks |= MYNA_VIRTUAL_QUIRK_WRONG_LE;

  return quirks;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaVirtualCard) card = NULL;
  g_autoptr(GSocketConnection) connection = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Serve MynaCheck's virtual My Number card to pcscd through the vpcd driver.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("mynacheck-virtual-card: %s\n", error->message);
      return 2;
    }

  if (list)
    {
      g_autofree char *scenarios = myna_virtual_scenarios_list ();

      g_print ("%s", scenarios);
      return 0;
    }

  if (host == NULL)
    host = g_strdup ("127.0.0.1");

  card = myna_virtual_card_new (scenario != NULL ? scenario : "valid", &error);
  if (card == NULL)
    {
      g_printerr ("mynacheck-virtual-card: %s\n", error->message);
      return 2;
    }

  if (export_dir != NULL)
    return export_certificates (card, scenario != NULL ? scenario : "valid", export_dir);

  myna_virtual_card_set_quirks (card, quirks_from_options ());

  write_stats (card);

  if (insert_on_input)
    return serve_on_input (card);

  connection = connect_to_vpcd (&error);
  if (connection == NULL)
    {
      g_printerr ("mynacheck-virtual-card: cannot reach vpcd at %s:%d: %s\n",
                  host, port, error->message);
      return 1;
    }

  return serve (card, G_IO_STREAM (connection));
}
