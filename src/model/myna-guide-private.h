/* myna-guide-private.h
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

#include "myna-guide.h"

G_BEGIN_DECLS

struct _MynaGuide
{
  GObject        parent_instance;

  char          *id;
  gboolean       urgent;
  gboolean       hotlines;
  MynaGuideText  title;
  MynaGuideText  summary;
  GPtrArray     *wheres;     /* MynaGuideWhere */
  GPtrArray     *fees;       /* MynaGuideText */
  GPtrArray     *applicants; /* MynaGuideApplicant */
  GPtrArray     *steps;      /* MynaGuideText */
  GPtrArray     *notes;      /* MynaGuideText */
  GPtrArray     *routes;     /* MynaGuideRoute */
};

MynaGuide          *_myna_guide_new            (const char *id);
MynaGuideText      *_myna_guide_text_new       (void);
void                _myna_guide_text_clear     (MynaGuideText *text);
void                _myna_guide_text_free      (MynaGuideText *text);
MynaGuideWhere     *_myna_guide_where_new      (MynaGuidePlace place);
MynaGuideApplicant *_myna_guide_applicant_new  (MynaApplicantType type);
MynaGuideRoute     *_myna_guide_route_new      (void);
gboolean            _myna_guide_place_from_string (const char     *str,
                                                   MynaGuidePlace *place);
gboolean            _myna_applicant_type_from_string (const char        *str,
                                                      MynaApplicantType *type);

G_END_DECLS
