/* myna-virtual-card-private.h
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

#include <openssl/evp.h>

#include "myna-apdu.h"
#include "myna-jpki.h"
#include "myna-virtual-card.h"
#include "myna-virtual-certs.h"
#include "myna-virtual-scenarios.h"

G_BEGIN_DECLS

/* Only the myna-virtual-card*.c files: the card and its command set. */

typedef enum
{
  FILE_BINARY,
  FILE_PIN,
  FILE_KEY,
} FileKind;

typedef struct _VirtualFile VirtualFile;

struct _VirtualFile
{
  guint16      fid;
  FileKind     kind;
  GBytes      *content;   /* FILE_BINARY */
  VirtualFile *guard;     /* the PIN that must be verified first, if any */
  EVP_PKEY    *key;       /* FILE_KEY, borrowed */
  MynaPinId    pin_id;    /* FILE_PIN */
  char        *pin_value;
  int          remaining;
  int          max_tries;
  gboolean     verified;
};

typedef struct
{
  guint8     aid[MYNA_AID_LENGTH];
  GPtrArray *files;
} VirtualApplication;

struct _MynaVirtualCard
{
  GObject             parent_instance;

  char               *scenario;
  GBytes             *atr;
  GPtrArray          *applications;
  MynaVirtualCerts    certs;
  MynaVirtualQuirks   quirks;

  VirtualApplication *current_application;
  VirtualFile        *current_file;
  GBytes             *pending;        /* what GET RESPONSE still has to send */
  gsize               pending_offset;

  /* The demo card is used by the window's card thread and, in the
   * diagnostics, by another: the lock keeps its state whole, and the
   * transaction lock lets one reader at a time through, as pcscd does. */
  GMutex              lock;
  GRecMutex           transaction;
  guint               power_cycle;    /* counts power-ups */

  guint               powered : 1;
  guint               fresh_power : 1;
  guint               apdu_count;
  guint               tries_spent;
  guint               verify_count;
  guint               change_count;
  guint               power_down_count;
};

gboolean _myna_virtual_card_build              (MynaVirtualCard           *self,
                                                const MynaVirtualScenario *scenario,
                                                GError                   **error);
const char  *_myna_virtual_card_get_key_value (MynaVirtualCard          *self,
                                              const guint8             *aid,
                                              guint16                   fid);
void         _myna_virtual_card_set_key_value (MynaVirtualCard          *self,
                                              const guint8             *aid,
                                              guint16                   fid,
                                              const char               *value);
VirtualFile *_myna_virtual_card_find_key_pin (MynaVirtualCard          *self,
                                              const guint8             *aid,
                                              guint16                   fid);
gsize    _myna_virtual_card_process_locked     (MynaVirtualCard           *self,
                                                const guint8              *command,
                                                gsize                      command_length,
                                                guint8                    *response,
                                                gsize                      response_size);

G_END_DECLS
