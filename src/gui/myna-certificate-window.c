/* myna-certificate-window.c
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

#include "myna-certificate-window.h"
#include "myna-gui-utils.h"
#include "myna-guidance.h"
#include "myna-lifecycle.h"

/*
 * Every field of one certificate, the chain result in words, and the
 * fingerprint to copy. For the signing certificate, the holder's name,
 * address, birth date and sex, which stay on screen only while the card
 * is in the reader: the main window closes this one when the card leaves.
 */
struct _MynaCertificateWindow
{
  AdwWindow        parent_instance;

  MynaCertificate *certificate;
  gboolean         allow_copy;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (MynaCertificateWindow, myna_certificate_window, ADW_TYPE_WINDOW)

/* A field: its name as the title, its value as selectable text. */
static GtkWidget *
add_field (GtkWidget  *group,
           const char *name,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL ? value : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_hexpand (label, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
copy_clicked_cb (MynaCertificateWindow *self)
{
  myna_certificate_window_copy_fingerprint (self);
}

/**
 * myna_certificate_window_copy_fingerprint:
 * @self: a #MynaCertificateWindow
 *
 * Copies the SHA-256 fingerprint: a public digest of the certificate, which
 * a help desk may ask for; no personal data.
 */
void
myna_certificate_window_copy_fingerprint (MynaCertificateWindow *self)
{
  g_return_if_fail (MYNA_IS_CERTIFICATE_WINDOW (self));

  if (!self->allow_copy)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          myna_certificate_get_sha256 (self->certificate));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Certificate fingerprint copied")));
}

/* Help-desk mode: the value never reaches a widget, so nothing on a
 * shared screen, or in what a screen reader reads out, gives it away. */
static const char *
personal (gboolean    privacy,
          const char *value)
{
  /* Translators: shown instead of a personal value in help-desk mode. */
  return privacy ? _("Hidden (privacy on)") : value;
}

static char *
describe_days_left (int days_left)
{
  if (days_left == 0)
    /* Translators: the days left on the certificate's last day. */
    return g_strdup (_("None after today: today is the last day"));
  if (days_left > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days_left), days_left);

  /* Translators: how long ago the certificate expired. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "None: expired %d day ago", "None: expired %d days ago",
                                       -days_left),
                          -days_left);
}

static void
add_validity (MynaCertificateWindow *self,
              MynaCardReport        *report,
              MynaCertId             id,
              GDateTime             *now)
{
  MynaCertificate *cert = self->certificate;
  MynaCertLifecycle lifecycle;
  g_autofree char *not_before = myna_format_date_time_jst (myna_certificate_get_not_before (cert));
  g_autofree char *not_after = myna_format_date_time_jst (myna_certificate_get_not_after (cert));
  g_autofree char *days = NULL;
  g_autofree char *opens_on = NULL;
  GtkWidget *group;

  myna_card_report_get_lifecycle (report, id, now, &lifecycle);
  days = describe_days_left (lifecycle.days_left);

  group = myna_preferences_page_add_group (self->page, _("Validity"), NULL);
  add_field (group, _("State"), myna_cert_state_get_label (lifecycle.state));
  add_field (group, _("Valid from"), not_before);
  add_field (group, _("Valid until"), not_after);
  add_field (group, _("Days left"), days);
  if (lifecycle.renewable)
    {
      opens_on = myna_format_date (&lifecycle.renewal_opens_on);
      add_field (group, _("Renewal opens"), opens_on);
    }
  else if (id == MYNA_CERT_AUTH || id == MYNA_CERT_SIGN)
    {
      add_field (group, _("Renewal"), myna_juki_card_text ());
    }
}

static void
add_certificate (MynaCertificateWindow *self,
                 MynaCardReport        *report,
                 MynaCertId             id,
                 gboolean               privacy)
{
  MynaCertificate *cert = self->certificate;
  g_autofree char *key = NULL;
  g_autofree char *usage = NULL;
  GtkWidget *group;

  group = myna_preferences_page_add_group (self->page, _("Issuer"), NULL);
  add_field (group, _("Chain"), myna_chain_result_describe (myna_card_report_get_chain_result (report, id)));
  add_field (group, _("Issued by"), myna_certificate_get_issuer (cert));

  /* Translators: a key's algorithm ("RSA") and size. */
  key = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u bit", "%s, %u bits", myna_certificate_get_key_bits (cert)),
                         myna_certificate_get_key_algorithm (cert), myna_certificate_get_key_bits (cert));
  usage = g_strjoinv (", ", (char **) myna_certificate_get_key_usage (cert));

  group = myna_preferences_page_add_group (self->page, _("Certificate"), NULL);
  /* A CA's subject is J-LIS's; a card's holds the holder's number, and the
   * signing certificate's the holder's town. */
  add_field (group, _("Subject"),
             personal (privacy && (id == MYNA_CERT_AUTH || id == MYNA_CERT_SIGN),
                       myna_certificate_get_subject (cert)));
  add_field (group, _("Serial number"), personal (privacy, myna_certificate_get_serial (cert)));
  add_field (group, _("Key"), key);
  add_field (group, _("Key usage"), usage);
  add_field (group, _("Signature algorithm"), myna_certificate_get_signature_algorithm (cert));
}

static void
add_fingerprint (MynaCertificateWindow *self,
                 gboolean               privacy,
                 gboolean               allow_copy)
{
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *copy;

  group = myna_preferences_page_add_group (self->page, _("Certificate Fingerprint"), NULL);
  row = add_field (group, _("SHA-256"), personal (privacy, myna_certificate_get_sha256 (self->certificate)));

  /* Copying would put it where the screen's privacy cannot follow, or
   * leave it on a public terminal for the next user. */
  if (privacy || !allow_copy)
    return;

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_name (copy, "copy-fingerprint");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  myna_widget_set_tooltip (copy, _("Copy Certificate Fingerprint"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy Certificate Fingerprint"), -1);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
}

static void
add_holder (MynaCertificateWindow *self,
            gboolean               privacy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MynaHolder) holder = myna_certificate_get_holder (self->certificate, &error);
  g_autofree char *birth = NULL;
  GtkWidget *group;

  group = myna_preferences_page_add_group (self->page, _("Holder"),
                     _("Personal data from the card. It stays on screen only while the card is in the reader, and MynaCheck never saves it."));
  if (holder == NULL)
    {
      add_field (group, _("Holder attributes"), error->message);
      return;
    }

  if (g_date_valid (&holder->birth_date))
    birth = myna_format_date (&holder->birth_date);
  else
    birth = g_strdup (holder->birth_date_raw);

  /* Translators: 氏名 */
  add_field (group, _("Name"), personal (privacy, holder->name));
  /* Translators: 住所 */
  add_field (group, _("Address"), personal (privacy, holder->address));
  /* Translators: 生年月日 */
  add_field (group, _("Birth date"), personal (privacy, birth));
  /* Translators: 性別, shown as the code stored on the card */
  add_field (group, _("Sex (code)"), personal (privacy, holder->sex));
  if (holder->name_substitute != NULL && holder->name_substitute[0] != '\0')
    add_field (group, _("Substitute characters of the name"), personal (privacy, holder->name_substitute));
  if (holder->address_substitute != NULL && holder->address_substitute[0] != '\0')
    add_field (group, _("Substitute characters of the address"), personal (privacy, holder->address_substitute));
}

static void
fill (MynaCertificateWindow *self,
      MynaCardReport        *report,
      MynaCertId             id,
      GDateTime             *now,
      gboolean               privacy,
      gboolean               allow_copy)
{
  add_validity (self, report, id, now);
  add_certificate (self, report, id, privacy);
  add_fingerprint (self, privacy, allow_copy);
  if (myna_certificate_has_holder (self->certificate))
    add_holder (self, privacy);
}

/* No text to select, so none to copy with Ctrl+C or the primary
 * selection either. */
static void
forbid_selection (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_selectable (GTK_LABEL (widget), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    forbid_selection (child);
}

static void
myna_certificate_window_dispose (GObject *object)
{
  MynaCertificateWindow *self = (MynaCertificateWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MYNA_TYPE_CERTIFICATE_WINDOW);
  g_clear_object (&self->certificate);

  G_OBJECT_CLASS (myna_certificate_window_parent_class)->dispose (object);
}

static void
myna_certificate_window_class_init (MynaCertificateWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = myna_certificate_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/myna-certificate-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MynaCertificateWindow, page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
myna_certificate_window_init (MynaCertificateWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * myna_certificate_window_new:
 * @parent: the main window
 * @report: what was read
 * @id: which certificate
 * @now: the moment to judge at
 * @flags: what to hide or forbid
 *
 * Returns: (transfer floating): the window, or %NULL when @report lacks
 *   the certificate
 */
GtkWidget *
myna_certificate_window_new (GtkWindow      *parent,
                             MynaCardReport *report,
                             MynaCertId      id,
                             GDateTime      *now,
                             MynaCertificateWindowFlags flags)
{
  MynaCertificateWindow *self;
  MynaCertificate *cert;

  g_return_val_if_fail (MYNA_IS_CARD_REPORT (report), NULL);

  cert = myna_card_report_get_certificate (report, id);
  if (cert == NULL)
    return NULL;

  self = g_object_new (MYNA_TYPE_CERTIFICATE_WINDOW, "transient-for", parent, NULL);
  self->certificate = g_object_ref (cert);
  gtk_window_set_title (GTK_WINDOW (self), myna_cert_id_get_name (id));
  adw_window_title_set_title (self->window_title, myna_cert_id_get_name (id));
  self->allow_copy = (flags & MYNA_CERTIFICATE_WINDOW_NO_COPY) == 0;
  fill (self, report, id, now,
        (flags & MYNA_CERTIFICATE_WINDOW_HIDE_PERSONAL) != 0, self->allow_copy);
  if (!self->allow_copy)
    forbid_selection (GTK_WIDGET (self->page));

  return GTK_WIDGET (self);
}
