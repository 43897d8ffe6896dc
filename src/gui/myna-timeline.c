/* myna-timeline.c
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

#include "myna-guidance.h"
#include "myna-timeline-private.h"

/*
 * A certificate's life as a bar: issued on the left, the renewal window
 * marked, expiry on the right, and today as a dot. Its colour comes from
 * the CSS (success, warning or error), and it describes itself in words
 * for screen readers; the dates are also written out beside it.
 */
struct _MynaTimeline
{
  GtkWidget parent_instance;

  GDate     issued;
  GDate     renewal_opens;
  GDate     expires;
  GDate     today;
};

G_DEFINE_FINAL_TYPE (MynaTimeline, myna_timeline, GTK_TYPE_WIDGET)

#define TRACK_HEIGHT  6.0f
#define MARKER_WIDTH  3.0f
#define MARKER_HEIGHT 16.0f
#define DOT_SIZE      14.0f

static double
fraction_of (MynaTimeline *self,
             const GDate  *date)
{
  double start, end;

  if (!g_date_valid (&self->issued) || !g_date_valid (&self->expires) || !g_date_valid (date))
    return 0.0;

  start = g_date_get_julian (&self->issued);
  end = g_date_get_julian (&self->expires);
  if (end <= start)
    return 1.0;

  return CLAMP ((g_date_get_julian (date) - start) / (end - start), 0.0, 1.0);
}

static void
append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                float          x,
                float          y,
                float          width,
                float          height)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height),
                                   MIN (width, height) / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
myna_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MynaTimeline *self = MYNA_TIMELINE (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float usable = width - DOT_SIZE;
  float middle = height / 2.0f;
  GdkRGBA color, faded, track;
  float today;

  if (width <= DOT_SIZE || !g_date_valid (&self->expires))
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  track = color;
  track.alpha *= 0.25f;
  faded = color;
  faded.alpha *= 0.6f;

  today = DOT_SIZE / 2.0f + usable * (float) fraction_of (self, &self->today);

  /* The whole life, then the part already lived. */
  append_rounded (snapshot, &track, DOT_SIZE / 2.0f, middle - TRACK_HEIGHT / 2.0f, usable, TRACK_HEIGHT);
  append_rounded (snapshot, &color, DOT_SIZE / 2.0f, middle - TRACK_HEIGHT / 2.0f,
                  MAX (today - DOT_SIZE / 2.0f, TRACK_HEIGHT), TRACK_HEIGHT);

  /* The renewal window is a band from its first day to the end, so that
   * even three months out of five years stays visible. */
  if (g_date_valid (&self->renewal_opens))
    {
      float opens = DOT_SIZE / 2.0f + usable * (float) fraction_of (self, &self->renewal_opens);
      GdkRGBA band = color;

      band.alpha *= 0.35f;
      append_rounded (snapshot, &band, MIN (opens, width - DOT_SIZE / 2.0f - MARKER_WIDTH * 3),
                      middle - MARKER_HEIGHT / 2.0f,
                      MAX (DOT_SIZE / 2.0f + usable - opens, MARKER_WIDTH * 3), MARKER_HEIGHT);
      append_rounded (snapshot, &faded, opens - MARKER_WIDTH / 2.0f,
                      middle - MARKER_HEIGHT / 2.0f, MARKER_WIDTH, MARKER_HEIGHT);
    }
  append_rounded (snapshot, &faded, DOT_SIZE / 2.0f + usable - MARKER_WIDTH / 2.0f,
                  middle - MARKER_HEIGHT / 2.0f, MARKER_WIDTH, MARKER_HEIGHT);

  /* Today. */
  append_rounded (snapshot, &color, today - DOT_SIZE / 2.0f, middle - DOT_SIZE / 2.0f, DOT_SIZE, DOT_SIZE);
}

static void
myna_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else
    {
      *minimum = *natural = (int) MARKER_HEIGHT + 6;
    }
}

static void
myna_timeline_class_init (MynaTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = myna_timeline_snapshot;
  widget_class->measure = myna_timeline_measure;

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
myna_timeline_init (MynaTimeline *self)
{
  g_date_clear (&self->issued, 1);
  g_date_clear (&self->renewal_opens, 1);
  g_date_clear (&self->expires, 1);
  g_date_clear (&self->today, 1);
}

GtkWidget *
myna_timeline_new (void)
{
  return g_object_new (MYNA_TYPE_TIMELINE, NULL);
}

/**
 * myna_timeline_set_dates:
 * @self: a #MynaTimeline
 * @issued: the start of validity
 * @renewal_opens: (nullable): the first day of renewal
 * @expires: the last day of validity
 * @today: today, in Japan
 */
void
myna_timeline_set_dates (MynaTimeline *self,
                         const GDate  *issued,
                         const GDate  *renewal_opens,
                         const GDate  *expires,
                         const GDate  *today)
{
  g_autofree char *issued_text = NULL;
  g_autofree char *expires_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (MYNA_IS_TIMELINE (self));

  self->issued = *issued;
  self->expires = *expires;
  self->today = *today;
  if (renewal_opens != NULL)
    self->renewal_opens = *renewal_opens;
  else
    g_date_clear (&self->renewal_opens, 1);

  issued_text = myna_format_date (issued);
  expires_text = myna_format_date (expires);
  today_text = myna_format_date (today);

  if (renewal_opens != NULL)
    {
      g_autofree char *renewal_text = myna_format_date (renewal_opens);

      /* Translators: for screen readers; all four are dates, YYYY-MM-DD. */
      label = g_strdup_printf (_("Timeline: issued on %s, renewal opens on %s, expires on %s; today is %s."),
                               issued_text, renewal_text, expires_text, today_text);
    }
  else
    {
      /* Translators: for screen readers; all three are dates, YYYY-MM-DD. */
      label = g_strdup_printf (_("Timeline: valid from %s to %s; today is %s."),
                               issued_text, expires_text, today_text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * myna_timeline_clear:
 * @self: a #MynaTimeline
 *
 * Forgets the dates, for when the card has gone.
 */
void
myna_timeline_clear (MynaTimeline *self)
{
  g_return_if_fail (MYNA_IS_TIMELINE (self));

  g_date_clear (&self->issued, 1);
  g_date_clear (&self->renewal_opens, 1);
  g_date_clear (&self->expires, 1);
  g_date_clear (&self->today, 1);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _myna_timeline_get_today_fraction:
 * @self: a #MynaTimeline
 *
 * Returns: where today falls between issue (0) and expiry (1)
 */
double
_myna_timeline_get_today_fraction (MynaTimeline *self)
{
  g_return_val_if_fail (MYNA_IS_TIMELINE (self), 0.0);

  return fraction_of (self, &self->today);
}
