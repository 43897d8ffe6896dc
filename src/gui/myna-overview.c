/* myna-overview.c
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

#include "myna-certificate-box.h"
#include "myna-columns.h"
#include "myna-gui-utils.h"
#include "myna-guidance.h"
#include "myna-guide-book.h"
#include "myna-diagnostics.h"
#include "myna-overview.h"
#include "myna-pin-row.h"
#include "myna-text-row.h"

/*
 * The card at a glance, with no PIN asked: the first thing to do about the
 * card, the tries of the four PINs, one box per certificate, then the rest
 * of the guides that apply to this card, in the order to read them. In two
 * columns where the window is wide enough, so that all but the rest fit a
 * window of the default size.
 */
struct _MynaOverview
{
  AdwBin               parent_instance;

  GtkWidget           *pin_rows[MYNA_N_PINS];
  GPtrArray           *guidance_rows;
  gboolean             hide_personal;

  /* Template widgets */
  GtkLabel            *kind_label;
  GtkLabel            *reader_label;
  MynaCertificateBox  *auth_box;
  MynaCertificateBox  *sign_box;
  AdwPreferencesGroup *pins_group;
  AdwPreferencesGroup *guidance_group;
  AdwPreferencesGroup *more_group;
};

G_DEFINE_FINAL_TYPE (MynaOverview, myna_overview, ADW_TYPE_BIN)

static void
clear_guidance (MynaOverview *self)
{
  for (guint i = 0; i < self->guidance_rows->len; i++)
    adw_preferences_group_remove (i == 0 ? self->guidance_group : self->more_group,
                                  g_ptr_array_index (self->guidance_rows, i));
  g_ptr_array_set_size (self->guidance_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->more_group), FALSE);
}

static void
add_guidance_row (MynaOverview       *self,
                  const MynaGuidance *guidance)
{
  MynaGuide *guide = myna_guide_book_lookup (myna_guide_book_get_default (), guidance->guide_id);
  const MynaGuideText *title = myna_guide_get_title (guide);
  g_autofree char *row_title = myna_text_with_term (myna_guide_text_get (title), title->ja);
  GtkWidget *row = myna_text_row_new (row_title, guidance->text);
  AdwPreferencesGroup *group;
  const char *icon = guidance->reason == MYNA_GUIDANCE_ALWAYS ? "dialog-information-symbolic"
                   : guidance->reason == MYNA_GUIDANCE_RENEWAL_OPEN ? "view-refresh-symbolic"
                   : "dialog-warning-symbolic";

  myna_text_row_add_prefix (MYNA_TEXT_ROW (row), gtk_image_new_from_icon_name (icon));
  myna_text_row_add_suffix (MYNA_TEXT_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-guide");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", guidance->guide_id);
  gtk_widget_set_name (row, guidance->guide_id);

  /* The first under "What to Do" at the top, in three lines so that the
   * PINs below it fit the first screen too (the row opens the whole
   * guide, and its tooltip has the whole text); the rest below. */
  if (self->guidance_rows->len == 0)
    {
      group = self->guidance_group;
      myna_text_row_set_subtitle_lines (MYNA_TEXT_ROW (row), 3);
      myna_widget_set_tooltip (row, guidance->text);
    }
  else
    {
      group = self->more_group;
    }
  adw_preferences_group_add (group, row);
  gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
  g_ptr_array_add (self->guidance_rows, row);
}

/**
 * myna_overview_set_hide_personal:
 * @self: a #MynaOverview
 * @hide: whether to hide what identifies the card or its reader
 *
 * Takes effect with the next myna_overview_set_report().
 */
void
myna_overview_set_hide_personal (MynaOverview *self,
                                 gboolean      hide)
{
  g_return_if_fail (MYNA_IS_OVERVIEW (self));

  self->hide_personal = !!hide;
}

/**
 * myna_overview_set_signing_allowed:
 * @self: a #MynaOverview
 * @allowed: whether the user may read the signing certificate here
 */
void
myna_overview_set_signing_allowed (MynaOverview *self,
                                   gboolean      allowed)
{
  g_return_if_fail (MYNA_IS_OVERVIEW (self));

  myna_certificate_box_set_signing_allowed (self->auth_box, allowed);
  myna_certificate_box_set_signing_allowed (self->sign_box, allowed);
}

/**
 * myna_overview_set_report:
 * @self: a #MynaOverview
 * @report: (nullable): what was read; %NULL empties the page
 * @now: the moment to judge at
 */
void
myna_overview_set_report (MynaOverview   *self,
                          MynaCardReport *report,
                          GDateTime      *now)
{
  MynaCardStatus *status;
  g_autoptr(GPtrArray) guidance = NULL;

  g_return_if_fail (MYNA_IS_OVERVIEW (self));

  clear_guidance (self);
  myna_certificate_box_set_report (self->auth_box, report, now);
  myna_certificate_box_set_report (self->sign_box, report, now);

  if (report == NULL)
    {
      gtk_label_set_label (self->kind_label, "");
      gtk_label_set_label (self->reader_label, "");
      for (guint id = 0; id < MYNA_N_PINS; id++)
        myna_pin_row_clear (MYNA_PIN_ROW (self->pin_rows[id]));
      return;
    }

  status = myna_card_report_get_status (report);
  gtk_label_set_label (self->kind_label, myna_card_kind_get_name (myna_card_status_get_kind (status)));
  if (self->hide_personal)
    {
      /* A reader's name carries its serial number. */
      g_autofree char *reader = myna_diagnostics_redact_reader (myna_card_status_get_reader_name (status));

      gtk_label_set_label (self->reader_label, reader);
    }
  else
    {
      gtk_label_set_label (self->reader_label, myna_card_status_get_reader_name (status));
    }

  for (guint id = 0; id < MYNA_N_PINS; id++)
    myna_pin_row_set_status (MYNA_PIN_ROW (self->pin_rows[id]), status);

  guidance = myna_guidance_for_report (report, now);
  for (guint i = 0; i < guidance->len; i++)
    add_guidance_row (self, g_ptr_array_index (guidance, i));
}

static void
myna_overview_dispose (GObject *object)
{
  MynaOverview *self = (MynaOverview *)object;

  /* The template's child is AdwBin's too: let AdwBin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MYNA_TYPE_OVERVIEW);
  g_clear_pointer (&self->guidance_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (myna_overview_parent_class)->dispose (object);
}

static void
myna_overview_class_init (MynaOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_overview_dispose;

  g_type_ensure (MYNA_TYPE_CERTIFICATE_BOX);
  g_type_ensure (MYNA_TYPE_COLUMNS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/myna-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, kind_label);
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, reader_label);
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, auth_box);
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, sign_box);
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, pins_group);
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, guidance_group);
  gtk_widget_class_bind_template_child (widget_class, MynaOverview, more_group);
}

static void
myna_overview_init (MynaOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->guidance_rows = g_ptr_array_new ();
  clear_guidance (self);

  for (guint id = 0; id < MYNA_N_PINS; id++)
    {
      self->pin_rows[id] = myna_pin_row_new (id);
      gtk_widget_set_name (self->pin_rows[id], myna_pin_id_to_string (id));
      adw_preferences_group_add (self->pins_group, self->pin_rows[id]);
    }
}

GtkWidget *
myna_overview_new (void)
{
  return g_object_new (MYNA_TYPE_OVERVIEW, NULL);
}
