/* myna-test-transport.c
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

#include <gio/gio.h>

#include "myna-apdu.h"
#include "myna-card-error.h"
#include "myna-test-transport.h"

typedef struct
{
  char   *command;
  GBytes *response;
} Step;

struct _MynaTestTransport
{
  GObject  parent_instance;

  GQueue   steps;
  guint    sent;
  gboolean powered_down;
  gboolean power_down_fails;
  GString *events;
};

static void transport_iface_init (MynaTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MynaTestTransport, myna_test_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MYNA_TYPE_TRANSPORT, transport_iface_init))

enum {
  PROP_0,
  PROP_READER_NAME,
};

GBytes *
myna_test_bytes_from_hex (const char *hex)
{
  GByteArray *array = g_byte_array_new ();

  for (const char *p = hex; *p != '\0'; )
    {
      guint8 byte;

      if (*p == ' ')
        {
          p++;
          continue;
        }
      g_assert_true (g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]));
      byte = g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]);
      g_byte_array_append (array, &byte, 1);
      p += 2;
    }

  return g_byte_array_free_to_bytes (array);
}

static void
step_free (Step *step)
{
  g_free (step->command);
  g_clear_pointer (&step->response, g_bytes_unref);
  g_free (step);
}

static gboolean
myna_test_transport_transmit (MynaTransport  *transport,
                              const guint8   *command,
                              gsize           command_length,
                              guint8         *response,
                              gsize          *response_length,
                              GError        **error)
{
  MynaTestTransport *self = MYNA_TEST_TRANSPORT (transport);
  g_autofree char *sent = myna_hex_encode (command, command_length, NULL);
  Step *step = g_queue_pop_head (&self->steps);
  gsize size;

  self->sent++;

  if (step == NULL)
    g_error ("Unexpected command %s after the end of the script", sent);

  if (step->command != NULL)
    g_assert_cmpstr (sent, ==, step->command);

  if (step->response == NULL)
    {
      step_free (step);
      g_set_error (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_IO, "Scripted transmission failure");
      return FALSE;
    }

  size = g_bytes_get_size (step->response);
  g_assert_cmpuint (size, <=, *response_length);
  memcpy (response, g_bytes_get_data (step->response, NULL), size);
  *response_length = size;
  step_free (step);

  return TRUE;
}

static GBytes *
myna_test_transport_get_atr (MynaTransport *transport)
{
  return myna_test_bytes_from_hex ("3BE000FF8131FE4514");
}

static const char *
myna_test_transport_get_reader_name (MynaTransport *transport)
{
  return "Test Reader 00 00";
}

static gboolean
myna_test_transport_power_down (MynaTransport  *transport,
                                GError        **error)
{
  MynaTestTransport *self = MYNA_TEST_TRANSPORT (transport);

  g_string_append (self->events, "power-down ");
  if (self->power_down_fails)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the reader refused to power down");
      return FALSE;
    }
  self->powered_down = TRUE;
  return TRUE;
}

static gboolean
myna_test_transport_begin_transaction (MynaTransport  *transport,
                                       GError        **error)
{
  g_string_append (MYNA_TEST_TRANSPORT (transport)->events, "begin ");
  return TRUE;
}

static void
myna_test_transport_end_transaction (MynaTransport *transport)
{
  g_string_append (MYNA_TEST_TRANSPORT (transport)->events, "end ");
}

static void
transport_iface_init (MynaTransportInterface *iface)
{
  iface->transmit = myna_test_transport_transmit;
  iface->get_atr = myna_test_transport_get_atr;
  iface->get_reader_name = myna_test_transport_get_reader_name;
  iface->power_down = myna_test_transport_power_down;
  iface->begin_transaction = myna_test_transport_begin_transaction;
  iface->end_transaction = myna_test_transport_end_transaction;
}

static void
myna_test_transport_finalize (GObject *object)
{
  MynaTestTransport *self = (MynaTestTransport *)object;

  g_queue_clear_full (&self->steps, (GDestroyNotify) step_free);
  g_string_free (self->events, TRUE);

  G_OBJECT_CLASS (myna_test_transport_parent_class)->finalize (object);
}

static void
myna_test_transport_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_READER_NAME:
      g_value_set_string (value, "Test Reader 00 00");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_test_transport_class_init (MynaTestTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_test_transport_finalize;
  object_class->get_property = myna_test_transport_get_property;
  g_object_class_override_property (object_class, PROP_READER_NAME, "reader-name");
}

static void
myna_test_transport_init (MynaTestTransport *self)
{
  g_queue_init (&self->steps);
  self->events = g_string_new (NULL);
}

MynaTestTransport *
myna_test_transport_new (void)
{
  return g_object_new (MYNA_TYPE_TEST_TRANSPORT, NULL);
}

void
myna_test_transport_expect (MynaTestTransport *self,
                            const char        *command_hex,
                            const char        *response_hex)
{
  Step *step = g_new0 (Step, 1);

  step->command = g_strdup (command_hex);
  if (response_hex != NULL)
    step->response = myna_test_bytes_from_hex (response_hex);
  g_queue_push_tail (&self->steps, step);
}

void
myna_test_transport_expect_data (MynaTestTransport *self,
                                 const char        *command_hex,
                                 GBytes            *data,
                                 guint16            sw)
{
  Step *step = g_new0 (Step, 1);
  GByteArray *response = g_byte_array_new ();
  guint8 status[2] = { sw >> 8, sw & 0xff };

  g_byte_array_append (response, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_byte_array_append (response, status, 2);
  step->command = g_strdup (command_hex);
  step->response = g_byte_array_free_to_bytes (response);
  g_queue_push_tail (&self->steps, step);
}

void
myna_test_transport_assert_done (MynaTestTransport *self)
{
  g_assert_cmpuint (g_queue_get_length (&self->steps), ==, 0);
}

guint
myna_test_transport_get_sent (MynaTestTransport *self)
{
  return self->sent;
}

gboolean
myna_test_transport_get_powered_down (MynaTestTransport *self)
{
  return self->powered_down;
}

/* A reader that cannot power the card down, so that what follows a
 * failed power-down can be tested. */
void
myna_test_transport_set_power_down_fails (MynaTestTransport *self,
                                          gboolean           fails)
{
  self->power_down_fails = fails;
}

/* "begin", "end" and "power-down", in the order they happened. */
const char *
myna_test_transport_get_events (MynaTestTransport *self)
{
  return self->events->str;
}
