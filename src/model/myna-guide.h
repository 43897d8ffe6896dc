/* myna-guide.h
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

#pragma once

#include <glib-object.h>

#include "myna-card-types.h"

G_BEGIN_DECLS

#define MYNA_TYPE_GUIDE (myna_guide_get_type ())

G_DECLARE_FINAL_TYPE (MynaGuide, myna_guide, MYNA, GUIDE, GObject)

/* One text of a guide: its English msgid, the official Japanese term shown
 * beside it, and the sources of the fact: one or more citations separated by
 * spaces, each a seed page by file name, an https URL, or "#id" of a
 * MynaGuideReference. */
typedef struct
{
  char *msgid;
  char *ja;
  char *source;
} MynaGuideText;

/* A public page that only a review quotes, so that MynaCheck cannot give its
 * whole address: cited as "#id" in a source. */
typedef struct
{
  char *id;
  char *page;  /* the address or name as the review gives it, never completed */
  char *quote; /* what the page says, in Japanese, as the review quotes it */
} MynaGuideReference;

typedef enum
{
  MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE,
  MYNA_GUIDE_PLACE_PHONE,
  MYNA_GUIDE_PLACE_POLICE,
  MYNA_GUIDE_PLACE_CONVENIENCE_STORE,
  MYNA_GUIDE_PLACE_ONLINE,
} MynaGuidePlace;

typedef enum
{
  MYNA_APPLICANT_HOLDER,               /* 本人 */
  MYNA_APPLICANT_LEGAL_REPRESENTATIVE, /* 法定代理人 */
  MYNA_APPLICANT_VOLUNTARY_PROXY,      /* 任意代理人 (法定代理人以外の代理人) */
} MynaApplicantType;

typedef struct
{
  MynaGuidePlace place;
  MynaGuideText  text; /* msgid NULL: the generic text for the place */
} MynaGuideWhere;

typedef struct
{
  MynaApplicantType  type;
  gboolean           same_day;
  gboolean           same_day_unknown; /* the sources do not say: ask the office */
  MynaGuideText      condition; /* msgid NULL when unconditional */
  char              *source;
  GPtrArray         *visits;    /* of GPtrArray of MynaGuideText; one visit, or two for a proxy */
} MynaGuideApplicant;

typedef struct
{
  MynaPinId      pin;
  MynaGuidePlace place;
  gboolean       has_requirement;
  MynaPinId      requires;   /* the PIN that must be known for this route */
  MynaGuideText  text;
} MynaGuideRoute;

const char   *myna_guide_text_get               (const MynaGuideText *text);
const char   *myna_guide_text_get_term          (const MynaGuideText *text);

const char   *myna_guide_get_id                 (MynaGuide   *self);
gboolean      myna_guide_is_urgent              (MynaGuide   *self);
gboolean      myna_guide_shows_hotlines         (MynaGuide   *self);
const MynaGuideText *myna_guide_get_title       (MynaGuide   *self);
const MynaGuideText *myna_guide_get_summary     (MynaGuide   *self);
GPtrArray    *myna_guide_get_wheres             (MynaGuide   *self);
GPtrArray    *myna_guide_get_fees               (MynaGuide   *self);
GPtrArray    *myna_guide_get_applicants         (MynaGuide   *self);
GPtrArray    *myna_guide_get_steps              (MynaGuide   *self);
GPtrArray    *myna_guide_get_notes              (MynaGuide   *self);
GPtrArray    *myna_guide_get_routes             (MynaGuide   *self);
GPtrArray    *myna_guide_get_texts              (MynaGuide   *self);
GPtrArray    *myna_guide_get_sources            (MynaGuide   *self);
const MynaGuideRoute *myna_guide_find_route     (MynaGuide   *self,
                                                 MynaPinId    pin,
                                                 MynaGuidePlace place);

const char   *myna_guide_applicant_get_timing   (const MynaGuideApplicant *applicant);

const char   *myna_guide_place_get_label        (MynaGuidePlace     place);
const char   *myna_guide_place_to_string        (MynaGuidePlace     place);
const char   *myna_applicant_type_get_label     (MynaApplicantType  type);
const char   *myna_applicant_type_get_term      (MynaApplicantType  type);
const char   *myna_applicant_type_get_description (MynaApplicantType type);
const char   *myna_applicant_type_get_source    (MynaApplicantType  type);
const char   *myna_applicant_type_to_string     (MynaApplicantType  type);

GStrv         myna_guide_source_split           (const char        *source);

G_END_DECLS
