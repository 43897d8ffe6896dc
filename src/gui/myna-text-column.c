/* myna-text-column.c
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

#include "myna-text-column.h"

/*
 * A title over a subtitle, both wrapping. It exists because of how GTK 4.8
 * lays out a row: a horizontal box asks each child how wide it must be for
 * the row's height, and a vertical box of two wrapping labels then answers
 * with one of them on a single line, wider than the window. This column
 * answers the width question without the height, so long texts (and
 * Japanese ones, which wrap anywhere) wrap inside the row at any width.
 */
struct _MynaTextColumn
{
  GtkWidget  parent_instance;

  GtkWidget *title;
  GtkWidget *subtitle;
};

G_DEFINE_FINAL_TYPE (MynaTextColumn, myna_text_column, GTK_TYPE_WIDGET)

#define SPACING 2

static GtkSizeRequestMode
myna_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
myna_text_column_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  int shown = 0;

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
          /* Whatever the height: the labels wrap, the rows grow. */
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
      shown++;
    }

  if (orientation == GTK_ORIENTATION_VERTICAL && shown > 1)
    {
      *minimum += SPACING * (shown - 1);
      *natural += SPACING * (shown - 1);
    }
}

static void
myna_text_column_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  MynaTextColumn *self = MYNA_TEXT_COLUMN (widget);
  GtkWidget *labels[] = { self->title, self->subtitle };
  int heights[G_N_ELEMENTS (labels)] = { 0 };
  int used = 0;
  int y;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!gtk_widget_should_layout (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, width, NULL, &heights[i], NULL, NULL);
      used += heights[i] + (used > 0 ? SPACING : 0);
    }

  /* Centred, like the rows of libadwaita. */
  y = MAX (0, (height - used) / 2);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!gtk_widget_should_layout (labels[i]))
        continue;
      gtk_widget_size_allocate (labels[i], &(GtkAllocation) { 0, y, width, heights[i] }, -1);
      y += heights[i] + SPACING;
    }
}

static GtkWidget *
text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
myna_text_column_dispose (GObject *object)
{
  MynaTextColumn *self = MYNA_TEXT_COLUMN (object);

  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->subtitle, gtk_widget_unparent);

  G_OBJECT_CLASS (myna_text_column_parent_class)->dispose (object);
}

static void
myna_text_column_class_init (MynaTextColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_text_column_dispose;

  widget_class->get_request_mode = myna_text_column_get_request_mode;
  widget_class->measure = myna_text_column_measure;
  widget_class->size_allocate = myna_text_column_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "textcolumn");
}

static void
myna_text_column_init (MynaTextColumn *self)
{
  self->title = text_label ("title");
  self->subtitle = text_label ("subtitle");
  gtk_widget_set_visible (self->subtitle, FALSE);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_parent (self->subtitle, GTK_WIDGET (self));
}

GtkWidget *
myna_text_column_new (void)
{
  return g_object_new (MYNA_TYPE_TEXT_COLUMN, NULL);
}

/**
 * myna_text_column_get_title_label:
 * @self: a #MynaTextColumn
 *
 * Returns: (transfer none): the title's #GtkLabel
 */
GtkWidget *
myna_text_column_get_title_label (MynaTextColumn *self)
{
  g_return_val_if_fail (MYNA_IS_TEXT_COLUMN (self), NULL);

  return self->title;
}

/**
 * myna_text_column_get_subtitle_label:
 * @self: a #MynaTextColumn
 *
 * Returns: (transfer none): the subtitle's #GtkLabel
 */
GtkWidget *
myna_text_column_get_subtitle_label (MynaTextColumn *self)
{
  g_return_val_if_fail (MYNA_IS_TEXT_COLUMN (self), NULL);

  return self->subtitle;
}

void
myna_text_column_set_title (MynaTextColumn *self,
                            const char     *title)
{
  g_return_if_fail (MYNA_IS_TEXT_COLUMN (self));

  gtk_label_set_label (GTK_LABEL (self->title), title != NULL ? title : "");
  gtk_widget_set_visible (self->title, title != NULL && *title != '\0');
}

void
myna_text_column_set_subtitle (MynaTextColumn *self,
                               const char     *subtitle)
{
  g_return_if_fail (MYNA_IS_TEXT_COLUMN (self));

  gtk_label_set_label (GTK_LABEL (self->subtitle), subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && *subtitle != '\0');
}
