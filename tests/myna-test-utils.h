/* myna-test-utils.h
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

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

GSubprocessLauncher *myna_test_launcher_new (GSubprocessFlags flags);
int         myna_test_run_env       (const char * const *env,
                                     const char         *input,
                                     char              **out,
                                     char              **err,
                                     const char * const *argv);
int         myna_test_run           (const char         *input,
                                     char              **out,
                                     char              **err,
                                     const char * const *argv);
JsonObject *myna_test_parse_json    (const char         *text);
JsonObject *myna_test_find_by_id    (JsonObject         *root,
                                     const char         *array,
                                     const char         *id);
char       *myna_test_sha256_colons (const guint8       *data,
                                     gsize               length);
char       *myna_test_make_private_home (void);
void        myna_test_remove_tree   (const char         *path);

G_END_DECLS
