/* bench-memory.c
 *
 * Copyright 2026 The MynaCheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the process's memory is made of now, from /proc/self/smaps, for
 * bench/run: one line
 *
 *   memory KIND=RSS/PRIVATE … (KiB)
 *
 * and with MYNACHECK_BENCH_MAPPINGS=KIND, before it, each mapping of that
 * kind with 256 KiB or more resident.
 *
 * where PRIVATE is what no other process can share: anonymous memory and
 * the pages of file mappings this process wrote to. Font files, libraries
 * and the icon cache are mapped by every program on the desktop; the
 * bench counts them apart.
 */

#include "bench-memory.h"

#include <stdio.h>
#include <string.h>

static const char *
kind_of_mapping (const char *path)
{
  if (path[0] == '\0' || path[0] == '[')
    return g_str_equal (path, "[heap]") || path[0] == '\0' ? "anonymous" : "other";
  if (g_str_has_suffix (path, ".ttf") || g_str_has_suffix (path, ".ttc") || g_str_has_suffix (path, ".otf") ||
      strstr (path, "fontconfig") != NULL)
    return "fonts";
  if (strstr (path, ".so") != NULL)
    return "libraries";
  return "other";
}

void
bench_print_memory (void)
{
  g_autoptr(GHashTable) rss = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) private = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *kind = "other";
  const char *path = "";
  gint64 anonymous = 0, private_dirty = 0;
  const char * const kinds[] = { "anonymous", "libraries", "fonts", "other" };

  if (!g_file_get_contents ("/proc/self/smaps", &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gint64 kib;
      unsigned long start, end;

      if (sscanf (line, "%lx-%lx ", &start, &end) == 2)
        {
          /* "start-end perms offset dev inode   path": the path is the
           * sixth field, and may hold spaces. */
          path = line;
          for (guint field = 0; field < 5 && path != NULL; field++)
            {
              path = strchr (path, ' ');
              if (path != NULL)
                while (*path == ' ')
                  path++;
            }
          if (path == NULL)
            path = "";
          kind = kind_of_mapping (path);
          anonymous = private_dirty = 0;
          continue;
        }

      if (sscanf (line, "Rss: %" G_GINT64_FORMAT " kB", &kib) == 1 && kib >= 256 &&
          g_strcmp0 (g_getenv ("MYNACHECK_BENCH_MAPPINGS"), kind) == 0)
        printf ("mapping %s %" G_GINT64_FORMAT " KiB %s\n", kind, kib, path);
      if (sscanf (line, "Rss: %" G_GINT64_FORMAT " kB", &kib) == 1)
        g_hash_table_insert (rss, (gpointer) kind,
                             GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (rss, kind)) + (int) kib));
      else if (sscanf (line, "Anonymous: %" G_GINT64_FORMAT " kB", &kib) == 1)
        anonymous = kib;
      else if (sscanf (line, "Private_Dirty: %" G_GINT64_FORMAT " kB", &kib) == 1)
        private_dirty = kib;
      else if (g_str_has_prefix (line, "VmFlags:"))
        /* The last line of a mapping. Copy-on-write pages of a file
         * mapping are both anonymous and dirty: counted once. */
        g_hash_table_insert (private, (gpointer) kind,
                             GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (private, kind)) +
                                              (int) MAX (anonymous, private_dirty)));
    }

  printf ("memory");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    printf (" %s=%d/%d", kinds[i], GPOINTER_TO_INT (g_hash_table_lookup (rss, kinds[i])),
            GPOINTER_TO_INT (g_hash_table_lookup (private, kinds[i])));
  printf ("\n");
  fflush (stdout);
}
