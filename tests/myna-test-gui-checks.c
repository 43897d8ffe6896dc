/* myna-test-gui-checks.c
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
 * The checks the window tests make on what they show: every control has
 * a name for screen readers, no label is clipped, a window fits a width,
 * a password is never shown in clear, and which keys GTK would take.
 * test-gui-checks.c proves that each can fail.
 */

/**
 * myna_test_gui_assert_secret_hidden:
 * @entry: a password entry row
 *
 * Asserts that what is typed in @entry cannot be shown in clear, where it
 * could be selected or copied: the row's "Show Text" button is there but
 * hidden, and the text stays hidden when asked to show it, as the context
 * menu's "Show Text" would.
 */
void
myna_test_gui_assert_secret_hidden (GtkEditable *entry)
{
  g_autoptr(GPtrArray) buttons = myna_test_gui_find_every (GTK_WIDGET (entry), GTK_TYPE_BUTTON);
  GtkEditable *text = gtk_editable_get_delegate (entry);
  guint show_text_buttons = 0;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *icon = gtk_button_get_icon_name (GTK_BUTTON (button));

      if (g_strcmp0 (icon, "view-reveal-symbolic") == 0 || g_strcmp0 (icon, "view-conceal-symbolic") == 0)
        {
          show_text_buttons++;
          g_assert_false (gtk_widget_get_visible (button));
        }
    }
  /* libadwaita 1.2 has one; the test would be empty without it. */
  g_assert_cmpuint (show_text_buttons, ==, 1);

  g_assert_true (GTK_IS_TEXT (text));
  gtk_widget_activate_action (GTK_WIDGET (text), "misc.toggle-visibility", NULL);
  g_assert_false (gtk_text_get_visibility (GTK_TEXT (text)));
  gtk_text_set_visibility (GTK_TEXT (text), TRUE);
  g_assert_false (gtk_text_get_visibility (GTK_TEXT (text)));
}

/**
 * myna_test_gui_trigger_matches:
 *
 * Returns: whether @trigger fires for @keyval with exactly @modifiers
 */
gboolean
myna_test_gui_trigger_matches (GtkShortcutTrigger *trigger,
                               guint               keyval,
                               GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return myna_test_gui_trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                                          keyval, modifiers) ||
           myna_test_gui_trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                                          keyval, modifiers);
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
  return FALSE;
}

/**
 * myna_test_gui_press_shortcut:
 * @window: a toplevel
 *
 * What a key press does before GtkWindow's own key bindings see it (among
 * them Ctrl+Shift+I and Ctrl+Shift+D, which open the GTK Inspector): the
 * matching shortcuts of @window's capture-phase shortcut controllers are
 * activated in turn, as GTK does, until one takes the key.
 *
 * Returns: whether one took it
 */
gboolean
myna_test_gui_press_shortcut (GtkWidget       *window,
                              guint            keyval,
                              GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (myna_test_gui_trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
needs_name (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return gtk_widget_get_focusable (widget) || GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
      /* A row one can activate is a control. */
      return GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
    case GTK_ACCESSIBLE_ROLE_IMG:
      /* An icon beside words adds nothing; a drawing of our own that
       * carries meaning, such as the timeline, must say it. */
      return !GTK_IS_IMAGE (widget);
    default:
      return FALSE;
    }
}

/* Whether any label under @widget has text. */
static gboolean
holds_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (holds_text (child))
        return TRUE;
    }

  return FALSE;
}

/* As GTK 4.8 names a widget for screen readers: its label property or the
 * widgets that label it, not the text inside it. GTK gives every button a
 * labelled-by relation to its child, even an image with no text: an
 * icon-only button is named only by its label property. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  /* A menu button's inner button is named by the menu button. */
  if (GTK_IS_MENU_BUTTON (parent))
    return has_name (parent);
  /* libadwaita 1.2's toast has a close button with a tooltip only: not
   * ours to name. */
  if (parent != NULL && g_str_equal (G_OBJECT_TYPE_NAME (parent), "AdwToastWidget"))
    return TRUE;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && !holds_text (widget))
    return FALSE;

  return gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
check_names (GtkWidget *widget,
             GString   *unnamed)
{
  if (!myna_test_gui_is_shown (widget))
    return;
  if (gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_PRESENTATION)
      || gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_NONE))
    return;

  if (needs_name (widget) && !has_name (widget))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

      /* A widget hidden from the accessibility tree needs no name. */
      if (gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
        return;

      g_string_append_printf (unnamed, "  %s (%s) in %s\n",
                              G_OBJECT_TYPE_NAME (widget),
                              id != NULL ? id : gtk_widget_get_name (widget),
                              gtk_widget_get_parent (widget) != NULL
                                ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)) : "-");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, unnamed);
}

static void
find_wide (GtkWidget *widget,
           int        limit,
           GString   *out)
{
  gboolean child_too_wide = FALSE;
  int minimum;

  if (!gtk_widget_get_visible (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > limit)
        {
          child_too_wide = TRUE;
          find_wide (child, limit, out);
        }
    }

  if (!child_too_wide)
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_string_append_printf (out, "  %s “%s” needs %d px:", G_OBJECT_TYPE_NAME (widget),
                              GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                                    : gtk_widget_get_name (widget),
                              minimum);
      /* Side by side, the children that add up to too much. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (!gtk_widget_get_visible (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_string_append_printf (out, " %s %d", G_OBJECT_TYPE_NAME (child), minimum);
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * myna_test_gui_assert_fits:
 * @root: a window
 * @width: the width it must fit in
 *
 * Fails, naming the widgets that are too wide, when @root cannot be made
 * as narrow as @width.
 */
void
myna_test_gui_assert_fits (GtkWidget *root,
                           int        width)
{
  int minimum;

  gtk_widget_measure (root, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > width)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      find_wide (root, width - 24, wide);
      g_error ("%s needs %d px, more than %d px:\n%s", G_OBJECT_TYPE_NAME (root), minimum, width, wide->str);
    }
}

/* An ellipsis on purpose: the whole text is one hover away. */
static gboolean
tooltip_has_text (GtkWidget  *widget,
                  const char *text)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip != NULL && strstr (tooltip, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
check_label_fits (GtkWidget *label,
                  GtkWidget *root,
                  GString   *problems)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  graphene_rect_t bounds;
  int text_width;

  if (text == NULL || *text == '\0')
    return;

  if (pango_layout_is_ellipsized (layout) && !tooltip_has_text (label, text))
    g_string_append_printf (problems, "  ellipsized: “%s”\n", text);

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width > gtk_widget_get_width (label) + 1)
    g_string_append_printf (problems, "  %d px of text in %d px: “%s”\n",
                            text_width, gtk_widget_get_width (label), text);

  if (!gtk_widget_compute_bounds (label, root, &bounds))
    return;

  /* Sideways, a label must stay inside every box around it. */
  for (GtkWidget *ancestor = gtk_widget_get_parent (label);
       ancestor != NULL && ancestor != root;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t around;

      if (!gtk_widget_compute_bounds (ancestor, root, &around))
        continue;
      if (bounds.origin.x < around.origin.x - 1 ||
          bounds.origin.x + bounds.size.width > around.origin.x + around.size.width + 1)
        {
          g_string_append_printf (problems, "  sticks out of its %s: “%s”\n",
                                  G_OBJECT_TYPE_NAME (ancestor), text);
          break;
        }
    }
}

/**
 * myna_test_gui_assert_no_clipping:
 * @root: a window
 *
 * Fails when a shown label under @root is ellipsized, has more text than
 * room, or sticks out sideways of a widget around it.
 */
void
myna_test_gui_assert_no_clipping (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = myna_test_gui_find_all (root, GTK_TYPE_LABEL);
  g_autoptr(GString) problems = g_string_new (NULL);

  /* None shown (an unmapped root, say) would pass having checked nothing. */
  if (labels->len == 0)
    g_error ("No label of %s is shown: nothing to check", G_OBJECT_TYPE_NAME (root));

  for (guint i = 0; i < labels->len; i++)
    check_label_fits (g_ptr_array_index (labels, i), root, problems);

  if (problems->len > 0)
    g_error ("Labels that do not fit in %s:\n%s", G_OBJECT_TYPE_NAME (root), problems->str);
}

/**
 * myna_test_gui_assert_accessible:
 * @root: a widget
 *
 * Fails when a shown control under @root (button, entry, switch, image
 * meant to be seen…) has no accessible name: neither a label of its own,
 * nor a labelled-by relation, nor text inside it.
 */
void
myna_test_gui_assert_accessible (GtkWidget *root)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  /* An unmapped root would pass without a widget looked at. */
  if (!gtk_widget_get_mapped (root))
    g_error ("%s is not on screen: nothing to check", G_OBJECT_TYPE_NAME (root));

  check_names (root, unnamed);
  if (unnamed->len > 0)
    g_error ("Controls without an accessible name:\n%s", unnamed->str);
}
