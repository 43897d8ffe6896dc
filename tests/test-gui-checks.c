/* test-gui-checks.c
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

#include "myna-test-gui.h"

/*
 * The shared checks of the window tests can fail: each is given a window
 * built to break it, in a subprocess, and must say so. An icon-only button
 * without an accessible name is the case they exist for (GTK 4.8 gives
 * every button a labelled-by relation to its child, even an image).
 */

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
present_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (myna_test_gui_wait_until (widget_mapped, window, 5000));
  myna_test_gui_flush ();

  return window;
}

static GtkWidget *
icon_button (gboolean named)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  gtk_box_append (GTK_BOX (box), gtk_label_new ("A label beside it"));
  if (named)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    "Read the Card Again", -1);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
test_unnamed_icon_button (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *window = present_window (icon_button (FALSE));

      myna_test_gui_assert_accessible (window);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Controls without an accessible name*GtkButton*");
}

static void
test_named_icon_button (void)
{
  GtkWidget *window = present_window (icon_button (TRUE));

  myna_test_gui_assert_accessible (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_button_with_text (void)
{
  GtkWidget *window = present_window (gtk_button_new_with_mnemonic ("_Read"));

  myna_test_gui_assert_accessible (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_not_on_screen (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *window = gtk_window_new ();

      gtk_window_set_child (GTK_WINDOW (window), icon_button (TRUE));
      myna_test_gui_assert_accessible (window);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*not on screen*");
}

static void
test_clipping_nothing_shown (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *window = gtk_window_new ();

      gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Never shown"));
      myna_test_gui_assert_no_clipping (window);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*nothing to check*");
}

static void
test_clipping_ellipsized (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *label = gtk_label_new ("A sentence far too long for the narrow window it is shown in");
      GtkWidget *window;

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      window = present_window (label);
      gtk_window_set_default_size (GTK_WINDOW (window), 80, 80);
      myna_test_gui_flush ();
      myna_test_gui_assert_no_clipping (window);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*ellipsized*");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui-checks/accessible/unnamed-icon-button", test_unnamed_icon_button);
  g_test_add_func ("/gui-checks/accessible/named-icon-button", test_named_icon_button);
  g_test_add_func ("/gui-checks/accessible/button-with-text", test_button_with_text);
  g_test_add_func ("/gui-checks/accessible/not-on-screen", test_accessible_not_on_screen);
  g_test_add_func ("/gui-checks/no-clipping/nothing-shown", test_clipping_nothing_shown);
  g_test_add_func ("/gui-checks/no-clipping/ellipsized", test_clipping_ellipsized);

  return g_test_run ();
}
