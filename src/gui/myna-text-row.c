/* myna-text-row.c
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

#include "myna-gui-utils.h"
#include "myna-text-column.h"
#include "myna-text-row.h"

/*
 * A row of a boxed list: prefixes, a title over a subtitle, suffixes, like
 * AdwActionRow, but with MynaTextColumn for the texts so that long ones
 * wrap at any width (see myna-text-column.c). Screen readers get the title
 * as the row's name and the subtitle as its description.
 */
typedef struct
{
  GtkWidget *prefixes;
  GtkWidget *column;
  GtkWidget *suffixes;
  GtkWidget *activatable_widget;
  GtkWidget *list;
} MynaTextRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (MynaTextRow, myna_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
title_changed_cb (MynaTextRow *self)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  myna_text_column_set_title (MYNA_TEXT_COLUMN (priv->column),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
row_activated_cb (MynaTextRow   *self,
                  GtkListBoxRow *row)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  if (row == GTK_LIST_BOX_ROW (self) && priv->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (priv->activatable_widget, FALSE);
}

static void
parent_changed_cb (MynaTextRow *self)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (priv->list != NULL)
    g_signal_handlers_disconnect_by_func (priv->list, row_activated_cb, self);
  priv->list = GTK_IS_LIST_BOX (parent) ? parent : NULL;
  if (priv->list != NULL)
    g_signal_connect_object (priv->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
myna_text_row_dispose (GObject *object)
{
  MynaTextRow *self = MYNA_TEXT_ROW (object);
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  if (priv->list != NULL)
    g_signal_handlers_disconnect_by_func (priv->list, row_activated_cb, self);
  priv->list = NULL;
  g_clear_weak_pointer (&priv->activatable_widget);

  G_OBJECT_CLASS (myna_text_row_parent_class)->dispose (object);
}

static void
myna_text_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MynaTextRow *self = MYNA_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, myna_text_row_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_text_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MynaTextRow *self = MYNA_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      myna_text_row_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_text_row_class_init (MynaTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = myna_text_row_dispose;
  object_class->get_property = myna_text_row_get_property;
  object_class->set_property = myna_text_row_set_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
myna_text_row_init (MynaTextRow *self)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  MynaTextColumn *column;

  priv->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  priv->column = myna_text_column_new ();
  priv->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  column = MYNA_TEXT_COLUMN (priv->column);

  gtk_widget_set_visible (priv->prefixes, FALSE);
  gtk_widget_set_visible (priv->suffixes, FALSE);
  gtk_widget_set_hexpand (priv->column, TRUE);
  gtk_widget_set_valign (priv->suffixes, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "text-row-box");

  gtk_box_append (GTK_BOX (box), priv->prefixes);
  gtk_box_append (GTK_BOX (box), priv->column);
  gtk_box_append (GTK_BOX (box), priv->suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  gtk_widget_add_css_class (GTK_WIDGET (self), "text-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  myna_text_column_get_title_label (column), NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  myna_text_column_get_subtitle_label (column), NULL,
                                  -1);

  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
}

/**
 * myna_text_row_new:
 * @title: the row's title
 * @subtitle: (nullable): a line or more below it
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
myna_text_row_new (const char *title,
                   const char *subtitle)
{
  return g_object_new (MYNA_TYPE_TEXT_ROW,
                       "title", title,
                       "use-markup", FALSE,
                       "subtitle", subtitle,
                       NULL);
}

const char *
myna_text_row_get_subtitle (MynaTextRow *self)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  g_return_val_if_fail (MYNA_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (myna_text_column_get_subtitle_label (MYNA_TEXT_COLUMN (priv->column))));
}

void
myna_text_row_set_subtitle (MynaTextRow *self,
                            const char  *subtitle)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  g_return_if_fail (MYNA_IS_TEXT_ROW (self));

  if (g_strcmp0 (subtitle, myna_text_row_get_subtitle (self)) == 0)
    return;

  myna_text_column_set_subtitle (MYNA_TEXT_COLUMN (priv->column), subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * myna_text_row_set_subtitle_language:
 * @self: a #MynaTextRow
 * @language: the language the subtitle is in, such as "ja"
 *
 * So that the subtitle is drawn with that language's glyphs: a Japanese
 * term in a Chinese-speaking window still looks as it does at the counter.
 */
void
myna_text_row_set_subtitle_language (MynaTextRow *self,
                                     const char  *language)
{
  MynaTextRowPrivate *priv;

  g_return_if_fail (MYNA_IS_TEXT_ROW (self));

  priv = myna_text_row_get_instance_private (self);
  myna_label_set_language (GTK_LABEL (myna_text_column_get_subtitle_label (MYNA_TEXT_COLUMN (priv->column))),
                           language);
}

/**
 * myna_text_row_set_subtitle_lines:
 * @self: a #MynaTextRow
 * @lines: the most lines the subtitle takes, ending in an ellipsis where
 *   it is longer, or -1 for all of it
 *
 * For a row whose whole text is one click away, where room is short.
 */
void
myna_text_row_set_subtitle_lines (MynaTextRow *self,
                                  int          lines)
{
  MynaTextRowPrivate *priv;
  GtkLabel *label;

  g_return_if_fail (MYNA_IS_TEXT_ROW (self));

  priv = myna_text_row_get_instance_private (self);
  label = GTK_LABEL (myna_text_column_get_subtitle_label (MYNA_TEXT_COLUMN (priv->column)));
  gtk_label_set_lines (label, lines);
  gtk_label_set_ellipsize (label, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

/**
 * myna_text_row_add_prefix:
 * @self: a #MynaTextRow
 * @widget: a widget to show before the texts
 */
void
myna_text_row_add_prefix (MynaTextRow *self,
                          GtkWidget   *widget)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  g_return_if_fail (MYNA_IS_TEXT_ROW (self));

  gtk_box_append (GTK_BOX (priv->prefixes), widget);
  gtk_widget_set_visible (priv->prefixes, TRUE);
}

/**
 * myna_text_row_add_suffix:
 * @self: a #MynaTextRow
 * @widget: a widget to show after the texts
 */
void
myna_text_row_add_suffix (MynaTextRow *self,
                          GtkWidget   *widget)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  g_return_if_fail (MYNA_IS_TEXT_ROW (self));

  gtk_box_append (GTK_BOX (priv->suffixes), widget);
  gtk_widget_set_visible (priv->suffixes, TRUE);
}

/**
 * myna_text_row_set_activatable_widget:
 * @self: a #MynaTextRow
 * @widget: (nullable): a widget in the row, such as a check button, that
 *   a click anywhere on the row activates
 */
void
myna_text_row_set_activatable_widget (MynaTextRow *self,
                                      GtkWidget   *widget)
{
  MynaTextRowPrivate *priv = myna_text_row_get_instance_private (self);

  g_return_if_fail (MYNA_IS_TEXT_ROW (self));

  g_set_weak_pointer (&priv->activatable_widget, widget);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), widget != NULL);
}
