/* myna-test-transport.h
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

#include "myna-transport.h"

G_BEGIN_DECLS

#define MYNA_TYPE_TEST_TRANSPORT (myna_test_transport_get_type ())

G_DECLARE_FINAL_TYPE (MynaTestTransport, myna_test_transport, MYNA, TEST_TRANSPORT, GObject)

/* A transport that plays a script: each step names the command it expects
 * (hex; NULL accepts any) and the answer to give (hex, or NULL to fail the
 * transmission with an I/O error). */
MynaTestTransport *myna_test_transport_new         (void);
void               myna_test_transport_expect      (MynaTestTransport *self,
                                                    const char        *command_hex,
                                                    const char        *response_hex);
void               myna_test_transport_expect_data (MynaTestTransport *self,
                                                    const char        *command_hex,
                                                    GBytes            *data,
                                                    guint16            sw);
void               myna_test_transport_assert_done (MynaTestTransport *self);
guint              myna_test_transport_get_sent    (MynaTestTransport *self);
gboolean           myna_test_transport_get_powered_down (MynaTestTransport *self);
void               myna_test_transport_set_power_down_fails (MynaTestTransport *self,
                                                             gboolean           fails);
const char        *myna_test_transport_get_events  (MynaTestTransport *self);
GBytes            *myna_test_bytes_from_hex        (const char        *hex);

G_END_DECLS
