/* myna-columns.c
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

#define G_LOG_DOMAIN "mynacheck-gui"

#include "config.h"

#include "myna-columns.h"

/*
 * Two columns side by side where both fit at their narrowest readable
 * width, one above the other where they do not, the first child first
 * either way. A height-for-width widget, so that the overview of a card
 * fits a window of 880 × 720 without scrolling and still reads in order on
 * a phone-sized one (libadwaita 1.2 has no breakpoints to do this).
 */
struct _MynaColumns
{
  GtkWidget parent_instance;

  int       column_width;  /* the narrowest a column may be side by side */
  int       spacing;
};

G_DEFINE_FINAL_TYPE (MynaColumns, myna_columns, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN_WIDTH,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fits_side_by_side (MynaColumns *self,
                   int          width)
{
  int needed = self->spacing;

  if (width < 0)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      needed += MAX (minimum, self->column_width);
    }

  return width >= needed;
}

static int
count_visible (MynaColumns *self)
{
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);

  return n;
}

static GtkSizeRequestMode
myna_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
myna_columns_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MynaColumns *self = MYNA_COLUMNS (widget);
  int n = count_visible (self);
  gboolean side_by_side = orientation == GTK_ORIENTATION_VERTICAL && n > 1 && fits_side_by_side (self, for_size);
  int column_width = side_by_side ? (for_size - self->spacing * (n - 1)) / n : for_size;

  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* As narrow as the widest child stacked; as wide as all of
           * them side by side, at their readable width. */
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += MAX (child_nat, self->column_width);
        }
      else
        {
          gtk_widget_measure (child, orientation, column_width, &child_min, &child_nat, NULL, NULL);
          if (side_by_side)
            {
              *minimum = MAX (*minimum, child_min);
              *natural = MAX (*natural, child_nat);
            }
          else
            {
              *minimum += child_min;
              *natural += child_nat;
            }
        }
    }

  if (n > 1 && (orientation == GTK_ORIENTATION_HORIZONTAL || !side_by_side))
    {
      if (orientation == GTK_ORIENTATION_VERTICAL)
        *minimum += self->spacing * (n - 1);
      *natural += self->spacing * (n - 1);
    }
}

static void
myna_columns_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  MynaColumns *self = MYNA_COLUMNS (widget);
  int n = count_visible (self);
  gboolean side_by_side = n > 1 && fits_side_by_side (self, width);
  int column_width = side_by_side ? (width - self->spacing * (n - 1)) / n : width;
  int x = 0, y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, column_width, NULL, &child_height, NULL, NULL);
      if (side_by_side)
        {
          int child_x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - x - column_width : x;

          gtk_widget_size_allocate (child, &(GtkAllocation) { child_x, 0, column_width, child_height }, -1);
          x += column_width + self->spacing;
        }
      else
        {
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
          y += child_height + self->spacing;
        }
    }

}

/**
 * myna_columns_get_side_by_side:
 * @self: a #MynaColumns
 *
 * Returns: whether the columns stand side by side at the present width
 */
gboolean
myna_columns_get_side_by_side (MynaColumns *self)
{
  g_return_val_if_fail (MYNA_IS_COLUMNS (self), FALSE);

  return count_visible (self) > 1 && fits_side_by_side (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
myna_columns_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MynaColumns *self = MYNA_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH:
      g_value_set_int (value, self->column_width);
      break;

    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_columns_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MynaColumns *self = MYNA_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH:
      self->column_width = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (myna_columns_parent_class)->dispose (object);
}

static void
myna_columns_class_init (MynaColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_columns_dispose;
  object_class->get_property = myna_columns_get_property;
  object_class->set_property = myna_columns_set_property;

  widget_class->get_request_mode = myna_columns_get_request_mode;
  widget_class->measure = myna_columns_measure;
  widget_class->size_allocate = myna_columns_size_allocate;

  properties[PROP_COLUMN_WIDTH] =
    g_param_spec_int ("column-width", NULL, NULL,
                      0, G_MAXINT, 320,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "columns");
}

static void
myna_columns_init (MynaColumns *self)
{
  self->column_width = 320;
}

GtkWidget *
myna_columns_new (void)
{
  return g_object_new (MYNA_TYPE_COLUMNS, NULL);
}
