/* myna-card-manager-operations.c
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

#include <string.h>

#include "myna-card-error.h"
#include "myna-card-manager-private.h"
#include "myna-card-session.h"
#include "myna-jpki.h"

/*
 * What the card manager does with a card once it is read, each in a
 * worker thread on its own connection to the card: read the signing
 * certificate with the password, and run the diagnostics self-test. A PIN
 * operation goes here too: it takes a MynaCardJob, runs in a thread, and
 * gives the report what the card said about the PIN, even when it failed.
 */

/* Runs in the worker thread. */
static void
read_signing_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  MynaCardJob *job = task_data;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* Exclusive while the password is verified (reference §8.3). */
  session = _myna_card_job_open_session (job, &error);
  if (session == NULL)
    {
      myna_secret_wipe (job->password, strlen (job->password));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

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

/* Returns the task with an error when no card has been read; the caller
 * still owns and frees the secrets it was given. */
static gboolean
task_has_card (MynaCardManager *self,
               GTask           *task)
{
  if (self->report != NULL)
    return TRUE;

  g_task_return_new_error (task, MYNA_CARD_ERROR, MYNA_CARD_ERROR_NO_CARD, "%s",
                           myna_card_error_get_message (MYNA_CARD_ERROR_NO_CARD));
  return FALSE;
}

/* A PIN sent before the dialog was closed, or refused, may have cost a
 * try: what the card said of it stands whatever became of the operation,
 * as long as the card is still the one the job ran on. Returns whether
 * it is. */
static gboolean
record_pin_status (MynaCardManager     *self,
                   MynaCardJob         *job,
                   const MynaPinStatus *status)
{
  gboolean same_card = job != NULL && job->serial == self->read_serial && self->report != NULL;

  if (same_card && status->sw != 0)
    {
      myna_card_report_update_pin (self->report, status);
      _myna_card_manager_notify_report (self);
    }

  return same_card;
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
  MynaCardJob *job;

  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, myna_card_manager_read_signing_certificate_async);

  if (!task_has_card (self, task))
    {
      myna_secret_free (password);
      return;
    }

  job = _myna_card_job_new (self, TRUE);
  job->password = password;
  job->confirm_last_try = confirm_last_try;
  g_task_set_task_data (task, job, (GDestroyNotify) _myna_card_job_free);
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
  MynaCardJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) local_error = NULL;
  gboolean same_card;
  gboolean ok;

  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), &local_error);
  same_card = record_pin_status (self, job, job != NULL ? &job->sign_pin : NULL);

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

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _myna_card_manager_notify_report (self);

  return TRUE;
}

/* Runs in the worker thread. */
static void
change_pin_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  MynaCardJob *job = task_data;
  g_autoptr(MynaCardSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* Exclusive while a PIN is verified (reference §8.3). */
  session = _myna_card_job_open_session (job, &error);
  if (session == NULL)
    {
      myna_secret_wipe (job->password, strlen (job->password));
      myna_secret_wipe (job->new_pin, strlen (job->new_pin));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!myna_jpki_change_pin (session, job->pin, job->password, job->new_pin,
                             job->confirm_last_try ? MYNA_PIN_CHANGE_CONFIRM_LAST_TRY
                                                   : MYNA_PIN_CHANGE_NONE,
                             &job->change, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * myna_card_manager_change_pin_async:
 * @self: a #MynaCardManager with a card read
 * @pin: which PIN
 * @current: (transfer full): the current PIN as typed; wiped
 * @new_pin: (transfer full): the new PIN as typed; wiped
 * @confirm_last_try: whether the user confirmed a try that could be the last
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Changes a PIN in a worker thread, with the rules of
 * myna_jpki_change_pin(). The report gains the PIN's new count of tries,
 * whatever the outcome.
 */
void
myna_card_manager_change_pin_async (MynaCardManager     *self,
                                    MynaPinId            pin,
                                    char                *current,
                                    char                *new_pin,
                                    gboolean             confirm_last_try,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  MynaCardJob *job;

  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));
  g_return_if_fail (pin < MYNA_N_PINS);
  g_return_if_fail (current != NULL && new_pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, myna_card_manager_change_pin_async);

  if (!task_has_card (self, task))
    {
      myna_secret_free (current);
      myna_secret_free (new_pin);
      return;
    }

  job = _myna_card_job_new (self, TRUE);
  job->pin = pin;
  job->password = current;
  job->new_pin = new_pin;
  job->confirm_last_try = confirm_last_try;
  g_task_set_task_data (task, job, (GDestroyNotify) _myna_card_job_free);
  g_task_run_in_thread (task, change_pin_thread);
}

/**
 * myna_card_manager_change_pin_finish:
 * @self: a #MynaCardManager
 * @result: the result
 * @warning: (out) (optional) (transfer none): what the holder must still
 *   do after a change that succeeded, or %NULL
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the PIN changed
 */
gboolean
myna_card_manager_change_pin_finish (MynaCardManager  *self,
                                     GAsyncResult     *result,
                                     const char      **warning,
                                     GError          **error)
{
  MynaCardJob *job = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  record_pin_status (self, job, job != NULL ? &job->change.status : NULL);

  if (warning != NULL)
    *warning = job != NULL ? myna_pin_change_result_get_warning (&job->change) : NULL;

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  MynaCardSource *source;
  char           *preferred_reader;
} SelfTestJob;

static void
self_test_job_free (SelfTestJob *job)
{
  g_clear_object (&job->source);
  g_free (job->preferred_reader);
  g_free (job);
}

/* Runs in the worker thread. */
static void
self_test_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SelfTestJob *job = task_data;

  g_task_return_pointer (task, myna_card_source_run_self_test (job->source, job->preferred_reader),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * myna_card_manager_run_self_test_async:
 * @self: a #MynaCardManager
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs the diagnostics self-test (myna-self-test.h) on the card source, in
 * a worker thread, on the reader of the card being read or shown.
 */
void
myna_card_manager_run_self_test_async (MynaCardManager     *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SelfTestJob *job;

  g_return_if_fail (MYNA_IS_CARD_MANAGER (self));

  job = g_new0 (SelfTestJob, 1);
  job->source = g_object_ref (self->source);
  if (self->report != NULL)
    job->preferred_reader = g_strdup (myna_card_status_get_reader_name (myna_card_report_get_status (self->report)));
  else
    job->preferred_reader = g_strdup (self->card_reader);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, myna_card_manager_run_self_test_async);
  g_task_set_task_data (task, job, (GDestroyNotify) self_test_job_free);
  g_task_run_in_thread (task, self_test_thread);
}

/**
 * myna_card_manager_run_self_test_finish:
 * @self: a #MynaCardManager
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type MynaCheck) (nullable): the checks,
 *   in order, or %NULL when cancelled
 */
GPtrArray *
myna_card_manager_run_self_test_finish (MynaCardManager  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (MYNA_IS_CARD_MANAGER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
