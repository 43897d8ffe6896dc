/* myna-guide-printer.c
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

#include "myna-gui-utils.h"
#include "myna-guide-printer.h"

/*
 * Prints a guide's checklist, in the user's language with the official
 * Japanese term beside every item, to take to the municipal office. The
 * print dialog also offers "Print to File" as PDF. A guide holds no
 * personal data, so printing it is allowed everywhere, kiosks included.
 */
struct _MynaGuidePrinter
{
  GObject      parent_instance;

  MynaGuide   *guide;
  PangoLayout *layout;
  GArray      *page_breaks; /* first line of each page */
  gboolean     without_dialog;
};

G_DEFINE_FINAL_TYPE (MynaGuidePrinter, myna_guide_printer, G_TYPE_OBJECT)

static void
append_text (GString             *markup,
             const char          *prefix,
             const MynaGuideText *text)
{
  g_autofree char *escaped = g_markup_escape_text (myna_guide_text_get (text), -1);

  g_string_append_printf (markup, "%s%s", prefix, escaped);
  if (myna_guide_text_get_term (text) != NULL)
    {
      g_autofree char *term = g_markup_escape_text (myna_guide_text_get_term (text), -1);

      g_string_append_printf (markup, "  <span foreground=\"#555555\">（%s）</span>", term);
    }
  g_string_append_c (markup, '\n');
}

static void
append_heading (GString    *markup,
                const char *heading)
{
  g_autofree char *escaped = g_markup_escape_text (heading, -1);

  g_string_append_printf (markup, "\n<b>%s</b>\n", escaped);
}

/**
 * myna_guide_printer_get_markup:
 * @self: a #MynaGuidePrinter
 *
 * Returns: (transfer full): what is printed, as Pango markup
 */
char *
myna_guide_printer_get_markup (MynaGuidePrinter *self)
{
  GString *markup = g_string_new (NULL);
  const MynaGuideText *title = myna_guide_get_title (self->guide);
  GPtrArray *applicants = myna_guide_get_applicants (self->guide);
  GPtrArray *steps = myna_guide_get_steps (self->guide);
  GPtrArray *fees = myna_guide_get_fees (self->guide);
  GPtrArray *wheres = myna_guide_get_wheres (self->guide);
  g_autofree char *escaped_title = g_markup_escape_text (myna_guide_text_get (title), -1);
  g_autofree char *escaped_term = g_markup_escape_text (myna_guide_text_get_term (title) != NULL
                                                        ? myna_guide_text_get_term (title) : "", -1);
  g_autofree char *escaped_summary = g_markup_escape_text (myna_guide_text_get (myna_guide_get_summary (self->guide)), -1);

  g_string_append_printf (markup, "<span size=\"x-large\" weight=\"bold\">%s</span>\n%s%s\n%s\n",
                          escaped_title, escaped_term, *escaped_term != '\0' ? "\n" : "", escaped_summary);

  for (guint i = 0; i < applicants->len; i++)
    {
      const MynaGuideApplicant *applicant = g_ptr_array_index (applicants, i);
      g_autofree char *heading = myna_text_with_term (myna_applicant_type_get_label (applicant->type),
                                                      myna_applicant_type_get_term (applicant->type));

      append_heading (markup, heading);
      if (myna_applicant_type_get_description (applicant->type) != NULL)
        {
          g_autofree char *description = g_markup_escape_text (myna_applicant_type_get_description (applicant->type), -1);

          g_string_append_printf (markup, "<i>%s</i>\n", description);
        }
      if (applicant->condition.msgid != NULL)
        append_text (markup, "", &applicant->condition);
      {
        g_autofree char *timing = g_markup_escape_text (myna_guide_applicant_get_timing (applicant), -1);

        g_string_append_printf (markup, "%s\n", timing);
      }

      for (guint v = 0; v < applicant->visits->len; v++)
        {
          GPtrArray *items = g_ptr_array_index (applicant->visits, v);

          if (applicant->visits->len > 1)
            {
              g_autofree char *visit = g_markup_escape_text (v == 0 ? _("First visit") : _("Second visit"), -1);

              g_string_append_printf (markup, "<i>%s</i>\n", visit);
            }
          for (guint j = 0; j < items->len; j++)
            append_text (markup, "☐ ", g_ptr_array_index (items, j));
        }
    }

  append_heading (markup, _("Steps"));
  for (guint i = 0; i < steps->len; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u. ", i + 1);

      append_text (markup, number, g_ptr_array_index (steps, i));
    }

  append_heading (markup, _("Where"));
  for (guint i = 0; i < wheres->len; i++)
    {
      const MynaGuideWhere *where = g_ptr_array_index (wheres, i);
      g_autofree char *text = g_markup_escape_text (where->text.msgid != NULL
                                                    ? myna_guide_text_get (&where->text)
                                                    : myna_guide_place_get_label (where->place), -1);

      g_string_append_printf (markup, "• %s\n", text);
    }

  if (fees->len > 0)
    {
      append_heading (markup, _("Fees"));
      for (guint i = 0; i < fees->len; i++)
        append_text (markup, "• ", g_ptr_array_index (fees, i));
    }

  {
    g_autofree char *footer = g_markup_escape_text (_("From MynaCheck. The municipal office decides: check with your city before you go."), -1);

    g_string_append_printf (markup, "\n<small>%s</small>\n", footer);
  }

  return g_string_free (markup, FALSE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                MynaGuidePrinter  *self)
{
  g_autofree char *markup = myna_guide_printer_get_markup (self);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10.5");
  double page_height = gtk_print_context_get_height (context);
  double used = 0.0;
  int n_lines;

  g_clear_object (&self->layout);
  self->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_width (self->layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (self->layout, markup, -1);

  g_array_set_size (self->page_breaks, 0);
  g_array_append_val (self->page_breaks, (int) { 0 });

  n_lines = pango_layout_get_line_count (self->layout);
  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;
      double height;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (self->layout, i), NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      if (used + height > page_height && i > 0)
        {
          g_array_append_val (self->page_breaks, i);
          used = 0.0;
        }
      used += height;
    }

  gtk_print_operation_set_n_pages (operation, self->page_breaks->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_number,
              MynaGuidePrinter  *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (self->page_breaks, int, page_number);
  int last = (guint) page_number + 1 < self->page_breaks->len
    ? g_array_index (self->page_breaks, int, page_number + 1)
    : pango_layout_get_line_count (self->layout);
  double y = 0.0;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);

  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (self->layout, i);
      PangoRectangle logical;
      int baseline;
      PangoLayoutIter *iter = pango_layout_get_iter (self->layout);

      for (int j = 0; j < i; j++)
        pango_layout_iter_next_line (iter);
      baseline = pango_layout_iter_get_baseline (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_free (iter);

      cairo_move_to (cr, (double) logical.x / PANGO_SCALE,
                     y + (double) (baseline - logical.y) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += (double) logical.height / PANGO_SCALE;
    }
}

static void
myna_guide_printer_finalize (GObject *object)
{
  MynaGuidePrinter *self = (MynaGuidePrinter *)object;

  g_clear_object (&self->guide);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->page_breaks, g_array_unref);

  G_OBJECT_CLASS (myna_guide_printer_parent_class)->finalize (object);
}

static void
myna_guide_printer_class_init (MynaGuidePrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_guide_printer_finalize;
}

static void
myna_guide_printer_init (MynaGuidePrinter *self)
{
  self->page_breaks = g_array_new (FALSE, FALSE, sizeof (int));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MynaGuidePrinter        *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_message ("Printing the guide failed: %s", error != NULL ? error->message : "unknown error");
    }

  /* The reference taken before the run: "done" comes once, however the
   * run ends. */
  g_object_unref (operation);
}

MynaGuidePrinter *
myna_guide_printer_new (MynaGuide *guide)
{
  MynaGuidePrinter *self;

  g_return_val_if_fail (MYNA_IS_GUIDE (guide), NULL);

  self = g_object_new (MYNA_TYPE_GUIDE_PRINTER, NULL);
  self->guide = g_object_ref (guide);

  return self;
}

/**
 * myna_guide_printer_run:
 * @self: a #MynaGuidePrinter
 * @parent: (nullable): the window the print dialog belongs to
 * @export_filename: (nullable): write a PDF there instead of asking
 * @error: return location for a #GError
 *
 * Returns: %TRUE unless printing failed
 */
gboolean
myna_guide_printer_run (MynaGuidePrinter  *self,
                        GtkWindow         *parent,
                        const char        *export_filename,
                        GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  GtkPrintOperationResult result;
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (MYNA_IS_GUIDE_PRINTER (self), FALSE);

  job_name = g_strdup_printf ("MynaCheck — %s", myna_guide_text_get (myna_guide_get_title (self->guide)));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  if (export_filename != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_filename);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    {
      /* No nested main loop: the window may go (a public terminal starting
       * over) while the dialog is open. The operation and the printer
       * live until the dialog is done. */
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      g_object_ref (operation);
      result = gtk_print_operation_run (operation,
                                        self->without_dialog ? GTK_PRINT_OPERATION_ACTION_PRINT
                                                             : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        parent, error);
    }

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * myna_guide_printer_set_without_dialog:
 * @self: a #MynaGuidePrinter
 * @without_dialog: whether to print on the default printer at once
 *
 * A public terminal prints without the dialog: its "Print to File" would
 * write to disk and show its users the file system.
 */
void
myna_guide_printer_set_without_dialog (MynaGuidePrinter *self,
                                       gboolean          without_dialog)
{
  g_return_if_fail (MYNA_IS_GUIDE_PRINTER (self));

  self->without_dialog = !!without_dialog;
}
