/* test-card-session.c
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

#include "myna-card-error.h"
#include "myna-card-session-private.h"
#include "myna-pcsc.h"
#include "myna-pin.h"
#include "myna-test-transport.h"

static GString *trace;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (trace != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE"))
            {
              g_string_append (trace, fields[i].value);
              g_string_append_c (trace, '\n');
            }
        }
    }

  /* Traces stay out of the TAP output. */
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (level, fields, n_fields, user_data);
}

static GBytes *
pattern (gsize length)
{
  guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = i & 0xff;

  return g_bytes_new_take (data, length);
}

/* A DER SEQUENCE of @content_length bytes, as a certificate EF starts. */
static GBytes *
der_object (gsize content_length)
{
  gsize total = 4 + content_length;
  guint8 *data = g_malloc (total);

  data[0] = 0x30;
  data[1] = 0x82;
  data[2] = content_length >> 8;
  data[3] = content_length & 0xff;
  for (gsize i = 4; i < total; i++)
    data[i] = (i * 7) & 0xff;

  return g_bytes_new_take (data, total);
}

static GBytes *
slice (GBytes *bytes,
       gsize   offset,
       gsize   length)
{
  return g_bytes_new_from_bytes (bytes, offset, length);
}

static void
test_session_wrong_le_is_resent (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) data = pattern (0x10);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  myna_test_transport_expect (transport, "00B0000020", "6C10");
  myna_test_transport_expect_data (transport, "00B0000010", data, 0x9000);

  read = myna_card_session_read_binary (session, 0, 0, 0x20, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, data));
  g_assert_cmpuint (myna_card_session_get_apdu_count (session), ==, 2);
  myna_test_transport_assert_done (transport);
}

static void
test_session_get_response (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) data = pattern (300);
  g_autoptr(GBytes) first = slice (data, 0, 256);
  g_autoptr(GBytes) second = slice (data, 256, 44);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* T=0 style: the card announces its data with 61xx, over two fetches. */
  myna_test_transport_expect (transport, "00B0000000012C", "6100");
  myna_test_transport_expect_data (transport, "00C0000000", first, 0x612C);
  myna_test_transport_expect_data (transport, "00C000002C", second, 0x9000);

  read = myna_card_session_read_binary (session, 0, 0, 300, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, data));
  g_assert_cmpuint (myna_card_session_get_apdu_count (session), ==, 3);
  myna_test_transport_assert_done (transport);
}

static void
test_session_answer_without_sw (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  myna_test_transport_expect (transport, "00B0000004", "90");

  read = myna_card_session_read_binary (session, 0, 0, 4, &error);
  g_assert_null (read);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_IO);
}

static void
test_session_read_der_extended (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) object = der_object (0x500);
  g_autoptr(GBytes) large = der_object (0x1000);
  g_autoptr(GBytes) large_start = slice (large, 0, 0x800);
  g_autoptr(GBytes) large_rest = slice (large, 0x800, 0x804);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) read_large = NULL;
  g_autoptr(GError) error = NULL;

  /* By SFI, the whole file in one extended READ BINARY: the card sends
   * what there is, fewer bytes than asked for, with 9000. */
  myna_test_transport_expect_data (transport, "00B08A00000800", object, 0x9000);

  read = myna_card_session_read_der_file (session, 0x0A, 0x000A, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, object));
  g_assert_cmpuint (myna_card_session_get_apdu_count (session), ==, 1);
  g_assert_true (myna_card_session_get_extended_length (session));

  /* Longer than the first read: the rest by FID, as an SFI carries an
   * offset of 8 bits only. */
  myna_test_transport_expect_data (transport, "00B08B00000800", large_start, 0x9000);
  myna_test_transport_expect (transport, "00A4020C02000B", "9000");
  myna_test_transport_expect_data (transport, "00B00800000804", large_rest, 0x9000);

  read_large = myna_card_session_read_der_file (session, 0x0B, 0x000B, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_large, large));
  g_assert_cmpuint (myna_card_session_get_apdu_count (session), ==, 4);
  myna_test_transport_assert_done (transport);
}

static void
expect_short_reads (MynaTestTransport *transport,
                    GBytes            *object,
                    gsize              from)
{
  gsize total = g_bytes_get_size (object);

  for (gsize offset = from; offset < total; offset += 256)
    {
      gsize length = MIN (256, total - offset);
      g_autoptr(GBytes) chunk = slice (object, offset, length);
      g_autofree char *command = g_strdup_printf ("00B0%04X%02X", (guint) offset, (guint) (length & 0xff));

      myna_test_transport_expect_data (transport, command, chunk, 0x9000);
    }
}

static void
test_session_read_der_falls_back (gconstpointer data)
{
  gboolean by_io_error = GPOINTER_TO_INT (data);
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) object = der_object (0x400);
  g_autoptr(GBytes) second = der_object (0x300);
  g_autoptr(GBytes) start = slice (object, 0, 256);
  g_autoptr(GBytes) second_start = slice (second, 0, 256);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) read_second = NULL;
  g_autoptr(GError) error = NULL;

  /* The reader cannot carry it: the card says 6700, or the transmission
   * fails. The same read in the short form works. */
  myna_test_transport_expect (transport, "00B08A00000800", by_io_error ? NULL : "6700");
  myna_test_transport_expect_data (transport, "00B08A0000", start, 0x9000);
  myna_test_transport_expect (transport, "00A4020C02000A", "9000");
  expect_short_reads (transport, object, 256);

  read = myna_card_session_read_der_file (session, 0x0A, 0x000A, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, object));
  g_assert_false (myna_card_session_get_extended_length (session));

  /* The session remembers: the next file goes straight to short reads. */
  myna_test_transport_expect_data (transport, "00B08B0000", second_start, 0x9000);
  myna_test_transport_expect (transport, "00A4020C02000B", "9000");
  expect_short_reads (transport, second, 256);

  read_second = myna_card_session_read_der_file (session, 0x0B, 0x000B, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_second, second));
  myna_test_transport_assert_done (transport);
}

static void
test_session_read_der_missing_file (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* 6A82 by SFI is checked by FID before it counts as "no such file". */
  myna_test_transport_expect (transport, "00B08100000800", "6A82");
  myna_test_transport_expect (transport, "00A4020C020001", "6A82");

  read = myna_card_session_read_der_file (session, 0x01, 0x0001, &error);
  g_assert_null (read);
  g_assert_error (error, MYNA_SW_ERROR, 0x6A82);
  myna_test_transport_assert_done (transport);
}

static void
test_session_read_der_truncated (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) object = der_object (0x500);
  g_autoptr(GBytes) part = slice (object, 0, 0x100);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* The file ends before the length its header claims: what is left of it
   * comes back empty, in the extended form and in the short one. */
  myna_test_transport_expect_data (transport, "00B08A00000800", part, 0x9000);
  myna_test_transport_expect (transport, "00A4020C02000A", "9000");
  myna_test_transport_expect (transport, "00B00100000404", "9000");
  myna_test_transport_expect (transport, "00B0010000", "9000");

  read = myna_card_session_read_der_file (session, 0x0A, 0x000A, &error);
  g_assert_null (read);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED);
}

static void
test_session_read_der_bad_header (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* Claims 16 MiB: refused without asking for it. */
  myna_test_transport_expect (transport, "00B08A00000800", "30830FFFFF9000");

  read = myna_card_session_read_der_file (session, 0x0A, 0x000A, &error);
  g_assert_null (read);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED);
  myna_test_transport_assert_done (transport);
}

static void
test_session_read_der_beyond_reach (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* 32 KiB and one byte: more than short reads can reach. Refused at once,
   * with an error, not a crash. */
  myna_test_transport_expect (transport, "00B08A00000800", "308280019000");

  read = myna_card_session_read_der_file (session, 0x0A, 0x000A, &error);
  g_assert_null (read);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED);
  myna_test_transport_assert_done (transport);
}

static void
test_session_read_der_short_extended_answer (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) object = der_object (0x400);
  g_autoptr(GBytes) capped = slice (object, 0, 0x100);
  g_autoptr(GBytes) capped_again = slice (object, 0x100, 0x100);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* The reader caps its answer at 256 bytes and says 9000: the rest comes
   * in chunks, and extended length is not tried again. */
  myna_test_transport_expect_data (transport, "00B08A00000800", capped, 0x9000);
  myna_test_transport_expect (transport, "00A4020C02000A", "9000");
  myna_test_transport_expect_data (transport, "00B00100000304", capped_again, 0x9000);
  expect_short_reads (transport, object, 0x200);

  read = myna_card_session_read_der_file (session, 0x0A, 0x000A, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, object));
  g_assert_false (myna_card_session_get_extended_length (session));
  myna_test_transport_assert_done (transport);
}

static void
test_session_get_response_without_data (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  /* A card that keeps announcing data and sends none must not hang us. */
  myna_test_transport_expect (transport, "00B0000004", "6101");
  myna_test_transport_expect (transport, "00C0000001", "6101");

  read = myna_card_session_read_binary (session, 0, 0, 4, &error);
  g_assert_null (read);
  g_assert_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_MALFORMED);
  myna_test_transport_assert_done (transport);
}

static void
test_session_query_pin (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GError) error = NULL;
  guint16 sw = 0;

  /* The short form: VERIFY with the SFI in P2, no data. */
  myna_test_transport_expect (transport, "00200098", "63C3");
  g_assert_true (myna_card_session_query_pin (session, 0x18, 0x0018, &sw, &error));
  g_assert_no_error (error);
  g_assert_cmphex (sw, ==, 0x63C3);

  /* A missing PIN by SFI is checked by FID. */
  myna_test_transport_expect (transport, "0020009B", "6A82");
  myna_test_transport_expect (transport, "00A4020C02001B", "6A82");
  g_assert_true (myna_card_session_query_pin (session, 0x1B, 0x001B, &sw, &error));
  g_assert_cmphex (sw, ==, 0x6A82);

  myna_test_transport_assert_done (transport);
}

static void
test_session_query_pin_falls_back (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GError) error = NULL;
  guint16 sw = 0;

  /* A card that does not know the SFI form gets SELECT + VERIFY. */
  myna_test_transport_expect (transport, "00200098", "6A86");
  myna_test_transport_expect (transport, "00A4020C020018", "9000");
  myna_test_transport_expect (transport, "00200080", "63C2");
  g_assert_true (myna_card_session_query_pin (session, 0x18, 0x0018, &sw, &error));
  g_assert_cmphex (sw, ==, 0x63C2);

  /* And only that from then on. */
  myna_test_transport_expect (transport, "00A4020C02001B", "9000");
  myna_test_transport_expect (transport, "00200080", "63C5");
  g_assert_true (myna_card_session_query_pin (session, 0x1B, 0x001B, &sw, &error));
  g_assert_cmphex (sw, ==, 0x63C5);

  myna_test_transport_assert_done (transport);
}

static void
test_session_trace (void)
{
  g_autoptr(MynaTestTransport) transport = myna_test_transport_new ();
  g_autoptr(MynaCardSession) session = myna_card_session_new (MYNA_TRANSPORT (transport));
  g_autoptr(GError) error = NULL;
  guint16 sw = 0;

  trace = g_string_new (NULL);

  myna_test_transport_expect (transport, "00A4020C02001B", "9000");
  myna_test_transport_expect (transport, "002000800753454352455439", "63C4");
  g_assert_true (_myna_card_session_verify_pin (session, 0x001B, "SECRET9", &sw, &error));
  g_assert_no_error (error);
  g_assert_cmphex (sw, ==, 0x63C4);

  g_test_message ("trace:\n%s", trace->str);
  g_assert_nonnull (strstr (trace->str, "00 20 00 80 Lc=7 XX XX XX XX XX XX XX"));
  g_assert_null (strstr (trace->str, "SECRET"));
  g_assert_null (strstr (trace->str, "53 45 43"));
  g_assert_null (strstr (trace->str, "534543"));

  g_string_free (g_steal_pointer (&trace), TRUE);
}

/* `--reader NAME` is one rule, myna_reader_find(), for the window (the
 * reader monitor's state) and for `--status`: the reader called NAME, or
 * else the only one whose name contains it, ignoring case. */
static void
test_reader_choice (void)
{
  static const struct { const char *wanted; MynaReaderState state; const char *reader; } cases[] = {
    { NULL, MYNA_READER_STATE_SEVERAL_CARDS, NULL },
    { "SCM SCR3310 00 01", MYNA_READER_STATE_CARD_PRESENT, "SCM SCR3310 00 01" },
    { "00 01", MYNA_READER_STATE_CARD_PRESENT, "SCM SCR3310 00 01" },
    { "scr3310", MYNA_READER_STATE_CARD_PRESENT, "SCM SCR3310 00 01" },
    { "icc reader", MYNA_READER_STATE_CARD_PRESENT, "ACS ACR39U ICC Reader 00 00" },
    { "00", MYNA_READER_STATE_SEVERAL_CARDS, NULL },         /* both: ambiguous */
    { "No Such Reader", MYNA_READER_STATE_SEVERAL_CARDS, NULL },
  };
  g_autoptr(GPtrArray) readers = g_ptr_array_new_with_free_func ((GDestroyNotify) myna_reader_info_free);
  MynaReaderInfo first = { .name = (char *) "ACS ACR39U ICC Reader 00 00", .card_present = TRUE };
  MynaReaderInfo second = { .name = (char *) "SCM SCR3310 00 01", .card_present = TRUE };

  g_ptr_array_add (readers, myna_reader_info_copy (&first));
  g_ptr_array_add (readers, myna_reader_info_copy (&second));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const MynaReaderInfo *chosen = NULL;
      MynaReaderState state = myna_reader_state_compute (readers, cases[i].wanted, &chosen);
      const MynaReaderInfo *found = NULL;

      g_test_message ("--reader %s", cases[i].wanted);
      g_assert_cmpint (state, ==, cases[i].state);
      g_assert_cmpstr (chosen != NULL ? chosen->name : NULL, ==, cases[i].reader);

      /* --status chooses the same reader. */
      if (cases[i].wanted != NULL)
        {
          found = myna_reader_find (readers, cases[i].wanted, NULL);
          g_assert_cmpstr (found != NULL ? found->name : NULL, ==, cases[i].reader);
        }
    }

  /* The chosen reader without a card: the other card is read. */
  ((MynaReaderInfo *) g_ptr_array_index (readers, 1))->card_present = FALSE;
  {
    const MynaReaderInfo *chosen = NULL;

    g_assert_cmpint (myna_reader_state_compute (readers, "00 01", &chosen), ==, MYNA_READER_STATE_CARD_PRESENT);
    g_assert_cmpstr (chosen->name, ==, "ACS ACR39U ICC Reader 00 00");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* APDU traces are debug messages of this domain. */
  g_setenv ("G_MESSAGES_DEBUG", "mynacheck-apdu", TRUE);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/wrong-le-is-resent", test_session_wrong_le_is_resent);
  g_test_add_func ("/session/get-response", test_session_get_response);
  g_test_add_func ("/session/answer-without-sw", test_session_answer_without_sw);
  g_test_add_func ("/session/read-der/extended", test_session_read_der_extended);
  g_test_add_data_func ("/session/read-der/falls-back-on-6700",
                        GINT_TO_POINTER (FALSE), test_session_read_der_falls_back);
  g_test_add_data_func ("/session/read-der/falls-back-on-io-error",
                        GINT_TO_POINTER (TRUE), test_session_read_der_falls_back);
  g_test_add_func ("/session/read-der/missing-file", test_session_read_der_missing_file);
  g_test_add_func ("/session/read-der/truncated", test_session_read_der_truncated);
  g_test_add_func ("/session/read-der/bad-header", test_session_read_der_bad_header);
  g_test_add_func ("/session/read-der/beyond-reach", test_session_read_der_beyond_reach);
  g_test_add_func ("/session/read-der/short-extended-answer", test_session_read_der_short_extended_answer);
  g_test_add_func ("/session/get-response-without-data", test_session_get_response_without_data);
  g_test_add_func ("/session/query-pin/sfi", test_session_query_pin);
  g_test_add_func ("/session/query-pin/falls-back", test_session_query_pin_falls_back);
  g_test_add_func ("/session/trace-masks-pin", test_session_trace);
  g_test_add_func ("/reader/choice", test_reader_choice);

  return g_test_run ();
}
