/* minimal-window.c
 *
 * Copyright 2026 The MynaCheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of bench/run: the least a libadwaita application does to
 * show a window. It prints "first-frame" when the window first draws, and
 * quits. For scale, with either or both of
 *
 *   rows            a stock preferences page of six groups of five rows
 *                   instead: what any libadwaita page of that size costs
 *   japanese TEXT   TEXT under the page, in Japanese: what drawing these
 *                   characters costs (bench/run passes the Japanese terms
 *                   of every guide)
 */

#include <adwaita.h>
#include <stdio.h>

#include "bench-memory.h"

static gboolean with_rows;
static const char *japanese_text;

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, application);
  printf ("first-frame\n");
  fflush (stdout);
  bench_print_memory ();
  g_application_quit (application);
}

static void
map_cb (GtkWidget    *window,
        GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), application);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page;

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (with_rows)
    {
      page = adw_preferences_page_new ();
      gtk_widget_set_vexpand (page, TRUE);
      for (guint i = 0; i < 6; i++)
        {
          GtkWidget *group = adw_preferences_group_new ();

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Group");
          for (guint j = 0; j < 5; j++)
            {
              GtkWidget *row = adw_action_row_new ();

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "A row with a title");
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "and a subtitle under it");
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            }
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
        }
    }
  else
    {
      page = adw_status_page_new ();
    }
  gtk_box_append (GTK_BOX (box), page);
  if (japanese_text != NULL)
    {
      GtkWidget *label = gtk_label_new (japanese_text);
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      /* As the guides draw their Japanese terms. */
      pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string ("ja")));
      gtk_label_set_attributes (GTK_LABEL (label), attributes);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 880, 720);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.mynacheck.Baseline",
                                                               G_APPLICATION_NON_UNIQUE);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "rows"))
        with_rows = TRUE;
      else if (g_str_equal (argv[i], "japanese") && i + 1 < argc)
        japanese_text = argv[++i];
      else
        {
          fprintf (stderr, "usage: %s [rows] [japanese TEXT]\n", argv[0]);
          return 2;
        }
    }
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), 1, argv);
}
