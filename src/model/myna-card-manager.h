/* myna-card-manager.h
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

#pragma once

#include <gio/gio.h>

#include "myna-card-report.h"
#include "myna-card-source.h"
#include "myna-pcsc.h"

G_BEGIN_DECLS

#define MYNA_TYPE_CARD_MANAGER (myna_card_manager_get_type ())

G_DECLARE_FINAL_TYPE (MynaCardManager, myna_card_manager, MYNA, CARD_MANAGER, GObject)

/* What the window shows: the readers' state, or where the card read is. */
typedef enum
{
  MYNA_CARD_STATE_STARTING,
  MYNA_CARD_STATE_SERVICE_UNAVAILABLE,
  MYNA_CARD_STATE_NO_READER,
  MYNA_CARD_STATE_NO_CARD,
  MYNA_CARD_STATE_SEVERAL_CARDS,
  MYNA_CARD_STATE_CARD_IN_USE,
  MYNA_CARD_STATE_READING,
  MYNA_CARD_STATE_READY,
  MYNA_CARD_STATE_UNSUPPORTED,
  MYNA_CARD_STATE_ERROR,
  MYNA_CARD_STATE_SET_ASIDE,
} MynaCardState;

MynaCardManager *myna_card_manager_new                  (void);
MynaCardManager *myna_card_manager_new_demo             (const char          *scenario,
                                                         GError             **error);
MynaCardManager *myna_card_manager_new_for_source       (MynaCardSource      *source);
MynaCardSource  *myna_card_manager_get_source           (MynaCardManager     *self);
void             myna_card_manager_start                (MynaCardManager     *self);
void             myna_card_manager_stop                 (MynaCardManager     *self);
MynaCardState    myna_card_manager_get_state            (MynaCardManager     *self);
MynaCardReport  *myna_card_manager_get_report           (MynaCardManager     *self);
const GError    *myna_card_manager_get_error            (MynaCardManager     *self);
GPtrArray       *myna_card_manager_get_readers          (MynaCardManager     *self);
void             myna_card_manager_choose_reader        (MynaCardManager     *self,
                                                         const char          *reader_name);
void             myna_card_manager_set_aside            (MynaCardManager     *self);
void             myna_card_manager_reload               (MynaCardManager     *self);
gboolean         myna_card_manager_is_demo              (MynaCardManager     *self);
const char      *myna_card_manager_get_demo_scenario    (MynaCardManager     *self);
void             myna_card_manager_set_demo_inserted    (MynaCardManager     *self,
                                                         gboolean             inserted);
void             myna_card_manager_read_signing_certificate_async  (MynaCardManager     *self,
                                                                    char                *password,
                                                                    gboolean             confirm_last_try,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
gboolean         myna_card_manager_read_signing_certificate_finish (MynaCardManager     *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);
void             myna_card_manager_change_pin_async  (MynaCardManager     *self,
                                                      MynaPinId            pin,
                                                      char                *current,
                                                      char                *new_pin,
                                                      gboolean             confirm_last_try,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         myna_card_manager_change_pin_finish (MynaCardManager     *self,
                                                      GAsyncResult        *result,
                                                      const char         **warning,
                                                      GError             **error);
void             myna_card_manager_run_self_test_async  (MynaCardManager     *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray       *myna_card_manager_run_self_test_finish (MynaCardManager     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
const char      *myna_card_state_to_string              (MynaCardState        state);
gboolean         myna_card_state_holds_card             (MynaCardState        state);

G_END_DECLS
