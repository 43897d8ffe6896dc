/* myna-guides-view.c
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

#include <glib/gi18n.h>

#include "myna-guide-book.h"
#include "myna-guide-page.h"
#include "myna-gui-utils.h"
#include "myna-guides-view.h"

/*
 * Every guide, with or without a card: a list beside the guide on a wide
 * window, one after the other on a narrow one.
 */
struct _MynaGuidesView
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwLeaflet    *leaflet;
  GtkWidget     *sidebar;
  GtkListBox    *list;
  GtkWidget     *content;
  GtkRevealer   *back_revealer;
  MynaGuidePage *page;
};

G_DEFINE_FINAL_TYPE (MynaGuidesView, myna_guides_view, ADW_TYPE_BIN)

static GtkWidget *
guide_row (MynaGuide *guide)
{
  const MynaGuideText *title = myna_guide_get_title (guide);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (myna_guide_text_get (title));
  GtkWidget *term = gtk_label_new (myna_guide_text_get_term (title));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (term), TRUE);
  gtk_label_set_xalign (GTK_LABEL (term), 0.0f);
  gtk_widget_add_css_class (term, "caption");
  gtk_widget_add_css_class (term, "ja-term");
  myna_label_set_language (GTK_LABEL (term), "ja");
  gtk_widget_set_visible (term, myna_guide_text_get_term (title) != NULL);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), term);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, myna_guide_get_id (guide));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, term, NULL,
                                  -1);

  return row;
}

static void
fill_list (MynaGuidesView *self)
{
  GPtrArray *guides = myna_guide_book_get_guides (myna_guide_book_get_default ());
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < guides->len; i++)
    gtk_list_box_append (self->list, guide_row (g_ptr_array_index (guides, i)));
}

static void
row_activated_cb (MynaGuidesView *self,
                  GtkListBoxRow  *row)
{
  MynaGuide *guide = myna_guide_book_lookup (myna_guide_book_get_default (),
                                             gtk_widget_get_name (GTK_WIDGET (row)));

  myna_guide_page_set_guide (self->page, guide);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
folded_changed_cb (MynaGuidesView *self)
{
  gtk_revealer_set_reveal_child (self->back_revealer, adw_leaflet_get_folded (self->leaflet));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MynaGuidesView *self = MYNA_GUIDES_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
first_map_cb (MynaGuidesView *self)
{
  g_signal_handlers_disconnect_by_func (self, first_map_cb, NULL);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL)
    fill_list (self);
  if (myna_guides_view_get_guide (self) != NULL)
    return;

  myna_guides_view_show_guide (self, "lost-card");
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
myna_guides_view_dispose (GObject *object)
{
  /* The template's child is AdwBin's too: let AdwBin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MYNA_TYPE_GUIDES_VIEW);

  G_OBJECT_CLASS (myna_guides_view_parent_class)->dispose (object);
}

static void
myna_guides_view_class_init (MynaGuidesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_guides_view_dispose;

  g_type_ensure (MYNA_TYPE_GUIDE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/myna-guides-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaGuidesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MynaGuidesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MynaGuidesView, list);
  gtk_widget_class_bind_template_child (widget_class, MynaGuidesView, content);
  gtk_widget_class_bind_template_child (widget_class, MynaGuidesView, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, MynaGuidesView, page);

  gtk_widget_class_install_action (widget_class, "guides.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "guides.back", NULL);
}

static void
myna_guides_view_init (MynaGuidesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  folded_changed_cb (self);

  /* The list and the first guide are built when the page is first shown,
   * not at startup: they are many rows, in two scripts. */
  g_signal_connect (self, "map", G_CALLBACK (first_map_cb), NULL);
}

GtkWidget *
myna_guides_view_new (void)
{
  return g_object_new (MYNA_TYPE_GUIDES_VIEW, NULL);
}

/**
 * myna_guides_view_show_guide:
 * @self: a #MynaGuidesView
 * @id: a guide id
 *
 * Returns: %TRUE if there is such a guide
 */
gboolean
myna_guides_view_show_guide (MynaGuidesView *self,
                             const char     *id)
{
  MynaGuide *guide;

  g_return_val_if_fail (MYNA_IS_GUIDES_VIEW (self), FALSE);

  guide = myna_guide_book_lookup (myna_guide_book_get_default (), id);
  if (guide == NULL)
    return FALSE;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL)
    fill_list (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_str_equal (gtk_widget_get_name (row), id))
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }

  myna_guide_page_set_guide (self->page, guide);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  return TRUE;
}

/**
 * myna_guides_view_get_guide:
 * @self: a #MynaGuidesView
 *
 * Returns: (nullable): the id of the guide shown
 */
const char *
myna_guides_view_get_guide (MynaGuidesView *self)
{
  MynaGuide *guide;

  g_return_val_if_fail (MYNA_IS_GUIDES_VIEW (self), NULL);

  guide = myna_guide_page_get_guide (self->page);

  return guide != NULL ? myna_guide_get_id (guide) : NULL;
}
