/* myna-certificate-box.c
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

#include "myna-card-enums.h"
#include "myna-card-error.h"
#include "myna-certificate-box-private.h"
#include "myna-guidance.h"
#include "myna-i18n.h"
#include "myna-lifecycle.h"
#include "myna-timeline.h"

/*
 * One certificate at a glance: where it stands in words ("within validity
 * period until …", never just "valid"), the days left and the renewal
 * window, and a timeline from issue to expiry with today marked.
 */
struct _MynaCertificateBox
{
  GtkBox      parent_instance;

  MynaCertId  id;

  /* Template widgets */
  GtkImage   *icon;
  GtkLabel   *title_label;
  GtkLabel   *term_label;
  GtkLabel   *state_badge;
  GtkLabel   *headline_label;
  GtkLabel   *detail_label;
  GtkWidget  *timeline;
  GtkWidget  *timeline_labels;
  GtkLabel   *issued_label;
  GtkLabel   *renewal_label;
  GtkLabel   *expires_label;
  GtkWidget  *read_button;
  gboolean    signing_allowed;
  GtkWidget  *details_button;
};

G_DEFINE_FINAL_TYPE (MynaCertificateBox, myna_certificate_box, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *state_classes[] = { "success", "warning", "error", NULL };

static void
set_state_class (MynaCertificateBox *self,
                 const char         *css_class)
{
  for (guint i = 0; state_classes[i] != NULL; i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_badge), state_classes[i]);
      gtk_widget_remove_css_class (self->timeline, state_classes[i]);
    }
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->state_badge), css_class);
      gtk_widget_add_css_class (self->timeline, css_class);
    }
}

static void
show_message (MynaCertificateBox *self,
              const char         *badge,
              const char         *css_class,
              const char         *headline,
              const char         *detail)
{
  gtk_label_set_label (self->state_badge, badge);
  gtk_label_set_label (self->headline_label, headline);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);

  /* No dates: none may stay behind, hidden or not. */
  myna_timeline_clear (MYNA_TIMELINE (self->timeline));
  gtk_label_set_label (self->issued_label, "");
  gtk_label_set_label (self->renewal_label, "");
  gtk_label_set_label (self->expires_label, "");
  gtk_widget_set_visible (self->timeline, FALSE);
  gtk_widget_set_visible (self->timeline_labels, FALSE);
  gtk_widget_set_visible (self->details_button, FALSE);
  set_state_class (self, css_class);
}

static void
show_signing_not_read (MynaCertificateBox *self,
                       MynaCardReport     *report)
{
  MynaCardStatus *status = myna_card_report_get_status (report);
  const MynaPinStatus *pin = myna_card_status_get_pin (status, MYNA_PIN_SIGN);
  const GError *error = myna_card_report_get_certificate_error (report, MYNA_CERT_SIGN);

  gtk_widget_set_visible (self->read_button, self->signing_allowed && myna_pin_status_is_usable (pin));

  if (pin->state == MYNA_PIN_STATE_ABSENT)
    {
      /* Seeds 000, 001. */
      show_message (self, _("Not on this card"), NULL, _("No signing certificate on this card"),
                    myna_no_signing_certificate_reason ());
      return;
    }

  if (pin->state == MYNA_PIN_STATE_BLOCKED)
    {
      show_message (self, _("Locked"), "error",
                    /* Translators: PIN, certificate and card names as in po/glossary.json. */
                    _("Locked: the signing password has no tries left"),
                    _("The certificate cannot be read until the password is reset. See “What to Do”."));
      return;
    }

  if (error != NULL)
    {
      show_message (self, _("Not read"), NULL, _("Could not be read"), error->message);
      return;
    }

  if (!self->signing_allowed)
    {
      show_message (self, _("Not read"), NULL,
                    /* Translators: PIN, certificate and card names as in po/glossary.json. */
                    _("Not read on this public terminal"),
                    _("It holds your name, address, birth date and sex. This terminal's administrator has turned reading it off."));
      return;
    }

  show_message (self, _("Not read"), NULL,
                /* Translators: PIN, certificate and card names as in po/glossary.json. */
                _("Needs the signing password"),
                _("It holds your name, address, birth date and sex, so MynaCheck reads it only when you ask."));
}

/* How the box words a certificate's state: its badge, colour, headline
 * and the line under it. */
typedef struct
{
  const char *badge;
  const char *css_class;
  char       *headline;
  char       *detail;
} Wording;

static char *
renewal_open_detail (int         days_left,
                     const char *opens_on)
{
  if (days_left == 0)
    /* Translators: %s is a date, YYYY-MM-DD. */
    return g_strdup_printf (_("Today is the last day of validity. Renewal has been open since %s: renew it at the municipal office, free of charge."),
                            opens_on);

  /* Translators: %d is a number of days, %s a date, YYYY-MM-DD. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d day left. Renewal has been open since %s: renew it at the municipal office, free of charge.",
                                       "%d days left. Renewal has been open since %s: renew it at the municipal office, free of charge.",
                                       days_left),
                          days_left, opens_on);
}

static void
word_lifecycle (const MynaCertLifecycle *lifecycle,
                const char              *issued,
                const char              *last_day,
                const char              *opens_on,
                Wording                 *wording)
{
  switch (lifecycle->state)
    {
    case MYNA_CERT_STATE_NOT_YET_VALID:
      wording->badge = _("Not yet valid");
      wording->css_class = "warning";
      /* Translators: %s is a date, YYYY-MM-DD. */
      wording->headline = g_strdup_printf (_("Valid from %s"), issued);
      wording->detail = g_strdup (_("The certificate's period of validity has not begun. Check the date and time of this computer."));
      break;

    case MYNA_CERT_STATE_WITHIN_VALIDITY:
      wording->badge = _("Within validity period");
      wording->css_class = "success";
      /* Translators: %s is a date, YYYY-MM-DD. 有効期間内: never "valid",
       * since a move or a change of name revokes the signing certificate. */
      wording->headline = g_strdup_printf (_("Within validity period until %s"), last_day);
      /* Translators: %d is a number of days, %s a date, YYYY-MM-DD. */
      wording->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left. Renewal opens on %s.",
                                                      "%d days left. Renewal opens on %s.", lifecycle->days_left),
                                         lifecycle->days_left, opens_on);
      break;

    case MYNA_CERT_STATE_RENEWAL_OPEN:
      wording->badge = _("Renewal open");
      wording->css_class = "warning";
      wording->headline = g_strdup_printf (_("Within validity period until %s"), last_day);
      wording->detail = renewal_open_detail (lifecycle->days_left, opens_on);
      break;

    case MYNA_CERT_STATE_EXPIRED:
    default:
      wording->badge = _("Expired");
      wording->css_class = "error";
      /* Translators: %s is a date, YYYY-MM-DD. */
      wording->headline = g_strdup_printf (_("Expired on %s"), last_day);
      wording->detail = g_strdup (myna_expired_certificate_advice ());
      break;
    }

  if (!lifecycle->renewable && lifecycle->state != MYNA_CERT_STATE_NOT_YET_VALID)
    {
      g_free (wording->detail);
      wording->detail = g_strdup (myna_juki_card_text ());
    }
}

/* From issue to the last day, with today and, if it can be renewed, the
 * day renewal opens. */
static void
show_timeline (MynaCertificateBox      *self,
               const MynaCertLifecycle *lifecycle,
               const char              *issued,
               const char              *last_day,
               const char              *opens_on,
               GDateTime               *now)
{
  g_autofree char *issued_text = NULL;
  g_autofree char *renewal_text = NULL;
  g_autofree char *expires_text = NULL;
  GDate today;

  myna_date_from_date_time (now, &today);

  /* Translators: under the timeline; %s is a date, YYYY-MM-DD. */
  issued_text = g_strdup_printf (_("Issued %s"), issued);
  /* Translators: under the timeline; %s is a date, YYYY-MM-DD. */
  renewal_text = g_strdup_printf (_("Renewal from %s"), opens_on);
  /* Translators: under the timeline; %s is a date, YYYY-MM-DD. */
  expires_text = g_strdup_printf (_("Ends %s"), last_day);
  gtk_label_set_label (self->issued_label, issued_text);
  gtk_label_set_label (self->renewal_label, lifecycle->renewable ? renewal_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->renewal_label), lifecycle->renewable);
  gtk_label_set_label (self->expires_label, expires_text);

  myna_timeline_set_dates (MYNA_TIMELINE (self->timeline), &lifecycle->first_day,
                           lifecycle->renewable ? &lifecycle->renewal_opens_on : NULL,
                           &lifecycle->last_day, &today);
  gtk_widget_set_visible (self->timeline, TRUE);
  gtk_widget_set_visible (self->timeline_labels, TRUE);
}

static void
show_lifecycle (MynaCertificateBox *self,
                MynaCardReport     *report,
                GDateTime          *now)
{
  MynaCertLifecycle lifecycle;
  Wording wording = { NULL };
  g_autofree char *last_day = NULL;
  g_autofree char *opens_on = NULL;
  g_autofree char *issued = NULL;

  myna_card_report_get_lifecycle (report, self->id, now, &lifecycle);

  last_day = myna_format_date (&lifecycle.last_day);
  opens_on = lifecycle.renewable ? myna_format_date (&lifecycle.renewal_opens_on) : g_strdup ("");
  issued = myna_format_date (&lifecycle.first_day);

  word_lifecycle (&lifecycle, issued, last_day, opens_on, &wording);
  gtk_label_set_label (self->state_badge, wording.badge);
  gtk_label_set_label (self->headline_label, wording.headline);
  gtk_label_set_label (self->detail_label, wording.detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);
  set_state_class (self, wording.css_class);
  g_free (wording.headline);
  g_free (wording.detail);

  show_timeline (self, &lifecycle, issued, last_day, opens_on, now);
  gtk_widget_set_visible (self->details_button, TRUE);
}

/**
 * myna_certificate_box_set_report:
 * @self: a #MynaCertificateBox
 * @report: (nullable): what was read from the card
 * @now: the moment to judge at
 */
void
myna_certificate_box_set_report (MynaCertificateBox *self,
                                 MynaCardReport     *report,
                                 GDateTime          *now)
{
  MynaCertificate *cert;

  g_return_if_fail (MYNA_IS_CERTIFICATE_BOX (self));

  gtk_widget_set_visible (self->read_button, FALSE);

  if (report == NULL)
    {
      show_message (self, "", NULL, "", NULL);
      return;
    }

  cert = myna_card_report_get_certificate (report, self->id);
  if (cert != NULL)
    {
      show_lifecycle (self, report, now);
      return;
    }

  if (self->id == MYNA_CERT_SIGN)
    {
      show_signing_not_read (self, report);
      return;
    }

  {
    const GError *error = myna_card_report_get_certificate_error (report, self->id);

    if (error == NULL || g_error_matches (error, MYNA_SW_ERROR, 0x6A82))
      show_message (self, _("Not on this card"), NULL, _("This card has no user authentication certificate"), NULL);
    else
      show_message (self, _("Not read"), NULL, _("Could not be read"), error->message);
  }
}

static void
myna_certificate_box_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MynaCertificateBox *self = MYNA_CERTIFICATE_BOX (object);

  switch (prop_id)
    {
    case PROP_CERTIFICATE:
      g_value_set_enum (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_certificate_box_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MynaCertificateBox *self = MYNA_CERTIFICATE_BOX (object);

  switch (prop_id)
    {
    case PROP_CERTIFICATE:
      myna_certificate_box_set_certificate (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
myna_certificate_box_class_init (MynaCertificateBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = myna_certificate_box_get_property;
  object_class->set_property = myna_certificate_box_set_property;

  /**
   * MynaCertificateBox:certificate:
   *
   * Which certificate the box shows.
   */
  properties[PROP_CERTIFICATE] =
    g_param_spec_enum ("certificate", NULL, NULL,
                       MYNA_TYPE_CERT_ID,
                       MYNA_CERT_AUTH,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MYNA_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/myna-certificate-box.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, icon);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, title_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, term_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, state_badge);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, headline_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, detail_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, timeline);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, timeline_labels);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, issued_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, renewal_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, expires_label);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, read_button);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateBox, details_button);
}

static void
myna_certificate_box_init (MynaCertificateBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signing_allowed = TRUE;
  myna_certificate_box_set_certificate (self, MYNA_CERT_AUTH);
}

MynaCertId
_myna_certificate_box_get_certificate (MynaCertificateBox *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE_BOX (self), MYNA_CERT_AUTH);

  return self->id;
}

void
myna_certificate_box_set_certificate (MynaCertificateBox *self,
                                      MynaCertId          id)
{
  g_return_if_fail (MYNA_IS_CERTIFICATE_BOX (self));
  g_return_if_fail (id < MYNA_N_CERTS);

  self->id = id;
  gtk_label_set_label (self->title_label, myna_cert_id_get_name (id));
  gtk_label_set_label (self->term_label, id == MYNA_CERT_SIGN ? "署名用電子証明書" : "利用者証明用電子証明書");
  gtk_widget_set_visible (GTK_WIDGET (self->term_label), myna_i18n_shows_japanese_terms ());
  gtk_image_set_from_icon_name (self->icon, id == MYNA_CERT_SIGN ? "document-edit-symbolic"
                                                                 : "auth-smartcard-symbolic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->details_button), "s",
                                    myna_cert_id_to_string (id));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE]);
}

/**
 * _myna_certificate_box_get_headline:
 * @self: a #MynaCertificateBox
 *
 * Returns: the headline shown, e.g. "Within validity period until …"
 */
const char *
_myna_certificate_box_get_headline (MynaCertificateBox *self)
{
  g_return_val_if_fail (MYNA_IS_CERTIFICATE_BOX (self), NULL);

  return gtk_label_get_label (self->headline_label);
}

/**
 * myna_certificate_box_set_signing_allowed:
 * @self: a #MynaCertificateBox
 * @allowed: whether the user may read the signing certificate here
 *
 * Takes effect with the next myna_certificate_box_set_report().
 */
void
myna_certificate_box_set_signing_allowed (MynaCertificateBox *self,
                                          gboolean            allowed)
{
  g_return_if_fail (MYNA_IS_CERTIFICATE_BOX (self));

  self->signing_allowed = !!allowed;
}
