/* myna-guide-book.h
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

#include "myna-guide.h"

G_BEGIN_DECLS

#define MYNA_TYPE_GUIDE_BOOK (myna_guide_book_get_type ())
#define MYNA_GUIDE_BOOK_ERROR (myna_guide_book_error_quark ())

G_DECLARE_FINAL_TYPE (MynaGuideBook, myna_guide_book, MYNA, GUIDE_BOOK, GObject)

typedef enum
{
  MYNA_GUIDE_BOOK_ERROR_INVALID,
} MynaGuideBookError;

GQuark         myna_guide_book_error_quark   (void);
MynaGuideBook *myna_guide_book_get_default   (void);
MynaGuideBook *myna_guide_book_new_from_data (const char    *data,
                                              gssize         length,
                                              GError       **error);
GPtrArray     *myna_guide_book_get_guides    (MynaGuideBook *self);
MynaGuide     *myna_guide_book_lookup        (MynaGuideBook *self,
                                              const char    *id);
GPtrArray     *myna_guide_book_get_references (MynaGuideBook *self);
const MynaGuideReference *
               myna_guide_book_lookup_reference (MynaGuideBook *self,
                                                 const char    *citation);

G_END_DECLS
