/* myna-card-manager.c
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

#define G_LOG_DOMAIN "mynacheck-model"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-card-enums.h"
#include "myna-card-error.h"
#include "myna-card-manager.h"
#include "myna-card-session.h"
#include "myna-jpki.h"
#include "myna-pcsc-transport.h"
#include "myna-reader-monitor.h"
#include "myna-virtual-transport.h"

/*
 * Follows the readers and reads the card, for the window. The reader
 * monitor reports changes without polling; each read runs in a worker
 * thread and lands on the main context. When the card leaves, the report
 * is wiped and dropped at once, and a read still running is cancelled and
 * its result thrown away.
 *
 * In demo mode the card is MynaCheck's virtual card, which can be taken
 * out and put back in, and the reads go through the same code.
 */

/* While another program holds the card, pcscd sends no event when it lets
 * go, so look again this often, in that state only. */
#define IN_USE_RETRY_SECONDS 2

struct _MynaCardManager
{
  GObject            parent_instance;

  MynaReaderMonitor *monitor;       /* PC/SC only */
  MynaVirtualCard   *demo_card;     /* demo only */
  char              *demo_scenario;
  gboolean           demo_inserted;
  guint              demo_latency_ms;

  MynaCardState      state;
  MynaCardReport    *report;
  GError            *error;
  char              *card_reader;
  guint              card_event_count;
  GCancellable      *read_cancellable;
  guint              read_serial;
  guint              in_use_retry_id;
  gboolean           started;
};

G_DEFINE_FINAL_TYPE (MynaCardManager, myna_card_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char            *reader;
  MynaVirtualCard *demo_card;
  guint            latency_ms;
  gboolean         exclusive;
  char            *password;
  gboolean         confirm_last_try;
  MynaPinStatus    sign_pin;
  GBytes          *der;
} ReadJob;

static void start_read (MynaCardManager *self);

static void
read_job_free (ReadJob *job)
{
  g_free (job->reader);
  g_clear_object (&job->demo_card);
  myna_secret_free (job->password);
  g_clear_pointer (&job->der, g_bytes_unref);
  g_free (job);
}

static ReadJob *
read_job_new (MynaCardManager *self,
              gboolean         exclusive)
{
  ReadJob *job = g_new0 (ReadJob, 1);

  job->reader = g_strdup (self->card_reader);
  job->demo_card = self->demo_card != NULL ? g_object_ref (self->demo_card) : NULL;
  job->latency_ms = self->demo_latency_ms;
  job->exclusive = exclusive;
  myna_pin_status_init (&job->sign_pin, MYNA_PIN_SIGN);

  return job;
}

/* Runs in the worker thread. */
static MynaTransport *
open_transport (ReadJob  *job,
                GError  **error)
{
  if (job->demo_card != NULL)
    {
      MynaVirtualTransport *transport = myna_virtual_transport_new (job->demo_card);

      myna_virtual_transport_set_latency (transport, job->latency_ms);
      return MYNA_TRANSPORT (transport);
    }

  return MYNA_TRANSPORT (myna_pcsc_transport_new (job->reader, job->exclusive, error));
}

static void
set_state (MynaCardManager *self,
           MynaCardState    state)
{
  if (self->state == state)
    return;

  g_debug ("Card state: %s", myna_card_state_to_string (state));
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_error (MynaCardManager *self,
           const GError    *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

static void
stop_in_use_retry (MynaCardManager *self)
{
  g_clear_handle_id (&self->in_use_retry_id, g_source_remove);
}

static gboolean
in_use_retry (gpointer data)
{
  MynaCardManager *self = data;

  if (self->monitor != NULL)
    {
      myna_reader_monitor_refresh (self->monitor);
      if (myna_reader_monitor_get_state (self->monitor) == MYNA_READER_STATE_CARD_PRESENT)
        start_read (self);
    }

  return G_SOURCE_CONTINUE;
}

static void
start_in_use_retry (MynaCardManager *self)
{
  if (self->in_use_retry_id == 0 && self->monitor != NULL)
    self->in_use_retry_id = g_timeout_add_seconds (IN_USE_RETRY_SECONDS, in_use_retry, self);
}

/* Forgets the card: the report is wiped and dropped, a running read is
 * cancelled and will be ignored. */
static void
clear_card (MynaCardManager *self)
{
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_serial++;

  g_clear_pointer (&self->card_reader, g_free);
  self->card_event_count = 0;
  set_error (self, NULL);

  if (self->report != NULL)
    {
      myna_card_report_clear (self->report);
      g_clear_object (&self->report);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }
}

static void
read_status_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(MynaTransport) transport = NULL;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(GError) error = NULL;
  MynaCardStatus *status;

  transport = open_transport (job, &error);
  if (transport == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  session = myna_card_session_new (transport);
  status = myna_jpki_read_status (session, cancellable, &error);
  if (status == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, status, g_object_unref);
}

static void
read_status_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MynaCardManager *self = MYNA_CARD_MANAGER (object);
  guint serial = GPOINTER_TO_UINT (user_data);
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = g_task_propagate_pointer (G_TASK (result), &error);

  /* The card changed meanwhile: this result is about a card that left. */
  if (serial != self->read_serial)
    {
      if (status != NULL)
        myna_card_status_clear (status);
      return;
    }

  g_clear_object (&self->read_cancellable);

  if (status != NULL)
    {
      set_error (self, NULL);
      g_clear_object (&self->report);
      self->report = myna_card_report_new (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
      set_state (self, MYNA_CARD_STATE_READY);
      return;
    }

  set_error (self, error);

  if (g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_UNSUPPORTED_CARD) ||
      g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_UNRESPONSIVE))
    {
      set_state (self, MYNA_CARD_STATE_UNSUPPORTED);
    }
  else if (g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_SHARING_VIOLATION))
    {
      set_state (self, MYNA_CARD_STATE_CARD_IN_USE);
      start_in_use_retry (self);
    }
  else if (g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_REMOVED) ||
           g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_NO_CARD))
    {
      /* The monitor will say where things stand; until then, no card. */
      set_state (self, MYNA_CARD_STATE_NO_CARD);
    }
  else if (g_error_matches (error, MYNA_CARD_ERROR, MYNA_CARD_ERROR_NO_SERVICE))
    {
      set_state (self, MYNA_CARD_STATE_SERVICE_UNAVAILABLE);
    }
  else
    {
      set_state (self, MYNA_CARD_STATE_ERROR);
    }
}

static void
start_read (MynaCardManager *self)
{
  g_autoptr(GTask) task = NULL;

  stop_in_use_retry (self);

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_cancellable = g_cancellable_new ();
  self->read_serial++;

  if (self->report != NULL)
    {
      myna_card_report_clear (self->report);
      g_clear_object (&self->report);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }

  set_state (self, MYNA_CARD_STATE_READING);

  task = g_task_new (self, self->read_cancellable, read_status_done,
                     GUINT_TO_POINTER (self->read_serial));
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, read_job_new (self, FALSE), (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_status_thread);
}

static void
monitor_changed_cb (MynaCardManager   *self,
                    MynaReaderMonitor *monitor)
{
  MynaReaderState reader_state = myna_reader_monitor_get_state (monitor);
  const char *reader;
  guint event_count;

  if (reader_state != MYNA_READER_STATE_CARD_IN_USE)
    stop_in_use_retry (self);

  switch (reader_state)
    {
    case MYNA_READER_STATE_STARTING:
      set_state (self, MYNA_CARD_STATE_STARTING);
      break;

    case MYNA_READER_STATE_SERVICE_UNAVAILABLE:
      clear_card (self);
      set_state (self, MYNA_CARD_STATE_SERVICE_UNAVAILABLE);
      break;

    case MYNA_READER_STATE_NO_READER:
      clear_card (self);
      set_state (self, MYNA_CARD_STATE_NO_READER);
      break;

    case MYNA_READER_STATE_NO_CARD:
      clear_card (self);
      set_state (self, MYNA_CARD_STATE_NO_CARD);
      break;

    case MYNA_READER_STATE_SEVERAL_CARDS:
      clear_card (self);
      set_state (self, MYNA_CARD_STATE_SEVERAL_CARDS);
      break;

    case MYNA_READER_STATE_CARD_IN_USE:
      clear_card (self);
      set_state (self, MYNA_CARD_STATE_CARD_IN_USE);
      start_in_use_retry (self);
      break;

    case MYNA_READER_STATE_CARD_MUTE:
      {
        g_autoptr(GError) error = NULL;

        clear_card (self);
        myna_reader_state_to_error (reader_state, &error);
        set_error (self, error);
        set_state (self, MYNA_CARD_STATE_UNSUPPORTED);
      }
      break;

    case MYNA_READER_STATE_CARD_PRESENT:
      reader = myna_reader_monitor_get_card_reader (monitor);
      event_count = myna_reader_monitor_get_card_event_count (monitor);

      /* The same card as before: nothing to do. */
      if (g_strcmp0 (reader, self->card_reader) == 0 && event_count == self->card_event_count &&
          (self->state == MYNA_CARD_STATE_READING || self->state == MYNA_CARD_STATE_READY ||
           self->state == MYNA_CARD_STATE_UNSUPPORTED || self->state == MYNA_CARD_STATE_ERROR ||
           self->state == MYNA_CARD_STATE_SET_ASIDE))
        break;

      clear_card (self);
      self->card_reader = g_strdup (reader);
      self->card_event_count = event_count;
      start_read (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
myna_card_manager_dispose (GObject *object)
{
  MynaCardManager *self = (MynaCardManager *)object;

  myna_card_manager_stop (self);
  clear_card (self);

  G_OBJECT_CLASS (myna_card_manager_parent_class)->dispose (object);
}

static void
myna_card_manager_finalize (GObject *object)
{
  MynaCardManager *self = (MynaCardManager *)object;

  g_clear_object (&self->monitor);
  g_clear_object (&self->demo_card);
  g_clear_pointer (&self->demo_scenario, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (myna_card_manager_parent_class)->finalize (object);
}

static void
myna_card_manager_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MynaCardManager *self = MYNA_CARD_MANAGER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_card_manager_class_init (MynaCardManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = myna_card_manager_dispose;
  object_class->finalize = myna_card_manager_finalize;
  object_class->get_property = myna_card_manager_get_property;

  /**
   * MynaCardManager:state:
   *
   * The #MynaCardState.
   */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      MYNA_CARD_STATE_STARTING, MYNA_CARD_STATE_SET_ASIDE, MYNA_CARD_STATE_STARTING,
                      (G_PARAM_READABLE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * MynaCardManager:report:
   *
   * What was read from the card, while it is in the reader.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         MYNA_TYPE_CARD_REPORT,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
myna_card_manager_init (MynaCardManager *self)
{
  self->state = MYNA_CARD_STATE_STARTING;
}

/**
 * myna_card_manager_new:
 *
 * Returns: (transfer full): a manager that follows the PC/SC readers
 */
MynaCardManager *
myna_card_manager_new (void)
{
  MynaCardManager *self = g_object_new (MYNA_TYPE_CARD_MANAGER, NULL);

  self->monitor = myna_reader_monitor_new ();
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * myna_card_manager_new_demo:
 * @scenario: a demo card scenario
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a manager with the virtual card inserted, or
 *   %NULL when @scenario is unknown
 */
MynaCardManager *
myna_card_manager_new_demo (const char  *scenario,
                            GError     **error)
{
  g_autoptr(MynaVirtualCard) card = myna_virtual_card_new (scenario, error);
  MynaCardManager *self;

  if (card == NULL)
    return NULL;

  self = g_object_new (MYNA_TYPE_CARD_MANAGER, NULL);
  self->demo_card = g_steal_pointer (&card);
  self->demo_scenario = g_strdup (scenario);
  self->demo_inserted = TRUE;

  return self;
}

/**
 * myna_card_manager_start:
 * @self: a #MynaCardManager
 *
 * Starts following the readers (or reads the demo card). Changes arrive on
 * the thread-default main context of the caller.
 */
void
myna_card_manager_start (MynaCardManager *self)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  if (self->started)
    return;
  self->started = TRUE;

  if (self->monitor != NULL)
    {
      myna_reader_monitor_start (self->monitor);
      return;
    }

  myna_card_manager_set_demo_inserted (self, self->demo_inserted);
  if (self->demo_inserted)
    myna_card_manager_reload (self);
}

/**
 * myna_card_manager_stop:
 * @self: a #MynaCardManager
 *
 * Stops following the readers.
 */
void
myna_card_manager_stop (MynaCardManager *self)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  stop_in_use_retry (self);
  if (self->monitor != NULL)
    myna_reader_monitor_stop (self->monitor);
  self->started = FALSE;
}

MynaCardState
myna_card_manager_get_state (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), MYNA_CARD_STATE_STARTING);

  return self->state;
}

/**
 * myna_card_manager_get_report:
 * @self: a #MynaCardManager
 *
 * Returns: (transfer none) (nullable): what was read from the card in the
 *   reader, in %MYNA_CARD_STATE_READY
 */
MynaCardReport *
myna_card_manager_get_report (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return self->report;
}

/**
 * myna_card_manager_get_error:
 * @self: a #MynaCardManager
 *
 * Returns: (transfer none) (nullable): why the last read failed
 */
const GError *
myna_card_manager_get_error (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return self->error;
}

/**
 * myna_card_manager_get_readers:
 * @self: a #MynaCardManager
 *
 * Returns: (transfer none) (nullable) (element-type MynaReaderInfo): the
 *   readers, or %NULL in demo mode and while the service is unavailable
 */
GPtrArray *
myna_card_manager_get_readers (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return self->monitor != NULL ? myna_reader_monitor_get_readers (self->monitor) : NULL;
}

/**
 * myna_card_manager_get_reader_name:
 * @self: a #MynaCardManager
 *
 * Returns: (nullable): the reader of the card being read or shown
 */
const char *
myna_card_manager_get_reader_name (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  if (self->report != NULL)
    return myna_card_status_get_reader_name (myna_card_report_get_status (self->report));

  return self->card_reader;
}

/**
 * myna_card_manager_choose_reader:
 * @self: a #MynaCardManager
 * @reader_name: (nullable): the reader to read from when several hold a card
 */
void
myna_card_manager_choose_reader (MynaCardManager *self,
                                 const char      *reader_name)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  if (self->monitor != NULL)
    myna_reader_monitor_set_preferred_reader (self->monitor, reader_name);
}

/**
 * myna_card_manager_set_aside:
 * @self: a #MynaCardManager
 *
 * Forgets what was read of the card still in the reader, as a public
 * terminal does when its user walks away: the report is wiped and dropped,
 * running reads are ignored, and the state is %MYNA_CARD_STATE_SET_ASIDE
 * until the card leaves or myna_card_manager_reload() reads it again.
 */
void
myna_card_manager_set_aside (MynaCardManager *self)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  if (self->state != MYNA_CARD_STATE_READING && self->state != MYNA_CARD_STATE_READY &&
      self->state != MYNA_CARD_STATE_UNSUPPORTED && self->state != MYNA_CARD_STATE_ERROR)
    return;

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_serial++;
  stop_in_use_retry (self);
  set_error (self, NULL);

  if (self->report != NULL)
    {
      myna_card_report_clear (self->report);
      g_clear_object (&self->report);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }

  set_state (self, MYNA_CARD_STATE_SET_ASIDE);
}

/**
 * myna_card_manager_reload:
 * @self: a #MynaCardManager
 *
 * Reads the card in the reader again.
 */
void
myna_card_manager_reload (MynaCardManager *self)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  if (self->monitor != NULL)
    {
      if (self->card_reader != NULL)
        start_read (self);
      else
        myna_reader_monitor_refresh (self->monitor);
      return;
    }

  if (self->demo_inserted)
    start_read (self);
}

gboolean
myna_card_manager_is_demo (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), FALSE);

  return self->demo_card != NULL;
}

const char *
myna_card_manager_get_demo_scenario (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return self->demo_scenario;
}

/**
 * myna_card_manager_get_demo_card:
 * @self: a #MynaCardManager
 *
 * Returns: (transfer none) (nullable): the virtual card in demo mode
 */
MynaVirtualCard *
myna_card_manager_get_demo_card (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return self->demo_card;
}

/**
 * myna_card_manager_set_demo_inserted:
 * @self: a #MynaCardManager in demo mode
 * @inserted: whether the demo card is in its pretend reader
 *
 * Takes the demo card out or puts it back, as a user would a real one.
 */
void
myna_card_manager_set_demo_inserted (MynaCardManager *self,
                                     gboolean         inserted)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));
  g_return_if_fail (self->demo_card != NULL);

  if (!inserted)
    {
      self->demo_inserted = FALSE;
      clear_card (self);
      myna_virtual_card_power_off (self->demo_card);
      set_state (self, MYNA_CARD_STATE_NO_CARD);
      return;
    }

  if (self->demo_inserted && self->state != MYNA_CARD_STATE_NO_CARD &&
      self->state != MYNA_CARD_STATE_STARTING)
    return;

  self->demo_inserted = TRUE;
  if (self->started)
    start_read (self);
}

gboolean
myna_card_manager_get_demo_inserted (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), FALSE);

  return self->demo_card != NULL && self->demo_inserted;
}

/**
 * myna_card_manager_set_demo_latency:
 * @self: a #MynaCardManager in demo mode
 * @latency_ms: how long each APDU takes, like a slow card
 */
void
myna_card_manager_set_demo_latency (MynaCardManager *self,
                                    guint            latency_ms)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  self->demo_latency_ms = latency_ms;
}

static void
read_signing_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(MynaTransport) transport = NULL;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* Exclusive while the password is verified (reference §8.3). */
  transport = open_transport (job, &error);
  if (transport == NULL)
    {
      myna_secret_wipe (job->password, strlen (job->password));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  session = myna_card_session_new (transport);
  job->der = myna_jpki_read_signing_certificate (session, job->password,
                                                 job->confirm_last_try
                                                   ? MYNA_SIGN_READ_CONFIRM_LAST_TRY
                                                   : MYNA_SIGN_READ_NONE,
                                                 &job->sign_pin, cancellable, &error);
  if (job->der == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * myna_card_manager_read_signing_certificate_async:
 * @self: a #MynaCardManager with a card read
 * @password: (transfer full): the signing password as typed; wiped
 * @confirm_last_try: whether the user confirmed a try that could be the last
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the signing certificate in a worker thread, with the rules of
 * myna_jpki_read_signing_certificate(). The report gains the certificate
 * and the new count of tries.
 */
void
myna_card_manager_read_signing_certificate_async (MynaCardManager     *self,
                                                  char                *password,
                                                  gboolean             confirm_last_try,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, myna_card_manager_read_signing_certificate_async);

  if (self->report == NULL)
    {
      myna_secret_free (password);
      g_task_return_new_error (task, MYNA_CARD_ERROR, MYNA_CARD_ERROR_NO_CARD, "%s",
                               myna_card_error_get_message (MYNA_CARD_ERROR_NO_CARD));
      return;
    }

  job = read_job_new (self, TRUE);
  job->password = password;
  job->confirm_last_try = confirm_last_try;
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  /* The card this was asked for. */
  g_object_set_data (G_OBJECT (task), "serial", GUINT_TO_POINTER (self->read_serial));
  g_task_run_in_thread (task, read_signing_thread);
}

/**
 * myna_card_manager_read_signing_certificate_finish:
 * @self: a #MynaCardManager
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the report now holds the signing certificate
 */
gboolean
myna_card_manager_read_signing_certificate_finish (MynaCardManager  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error)
{
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  guint serial = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "serial"));
  g_autoptr(GError) local_error = NULL;
  gboolean same_card;
  gboolean ok;

  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), &local_error);
  same_card = serial == self->read_serial && self->report != NULL;

  /* A password sent before the dialog was closed may have cost a try:
   * the count the card gave stands, whatever became of the read. */
  if (same_card && job != NULL && job->sign_pin.sw != 0)
    {
      myna_card_report_update_pin (self->report, &job->sign_pin);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }

  if (!ok && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The card left meanwhile: nothing of it may stay. */
  if (!same_card)
    {
      myna_card_error_set (error, MYNA_CARD_ERROR_REMOVED);
      return FALSE;
    }

  if (ok && !myna_card_report_set_signing_certificate (self->report, job->der, &local_error))
    ok = FALSE;

  if (ok)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

const char *
myna_card_state_to_string (MynaCardState state)
{
  switch (state)
    {
    case MYNA_CARD_STATE_STARTING:            return "starting";
    case MYNA_CARD_STATE_SERVICE_UNAVAILABLE: return "service-unavailable";
    case MYNA_CARD_STATE_NO_READER:           return "no-reader";
    case MYNA_CARD_STATE_NO_CARD:             return "no-card";
    case MYNA_CARD_STATE_SEVERAL_CARDS:       return "several-cards";
    case MYNA_CARD_STATE_CARD_IN_USE:         return "card-in-use";
    case MYNA_CARD_STATE_READING:             return "reading";
    case MYNA_CARD_STATE_READY:               return "ready";
    case MYNA_CARD_STATE_UNSUPPORTED:         return "unsupported";
    case MYNA_CARD_STATE_ERROR:               return "error";
    case MYNA_CARD_STATE_SET_ASIDE:           return "set-aside";
    default:
      g_return_val_if_reached (NULL);
    }
}
