/* myna-test-window.h
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

#include "myna-certificate-box.h"
#include "myna-pin-row.h"
#include "myna-test-gui.h"

G_BEGIN_DECLS

/* The fixture of the tests of the main window and what it opens: the
 * window under test, closed afterwards with the style reset. */
typedef struct
{
  MynaWindow *window;
} MynaTestWindowFixture;

#define MYNA_TEST_WINDOW_ADD(path, data, func) \
  g_test_add (path, MynaTestWindowFixture, data, myna_test_window_setup, func, myna_test_window_teardown)

MynaApplication    *myna_test_window_init            (int                    *argc,
                                                      char                 ***argv);
void                myna_test_window_setup           (MynaTestWindowFixture  *fixture,
                                                      gconstpointer           data);
void                myna_test_window_teardown        (MynaTestWindowFixture  *fixture,
                                                      gconstpointer           data);
MynaWindow         *myna_test_window_open            (MynaApplication        *app,
                                                      const char             *scenario,
                                                      int                     width,
                                                      int                     height);
gboolean            myna_test_window_settled         (gpointer                window);
MynaPinRow         *myna_test_window_pin_row         (MynaWindow             *window,
                                                      MynaPinId               id);
MynaCertificateBox *myna_test_window_certificate_box (MynaWindow             *window,
                                                      MynaCertId              id);
void                myna_test_window_assert_not_shown (GtkWidget             *root,
                                                       const char            *text);

G_END_DECLS
