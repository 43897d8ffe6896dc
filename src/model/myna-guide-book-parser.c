/* myna-guide-book-parser.c
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

#define G_LOG_DOMAIN "mynacheck-model"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "myna-guide-book.h"
#include "myna-guide-book-private.h"
#include "myna-guide-private.h"
#include "myna-pin.h"

typedef struct
{
  MynaGuideBook      *book;      /* for the lookups */
  GPtrArray          *guides;    /* the book's */
  GPtrArray          *references; /* the book's */
  MynaGuide          *guide;     /* being read, owned by book */
  MynaGuideApplicant *applicant; /* being read, owned by guide */
  GPtrArray          *visit;     /* explicit <visit>, owned by applicant */
  GPtrArray          *loose;     /* <item>s outside a <visit> */
  MynaGuideText      *text;      /* the text element being read */
  MynaGuideReference *reference; /* the reference being read, owned by book */
  GString            *buffer;
} ParseState;

static gboolean
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_invalid (GMarkupParseContext  *context,
             GError              **error,
             const char           *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (context, &line, NULL);
  g_set_error (error, MYNA_GUIDE_BOOK_ERROR, MYNA_GUIDE_BOOK_ERROR_INVALID,
               "guides.xml:%d: %s", line, message);
  return FALSE;
}

/* The same normalisation xgettext applies under the ITS default: trim, and
 * collapse each run of ASCII white space to one space. Without it the
 * msgid would not match the catalog. */
static char *
normalize_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  GString *str = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (str->len > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, words[i]);
    }

  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  return g_string_free (str, FALSE);
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], wanted))
        return values[i];
    }

  return NULL;
}

static gboolean
known_attributes (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char * const   *allowed,
                  GError              **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!g_strv_contains (allowed, names[i]))
        return set_invalid (context, error, "<%s> has an unknown attribute “%s”", element, names[i]);
    }

  return TRUE;
}

static gboolean
parse_yes_no (GMarkupParseContext  *context,
              const char           *element,
              const char           *name,
              const char           *value,
              gboolean             *result,
              GError              **error)
{
  if (g_strcmp0 (value, "yes") == 0)
    *result = TRUE;
  else if (g_strcmp0 (value, "no") == 0)
    *result = FALSE;
  else
    return set_invalid (context, error, "<%s %s> must be “yes” or “no”", element, name);

  return TRUE;
}

void
_myna_guide_reference_free (MynaGuideReference *reference)
{
  g_free (reference->id);
  g_free (reference->page);
  g_free (reference->quote);
  g_free (reference);
}

/* A seed page by the name of its file in ../shared/seeds/: "000_" and 16
 * hex digits. */
static gboolean
is_seed_name (const char *citation)
{
  if (strlen (citation) != strlen ("000_0123456789abcdef.txt") || !g_str_has_suffix (citation, ".txt"))
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isdigit (citation[i]))
      return FALSE;
  if (citation[3] != '_')
    return FALSE;
  for (guint i = 4; i < 20; i++)
    if (!g_ascii_isxdigit (citation[i]) || g_ascii_isupper (citation[i]))
      return FALSE;

  return TRUE;
}

/* Each citation is checked here, so that a typo cannot leave a fact
 * without a source the reader can follow. */
static gboolean
check_source (ParseState           *state,
              GMarkupParseContext  *context,
              const char           *element,
              const char           *source,
              GError              **error)
{
  g_auto(GStrv) citations = NULL;

  if (source == NULL || source[0] == '\0')
    return set_invalid (context, error, "<%s> in guide “%s” names no source", element,
                        state->guide->id);

  citations = myna_guide_source_split (source);
  if (citations[0] == NULL)
    return set_invalid (context, error, "<%s> in guide “%s” names no source", element,
                        state->guide->id);

  for (guint i = 0; citations[i] != NULL; i++)
    {
      const char *citation = citations[i];

      if (is_seed_name (citation))
        continue;
      if (g_str_has_prefix (citation, "https://") && citation[strlen ("https://")] != '\0')
        continue;
      if (citation[0] == '#' && myna_guide_book_lookup_reference (state->book, citation) != NULL)
        continue;

      return set_invalid (context, error, "<%s> in guide “%s” cites “%s”, which is no seed page, "
                          "https URL or reference declared above", element, state->guide->id, citation);
    }

  return TRUE;
}

static gboolean
start_text (ParseState           *state,
            GMarkupParseContext  *context,
            MynaGuideText        *text,
            const char           *element,
            const char          **names,
            const char          **values,
            GError              **error)
{
  const char *source = find_attribute (names, values, "source");

  if (!check_source (state, context, element, source, error))
    return FALSE;

  text->source = g_strdup (source);
  text->ja = g_strdup (find_attribute (names, values, "ja"));
  state->text = text;
  g_string_truncate (state->buffer, 0);

  return TRUE;
}

static gboolean
start_route (ParseState           *state,
             GMarkupParseContext  *context,
             const char          **names,
             const char          **values,
             GError              **error)
{
  MynaGuideRoute *route = _myna_guide_route_new ();
  const char *pin = find_attribute (names, values, "pin");
  const char *place = find_attribute (names, values, "place");
  const char *requires = find_attribute (names, values, "requires");

  g_ptr_array_add (state->guide->routes, route);

  if (pin == NULL || !myna_pin_id_from_string (pin, &route->pin))
    return set_invalid (context, error, "<route> names no known PIN");
  if (place == NULL || !_myna_guide_place_from_string (place, &route->place))
    return set_invalid (context, error, "<route> names no known place");
  if (requires != NULL)
    {
      if (!myna_pin_id_from_string (requires, &route->requires))
        return set_invalid (context, error, "<route requires> names no known PIN");
      route->has_requirement = TRUE;
    }

  return start_text (state, context, &route->text, "route", names, values, error);
}

/* Each element's start handler runs after the table's placement and
 * attribute checks, so a handler only deals with what is its own. */
typedef void (*StartHandler) (ParseState           *state,
                              GMarkupParseContext  *context,
                              const char           *element,
                              const char          **names,
                              const char          **values,
                              GError              **error);

typedef enum
{
  PLACE_ANYWHERE,
  PLACE_TOP_LEVEL, /* outside any guide */
  PLACE_IN_GUIDE,
} ElementPlace;

#define TEXT_ATTRIBUTES "ja", "source"

static void
start_reference (ParseState           *state,
                 GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  const char *id = find_attribute (names, values, "id");
  const char *page = find_attribute (names, values, "page");
  g_autofree char *citation = NULL;

  if (id == NULL || id[0] == '\0' || strchr (id, ' ') != NULL || page == NULL || page[0] == '\0')
    {
      set_invalid (context, error, "<reference> without an id or a page");
      return;
    }
  citation = g_strconcat ("#", id, NULL);
  if (myna_guide_book_lookup_reference (state->book, citation) != NULL)
    {
      set_invalid (context, error, "two references are called “%s”", id);
      return;
    }

  state->reference = g_new0 (MynaGuideReference, 1);
  state->reference->id = g_strdup (id);
  state->reference->page = g_strdup (page);
  g_ptr_array_add (state->references, state->reference);
  g_string_truncate (state->buffer, 0);
}

static void
start_guide (ParseState           *state,
             GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             GError              **error)
{
  const char *id = find_attribute (names, values, "id");
  const char *urgent = find_attribute (names, values, "urgent");

  if (id == NULL || id[0] == '\0')
    {
      set_invalid (context, error, "<guide> without an id");
      return;
    }
  if (myna_guide_book_lookup (state->book, id) != NULL)
    {
      set_invalid (context, error, "two guides are called “%s”", id);
      return;
    }

  state->guide = _myna_guide_new (id);
  g_ptr_array_add (state->guides, state->guide);
  if (urgent != NULL)
    parse_yes_no (context, element, "urgent", urgent, &state->guide->urgent, error);
}

static void
start_title_or_summary (ParseState           *state,
                        GMarkupParseContext  *context,
                        const char           *element,
                        const char          **names,
                        const char          **values,
                        GError              **error)
{
  MynaGuide *guide = state->guide;
  MynaGuideText *text = g_str_equal (element, "title") ? &guide->title : &guide->summary;

  if (text->source != NULL)
    {
      set_invalid (context, error, "two <%s> in guide “%s”", element, guide->id);
      return;
    }
  start_text (state, context, text, element, names, values, error);
}

static void
start_where (ParseState           *state,
             GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             GError              **error)
{
  const char *kind = find_attribute (names, values, "kind");
  MynaGuideWhere *where;
  MynaGuidePlace place;

  if (kind == NULL || !_myna_guide_place_from_string (kind, &place))
    {
      set_invalid (context, error, "<where> of an unknown kind in guide “%s”", state->guide->id);
      return;
    }
  where = _myna_guide_where_new (place);
  g_ptr_array_add (state->guide->wheres, where);
  start_text (state, context, &where->text, element, names, values, error);
}

static void
start_list_text (ParseState           *state,
                 GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  MynaGuide *guide = state->guide;
  GPtrArray *list = g_str_equal (element, "fee") ? guide->fees
                  : g_str_equal (element, "step") ? guide->steps
                  : guide->notes;
  MynaGuideText *text = _myna_guide_text_new ();

  g_ptr_array_add (list, text);
  start_text (state, context, text, element, names, values, error);
}

static void
start_route_element (ParseState           *state,
                     GMarkupParseContext  *context,
                     const char           *element,
                     const char          **names,
                     const char          **values,
                     GError              **error)
{
  start_route (state, context, names, values, error);
}

static void
start_hotlines (ParseState           *state,
                GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                GError              **error)
{
  state->guide->hotlines = TRUE;
}

static void
start_applicant (ParseState           *state,
                 GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  const char *type = find_attribute (names, values, "type");
  const char *same_day = find_attribute (names, values, "same-day");
  const char *source = find_attribute (names, values, "source");
  MynaApplicantType applicant_type;

  if (state->applicant != NULL)
    {
      set_invalid (context, error, "<applicant> inside an applicant");
      return;
    }
  if (type == NULL || !_myna_applicant_type_from_string (type, &applicant_type))
    {
      set_invalid (context, error, "<applicant> of an unknown type in guide “%s”", state->guide->id);
      return;
    }
  if (!check_source (state, context, element, source, error))
    return;

  state->applicant = _myna_guide_applicant_new (applicant_type);
  state->applicant->source = g_strdup (source);
  g_ptr_array_add (state->guide->applicants, state->applicant);
  /* "ask": the sources do not say, and the guide must not guess. */
  if (g_strcmp0 (same_day, "ask") == 0)
    state->applicant->same_day_unknown = TRUE;
  else if (!parse_yes_no (context, element, "same-day", same_day, &state->applicant->same_day, error))
    return;
  state->loose = g_ptr_array_new_with_free_func ((GDestroyNotify) _myna_guide_text_free);
}

static void
start_condition (ParseState           *state,
                 GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 GError              **error)
{
  if (state->applicant == NULL)
    set_invalid (context, error, "<condition> outside an applicant");
  else
    start_text (state, context, &state->applicant->condition, element, names, values, error);
}

static void
start_visit (ParseState           *state,
             GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             GError              **error)
{
  if (state->applicant == NULL || state->visit != NULL)
    {
      set_invalid (context, error, "<visit> outside an applicant");
      return;
    }
  state->visit = g_ptr_array_new_with_free_func ((GDestroyNotify) _myna_guide_text_free);
  g_ptr_array_add (state->applicant->visits, state->visit);
}

static void
start_item (ParseState           *state,
            GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            GError              **error)
{
  MynaGuideText *text;

  if (state->applicant == NULL)
    {
      set_invalid (context, error, "<item> outside an applicant");
      return;
    }
  text = _myna_guide_text_new ();
  g_ptr_array_add (state->visit != NULL ? state->visit : state->loose, text);
  start_text (state, context, text, element, names, values, error);
}

static const struct
{
  const char   *name;
  ElementPlace  place;
  const char   *attributes[6];
  StartHandler  start;
} elements[] = {
  { "guides",    PLACE_ANYWHERE,  { "xmlns" },                                         NULL },
  { "reference", PLACE_TOP_LEVEL, { "id", "page" },                                    start_reference },
  { "guide",     PLACE_TOP_LEVEL, { "id", "urgent" },                                  start_guide },
  { "title",     PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_title_or_summary },
  { "summary",   PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_title_or_summary },
  { "where",     PLACE_IN_GUIDE,  { "kind", TEXT_ATTRIBUTES },                         start_where },
  { "fee",       PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_list_text },
  { "step",      PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_list_text },
  { "note",      PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_list_text },
  { "route",     PLACE_IN_GUIDE,  { "pin", "place", "requires", TEXT_ATTRIBUTES },     start_route_element },
  { "hotlines",  PLACE_IN_GUIDE,  { NULL },                                            start_hotlines },
  { "applicant", PLACE_IN_GUIDE,  { "type", "same-day", "source" },                    start_applicant },
  { "condition", PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_condition },
  { "visit",     PLACE_IN_GUIDE,  { NULL },                                            start_visit },
  { "item",      PLACE_IN_GUIDE,  { TEXT_ATTRIBUTES },                                 start_item },
};

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;

  if (state->text != NULL || state->reference != NULL)
    {
      set_invalid (context, error, "<%s> inside a text", element);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      if (!g_str_equal (element, elements[i].name))
        continue;

      if (elements[i].place == PLACE_TOP_LEVEL && state->guide != NULL)
        set_invalid (context, error, "<%s> inside a guide", element);
      else if (elements[i].place == PLACE_IN_GUIDE && state->guide == NULL)
        set_invalid (context, error, "<%s> outside a guide", element);
      else if (known_attributes (context, element, names, elements[i].attributes, error)
               && elements[i].start != NULL)
        elements[i].start (state, context, element, names, values, error);
      return;
    }

  if (state->guide == NULL)
    set_invalid (context, error, "<%s> outside a guide", element);
  else
    set_invalid (context, error, "unknown element <%s>", element);
}

static gboolean
check_guide (GMarkupParseContext  *context,
             MynaGuide            *guide,
             GError              **error)
{
  if (guide->title.msgid == NULL || guide->summary.msgid == NULL)
    return set_invalid (context, error, "guide “%s” lacks a title or a summary", guide->id);
  if (guide->wheres->len == 0)
    return set_invalid (context, error, "guide “%s” does not say where", guide->id);
  if (guide->steps->len == 0)
    return set_invalid (context, error, "guide “%s” has no steps", guide->id);
  /* An urgent guide starts with a phone call that anyone may make. */
  if (guide->applicants->len == 0 && !guide->urgent)
    return set_invalid (context, error, "guide “%s” does not say who may apply", guide->id);

  for (guint i = 0; i < guide->wheres->len; i++)
    {
      MynaGuideWhere *where = g_ptr_array_index (guide->wheres, i);

      /* Only the municipal office has a generic text. */
      if (where->text.msgid == NULL && where->place != MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE)
        return set_invalid (context, error, "a <where> of guide “%s” has no text", guide->id);
    }

  return TRUE;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (state->reference != NULL)
    {
      /* The quote is what makes a partial address checkable. */
      state->reference->quote = normalize_space (state->buffer->str);
      if (state->reference->quote == NULL)
        {
          set_invalid (context, error, "<reference> “%s” quotes nothing", state->reference->id);
          return;
        }
      state->reference = NULL;
      return;
    }

  if (state->text != NULL)
    {
      state->text->msgid = normalize_space (state->buffer->str);
      /* An empty <where> stands for the generic text of its place. */
      if (state->text->msgid == NULL && !g_str_equal (element, "where"))
        {
          set_invalid (context, error, "empty <%s> in guide “%s”", element, state->guide->id);
          return;
        }
      state->text = NULL;
      return;
    }

  if (g_str_equal (element, "visit"))
    {
      if (state->visit->len == 0)
        {
          set_invalid (context, error, "empty <visit> in guide “%s”", state->guide->id);
          return;
        }
      state->visit = NULL;
    }
  else if (g_str_equal (element, "applicant"))
    {
      MynaGuideApplicant *applicant = state->applicant;

      if (state->loose->len > 0)
        {
          if (applicant->visits->len > 0)
            {
              set_invalid (context, error, "<item> both inside and outside <visit>");
              return;
            }
          g_ptr_array_add (applicant->visits, g_steal_pointer (&state->loose));
        }
      g_clear_pointer (&state->loose, g_ptr_array_unref);

      if (applicant->visits->len == 0)
        {
          set_invalid (context, error, "an applicant of guide “%s” brings nothing", state->guide->id);
          return;
        }
      /* Seeds 000, 001, 004: a voluntary proxy who cannot finish the same
       * day comes twice. */
      if (applicant->type == MYNA_APPLICANT_VOLUNTARY_PROXY && !applicant->same_day &&
          applicant->visits->len != 2)
        {
          set_invalid (context, error, "the voluntary proxy of guide “%s” must come twice",
                       state->guide->id);
          return;
        }
      state->applicant = NULL;
    }
  else if (g_str_equal (element, "guide"))
    {
      if (check_guide (context, state->guide, error))
        state->guide = NULL;
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_length,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->text != NULL || state->reference != NULL)
    {
      g_string_append_len (state->buffer, text_value, text_length);
      return;
    }

  for (gsize i = 0; i < text_length; i++)
    {
      if (!g_ascii_isspace (text_value[i]))
        {
          set_invalid (context, error, "text outside a text element");
          return;
        }
    }
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

/*
 * _myna_guide_book_parse:
 * Reads a guides file into @guides and @references, which belong to
 * @book. Fails on the first guide that lacks what a guide needs or fact
 * that names no source (a seed page, an https URL or a reference
 * declared in the file).
 */
gboolean
_myna_guide_book_parse (MynaGuideBook  *book,
                        GPtrArray      *guides,
                        GPtrArray      *references,
                        const char     *data,
                        gssize          length,
                        GError        **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  ParseState state = { .book = book, .guides = guides, .references = references, .buffer = buffer };
  gboolean ok;

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  g_clear_pointer (&state.loose, g_ptr_array_unref);

  return ok;
}
