/* myna-test-window.c
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

#include "myna-card-manager-private.h"
#include "myna-certificate-box-private.h"
#include "myna-pin-row-private.h"
#include "myna-test-window.h"

/*
 * What the tests of the main window share: an application whose "today"
 * is fixed, a window on a demo card, and the overview's rows and boxes
 * found by what they show (a PIN, a certificate), not by their text.
 */

/**
 * myna_test_window_init:
 *
 * Returns: (transfer full): the application, on the demo card "valid",
 *   with today fixed for the calculator and the hotline's hours
 *   (Wednesday 2026-11-25, 10:00 JST); the demo card's dates are relative
 *   to it
 */
MynaApplication *
myna_test_window_init (int    *argc,
                       char ***argv)
{
  g_setenv ("MYNACHECK_NOW", "2026-11-25T10:00:00+09:00", TRUE);

  return myna_test_gui_init (argc, argv, "valid");
}

void
myna_test_window_setup (MynaTestWindowFixture *fixture,
                        gconstpointer          data)
{
}

void
myna_test_window_teardown (MynaTestWindowFixture *fixture,
                           gconstpointer          data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  myna_test_gui_flush ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-xft-dpi");
}

/**
 * myna_test_window_open:
 * @scenario: a demo card
 * @width: the window's width, or -1
 * @height: the window's height, or -1
 *
 * Returns: (transfer none): a window on @scenario's demo card, read
 */
MynaWindow *
myna_test_window_open (MynaApplication *app,
                       const char      *scenario,
                       int              width,
                       int              height)
{
  g_autoptr(MynaCardManager) manager = NULL;
  g_autoptr(GError) error = NULL;

  manager = myna_card_manager_new_demo (scenario, &error);
  g_assert_no_error (error);

  return myna_test_gui_open_window (app, manager, width, height);
}

/**
 * myna_test_window_settled:
 * @window: a #MynaWindow
 *
 * Returns: whether its card manager is done starting and reading, for
 *   myna_test_gui_wait_until()
 */
gboolean
myna_test_window_settled (gpointer window)
{
  return myna_test_gui_manager_settled (myna_window_get_manager (window));
}

/**
 * myna_test_window_pin_row:
 *
 * Returns: (transfer none): the overview's row for the PIN @id
 */
MynaPinRow *
myna_test_window_pin_row (MynaWindow *window,
                          MynaPinId   id)
{
  g_autoptr(GPtrArray) rows = myna_test_gui_find_all (GTK_WIDGET (window), MYNA_TYPE_PIN_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      if (_myna_pin_row_get_pin (g_ptr_array_index (rows, i)) == id)
        return g_ptr_array_index (rows, i);
    }

  g_error ("No row for the %s PIN", myna_pin_id_to_string (id));
}

/**
 * myna_test_window_certificate_box:
 *
 * Returns: (transfer none): the overview's box for the certificate @id
 */
MynaCertificateBox *
myna_test_window_certificate_box (MynaWindow *window,
                                  MynaCertId  id)
{
  g_autoptr(GPtrArray) boxes = myna_test_gui_find_all (GTK_WIDGET (window), MYNA_TYPE_CERTIFICATE_BOX);

  for (guint i = 0; i < boxes->len; i++)
    {
      if (_myna_certificate_box_get_certificate (g_ptr_array_index (boxes, i)) == id)
        return g_ptr_array_index (boxes, i);
    }

  g_error ("No box for the %s certificate", myna_cert_id_to_string (id));
}

/**
 * myna_test_window_assert_not_shown:
 *
 * Fails, naming the label and its window, when a shown label holds @text.
 */
void
myna_test_window_assert_not_shown (GtkWidget  *root,
                                   const char *text)
{
  GtkWidget *label = myna_test_gui_find_text (root, text);

  if (label != NULL)
    g_error ("“%s” is shown, and should not be: “%s” in %s", text,
             gtk_label_get_text (GTK_LABEL (label)),
             G_OBJECT_TYPE_NAME (gtk_widget_get_ancestor (label, GTK_TYPE_WINDOW)));
}
