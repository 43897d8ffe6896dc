/* myna-date-row.c
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

#include "myna-date-row.h"
#include "myna-gui-utils.h"
#include "myna-guidance.h"
#include "myna-i18n.h"

/*
 * A date typed as YYYY-MM-DD (or 2026/11/22, 2026年11月22日, full-width
 * digits…), or picked from a calendar. Typing suits birth dates decades
 * back; the row stays narrow enough for a phone. A date that is not one
 * is marked and reads as no date.
 */
struct _MynaDateRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *calendar_button;
  GtkWidget   *calendar;
  GDate        date;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (MynaDateRow, myna_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  DATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
text_changed_cb (MynaDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  gboolean valid = myna_parse_date (text, &self->date);

  if (valid || *text == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                               valid ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);

  if (!self->syncing)
    g_signal_emit (self, signals[DATE_CHANGED], 0);
}

static void
day_selected_cb (MynaDateRow *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  GDate date;

  if (self->syncing)
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  myna_date_row_set_date (self, &date);
  g_signal_emit (self, signals[DATE_CHANGED], 0);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
}

static void
popover_shown_cb (MynaDateRow *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (!g_date_valid (&self->date))
    return;

  shown = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                 g_date_get_day (&self->date), 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), shown);
  self->syncing = FALSE;
}

static void
myna_date_row_class_init (MynaDateRowClass *klass)
{
  /**
   * MynaDateRow::date-changed:
   *
   * Emitted when the user changed the date, or typed what is not one.
   */
  signals[DATE_CHANGED] =
    g_signal_new ("date-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
myna_date_row_init (MynaDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  g_date_clear (&self->date, 1);

  self->calendar = gtk_calendar_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);

  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->calendar_button, "flat");
  myna_widget_set_tooltip (self->calendar_button, _("Pick From a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick From a Calendar"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->calendar_button);
  /* A calendar in another language than the window's, or with a wrong
   * year, is worse than none: the date can always be typed. */
  gtk_widget_set_visible (self->calendar_button, myna_i18n_time_names_speak_language ());

  gtk_editable_set_max_width_chars (GTK_EDITABLE (self), 12);
  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), NULL);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_shown_cb), self);
}

/**
 * myna_date_row_new:
 * @title: what the date is
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
myna_date_row_new (const char *title)
{
  MynaDateRow *self = g_object_new (MYNA_TYPE_DATE_ROW, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  return GTK_WIDGET (self);
}

/**
 * myna_date_row_get_date:
 * @self: a #MynaDateRow
 * @date: (out caller-allocates): the date typed, invalid if the text is not one
 */
void
myna_date_row_get_date (MynaDateRow *self,
                        GDate       *date)
{
  g_return_if_fail (MYNA_IS_DATE_ROW (self));

  *date = self->date;
}

/**
 * myna_date_row_set_date:
 * @self: a #MynaDateRow
 * @date: a valid date
 */
void
myna_date_row_set_date (MynaDateRow *self,
                        const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MYNA_IS_DATE_ROW (self));
  g_return_if_fail (g_date_valid (date));

  text = myna_format_date (date);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  self->syncing = FALSE;
}
