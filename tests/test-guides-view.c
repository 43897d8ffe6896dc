/* test-guides-view.c
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

#include <glib/gstdio.h>

#include "myna-guide-book.h"
#include "myna-guide-page.h"
#include "myna-guide-printer.h"
#include "myna-guides-view.h"
#include "myna-test-window.h"

/*
 * The guides without a card: every guide listed, one shown with its steps,
 * checklist and sources, the hotline's hours, and a guide printed to PDF
 * with the Japanese terms beside.
 */

static MynaApplication *app;

static gboolean
guide_shown (gpointer data)
{
  return g_strcmp0 (myna_guides_view_get_guide (data), "reset-pin") == 0;
}

static void
test_guides (MynaTestWindowFixture *fixture,
             gconstpointer          data)
{
  g_autofree char *screenshot = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(MynaGuidePrinter) printer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *guides = myna_guide_book_get_guides (myna_guide_book_get_default ());
  MynaGuidesView *view;
  GtkWidget *shown_guide;
  GtkWidget *root;
  gsize length;

  /* Guides need no card: here there is none. */
  fixture->window = myna_test_window_open (app, "valid", 1100, 1600);
  root = GTK_WIDGET (fixture->window);
  myna_card_manager_set_demo_inserted (myna_window_get_manager (fixture->window), FALSE);
  gtk_widget_activate_action (root, "win.show-page", "s", "guides");
  myna_test_gui_flush ();

  view = MYNA_GUIDES_VIEW (myna_test_gui_find_type (root, MYNA_TYPE_GUIDES_VIEW));
  g_assert_nonnull (view);
  for (guint i = 0; i < guides->len; i++)
    g_assert_nonnull (myna_test_gui_find_named (GTK_WIDGET (view), myna_guide_get_id (g_ptr_array_index (guides, i))));

  gtk_widget_activate_action (root, "win.show-guide", "s", "reset-pin");
  g_assert_true (myna_test_gui_wait_until (guide_shown, view, 10000));
  myna_test_gui_flush ();
  myna_test_gui_assert_shows (GTK_WIDGET (view), "暗証番号");
  /* Steps, the checklist per applicant, where, and the sources. */
  myna_test_gui_assert_shows (GTK_WIDGET (view), "Who May Apply and What to Bring");
  myna_test_gui_assert_shows (GTK_WIDGET (view), "The holder");
  myna_test_gui_assert_shows (GTK_WIDGET (view), "Sources");
  myna_test_gui_assert_accessible (root);
  screenshot = myna_test_gui_save_screenshot (root, "guide-reset-pin");
  g_clear_pointer (&screenshot, g_free);

  /* One guide's widgets at a time: the one left goes. */
  shown_guide = gtk_widget_get_first_child (GTK_WIDGET (myna_test_gui_find_type (root, MYNA_TYPE_GUIDE_PAGE)));
  g_assert_true (ADW_IS_PREFERENCES_PAGE (shown_guide));
  g_object_add_weak_pointer (G_OBJECT (shown_guide), (gpointer *) &shown_guide);

  /* The lost-card guide has the hotline and says whether it is open now. */
  gtk_widget_activate_action (root, "win.show-guide", "s", "lost-card");
  myna_test_gui_flush ();
  g_assert_null (shown_guide);
  myna_test_gui_assert_shows (GTK_WIDGET (view), "0120-95-0178");
  myna_test_gui_assert_shows (GTK_WIDGET (view), "takes calls in your language now");
  screenshot = myna_test_gui_save_screenshot (root, "guide-lost-card");

  /* Print or save as PDF: the checklist, with the Japanese terms beside. */
  printer = myna_guide_printer_new (myna_guide_book_lookup (myna_guide_book_get_default (), "reset-pin"));
  markup = myna_guide_printer_get_markup (printer);
  g_assert_nonnull (strstr (markup, "The holder (本人)"));
  g_assert_nonnull (strstr (markup, "暗証番号"));
  pdf = g_test_build_filename (G_TEST_BUILT, "screenshots", "guide-reset-pin.pdf", NULL);
  g_unlink (pdf);
  g_assert_true (myna_guide_printer_run (printer, GTK_WINDOW (fixture->window), pdf, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &pdf_text, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = myna_test_window_init (&argc, &argv);

  MYNA_TEST_WINDOW_ADD ("/window/guides", NULL, test_guides);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
