/* bench-window.c
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

#include <glib-unix.h>
#include <malloc.h>
#include <stdio.h>
#include <unistd.h>

#include "bench-memory.h"

#include "myna-application.h"
#include "myna-card-manager-private.h"
#include "myna-i18n.h"
#include "myna-kiosk-private.h"
#include "myna-window.h"

/*
 * The MynaCheck window, run as the app runs it, with the measuring points
 * bench/run needs. One mode per run:
 *
 *   startup  print "first-frame" on the window's first frame, then quit
 *   tour     on the demo card, once it is read: every page of the window
 *            and every guide; print "toured", then quit
 *   stalls   the demo card at 200 ms an APDU; a 5 ms timer on the main
 *            loop from the first frame; print "longest-stall-us R D": the
 *            longest stall until the card is read, and until 1.5 s after,
 *            its drawing included
 *   soak READER IDLE_MS
 *            the app as a public terminal on READER, its idle timeout
 *            IDLE_MS (a line "idle MS" changes it), until stdin closes;
 *            print "EVENT T" lines, T in
 *            microseconds of the monotonic clock: "reading" (pcscd told
 *            of a card), "shown" (the frame that drew the card read),
 *            "start-over", "window" (a fresh main window's first frame),
 *            "created" and "finalized" (a main window), "state NAME";
 *            and for each other line read, "heap-in-use BYTES"
 *
 * bench/minimal-window.c is the baseline for the first two.
 */

static const char *mode;
static MynaApplication *app;
static gint64 last_tick;
static gint64 longest_stall;
static gint64 longest_stall_reading;

static void
quit_soon (void)
{
  g_idle_add_once ((GSourceOnceFunc) g_application_quit, app);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, data);
  printf ("first-frame\n");
  fflush (stdout);
  quit_soon ();
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
flush_main_loop (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
tour (MynaWindow *window)
{
  static const char * const pages[] = { "guides", "calculator", "card" };
  GtkWidget *root = GTK_WIDGET (window);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (root, "win.show-page", "s", pages[i]);
      flush_main_loop ();
    }

  for (const char * const *id = (const char * const[]) { "lost-card", "lift-suspension", "reissue",
                                                          "renew-certificate", "new-certificate", "reset-pin",
                                                          "change-pin", "renew-card", "foreign-resident",
                                                          "replace-juki-card", NULL };
       *id != NULL; id++)
    {
      gtk_widget_activate_action (root, "win.show-guide", "s", *id);
      flush_main_loop ();
    }

  printf ("toured\n");
  fflush (stdout);
  bench_print_memory ();
  quit_soon ();
}

static gboolean tick_cb (gpointer data);

/* The read runs in its worker from the start; the stalls that count are
 * those once the window is on screen. */
static void
start_ticking_cb (GdkFrameClock *clock,
                  gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, start_ticking_cb, data);
  g_timeout_add (5, tick_cb, NULL);
}

static void
map_for_stalls_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (start_ticking_cb), NULL);
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0)
    longest_stall = MAX (longest_stall, now - last_tick - 5000);
  last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
report_stall (void)
{
  printf ("longest-stall-us %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", longest_stall_reading, longest_stall);
  fflush (stdout);
  quit_soon ();
}

static void
state_changed_cb (MynaCardManager *manager,
                  GParamSpec      *pspec,
                  MynaWindow      *window)
{
  if (myna_card_manager_get_state (manager) != MYNA_CARD_STATE_READY)
    return;

  g_signal_handlers_disconnect_by_func (manager, state_changed_cb, window);

  if (g_str_equal (mode, "tour"))
    {
      /* After the window has drawn the card. */
      g_timeout_add_once (200, (GSourceOnceFunc) tour, window);
    }
  else
    {
      /* The read is done. The window draws the card in this dispatch and
       * the next frames: measured on, apart. */
      longest_stall_reading = longest_stall;
      g_timeout_add_once (1500, (GSourceOnceFunc) report_stall, NULL);
    }
}

static void
activate_cb (GApplication *application)
{
  g_autoptr(MynaCardManager) manager = NULL;
  MynaWindow *window;

  if (!g_str_equal (mode, "startup"))
    manager = myna_card_manager_new_demo ("valid", NULL);
  if (g_str_equal (mode, "stalls"))
    _myna_card_manager_set_demo_latency (manager, 200);

  /* Startup as a user starts it: with a reader, not the demo card. */
  if (manager != NULL)
    myna_application_set_manager (app, manager);
  window = myna_window_new (app);
  if (g_str_equal (mode, "startup"))
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  else
    g_signal_connect_object (manager, "notify::state", G_CALLBACK (state_changed_cb), window, 0);
  if (manager != NULL && g_str_equal (mode, "stalls"))
    g_signal_connect (window, "map", G_CALLBACK (map_for_stalls_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

#ifdef __SANITIZE_ADDRESS__
/* AddressSanitizer's, declared in <sanitizer/allocator_interface.h>,
 * which GCC does not install. */
size_t __sanitizer_get_current_allocated_bytes (void);
#endif

static void
soak_print (const char *event)
{
  printf ("%s %" G_GINT64_FORMAT "\n", event, g_get_monotonic_time ());
  fflush (stdout);
}

static void
soak_frame_drawn_cb (GdkFrameClock *clock,
                     const char    *event)
{
  g_signal_handlers_disconnect_by_func (clock, soak_frame_drawn_cb, (gpointer) event);
  soak_print (event);
}

static void
print_after_next_frame (GtkWidget  *widget,
                        const char *event)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, soak_frame_drawn_cb, (gpointer) event);
  g_signal_connect (clock, "after-paint", G_CALLBACK (soak_frame_drawn_cb), (gpointer) event);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
soak_window_mapped_cb (GtkWidget *window)
{
  print_after_next_frame (window, "window");
}

static void
soak_window_finalized_cb (gpointer  data,
                          GObject  *window)
{
  soak_print ("finalized");
}

/* A window that is never finalized keeps all it showed, its card's data
 * included: the bench counts those alive. */
static void
soak_window_added_cb (GtkApplication *application,
                      GtkWindow      *window)
{
  if (!MYNA_IS_WINDOW (window))
    return;
  soak_print ("created");
  g_object_weak_ref (G_OBJECT (window), soak_window_finalized_cb, NULL);
  g_signal_connect (window, "map", G_CALLBACK (soak_window_mapped_cb), NULL);
}

static void
soak_state_changed_cb (MynaCardManager *manager)
{
  MynaCardState state = myna_card_manager_get_state (manager);
  g_autofree char *event = g_strdup_printf ("state %s", myna_card_state_to_string (state));
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  soak_print (event);
  if (state == MYNA_CARD_STATE_READING)
    soak_print ("reading");
  else if (state == MYNA_CARD_STATE_READY && window != NULL)
    print_after_next_frame (GTK_WIDGET (window), "shown");
}

static void
soak_start_over_cb (void)
{
  soak_print ("start-over");
}

static gboolean
soak_stdin_cb (int          fd,
               GIOCondition condition,
               gpointer     data)
{
  char buffer[64] = "";
  gssize length = read (fd, buffer, sizeof buffer - 1);
  guint idle_ms;

  if (length > 0 && sscanf (buffer, "idle %u", &idle_ms) == 1 && idle_ms > 0)
    {
      _myna_kiosk_set_idle_timeout_ms (myna_application_get_kiosk (app), idle_ms);
      return G_SOURCE_CONTINUE;
    }

  if (length > 0)
    {
      /* Any line: the bytes malloc has handed out and not had back, which
       * grow with a leak but not with fragmentation; AddressSanitizer's
       * allocator counts its own. */
#ifdef __SANITIZE_ADDRESS__
      printf ("heap-in-use %zu\n", __sanitizer_get_current_allocated_bytes ());
#else
      struct mallinfo2 info = mallinfo2 ();

      printf ("heap-in-use %zu\n", info.uordblks + info.hblkhd);
#endif
      fflush (stdout);
      return G_SOURCE_CONTINUE;
    }

  g_application_release (G_APPLICATION (app));
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
soak_startup_cb (GApplication *application,
                 gpointer      idle_ms)
{
  MynaKiosk *kiosk = myna_application_get_kiosk (app);

  g_application_hold (application);
  _myna_kiosk_set_idle_timeout_ms (kiosk, GPOINTER_TO_UINT (idle_ms));
  g_signal_connect (kiosk, "start-over", G_CALLBACK (soak_start_over_cb), NULL);
  g_signal_connect (myna_application_get_manager (app), "notify::state", G_CALLBACK (soak_state_changed_cb), NULL);
  g_signal_connect (application, "window-added", G_CALLBACK (soak_window_added_cb), NULL);
  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, soak_stdin_cb, NULL);
}

static int
run_soak (const char *reader,
          guint       idle_ms)
{
  int status;

  myna_application_prepare_environment (TRUE);
  app = g_object_new (MYNA_TYPE_APPLICATION, "reader", reader, "kiosk-option", TRUE, NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (soak_startup_cb), GUINT_TO_POINTER (idle_ms));
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&app);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc < 2 || !g_strv_contains ((const char * const[]) { "startup", "tour", "stalls", "soak", NULL }, argv[1]) ||
      (g_str_equal (argv[1], "soak") && argc != 4))
    {
      fprintf (stderr, "usage: %s startup|tour|stalls|soak READER IDLE_MS\n", argv[0]);
      return 2;
    }
  mode = argv[1];

  /* As main.c does. */
  myna_i18n_init (g_getenv ("MYNACHECK_LOCALEDIR") != NULL ? g_getenv ("MYNACHECK_LOCALEDIR") : LOCALEDIR);
  gtk_disable_setlocale ();
  if (g_str_equal (mode, "soak"))
    return run_soak (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  myna_application_prepare_environment (FALSE);
  app = myna_application_new (NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  /* No MynaApplication::activate window: this one's own. */
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_object_unref (app);

  return status;
}
