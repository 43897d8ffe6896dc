/* myna-guide-book.c
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

#include <gio/gio.h>

#include "myna-guide-book.h"
#include "myna-guide-book-private.h"
#include "myna-guide-private.h"
#include "myna-model-resources.h"

/*
 * All procedure guides, read from data/guides.xml (compiled in as a
 * resource). The file is the one source of truth: gettext extracts its
 * texts with the ITS rules in po/its/; myna-guide-book-parser.c checks it.
 */

#define GUIDES_RESOURCE RESOURCE_BASE_PATH "/guides.xml"

struct _MynaGuideBook
{
  GObject     parent_instance;

  GPtrArray  *guides;
  GPtrArray  *references; /* MynaGuideReference */
};

G_DEFINE_FINAL_TYPE (MynaGuideBook, myna_guide_book, G_TYPE_OBJECT)
G_DEFINE_QUARK (myna-guide-book-error-quark, myna_guide_book_error)


static void
myna_guide_book_finalize (GObject *object)
{
  MynaGuideBook *self = (MynaGuideBook *)object;

  g_clear_pointer (&self->guides, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);

  G_OBJECT_CLASS (myna_guide_book_parent_class)->finalize (object);
}

static void
myna_guide_book_class_init (MynaGuideBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_guide_book_finalize;
}

static void
myna_guide_book_init (MynaGuideBook *self)
{
  self->guides = g_ptr_array_new_with_free_func (g_object_unref);
  self->references = g_ptr_array_new_with_free_func ((GDestroyNotify) _myna_guide_reference_free);
}

/**
 * myna_guide_book_new_from_data:
 * @data: the text of a guides file
 * @length: its length, or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the guides, or %NULL when the file breaks the
 *   rules above
 */
MynaGuideBook *
myna_guide_book_new_from_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr(MynaGuideBook) self = g_object_new (MYNA_TYPE_GUIDE_BOOK, NULL);

  if (!_myna_guide_book_parse (self, self->guides, self->references, data, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * myna_guide_book_get_default:
 *
 * Returns: (transfer none): the guides that ship with MynaCheck
 */
MynaGuideBook *
myna_guide_book_get_default (void)
{
  static gsize book;

  if (g_once_init_enter (&book))
    {
      g_autoptr(GBytes) data = NULL;
      g_autoptr(GError) error = NULL;
      MynaGuideBook *loaded;

      data = g_resource_lookup_data (myna_model_get_resource (), GUIDES_RESOURCE,
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (data == NULL)
        g_error ("The guides are missing from the build: %s", error->message);

      loaded = myna_guide_book_new_from_data (g_bytes_get_data (data, NULL),
                                              g_bytes_get_size (data), &error);
      if (loaded == NULL)
        g_error ("The guides do not parse: %s", error->message);

      g_once_init_leave (&book, (gsize) loaded);
    }

  return (MynaGuideBook *) book;
}

/**
 * myna_guide_book_get_guides:
 * @self: a #MynaGuideBook
 *
 * Returns: (transfer none) (element-type MynaGuide): every guide, in order
 */
GPtrArray *
myna_guide_book_get_guides (MynaGuideBook *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE_BOOK (self), NULL);

  return self->guides;
}

/**
 * myna_guide_book_lookup:
 * @self: a #MynaGuideBook
 * @id: a guide id
 *
 * Returns: (transfer none) (nullable): the guide called @id
 */
MynaGuide *
myna_guide_book_lookup (MynaGuideBook *self,
                        const char    *id)
{
  g_return_val_if_fail (MYNA_IS_GUIDE_BOOK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->guides->len; i++)
    {
      MynaGuide *guide = g_ptr_array_index (self->guides, i);

      if (g_str_equal (myna_guide_get_id (guide), id))
        return guide;
    }

  return NULL;
}

/**
 * myna_guide_book_get_references:
 * @self: a #MynaGuideBook
 *
 * Returns: (transfer none) (element-type MynaGuideReference): the public
 *   pages cited by "#id", in order
 */
GPtrArray *
myna_guide_book_get_references (MynaGuideBook *self)
{
  g_return_val_if_fail (MYNA_IS_GUIDE_BOOK (self), NULL);

  return self->references;
}

/**
 * myna_guide_book_lookup_reference:
 * @self: a #MynaGuideBook
 * @citation: a citation, such as "#naha-konbini"
 *
 * Returns: (transfer none) (nullable): the reference @citation names, or
 *   %NULL when it names none (a seed page or a URL, for example)
 */
const MynaGuideReference *
myna_guide_book_lookup_reference (MynaGuideBook *self,
                                  const char    *citation)
{
  g_return_val_if_fail (MYNA_IS_GUIDE_BOOK (self), NULL);
  g_return_val_if_fail (citation != NULL, NULL);

  if (citation[0] != '#')
    return NULL;

  for (guint i = 0; i < self->references->len; i++)
    {
      const MynaGuideReference *reference = g_ptr_array_index (self->references, i);

      if (g_str_equal (reference->id, citation + 1))
        return reference;
    }

  return NULL;
}
