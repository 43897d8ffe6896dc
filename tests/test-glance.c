/* test-glance.c
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

#include "myna-card-manager.h"
#include "myna-certificate-box-private.h"
#include "myna-columns.h"
#include "myna-gui-utils.h"
#include "myna-i18n.h"
#include "myna-overview.h"
#include "myna-test-window.h"
#include "myna-virtual-scenarios.h"
#include "myna-window.h"

/*
 * The card at a glance: at the window's default size, in every language
 * and on every demo card, the state of each certificate, the tries of all
 * four PINs and the first thing to do are inside the visible part of the
 * overview, with nothing scrolled. Geometry, not pixels: the widgets'
 * bounds against the scrolled window's.
 */

static MynaApplication *app;
static double least_room = G_MAXDOUBLE;  /* px below the lowest widget checked */
static char *least_room_where;

static GtkWidget *
first_guidance_row (GtkWidget *root)
{
  GtkWidget *group = myna_test_gui_find_named (root, "what-to-do");

  g_assert_nonnull (group);
  if (!gtk_widget_get_visible (group))
    return NULL;

  return myna_test_gui_find_type (group, GTK_TYPE_LIST_BOX_ROW);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  g_autoptr(GPtrArray) labels = myna_test_gui_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      return g_ptr_array_index (labels, i);

  g_error ("No label of class %s in %s", css_class, G_OBJECT_TYPE_NAME (root));
}

static void
assert_in_view (GtkWidget  *widget,
                GtkWidget  *scrolled,
                const char *what,
                const char *scenario)
{
  graphene_rect_t bounds;
  int height = gtk_widget_get_height (scrolled);
  int width = gtk_widget_get_width (scrolled);

  g_assert_true (myna_test_gui_is_shown (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > height ||
      bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > width)
    g_test_fail_printf ("%s, %s: %s is at %.0f,%.0f %.0f × %.0f, outside the visible %d × %d",
             myna_i18n_get_language (), scenario, what, bounds.origin.x, bounds.origin.y,
             bounds.size.width, bounds.size.height, width, height);

  if (height - (bounds.origin.y + bounds.size.height) < least_room)
    {
      least_room = height - (bounds.origin.y + bounds.size.height);
      g_free (least_room_where);
      least_room_where = g_strdup_printf ("%s, %s, %s", myna_i18n_get_language (), scenario, what);
    }
}

static float
top_of (GtkWidget *widget,
        GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds.origin.y;
}

static void
assert_glance (MynaWindow *window,
               const char *scenario)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *pin_row = GTK_WIDGET (myna_test_window_pin_row (window, MYNA_PIN_AUTH));
  GtkWidget *scrolled = gtk_widget_get_ancestor (pin_row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *first = first_guidance_row (root);

  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      MynaCertId id = i == 0 ? MYNA_CERT_AUTH : MYNA_CERT_SIGN;
      GtkWidget *box = GTK_WIDGET (myna_test_window_certificate_box (window, id));
      g_autofree char *what = g_strdup_printf ("the state of %s", myna_cert_id_to_string (id));

      if (!myna_test_gui_is_shown (box))
        continue;
      assert_in_view (find_with_class (box, "state-badge"), scrolled, what, scenario);
      assert_in_view (myna_test_gui_find_text (box, _myna_certificate_box_get_headline (MYNA_CERTIFICATE_BOX (box))),
                      scrolled, what, scenario);
    }

  for (MynaPinId id = 0; id < MYNA_N_PINS; id++)
    assert_in_view (GTK_WIDGET (myna_test_window_pin_row (window, id)), scrolled,
                    myna_pin_id_to_string (id), scenario);

  if (first != NULL)
    assert_in_view (first, scrolled, "the first thing to do", scenario);
}

static void
test_language (gconstpointer data)
{
  const MynaLanguage *language = data;
  const MynaVirtualScenario *scenarios;
  guint n_scenarios, n_checked = 0;

  g_assert_true (myna_i18n_set_language (language->catalog));

  scenarios = myna_virtual_scenarios_get (&n_scenarios);
  for (guint i = 0; i < n_scenarios; i++)
    {
      MynaWindow *window = myna_test_window_open (app, scenarios[i].id, -1, -1);
      GtkWidget *root = GTK_WIDGET (window);
      GtkWidget *overview;
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
      g_assert_cmpint (width, ==, 880);
      g_assert_cmpint (height, ==, 720);

      /* A card that is not a My Number card has no overview to show. */
      overview = myna_test_gui_find_type (root, MYNA_TYPE_OVERVIEW);
      if (overview != NULL && myna_test_gui_is_shown (overview))
        {
          g_assert_true (myna_columns_get_side_by_side (MYNA_COLUMNS (myna_test_gui_find_type (root, MYNA_TYPE_COLUMNS))));
          assert_glance (window, scenarios[i].id);
          if (g_str_equal (scenarios[i].id, "pin-blocked") || g_str_equal (scenarios[i].id, "stay-ends"))
            {
              g_autofree char *name = g_strdup_printf ("glance-%s-%s", language->catalog, scenarios[i].id);
              g_autofree char *screenshot = myna_test_gui_save_screenshot (root, name);
            }
          n_checked++;
        }

      gtk_window_destroy (GTK_WINDOW (window));
      myna_test_gui_flush ();
    }

  /* It looked at something: every scenario but the foreign card. */
  g_assert_cmpuint (n_checked, ==, n_scenarios - 1);
  g_test_message ("least room so far: %.0f px below %s", least_room, least_room_where);
  myna_i18n_set_language (NULL);
}

/* On a phone-sized window: what to do first, then the PINs, then the
 * certificates. */
static void
test_narrow_order (void)
{
  MynaWindow *window = myna_test_window_open (app, "pin-blocked", 360, 720);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *columns = myna_test_gui_find_type (root, MYNA_TYPE_COLUMNS);
  GtkWidget *first = first_guidance_row (root);
  GtkWidget *pins[MYNA_N_PINS];
  GtkWidget *auth_box = GTK_WIDGET (myna_test_window_certificate_box (window, MYNA_CERT_AUTH));
  GtkWidget *sign_box = GTK_WIDGET (myna_test_window_certificate_box (window, MYNA_CERT_SIGN));
  GtkWidget *more = myna_test_gui_find_named (root, "more-to-do");

  myna_test_gui_assert_fits (root, 360);
  g_assert_false (myna_columns_get_side_by_side (MYNA_COLUMNS (columns)));
  g_assert_nonnull (first);
  for (MynaPinId id = 0; id < MYNA_N_PINS; id++)
    pins[id] = GTK_WIDGET (myna_test_window_pin_row (window, id));

  g_assert_cmpfloat (top_of (first, columns), <, top_of (pins[0], columns));
  for (MynaPinId id = 1; id < MYNA_N_PINS; id++)
    g_assert_cmpfloat (top_of (pins[id - 1], columns), <, top_of (pins[id], columns));
  g_assert_cmpfloat (top_of (pins[MYNA_N_PINS - 1], columns), <, top_of (auth_box, columns));
  g_assert_cmpfloat (top_of (auth_box, columns), <, top_of (sign_box, columns));
  /* The rest of what to do comes last. */
  g_assert_true (myna_test_gui_is_shown (more));
  g_assert_cmpfloat (top_of (sign_box, columns), <, top_of (more, columns));

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
}

static guint
count_tooltips (GtkWidget  *widget,
                GPtrArray  *texts)
{
  guint count = 0;
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text != NULL)
    {
      /* Shown by MynaCheck's own label, not GTK's. */
      g_assert_true (g_signal_has_handler_pending (widget, g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET), 0, TRUE));
      g_ptr_array_add (texts, g_strdup (text));
      count++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count += count_tooltips (child, texts);

  return count;
}

static int
height_at_natural_width (GtkWidget *label)
{
  int width, height;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);

  return height;
}

/* Japanese has no spaces to break at: a short tooltip stays on one line
 * instead of being cut inside a word, a long one still wraps. */
static void
test_tooltips (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *long_text = NULL;
  MynaWindow *window;
  GtkWidget *one_line, *label;

  g_assert_true (myna_i18n_set_language ("ja"));
  window = myna_test_window_open (app, "pin-blocked", -1, -1);
  g_assert_cmpuint (count_tooltips (GTK_WIDGET (window), texts), >=, 4);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_utf8_strlen (text, -1) > 40)
        continue;
      label = g_object_ref_sink (myna_tooltip_label_new (text));
      one_line = g_object_ref_sink (gtk_label_new (text));
      g_assert_cmpint (height_at_natural_width (label), ==, height_at_natural_width (one_line));
      g_object_unref (label);
      g_object_unref (one_line);
    }

  /* And a long text still wraps. */
  long_text = g_strnfill (241, 'x');
  long_text[120] = ' ';
  label = g_object_ref_sink (myna_tooltip_label_new (long_text));
  one_line = g_object_ref_sink (gtk_label_new (long_text));
  g_assert_cmpint (height_at_natural_width (label), >, height_at_natural_width (one_line));
  g_object_unref (label);
  g_object_unref (one_line);

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
  myna_i18n_set_language (NULL);
}

/* Outside GNOME the title bar has minimise and maximise buttons too: the
 * window must still go as narrow as its content. */
static void
test_window_buttons (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *layout = NULL;
  MynaWindow *window;

  g_object_get (settings, "gtk-decoration-layout", &layout, NULL);
  g_object_set (settings, "gtk-decoration-layout", "icon:minimize,maximize,close", NULL);

  window = myna_test_window_open (app, "pin-blocked", 360, 720);
  myna_test_gui_assert_fits (GTK_WIDGET (window), 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  myna_test_gui_flush ();
  g_object_set (settings, "gtk-decoration-layout", layout, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const MynaLanguage *languages;
  guint n_languages;
  int ret;

  app = myna_test_window_init (&argc, &argv);
  g_unsetenv ("LANGUAGE");

  languages = myna_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autofree char *path = g_strdup_printf ("/glance/%s", languages[i].catalog);

      g_test_add_data_func (path, &languages[i], test_language);
    }
  g_test_add_func ("/glance/narrow-order", test_narrow_order);
  g_test_add_func ("/glance/window-buttons", test_window_buttons);
  g_test_add_func ("/glance/tooltips", test_tooltips);

  ret = g_test_run ();

  myna_test_gui_finish (g_steal_pointer (&app));

  return ret;
}
