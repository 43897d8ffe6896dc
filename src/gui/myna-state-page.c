/* myna-state-page.c
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

#include "myna-card-error.h"
#include "myna-gui-utils.h"
#include "myna-i18n.h"
#include "myna-state-page.h"

/*
 * The full page the window shows for every state without a card to show
 * (no service, no reader, no card, card in use, not a My Number card…),
 * each with the fix: a command to copy, a button, the demo card, the
 * readers to choose from, or, on a public terminal, the languages. One
 * row of pages[] per page; page_for() picks the row.
 */
struct _MynaStatePage
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkFlowBox    *language_picker;
  GtkWidget     *command_box;
  GtkLabel      *command_label;
  GtkListBox    *reader_list;
  GtkButton     *state_button;
  GtkWidget     *demo_button;
};

G_DEFINE_FINAL_TYPE (MynaStatePage, myna_state_page, ADW_TYPE_BIN)

typedef enum
{
  PAGE_STARTING,
  PAGE_NO_SERVICE,
  PAGE_NO_READER,
  PAGE_NO_CARD,
  PAGE_DEMO_CARD_OUT,
  PAGE_SET_ASIDE,
  PAGE_SEVERAL_CARDS,
  PAGE_CARD_IN_USE,
  PAGE_UNRESPONSIVE,
  PAGE_NOT_MY_NUMBER,
  PAGE_ERROR,
  N_PAGES,
} Page;

typedef enum
{
  LANGUAGES_NEVER,
  LANGUAGES_ON_PUBLIC_TERMINAL,
  LANGUAGES_ALWAYS,
} Languages;

typedef struct
{
  const char *icon;
  const char *title;        /* translatable */
  const char *description;  /* translatable */
  gboolean    why_failed;   /* the description is why the read failed */
  const char *command;      /* not translated, with a copy button */
  const char *button;       /* translatable, with a mnemonic */
  const char *action;       /* the button's */
  gboolean    offer_demo;   /* "Try the Demo Card", but on a public terminal */
  gboolean    readers;      /* the readers holding a card, to choose one */
  Languages   languages;    /* the language picker: a public terminal's start */
} PageInfo;

static const PageInfo pages[N_PAGES] = {
  [PAGE_STARTING] = {
    .icon = "content-loading-symbolic",
    .title = N_("Looking for Card Readers…"),
  },
  [PAGE_NO_SERVICE] = {
    .icon = "computer-fail-symbolic",
    .title = N_("The Smart Card Service Is Not Running"),
    .description = N_("MynaCheck reaches card readers through the pcscd service. Start it with this command; MynaCheck then finds the reader by itself."),
    .command = "sudo systemctl enable --now pcscd.socket",
    .offer_demo = TRUE,
  },
  [PAGE_NO_READER] = {
    .icon = "media-removable-symbolic",
    .title = N_("No Card Reader"),
    .description = N_("Plug in a USB IC card reader. A Sony RC-S380 has no Linux driver; an RC-S300 works."),
    .offer_demo = TRUE,
  },
  [PAGE_NO_CARD] = {
    .icon = "auth-smartcard-symbolic",
    .title = N_("Insert Your My Number Card"),
    .description = N_("Put the card in the reader, chip first, or lay it on a contactless reader. No PIN is needed."),
    .offer_demo = TRUE,
    .languages = LANGUAGES_ON_PUBLIC_TERMINAL,
  },
  [PAGE_DEMO_CARD_OUT] = {
    .icon = "auth-smartcard-symbolic",
    .title = N_("Insert Your My Number Card"),
    .description = N_("The demo card is out of its pretend reader."),
    .button = N_("_Put the Demo Card Back"),
    .action = "win.demo-card-inserted",
    .languages = LANGUAGES_ON_PUBLIC_TERMINAL,
  },
  [PAGE_SET_ASIDE] = {
    .icon = "auth-smartcard-symbolic",
    .title = N_("Your Card Is Still in the Reader"),
    .description = N_("Take it with you. To see what it holds again, read it again."),
    .button = N_("_Read Again"),
    .action = "win.reload",
    .languages = LANGUAGES_ALWAYS,
  },
  [PAGE_SEVERAL_CARDS] = {
    .icon = "auth-smartcard-symbolic",
    .title = N_("Several Cards"),
    .description = N_("More than one reader holds a card. Choose the one to read."),
    .readers = TRUE,
  },
  [PAGE_CARD_IN_USE] = {
    .icon = "changes-prevent-symbolic",
    .title = N_("The Card Is in Use"),
    .description = N_("Another program is using the card. Close programs that use it, such as a browser signing extension; MynaCheck tries again by itself."),
  },
  [PAGE_UNRESPONSIVE] = {
    .icon = "dialog-warning-symbolic",
    .title = N_("The Card Does Not Respond"),
    .why_failed = TRUE,
    .button = N_("_Read Again"),
    .action = "win.reload",
  },
  [PAGE_NOT_MY_NUMBER] = {
    .icon = "dialog-warning-symbolic",
    .title = N_("Not a My Number Card"),
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    .description = N_("This card has no JPKI application. MynaCheck reads My Number cards and old Basic Resident Registration cards. Check that the right card is in the reader."),
    .button = N_("_Read Again"),
    .action = "win.reload",
  },
  [PAGE_ERROR] = {
    .icon = "dialog-error-symbolic",
    .title = N_("The Card Could Not Be Read"),
    .why_failed = TRUE,
    .button = N_("_Try Again"),
    .action = "win.reload",
  },
};

static Page
page_for (MynaCardManager *manager)
{
  switch (myna_card_manager_get_state (manager))
    {
    case MYNA_CARD_STATE_SERVICE_UNAVAILABLE:
      return PAGE_NO_SERVICE;
    case MYNA_CARD_STATE_NO_READER:
      return PAGE_NO_READER;
    case MYNA_CARD_STATE_NO_CARD:
      return myna_card_manager_is_demo (manager) ? PAGE_DEMO_CARD_OUT : PAGE_NO_CARD;
    case MYNA_CARD_STATE_SET_ASIDE:
      return PAGE_SET_ASIDE;
    case MYNA_CARD_STATE_SEVERAL_CARDS:
      return PAGE_SEVERAL_CARDS;
    case MYNA_CARD_STATE_CARD_IN_USE:
      return PAGE_CARD_IN_USE;
    case MYNA_CARD_STATE_UNSUPPORTED:
      return g_error_matches (myna_card_manager_get_error (manager), MYNA_CARD_ERROR, MYNA_CARD_ERROR_UNRESPONSIVE)
               ? PAGE_UNRESPONSIVE : PAGE_NOT_MY_NUMBER;
    case MYNA_CARD_STATE_ERROR:
      return PAGE_ERROR;
    case MYNA_CARD_STATE_STARTING:
    case MYNA_CARD_STATE_READING:
    case MYNA_CARD_STATE_READY:
    default:
      return PAGE_STARTING;
    }
}

/* A public terminal's start page: each language in itself. */
static void
fill_language_picker (MynaStatePage *self)
{
  const MynaLanguage *languages;
  guint n_languages;

  languages = myna_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (languages[i].endonym);
      g_autofree char *name = g_strdup_printf ("language-%s", languages[i].catalog);

      gtk_widget_set_name (button, name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", languages[i].catalog);
      gtk_widget_add_css_class (button, "pill");
      gtk_flow_box_append (self->language_picker, button);
    }
}

static void
fill_reader_list (MynaStatePage   *self,
                  MynaCardManager *manager)
{
  GPtrArray *readers = myna_card_manager_get_readers (manager);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reader_list))) != NULL)
    gtk_list_box_remove (self->reader_list, child);

  for (guint i = 0; readers != NULL && i < readers->len; i++)
    {
      const MynaReaderInfo *reader = g_ptr_array_index (readers, i);
      GtkWidget *row;

      if (!reader->card_present)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reader->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.choose-reader");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", reader->name);
      gtk_list_box_append (self->reader_list, row);
    }
}

/**
 * myna_state_page_show:
 * @self: a #MynaStatePage
 * @manager: the card manager, in a state without a card to show
 * @kiosk: whether this is a public terminal
 *
 * Shows the page for @manager's state.
 */
void
myna_state_page_show (MynaStatePage   *self,
                      MynaCardManager *manager,
                      gboolean         kiosk)
{
  const PageInfo *page;
  const GError *error;

  g_return_if_fail (MYNA_IS_STATE_PAGE (self));
  g_return_if_fail (MYNA_IS_CARD_MANAGER (manager));

  page = &pages[page_for (manager)];
  error = myna_card_manager_get_error (manager);

  adw_status_page_set_icon_name (self->status_page, page->icon);
  adw_status_page_set_title (self->status_page, _(page->title));
  if (page->why_failed)
    adw_status_page_set_description (self->status_page, error != NULL ? error->message : NULL);
  else
    adw_status_page_set_description (self->status_page, page->description != NULL ? _(page->description) : NULL);

  gtk_label_set_label (self->command_label, page->command != NULL ? page->command : "");
  gtk_widget_set_visible (self->command_box, page->command != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->state_button), page->button != NULL);
  if (page->button != NULL)
    {
      gtk_button_set_label (self->state_button, _(page->button));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->state_button), page->action);
    }

  gtk_widget_set_visible (self->demo_button, page->offer_demo && !kiosk && !myna_card_manager_is_demo (manager));

  if (page->readers)
    fill_reader_list (self, manager);
  gtk_widget_set_visible (GTK_WIDGET (self->reader_list), page->readers);

  gtk_widget_set_visible (GTK_WIDGET (self->language_picker),
                          page->languages == LANGUAGES_ALWAYS ||
                          (page->languages == LANGUAGES_ON_PUBLIC_TERMINAL && kiosk));
}

/**
 * myna_state_page_get_command:
 * @self: a #MynaStatePage
 *
 * Returns: the command the page shows, or ""
 */
const char *
myna_state_page_get_command (MynaStatePage *self)
{
  g_return_val_if_fail (MYNA_IS_STATE_PAGE (self), NULL);

  return gtk_label_get_label (self->command_label);
}

static void
myna_state_page_class_init (MynaStatePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No dispose: AdwBin lets go of its child, the template. */
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/myna-state-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, language_picker);
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, command_box);
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, command_label);
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, reader_list);
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, state_button);
  gtk_widget_class_bind_template_child (widget_class, MynaStatePage, demo_button);
}

static void
myna_state_page_init (MynaStatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  myna_tooltips_keep_words (GTK_WIDGET (self));
  fill_language_picker (self);
}
