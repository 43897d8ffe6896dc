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

#include "myna-card-error.h"
#include "myna-card-manager-private.h"
#include "myna-card-session.h"
#include "myna-jpki.h"
#include "myna-model-enums.h"
#include "myna-reader-monitor.h"
#include "myna-virtual-reader.h"

/*
 * Follows a card source and reads the card, for the window. The source is
 * the PC/SC readers, or the demo card in its pretend reader: both say
 * what their readers hold through MynaCardSource::changed, and both are
 * read through the same code. Each read runs in a worker thread and lands
 * on the main context. When the card leaves, the report is wiped and
 * dropped at once, and a read still running is cancelled and its result
 * thrown away.
 */

/* While another program holds the card, pcscd sends no event when it lets
 * go, so look again this often, in that state only. */
#define IN_USE_RETRY_SECONDS 2

G_DEFINE_FINAL_TYPE (MynaCardManager, myna_card_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_read (MynaCardManager *self);

void
_myna_card_job_free (MynaCardJob *job)
{
  g_clear_object (&job->source);
  g_free (job->reader);
  myna_secret_free (job->password);
  myna_secret_free (job->new_pin);
  g_clear_pointer (&job->der, g_bytes_unref);
  g_free (job);
}

MynaCardJob *
_myna_card_job_new (MynaCardManager *self,
                    gboolean         exclusive)
{
  MynaCardJob *job = g_new0 (MynaCardJob, 1);

  job->source = g_object_ref (self->source);
  job->reader = g_strdup (self->card_reader);
  job->exclusive = exclusive;
  job->serial = self->read_serial;
  myna_pin_status_init (&job->sign_pin, MYNA_PIN_SIGN);

  return job;
}

/**
 * _myna_card_job_open_session:
 * @job: a job
 * @error: return location for a #GError
 *
 * Runs in the worker thread: a connection to the card the job was asked
 * for, through the card source.
 *
 * Returns: (transfer full) (nullable): a session on the card
 */
MynaCardSession *
_myna_card_job_open_session (MynaCardJob  *job,
                             GError      **error)
{
  g_autoptr(MynaTransport) transport = NULL;

  transport = myna_card_source_open_transport (job->source, job->reader, job->exclusive, error);
  if (transport == NULL)
    return NULL;

  return myna_card_session_new (transport);
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

  myna_card_source_refresh (self->source);
  if (myna_card_source_get_state (self->source) == MYNA_READER_STATE_CARD_PRESENT)
    start_read (self);

  return G_SOURCE_CONTINUE;
}

static void
start_in_use_retry (MynaCardManager *self)
{
  if (self->in_use_retry_id == 0)
    self->in_use_retry_id = g_timeout_add_seconds (IN_USE_RETRY_SECONDS, in_use_retry, self);
}

/* Forgets what was read of the card: the report is wiped and dropped, and
 * a running read is cancelled; its result, and that of any read asked for
 * before, will be ignored. The one place where card data is let go. */
static void
forget_read (MynaCardManager *self)
{
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_serial++;

  if (self->report != NULL)
    {
      myna_card_report_clear (self->report);
      g_clear_object (&self->report);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }
}

/* Forgets the card itself, as when it leaves the reader. */
static void
forget_card (MynaCardManager *self)
{
  g_clear_pointer (&self->card_reader, g_free);
  self->card_event_count = 0;
  set_error (self, NULL);
  forget_read (self);
}

/* Runs in the worker thread. */
static void
read_status_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  MynaCardJob *job = task_data;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(GError) error = NULL;
  MynaCardStatus *status;

  session = _myna_card_job_open_session (job, &error);
  if (session == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = myna_jpki_read_status (session, cancellable, &error);
  if (status == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, status, g_object_unref);
}

/* Why a read failed, as the window shows it. */
static void
read_failed (MynaCardManager *self,
             const GError    *error)
{
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
      /* The source will say where things stand; until then, no card. */
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
read_status_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MynaCardManager *self = MYNA_CARD_MANAGER (object);
  MynaCardJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(MynaCardStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = g_task_propagate_pointer (G_TASK (result), &error);

  /* The card changed meanwhile: this result is about a card that left. */
  if (job->serial != self->read_serial)
    {
      if (status != NULL)
        myna_card_status_clear (status);
      return;
    }

  g_clear_object (&self->read_cancellable);

  if (status == NULL)
    {
      read_failed (self, error);
      return;
    }

  set_error (self, NULL);
  g_clear_object (&self->report);
  self->report = myna_card_report_new (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  set_state (self, MYNA_CARD_STATE_READY);
}

static void
start_read (MynaCardManager *self)
{
  g_autoptr(GTask) task = NULL;

  stop_in_use_retry (self);
  forget_read (self);
  self->read_cancellable = g_cancellable_new ();

  set_state (self, MYNA_CARD_STATE_READING);

  task = g_task_new (self, self->read_cancellable, read_status_done, NULL);
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, _myna_card_job_new (self, FALSE), (GDestroyNotify) _myna_card_job_free);
  g_task_run_in_thread (task, read_status_thread);
}

/* Whether the state is about the card already known: read, being read,
 * or set aside. */
static gboolean
state_is_about_card (MynaCardState state)
{
  return state == MYNA_CARD_STATE_READING || state == MYNA_CARD_STATE_READY ||
         state == MYNA_CARD_STATE_UNSUPPORTED || state == MYNA_CARD_STATE_ERROR ||
         state == MYNA_CARD_STATE_SET_ASIDE;
}

static void
card_present (MynaCardManager *self)
{
  const char *reader = myna_card_source_get_card_reader (self->source);
  guint event_count = myna_card_source_get_card_event_count (self->source);

  /* The same card as before: nothing to do. */
  if (g_strcmp0 (reader, self->card_reader) == 0 && event_count == self->card_event_count &&
      state_is_about_card (self->state))
    return;

  forget_card (self);
  self->card_reader = g_strdup (reader);
  self->card_event_count = event_count;
  start_read (self);
}

static void
source_changed_cb (MynaCardManager *self,
                   MynaCardSource  *source)
{
  MynaReaderState reader_state = myna_card_source_get_state (source);
  g_autoptr(GError) error = NULL;

  if (reader_state != MYNA_READER_STATE_CARD_IN_USE)
    stop_in_use_retry (self);

  switch (reader_state)
    {
    case MYNA_READER_STATE_STARTING:
      set_state (self, MYNA_CARD_STATE_STARTING);
      break;

    case MYNA_READER_STATE_SERVICE_UNAVAILABLE:
      forget_card (self);
      set_state (self, MYNA_CARD_STATE_SERVICE_UNAVAILABLE);
      break;

    case MYNA_READER_STATE_NO_READER:
      forget_card (self);
      set_state (self, MYNA_CARD_STATE_NO_READER);
      break;

    case MYNA_READER_STATE_NO_CARD:
      forget_card (self);
      set_state (self, MYNA_CARD_STATE_NO_CARD);
      break;

    case MYNA_READER_STATE_SEVERAL_CARDS:
      forget_card (self);
      set_state (self, MYNA_CARD_STATE_SEVERAL_CARDS);
      break;

    case MYNA_READER_STATE_CARD_IN_USE:
      forget_card (self);
      set_state (self, MYNA_CARD_STATE_CARD_IN_USE);
      start_in_use_retry (self);
      break;

    case MYNA_READER_STATE_CARD_MUTE:
      forget_card (self);
      myna_reader_state_to_error (reader_state, &error);
      set_error (self, error);
      set_state (self, MYNA_CARD_STATE_UNSUPPORTED);
      break;

    case MYNA_READER_STATE_CARD_PRESENT:
      card_present (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
myna_card_manager_dispose (GObject *object)
{
  MynaCardManager *self = (MynaCardManager *)object;

  if (self->source != NULL)
    {
      myna_card_manager_stop (self);
      g_signal_handlers_disconnect_by_data (self->source, self);
    }
  forget_card (self);

  G_OBJECT_CLASS (myna_card_manager_parent_class)->dispose (object);
}

static void
myna_card_manager_finalize (GObject *object)
{
  MynaCardManager *self = (MynaCardManager *)object;

  g_clear_object (&self->source);
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
      g_value_set_enum (value, self->state);
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
    g_param_spec_enum ("state", NULL, NULL,
                       MYNA_TYPE_CARD_STATE,
                       MYNA_CARD_STATE_STARTING,
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
 * myna_card_manager_new_for_source:
 * @source: where cards come from
 *
 * Returns: (transfer full): a manager that follows @source
 */
MynaCardManager *
myna_card_manager_new_for_source (MynaCardSource *source)
{
  MynaCardManager *self;

  g_return_val_if_fail (MYNA_IS_CARD_SOURCE (source), NULL);

  self = g_object_new (MYNA_TYPE_CARD_MANAGER, NULL);
  self->source = g_object_ref (source);
  g_signal_connect_object (self->source, "changed",
                           G_CALLBACK (source_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * myna_card_manager_new:
 *
 * Returns: (transfer full): a manager that follows the PC/SC readers
 */
MynaCardManager *
myna_card_manager_new (void)
{
  g_autoptr(MynaReaderMonitor) monitor = myna_reader_monitor_new ();

  return myna_card_manager_new_for_source (MYNA_CARD_SOURCE (monitor));
}

/**
 * myna_card_manager_new_demo:
 * @scenario: a demo card scenario
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a manager with the demo card in its pretend
 *   reader, or %NULL when @scenario is unknown
 */
MynaCardManager *
myna_card_manager_new_demo (const char  *scenario,
                            GError     **error)
{
  g_autoptr(MynaVirtualReader) reader = myna_virtual_reader_new (scenario, error);

  if (reader == NULL)
    return NULL;

  return myna_card_manager_new_for_source (MYNA_CARD_SOURCE (reader));
}

/**
 * myna_card_manager_start:
 * @self: a #MynaCardManager
 *
 * Starts following the card source. Changes arrive on the thread-default
 * main context of the caller.
 */
void
myna_card_manager_start (MynaCardManager *self)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  if (self->started)
    return;
  self->started = TRUE;

  myna_card_source_start (self->source);
}

/**
 * myna_card_manager_stop:
 * @self: a #MynaCardManager
 *
 * Stops following the card source.
 */
void
myna_card_manager_stop (MynaCardManager *self)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  stop_in_use_retry (self);
  myna_card_source_stop (self->source);
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
 *   readers, or %NULL for the demo card and while the service is
 *   unavailable
 */
GPtrArray *
myna_card_manager_get_readers (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return myna_card_source_get_readers (self->source);
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

  myna_card_source_set_preferred_reader (self->source, reader_name);
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

  stop_in_use_retry (self);
  set_error (self, NULL);
  forget_read (self);
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

  if (self->card_reader != NULL)
    start_read (self);
  else
    myna_card_source_refresh (self->source);
}

/**
 * myna_card_manager_is_demo:
 * @self: a #MynaCardManager
 *
 * Returns: whether the card source is the demo card's pretend reader
 */
gboolean
myna_card_manager_is_demo (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), FALSE);

  return MYNA_IS_VIRTUAL_READER (self->source);
}

/**
 * myna_card_manager_get_demo_scenario:
 * @self: a #MynaCardManager
 *
 * Returns: (nullable): the demo card's scenario, or %NULL for PC/SC
 */
const char *
myna_card_manager_get_demo_scenario (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  if (!MYNA_IS_VIRTUAL_READER (self->source))
    return NULL;

  return myna_virtual_card_get_scenario (myna_virtual_reader_get_card (MYNA_VIRTUAL_READER (self->source)));
}

/**
 * myna_card_manager_set_demo_inserted:
 * @self: a #MynaCardManager for the demo card
 * @inserted: whether the demo card is in its pretend reader
 *
 * Takes the demo card out or puts it back, as a user would a real one.
 */
void
myna_card_manager_set_demo_inserted (MynaCardManager *self,
                                     gboolean         inserted)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));
  g_return_if_fail (MYNA_IS_VIRTUAL_READER (self->source));

  myna_virtual_reader_set_inserted (MYNA_VIRTUAL_READER (self->source), inserted);
}

/**
 * myna_card_manager_get_source:
 * @self: a #MynaCardManager
 *
 * Returns: (transfer none): the card source it follows
 */
MynaCardSource *
myna_card_manager_get_source (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  return self->source;
}

/**
 * _myna_card_manager_get_demo_card:
 * @self: a #MynaCardManager
 *
 * For tests, which count what the card saw.
 *
 * Returns: (transfer none) (nullable): the demo card, or %NULL for PC/SC
 */
MynaVirtualCard *
_myna_card_manager_get_demo_card (MynaCardManager *self)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);

  if (!MYNA_IS_VIRTUAL_READER (self->source))
    return NULL;

  return myna_virtual_reader_get_card (MYNA_VIRTUAL_READER (self->source));
}

/**
 * _myna_card_manager_set_demo_latency:
 * @self: a #MynaCardManager for the demo card
 * @latency_ms: how long each APDU takes, like a slow card
 *
 * For tests and benchmarks.
 */
void
_myna_card_manager_set_demo_latency (MynaCardManager *self,
                                     guint            latency_ms)
{
  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));
  g_return_if_fail (MYNA_IS_VIRTUAL_READER (self->source));

  myna_virtual_reader_set_latency (MYNA_VIRTUAL_READER (self->source), latency_ms);
}

/* For the operations on a card read (myna-card-manager-operations.c). */
void
_myna_card_manager_notify_report (MynaCardManager *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

const char *
myna_card_state_to_string (MynaCardState state)
{
  static GEnumClass *enum_class;
  GEnumValue *value;

  if (enum_class == NULL)
    enum_class = g_type_class_ref (MYNA_TYPE_CARD_STATE);

  value = g_enum_get_value (enum_class, state);
  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/**
 * myna_card_state_holds_card:
 * @state: a #MynaCardState
 *
 * Returns: whether @state says a card sits in the reader, read or not
 */
gboolean
myna_card_state_holds_card (MynaCardState state)
{
  switch (state)
    {
    case MYNA_CARD_STATE_SEVERAL_CARDS:
    case MYNA_CARD_STATE_CARD_IN_USE:
    case MYNA_CARD_STATE_READING:
    case MYNA_CARD_STATE_READY:
    case MYNA_CARD_STATE_UNSUPPORTED:
    case MYNA_CARD_STATE_ERROR:
    case MYNA_CARD_STATE_SET_ASIDE:
      return TRUE;

    case MYNA_CARD_STATE_STARTING:
    case MYNA_CARD_STATE_SERVICE_UNAVAILABLE:
    case MYNA_CARD_STATE_NO_READER:
    case MYNA_CARD_STATE_NO_CARD:
    default:
      return FALSE;
    }
}
