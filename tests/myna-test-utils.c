/* myna-test-utils.c
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

#include "config.h"

#include <glib/gstdio.h>

#include <signal.h>
#include <sys/prctl.h>

#include "myna-test-utils.h"

/* Children die with the test, even when an assertion aborts it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/**
 * myna_test_launcher_new:
 * @flags: flags for the subprocesses
 *
 * Returns: (transfer full): a launcher whose children are killed when the
 *   test process dies
 */
GSubprocessLauncher *
myna_test_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  return launcher;
}

/**
 * myna_test_run_env:
 * @env: (nullable): extra "NAME=VALUE" settings for the child
 * @input: (nullable): what to write on the child's standard input
 * @out: (out): its standard output
 * @err: (out): its standard error
 * @argv: the command
 *
 * Runs a command as a script would: no display, the C.UTF-8 locale.
 *
 * Returns: its exit status
 */
int
myna_test_run_env (const char * const *env,
                   const char         *input,
                   char              **out,
                   char              **err,
                   const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = g_strjoinv (" ", (char **) argv);

  launcher = myna_test_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, out, err, &error);
  g_assert_no_error (error);

  g_test_message ("$ %s\nexit %d\nstdout:\n%s\nstderr:\n%s", joined,
                  g_subprocess_get_exit_status (process), *out, *err);

  return g_subprocess_get_exit_status (process);
}

JsonObject *
myna_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/**
 * myna_test_find_by_id:
 * @root: a status document
 * @array: "pins" or "certificates"
 * @id: the id to look for
 *
 * Returns: (transfer none) (nullable): the member with that id
 */
JsonObject *
myna_test_find_by_id (JsonObject *root,
                      const char *array,
                      const char *id)
{
  JsonArray *items = json_object_get_array_member (root, array);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), id))
        return item;
    }

  return NULL;
}

/* The fingerprint as MynaCheck shows it, computed independently with GLib. */
char *
myna_test_sha256_colons (const guint8 *data,
                         gsize         length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *colons = g_string_new (NULL);
  const char *hex;

  g_checksum_update (checksum, data, length);
  hex = g_checksum_get_string (checksum);
  for (guint i = 0; hex[i] != '\0'; i += 2)
    g_string_append_printf (colons, "%s%c%c", i > 0 ? ":" : "",
                            g_ascii_toupper (hex[i]), g_ascii_toupper (hex[i + 1]));

  return g_string_free (colons, FALSE);
}

int
myna_test_run (const char         *input,
               char              **out,
               char              **err,
               const char * const *argv)
{
  return myna_test_run_env (NULL, input, out, err, argv);
}

/**
 * myna_test_make_private_home:
 *
 * A home directory of the test's own, with the XDG directories in it, and
 * GSettings writing to a file there: so that whatever the program writes
 * can be found. Call before GLib or GTK read any of these.
 *
 * Returns: (transfer full): the new home; myna_test_remove_tree() it
 */
char *
myna_test_make_private_home (void)
{
  static const char * const variables[] = { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME" };
  static const char * const directories[] = { ".config", ".cache", ".local/share", ".local/state" };
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("mynacheck-home-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *path = g_build_filename (home, directories[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (variables[i], path, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  return home;
}

/**
 * myna_test_remove_tree:
 * @path: a directory the test made
 *
 * Deletes @path and everything in it; symbolic links are removed, never
 * followed.
 */
void
myna_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        myna_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
