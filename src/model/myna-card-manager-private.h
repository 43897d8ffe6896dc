/* myna-card-manager-private.h
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

#include "myna-card-manager.h"
#include "myna-card-session.h"
#include "myna-card-source.h"
#include "myna-jpki.h"
#include "myna-virtual-card.h"

G_BEGIN_DECLS

/* The card manager's files (myna-card-manager*.c) and, for the last two
 * functions, the tests and benchmarks. */

struct _MynaCardManager
{
  GObject         parent_instance;

  MynaCardSource *source;

  MynaCardState   state;
  MynaCardReport *report;
  GError         *error;
  char           *card_reader;       /* the reader of the card read or shown */
  guint           card_event_count;
  GCancellable   *read_cancellable;
  guint           read_serial;       /* moves on whenever the card is forgotten */
  guint           in_use_retry_id;
  gboolean        started;
};

/* What a worker thread needs to reach the card, copied when the read
 * is asked for. */
typedef struct
{
  MynaCardSource *source;
  char           *reader;
  gboolean        exclusive;
  guint           serial;           /* the card this was asked for */
  char           *password;         /* the signing read, or the current PIN: wiped */
  gboolean        confirm_last_try;
  MynaPinStatus   sign_pin;
  GBytes         *der;
  MynaPinId       pin;              /* a PIN change: */
  char           *new_pin;          /*   wiped */
  MynaPinChangeResult change;
} MynaCardJob;

MynaCardJob     *_myna_card_job_new                  (MynaCardManager *self,
                                                      gboolean         exclusive);
void             _myna_card_job_free                 (MynaCardJob     *job);
MynaCardSession *_myna_card_job_open_session         (MynaCardJob     *job,
                                                      GError         **error);
void             _myna_card_manager_notify_report    (MynaCardManager *self);

MynaVirtualCard *_myna_card_manager_get_demo_card    (MynaCardManager *self);
void             _myna_card_manager_set_demo_latency (MynaCardManager *self,
                                                      guint            latency_ms);

G_END_DECLS
