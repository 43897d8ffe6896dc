/* myna-guide.c
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

#include <glib/gi18n.h>

#include "myna-guide-private.h"
#include "myna-i18n.h"

/*
 * One procedure guide of data/guides.xml. Texts keep their English msgid
 * and are translated when read, so that switching the language inside the
 * app changes them at once.
 */

G_DEFINE_FINAL_TYPE (MynaGuide, myna_guide, G_TYPE_OBJECT)

/**
 * myna_guide_text_get:
 * @text: a guide text
 *
 * Returns: (transfer none) (nullable): @text in the current language
 */
const char *
myna_guide_text_get (const MynaGuideText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text->msgid == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, text->msgid);
}

/**
 * myna_guide_text_get_term:
 * @text: a guide text
 *
 * Returns: (transfer none) (nullable): the official Japanese term to show
 *   beside @text, or %NULL when MynaCheck speaks Japanese or there is none
 */
const char *
myna_guide_text_get_term (const MynaGuideText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return myna_i18n_shows_japanese_terms () ? text->ja : NULL;
}

MynaGuideText *
_myna_guide_text_new (void)
{
  return g_new0 (MynaGuideText, 1);
}

void
_myna_guide_text_clear (MynaGuideText *text)
{
  g_clear_pointer (&text->msgid, g_free);
  g_clear_pointer (&text->ja, g_free);
  g_clear_pointer (&text->source, g_free);
}

void
_myna_guide_text_free (MynaGuideText *text)
{
  if (text == NULL)
    return;

  _myna_guide_text_clear (text);
  g_free (text);
}

static void
where_free (MynaGuideWhere *where)
{
  _myna_guide_text_clear (&where->text);
  g_free (where);
}

MynaGuideWhere *
_myna_guide_where_new (MynaGuidePlace place)
{
  MynaGuideWhere *where = g_new0 (MynaGuideWhere, 1);

  where->place = place;

  return where;
}

static void
applicant_free (MynaGuideApplicant *applicant)
{
  _myna_guide_text_clear (&applicant->condition);
  g_free (applicant->source);
  g_ptr_array_unref (applicant->visits);
  g_free (applicant);
}

MynaGuideApplicant *
_myna_guide_applicant_new (MynaApplicantType type)
{
  MynaGuideApplicant *applicant = g_new0 (MynaGuideApplicant, 1);

  applicant->type = type;
  applicant->visits = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return applicant;
}

static void
route_free (MynaGuideRoute *route)
{
  _myna_guide_text_clear (&route->text);
  g_free (route);
}

MynaGuideRoute *
_myna_guide_route_new (void)
{
  return g_new0 (MynaGuideRoute, 1);
}

static void
myna_guide_finalize (GObject *object)
{
  MynaGuide *self = (MynaGuide *)object;

  g_clear_pointer (&self->id, g_free);
  _myna_guide_text_clear (&self->title);
  _myna_guide_text_clear (&self->summary);
  g_clear_pointer (&self->wheres, g_ptr_array_unref);
  g_clear_pointer (&self->fees, g_ptr_array_unref);
  g_clear_pointer (&self->applicants, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_ptr_array_unref);

  G_OBJECT_CLASS (myna_guide_parent_class)->finalize (object);
}

static void
myna_guide_class_init (MynaGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_guide_finalize;
}

static void
myna_guide_init (MynaGuide *self)
{
  self->wheres = g_ptr_array_new_with_free_func ((GDestroyNotify) where_free);
  self->fees = g_ptr_array_new_with_free_func ((GDestroyNotify) _myna_guide_text_free);
  self->applicants = g_ptr_array_new_with_free_func ((GDestroyNotify) applicant_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _myna_guide_text_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) _myna_guide_text_free);
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) route_free);
}

MynaGuide *
_myna_guide_new (const char *id)
{
  MynaGuide *self = g_object_new (MYNA_TYPE_GUIDE, NULL);

  self->id = g_strdup (id);

  return self;
}

const char *
myna_guide_get_id (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->id;
}

/**
 * myna_guide_is_urgent:
 * @self: a #MynaGuide
 *
 * Returns: %TRUE for a guide to act on at once (a lost card)
 */
gboolean
myna_guide_is_urgent (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), FALSE);

  return self->urgent;
}

/**
 * myna_guide_shows_hotlines:
 * @self: a #MynaGuide
 *
 * Returns: %TRUE if the guide lists the phone lines
 */
gboolean
myna_guide_shows_hotlines (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), FALSE);

  return self->hotlines;
}

const MynaGuideText *
myna_guide_get_title (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return &self->title;
}

const MynaGuideText *
myna_guide_get_summary (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return &self->summary;
}

/**
 * myna_guide_get_wheres:
 * @self: a #MynaGuide
 *
 * Returns: (transfer none) (element-type MynaGuideWhere): where it is done
 */
GPtrArray *
myna_guide_get_wheres (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->wheres;
}

/**
 * myna_guide_get_fees:
 * @self: a #MynaGuide
 *
 * Returns: (transfer none) (element-type MynaGuideText): the fees; empty
 *   when the sources give none
 */
GPtrArray *
myna_guide_get_fees (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->fees;
}

/**
 * myna_guide_get_applicants:
 * @self: a #MynaGuide
 *
 * Returns: (transfer none) (element-type MynaGuideApplicant): who may
 *   apply, and what each must bring
 */
GPtrArray *
myna_guide_get_applicants (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->applicants;
}

/**
 * myna_guide_get_steps:
 * @self: a #MynaGuide
 *
 * Returns: (transfer none) (element-type MynaGuideText): the steps, in order
 */
GPtrArray *
myna_guide_get_steps (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->steps;
}

/**
 * myna_guide_get_notes:
 * @self: a #MynaGuide
 *
 * Returns: (transfer none) (element-type MynaGuideText): further facts
 */
GPtrArray *
myna_guide_get_notes (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->notes;
}

/**
 * myna_guide_get_routes:
 * @self: a #MynaGuide
 *
 * Returns: (transfer none) (element-type MynaGuideRoute): the ways to reset
 *   each PIN (only the PIN guide has them)
 */
GPtrArray *
myna_guide_get_routes (MynaGuide *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  return self->routes;
}

/**
 * myna_guide_get_texts:
 * @self: a #MynaGuide
 *
 * Every text of the guide, in the order of the file: title, summary, where,
 * fees, each applicant's condition and items, steps, notes, routes. The text
 * of a where that stands for its place's generic text has no msgid.
 *
 * Returns: (transfer container) (element-type MynaGuideText): the texts
 */
GPtrArray *
myna_guide_get_texts (MynaGuide *self)
{
  GPtrArray *texts;

  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  texts = g_ptr_array_new ();
  g_ptr_array_add (texts, &self->title);
  g_ptr_array_add (texts, &self->summary);
  for (guint i = 0; i < self->wheres->len; i++)
    g_ptr_array_add (texts, &((MynaGuideWhere *) g_ptr_array_index (self->wheres, i))->text);
  g_ptr_array_extend (texts, self->fees, NULL, NULL);
  for (guint i = 0; i < self->applicants->len; i++)
    {
      MynaGuideApplicant *applicant = g_ptr_array_index (self->applicants, i);

      if (applicant->condition.msgid != NULL)
        g_ptr_array_add (texts, &applicant->condition);
      for (guint v = 0; v < applicant->visits->len; v++)
        g_ptr_array_extend (texts, g_ptr_array_index (applicant->visits, v), NULL, NULL);
    }
  g_ptr_array_extend (texts, self->steps, NULL, NULL);
  g_ptr_array_extend (texts, self->notes, NULL, NULL);
  for (guint i = 0; i < self->routes->len; i++)
    g_ptr_array_add (texts, &((MynaGuideRoute *) g_ptr_array_index (self->routes, i))->text);

  return texts;
}

static void
add_sources (GPtrArray  *sources,
             const char *source)
{
  g_auto(GStrv) citations = myna_guide_source_split (source);

  for (guint i = 0; citations[i] != NULL; i++)
    {
      /* A copy: stealing would end the vector early for g_strfreev(). */
      if (!g_ptr_array_find_with_equal_func (sources, citations[i], g_str_equal, NULL))
        g_ptr_array_add (sources, g_strdup (citations[i]));
    }
}

/**
 * myna_guide_get_sources:
 * @self: a #MynaGuide
 *
 * Every citation the guide makes, each once, in the order they first come,
 * with the sources of the applicant types it shows.
 *
 * Returns: (transfer full) (element-type utf8): the citations
 */
GPtrArray *
myna_guide_get_sources (MynaGuide *self)
{
  g_autoptr(GPtrArray) texts = NULL;
  GPtrArray *sources;

  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  texts = myna_guide_get_texts (self);
  sources = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < texts->len; i++)
    add_sources (sources, ((MynaGuideText *) g_ptr_array_index (texts, i))->source);
  for (guint i = 0; i < self->applicants->len; i++)
    {
      MynaGuideApplicant *applicant = g_ptr_array_index (self->applicants, i);

      add_sources (sources, applicant->source);
      if (myna_applicant_type_get_source (applicant->type) != NULL)
        add_sources (sources, myna_applicant_type_get_source (applicant->type));
    }

  return sources;
}

/**
 * myna_guide_source_split:
 * @source: the source of a guide text
 *
 * Returns: (transfer full): the citations of @source
 */
GStrv
myna_guide_source_split (const char *source)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (source != NULL, NULL);

  words = g_strsplit_set (source, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        g_strv_builder_add (builder, words[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * myna_guide_find_route:
 * @self: a #MynaGuide
 * @pin: a PIN
 * @place: where
 *
 * Returns: (nullable): the route for @pin at @place
 */
const MynaGuideRoute *
myna_guide_find_route (MynaGuide      *self,
                       MynaPinId       pin,
                       MynaGuidePlace  place)
{
  g_return_val_if_fail (MYNA_IS_GUIDE (self), NULL);

  for (guint i = 0; i < self->routes->len; i++)
    {
      const MynaGuideRoute *route = g_ptr_array_index (self->routes, i);

      if (route->pin == pin && route->place == place)
        return route;
    }

  return NULL;
}

/**
 * myna_guide_applicant_get_timing:
 * @applicant: an applicant of a guide
 *
 * Returns: (transfer none): whether @applicant can finish the same day,
 *   translated
 */
const char *
myna_guide_applicant_get_timing (const MynaGuideApplicant *applicant)
{
  g_return_val_if_fail (applicant != NULL, NULL);

  if (applicant->visits->len > 1)
    return _("Two visits: not on the same day");
  if (applicant->same_day_unknown)
    return _("Ask your municipal office whether it can be done the same day");
  if (applicant->same_day)
    return _("Can be done the same day");

  return _("Not on the same day");
}

static const struct
{
  const char *id;
  const char *label;
} places[] = {
  /* Translators: seed 002 "住民票のある市区町村の窓口". MynaCheck does not
   * know the user's city, so it asks them to check with theirs. */
  [MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE]  = { "municipal-office",
                                           N_("At the municipal office (市区町村の窓口) where you are registered as a resident. Check its counters and opening hours with your city.") },
  [MYNA_GUIDE_PLACE_PHONE]             = { "phone", N_("By phone") },
  [MYNA_GUIDE_PLACE_POLICE]            = { "police", N_("At a police station") },
  [MYNA_GUIDE_PLACE_CONVENIENCE_STORE] = { "convenience-store", N_("At a convenience-store kiosk") },
  [MYNA_GUIDE_PLACE_ONLINE]            = { "online", N_("Online") },
};

/**
 * myna_guide_place_get_label:
 * @place: a place
 *
 * Returns: (transfer none): the translated generic text for @place
 */
const char *
myna_guide_place_get_label (MynaGuidePlace place)
{
  g_return_val_if_fail (place < G_N_ELEMENTS (places), NULL);

  return _(places[place].label);
}

const char *
myna_guide_place_to_string (MynaGuidePlace place)
{
  g_return_val_if_fail (place < G_N_ELEMENTS (places), NULL);

  return places[place].id;
}

gboolean
_myna_guide_place_from_string (const char     *str,
                               MynaGuidePlace *place)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (g_strcmp0 (str, places[i].id) == 0)
        {
          *place = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define SEED_001 "001_c8d8d414fb2b3419.txt"

/* Who counts as which is not obvious, and a parent who takes the wrong
 * list for a child of 15 to 17 comes for nothing: the description says it
 * where the types are shown. */
static const struct
{
  const char *id;
  const char *label;
  const char *term;
  const char *description;
  const char *source;
} applicant_types[] = {
  /* Translators: 本人, the card holder applying in person. */
  [MYNA_APPLICANT_HOLDER]               = { "holder", N_("The holder"), "本人", NULL, NULL },
  /* Translators: 法定代理人: a parent of a child under 15, or a guardian
   * (seed 001). */
  [MYNA_APPLICANT_LEGAL_REPRESENTATIVE] = { "legal-representative", N_("A legal representative"), "法定代理人",
                                            /* Translators: seed 001 "法定代理人(15歳未満のお子様の親権者、
                                             * 成年後見人、代理行為目録などにより代理権を有していると認め
                                             * られる保佐人・補助人・任意後見人)". */
                                            N_("The parent of a child under 15, an adult guardian (成年後見人), or another guardian given the power to represent the holder."),
                                            SEED_001 },
  /* Translators: 任意代理人 (法定代理人以外の代理人): anyone the holder
   * asks, including the parent of a child of 15 or more (seed 001). */
  [MYNA_APPLICANT_VOLUNTARY_PROXY]      = { "voluntary-proxy", N_("A voluntary proxy"), "任意代理人",
                                            /* Translators: seed 001 "15歳以上のお子様の親権者は、法定代理人
                                             * 以外の代理人の位置付けとなります". */
                                            N_("Anyone else the holder asks. The parent of a child aged 15 or over counts as a voluntary proxy, not as a legal representative."),
                                            SEED_001 },
};

const char *
myna_applicant_type_get_label (MynaApplicantType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (applicant_types), NULL);

  return _(applicant_types[type].label);
}

/**
 * myna_applicant_type_get_term:
 * @type: an applicant type
 *
 * Returns: the official Japanese term, never translated
 */
const char *
myna_applicant_type_get_term (MynaApplicantType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (applicant_types), NULL);

  return applicant_types[type].term;
}

/**
 * myna_applicant_type_get_description:
 * @type: an applicant type
 *
 * Returns: (nullable): who counts as @type, translated; %NULL for the holder
 */
const char *
myna_applicant_type_get_description (MynaApplicantType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (applicant_types), NULL);

  if (applicant_types[type].description == NULL)
    return NULL;

  return _(applicant_types[type].description);
}

/**
 * myna_applicant_type_get_source:
 * @type: an applicant type
 *
 * Returns: (nullable): the source of the description of @type
 */
const char *
myna_applicant_type_get_source (MynaApplicantType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (applicant_types), NULL);

  return applicant_types[type].source;
}

const char *
myna_applicant_type_to_string (MynaApplicantType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (applicant_types), NULL);

  return applicant_types[type].id;
}

gboolean
_myna_applicant_type_from_string (const char        *str,
                                  MynaApplicantType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (applicant_types); i++)
    {
      if (g_strcmp0 (str, applicant_types[i].id) == 0)
        {
          *type = i;
          return TRUE;
        }
    }

  return FALSE;
}
