/* myna-test-gui.c
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

#include "myna-diagnostics-window-private.h"
#include "myna-i18n.h"
#include "myna-test-gui.h"

/*
 * Helpers for tests with a window: wait on the main loop, walk the widget
 * tree for what the user sees, and render a widget to a PNG that reviewers
 * can open (under tests/screenshots/ in the build directory). The checks
 * every window test makes (accessible names, no clipping, fitting a
 * width, secrets hidden, shortcuts) are in myna-test-gui-checks.c.
 */

/**
 * myna_test_gui_init:
 * @argc: from main()
 * @argv: from main()
 * @demo_scenario: (nullable): as `--demo`, or %NULL to follow pcscd
 *
 * Initialises GTK for tests and registers the application. The title bar
 * has GNOME's buttons rather than GTK's fallback of three, so that narrow
 * layouts are measured as on a GNOME phone or tablet.
 *
 * Returns: (transfer full): the application, for myna_test_gui_finish()
 */
MynaApplication *
myna_test_gui_init (int        *argc,
                    char     ***argv,
                    const char *demo_scenario)
{
  g_autoptr(GError) error = NULL;
  MynaApplication *app;

  /* gtk_test_init() sets a locale of its own; MynaCheck's comes after. */
  gtk_test_init (argc, argv, NULL);
  myna_i18n_init (g_getenv ("MYNACHECK_LOCALEDIR") != NULL ? g_getenv ("MYNACHECK_LOCALEDIR") : LOCALEDIR);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = myna_application_new (demo_scenario);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

void
myna_test_gui_finish (MynaApplication *app)
{
  g_application_quit (G_APPLICATION (app));
  g_object_unref (app);
}

gboolean
myna_test_gui_wait_until (gboolean (*condition) (gpointer data),
                          gpointer   data,
                          guint      timeout_ms)
{
  /* A deadline here only ends a test that would otherwise hang: how fast
   * things happen is measured by bench/run, never asserted in a test,
   * which a loaded machine would make fail. Sanitizer builds run several
   * times slower (build-aux/run-sanitizers). */
  const char *slowdown = g_getenv ("MYNACHECK_TEST_SLOWDOWN");
  gint64 factor = slowdown != NULL ? MAX (1, g_ascii_strtoll (slowdown, NULL, 10)) : 1;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000 * factor;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/**
 * myna_test_gui_flush:
 *
 * Runs the main loop until it has nothing left to do, or for half a
 * second at most: an animation, such as a spinner, never lets it rest.
 */
void
myna_test_gui_flush (void)
{
  /* Twice: a pending frame can queue more work, such as a relayout. */
  for (guint i = 0; i < 2; i++)
    {
      gint64 deadline = g_get_monotonic_time () + 250 * G_TIME_SPAN_MILLISECOND;

      while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  while (g_main_context_pending (NULL))
    {
      if (!g_main_context_iteration (NULL, FALSE))
        break;
      if (g_main_context_pending (NULL))
        break;
    }
}

gboolean
myna_test_gui_is_shown (GtkWidget *widget)
{
  /* Mapped is on screen, or would be after scrolling; drawn is not 0×0
   * and not hidden by an unrevealed revealer. */
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget)
         && gtk_widget_get_opacity (widget) > 0.0;
}

/* Its name (gtk_widget_set_name()) or its id in a template or .ui file. */
static gboolean
has_widget_name (GtkWidget  *widget,
                 const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0 ||
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0;
}

static void
collect (GtkWidget *widget,
         GType      type,
         const char *name,
         gboolean   shown_only,
         GPtrArray *found)
{
  if (shown_only && !myna_test_gui_is_shown (widget))
    return;

  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
      && (name == NULL || has_widget_name (widget, name)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, name, shown_only, found);
}

/**
 * myna_test_gui_find_named:
 * @name: a widget's name, or its id in its template or .ui file
 *
 * Tests find what they press or measure this way, never by its English
 * text: a change of wording breaks no test far from it.
 *
 * Returns: (nullable): the first widget of that name, shown or not
 */
GtkWidget *
myna_test_gui_find_named (GtkWidget  *root,
                          const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, G_TYPE_INVALID, name, FALSE, found);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/**
 * myna_test_gui_find_shown:
 * @name: a widget's name, or its id in its template or .ui file
 *
 * Returns: (nullable): the first shown widget of that name
 */
GtkWidget *
myna_test_gui_find_shown (GtkWidget  *root,
                          const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, G_TYPE_INVALID, name, TRUE, found);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/**
 * myna_test_gui_assert_button:
 * @name: a button's name, or its id in its template or .ui file
 * @action: the action it must fire
 *
 * Fails unless a shown button of that name fires @action: what it does,
 * said without its English label.
 *
 * Returns: (transfer none): the button
 */
GtkWidget *
myna_test_gui_assert_button (GtkWidget  *root,
                             const char *name,
                             const char *action)
{
  GtkWidget *button = myna_test_gui_find_shown (root, name);

  if (button == NULL)
    g_error ("No button “%s” is shown", name);
  g_assert_true (GTK_IS_ACTIONABLE (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);

  return button;
}

/**
 * myna_test_gui_find_type:
 *
 * Returns: (nullable): the first shown widget of that type
 */
GtkWidget *
myna_test_gui_find_type (GtkWidget *root,
                         GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, NULL, TRUE, found);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/**
 * myna_test_gui_find_all:
 *
 * Returns: (transfer container): every shown widget of that type
 */
GPtrArray *
myna_test_gui_find_all (GtkWidget *root,
                        GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, NULL, TRUE, found);

  return found;
}

/**
 * myna_test_gui_find_every:
 *
 * Returns: (transfer container): the widgets of @type under @root, shown
 *   or not, @root included
 */
GPtrArray *
myna_test_gui_find_every (GtkWidget *root,
                          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, NULL, FALSE, found);

  return found;
}

static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  if (GTK_IS_TEXT_VIEW (widget))
    return NULL;
  return NULL;
}

/**
 * myna_test_gui_find_text:
 *
 * Returns: (nullable): the first shown label whose text contains @text
 */
GtkWidget *
myna_test_gui_find_text (GtkWidget  *root,
                         const char *text)
{
  g_autoptr(GPtrArray) labels = myna_test_gui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *shown = shown_text (g_ptr_array_index (labels, i));

      if (shown != NULL && strstr (shown, text) != NULL)
        return g_ptr_array_index (labels, i);
    }

  return NULL;
}

gboolean
myna_test_gui_shows_text (GtkWidget  *root,
                          const char *text)
{
  return myna_test_gui_find_text (root, text) != NULL;
}

/**
 * myna_test_gui_collect_text:
 *
 * Returns: (transfer full): the text of every shown label, one per line,
 *   for messages when an assertion fails
 */
char *
myna_test_gui_collect_text (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = myna_test_gui_find_all (root, GTK_TYPE_LABEL);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *shown = shown_text (g_ptr_array_index (labels, i));

      if (shown != NULL && *shown != '\0')
        g_string_append_printf (str, "%s\n", shown);
    }

  return g_string_free (str, FALSE);
}

/**
 * myna_test_gui_describe_labels:
 *
 * Returns: (transfer full): every label under @root, shown or not, with
 *   why it is not shown, for messages when an assertion fails
 */
char *
myna_test_gui_describe_labels (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *str = g_string_new (NULL);

  collect (root, GTK_TYPE_LABEL, NULL, FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      g_string_append_printf (str, "  %s%s%s%s “%s”\n",
                              gtk_widget_get_visible (label) ? "" : "[hidden]",
                              gtk_widget_get_mapped (label) ? "" : "[unmapped]",
                              gtk_widget_get_child_visible (label) ? "" : "[not child-visible]",
                              gtk_widget_get_opacity (label) > 0.0 ? "" : "[transparent]",
                              gtk_label_get_text (GTK_LABEL (label)));
    }

  return g_string_free (str, FALSE);
}

/**
 * myna_test_gui_find_toplevel:
 *
 * Returns: (nullable): the first shown toplevel of that type
 */
GtkWindow *
myna_test_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set (gpointer data)
{
  return *(char **) data != NULL;
}

/**
 * myna_test_gui_clipboard_text:
 *
 * Returns: (transfer full): the text on @clipboard
 */
char *
myna_test_gui_clipboard_text (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &text);
  g_assert_true (myna_test_gui_wait_until (pointer_set, &text, 5000));

  return text;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/**
 * myna_test_gui_save_screenshot:
 * @widget: a shown widget, usually a window
 * @name: the file name, without .png
 *
 * Renders @widget as the user sees it, with its own renderer.
 *
 * Returns: (transfer full): where the PNG was written
 */
char *
myna_test_gui_save_screenshot (GtkWidget  *widget,
                               const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GdkFrameClock *clock;
  gulong painted_handler;
  gboolean painted = FALSE;
  int width, height;

  myna_test_gui_flush ();

  /* The paintable shows what was last drawn: on a slow machine (the
   * sanitizer build) a window just presented may not have been drawn
   * yet, so wait for a frame painted after asking for one. */
  g_assert_true (myna_test_gui_wait_until (widget_mapped, widget, 5000));
  clock = gtk_widget_get_frame_clock (widget);
  painted_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (myna_test_gui_wait_until (flag_set, &painted, 5000));
  g_signal_handler_disconnect (clock, painted_handler);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  return path;
}

/**
 * myna_test_gui_manager_settled:
 * @manager: a #MynaCardManager
 *
 * Returns: whether @manager is done starting and reading, for
 *   myna_test_gui_wait_until()
 */
gboolean
myna_test_gui_manager_settled (gpointer manager)
{
  MynaCardState state = myna_card_manager_get_state (manager);

  return state != MYNA_CARD_STATE_STARTING && state != MYNA_CARD_STATE_READING;
}

/**
 * myna_test_gui_only_window:
 *
 * Returns: (transfer none): the application's one window, a #MynaWindow
 */
MynaWindow *
myna_test_gui_only_window (MynaApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (MYNA_IS_WINDOW (windows->data));

  return windows->data;
}

/**
 * myna_test_gui_open_window:
 * @manager: the card manager the window is to follow, made the
 *   application's
 * @width: the window's width, or -1 for its default
 * @height: the window's height, or -1 for its default
 *
 * Returns: (transfer none): a window on screen, its card read (or its
 *   state page shown)
 */
MynaWindow *
myna_test_gui_open_window (MynaApplication *app,
                           MynaCardManager *manager,
                           int              width,
                           int              height)
{
  MynaWindow *window;

  myna_application_set_manager (app, manager);
  window = myna_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (myna_test_gui_wait_until (myna_test_gui_manager_settled, manager, 10000));
  myna_test_gui_flush ();

  /* A public terminal starts afresh when the card it showed is gone, and
   * a new manager is such a change: then the window is its replacement. */
  if (window == NULL)
    return myna_test_gui_only_window (app);

  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  return window;
}

/**
 * myna_test_gui_assert_shows:
 *
 * Fails, listing what is on screen, unless a shown label holds @text.
 */
void
myna_test_gui_assert_shows (GtkWidget  *root,
                            const char *text)
{
  if (!myna_test_gui_shows_text (root, text))
    {
      g_autofree char *shown = myna_test_gui_collect_text (root);

      g_error ("“%s” is not shown. Shown:\n%s", text, shown);
    }
}

static void
signing_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (myna_card_manager_read_signing_certificate_finish (MYNA_CARD_MANAGER (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/**
 * myna_test_gui_read_signing_certificate:
 *
 * Reads the signing certificate with @password, as the password dialog
 * would, and waits for it.
 */
void
myna_test_gui_read_signing_certificate (MynaCardManager *manager,
                                        const char      *password)
{
  gboolean done = FALSE;

  myna_card_manager_read_signing_certificate_async (manager, g_strdup (password), FALSE, NULL,
                                                    signing_read_cb, &done);
  g_assert_true (myna_test_gui_wait_until (flag_set, &done, 10000));
}

/**
 * myna_test_gui_diagnostics_done:
 * @diagnostics_window: a #MynaDiagnosticsWindow
 *
 * Returns: whether its self-test has finished, for myna_test_gui_wait_until()
 */
gboolean
myna_test_gui_diagnostics_done (gpointer diagnostics_window)
{
  return !_myna_diagnostics_window_is_running (diagnostics_window);
}
