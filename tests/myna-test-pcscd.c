/* myna-test-pcscd.c
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

#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "myna-pcsc.h"
#include "myna-test-pcscd.h"
#include "myna-test-utils.h"

/*
 * A real pcscd with the vsmartcard vpcd driver, and MynaCheck's virtual
 * card behind it, for end-to-end tests.
 *
 * pcscd 1.9 always listens on /run/pcscd/pcscd.comm, so the test program
 * first moves into a mount namespace of its own with a private tmpfs
 * there. Its pcscd, and every client it starts, meet in that namespace; a
 * pcscd the machine may run is not touched. Each pcscd and card started
 * here is stopped by its own PID.
 */

#define PCSCD           "/usr/sbin/pcscd"
#define VPCD_DRIVER     "/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
#define PKCS15_TOOL     "/usr/bin/pkcs15-tool"
#define WAIT_SECONDS    15

static char *skip_reason;
static char *work_dir;
static guint16 vpcd_port;

static gboolean
isolate_pcscd (char **reason)
{
  if (geteuid () != 0)
    {
      *reason = g_strdup ("needs root, to give pcscd a private /run/pcscd (run the README's test command as root)");
      return FALSE;
    }
  if (!g_file_test (PCSCD, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (VPCD_DRIVER, G_FILE_TEST_EXISTS))
    {
      *reason = g_strdup ("needs the Debian packages pcscd and vsmartcard-vpcd");
      return FALSE;
    }
  if (unshare (CLONE_NEWNS) != 0)
    {
      *reason = g_strdup_printf ("cannot make a mount namespace: %s", g_strerror (errno));
      return FALSE;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      *reason = g_strdup_printf ("cannot make mounts private: %s", g_strerror (errno));
      return FALSE;
    }
  g_mkdir_with_parents ("/run/pcscd", 0755);
  if (mount ("tmpfs", "/run/pcscd", "tmpfs", 0, "mode=0755") != 0)
    {
      *reason = g_strdup_printf ("cannot mount a tmpfs on /run/pcscd: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
port_free (guint16 port)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

  return socket != NULL && g_socket_bind (socket, address, FALSE, NULL);
}

/* vpcd's port (35963) and the next one, or the first free pair after. */
static guint16
pick_port (void)
{
  for (guint16 port = 35963; port < 35963 + 200; port += 2)
    {
      if (port_free (port) && port_free (port + 1))
        return port;
    }

  g_error ("No two free TCP ports near 35963");
}

gboolean
myna_test_pcscd_wait_until (gboolean (*condition) (gpointer),
                            gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }

  return TRUE;
}

static gboolean
service_up (gpointer data)
{
  g_autoptr(GPtrArray) readers = myna_pcsc_get_readers (NULL);

  return readers != NULL;
}

static gboolean
service_down (gpointer data)
{
  return !service_up (data);
}

typedef struct
{
  const char *reader;
  gboolean    present;
} CardWait;

static gboolean
card_is (gpointer data)
{
  CardWait *wait = data;
  g_autoptr(GPtrArray) readers = myna_pcsc_get_readers (NULL);

  if (readers == NULL)
    return FALSE;

  for (guint i = 0; i < readers->len; i++)
    {
      MynaReaderInfo *info = g_ptr_array_index (readers, i);

      if (g_str_equal (info->name, wait->reader))
        return info->card_present == wait->present;
    }

  return FALSE;
}

void
myna_test_pcscd_start (MynaTestPcscd *harness,
                       gboolean       with_vpcd)
{
  g_autofree char *conf_dir = g_build_filename (work_dir, with_vpcd ? "conf-vpcd" : "conf-empty", NULL);
  g_autofree char *log = g_build_filename (work_dir, "pcscd.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (harness->pcscd);

  g_mkdir_with_parents (conf_dir, 0755);
  if (with_vpcd)
    {
      g_autofree char *conf = g_build_filename (conf_dir, "vpcd", NULL);
      g_autofree char *text = g_strdup_printf ("FRIENDLYNAME \"Virtual PCD\"\n"
                                               "DEVICENAME   /dev/null:0x%04X\n"
                                               "LIBPATH      %s\n"
                                               "CHANNELID    0x%04X\n",
                                               vpcd_port, VPCD_DRIVER, vpcd_port);

      g_file_set_contents (conf, text, -1, &error);
      g_assert_no_error (error);
    }

  launcher = myna_test_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_take_stderr_fd (launcher, dup (STDERR_FILENO));
  harness->pcscd = g_subprocess_launcher_spawn (launcher, &error, PCSCD, "--foreground",
                                                "--config", conf_dir, NULL);
  g_assert_no_error (error);

  g_assert_true (myna_test_pcscd_wait_until (service_up, NULL));
}

static void
stop_process (GSubprocess **process)
{
  g_autoptr(GError) error = NULL;

  if (*process == NULL)
    return;

  /* Exactly the process this harness started. */
  g_subprocess_send_signal (*process, SIGTERM);
  g_subprocess_wait (*process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (process);
}

void
myna_test_pcscd_stop (MynaTestPcscd *harness)
{
  stop_process (&harness->pcscd);
  g_assert_true (myna_test_pcscd_wait_until (service_down, NULL));
}

void
myna_test_pcscd_insert_card (MynaTestPcscd *harness,
                             guint          slot,
                             const char    *scenario,
                             const char    *extra_argument)
{
  g_autoptr(GSubprocessLauncher) launcher = myna_test_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *port = g_strdup_printf ("%u", vpcd_port + slot);
  CardWait wait = { slot == 0 ? MYNA_TEST_READER_0 : MYNA_TEST_READER_1, TRUE };

  g_assert_null (harness->cards[slot]);

  g_free (harness->stats[slot]);
  harness->stats[slot] = g_strdup_printf ("%s/stats-%u.json", work_dir, slot);
  harness->cards[slot] = g_subprocess_launcher_spawn (launcher, &error,
                                                      g_getenv ("MYNACHECK_VIRTUAL_CARD"),
                                                      "--scenario", scenario,
                                                      "--port", port,
                                                      "--stats", harness->stats[slot],
                                                      extra_argument, NULL);
  g_assert_no_error (error);

  g_assert_true (myna_test_pcscd_wait_until (card_is, &wait));
}

void
myna_test_pcscd_remove_card (MynaTestPcscd *harness,
                             guint          slot)
{
  CardWait wait = { slot == 0 ? MYNA_TEST_READER_0 : MYNA_TEST_READER_1, FALSE };

  stop_process (&harness->cards[slot]);
  if (harness->pcscd != NULL)
    g_assert_true (myna_test_pcscd_wait_until (card_is, &wait));
}

JsonObject *
myna_test_pcscd_read_stats (MynaTestPcscd *harness,
                            guint          slot)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (harness->stats[slot], &text, NULL, &error);
  g_assert_no_error (error);

  return myna_test_parse_json (text);
}

typedef struct
{
  MynaTestPcscd    *harness;
  const char *key;
  gint64      at_least;
} StatWait;

static gboolean
stat_reached (gpointer data)
{
  StatWait *wait = data;
  g_autoptr(JsonObject) stats = myna_test_pcscd_read_stats (wait->harness, 0);

  return json_object_get_int_member (stats, wait->key) >= wait->at_least;
}

/* The card hears of a power-down after pcscd has answered the client, so
 * give it a moment to count it. */
void
myna_test_pcscd_wait_for_stat (MynaTestPcscd *harness,
                               const char    *key,
                               gint64         at_least)
{
  StatWait wait = { harness, key, at_least };

  g_assert_true (myna_test_pcscd_wait_until (stat_reached, &wait));
}

/**
 * myna_test_pcscd_init:
 *
 * Moves the process into its own mount namespace. Call it first thing in
 * main(), before GLib starts a thread: the namespace is per thread.
 *
 * Returns: (nullable): why the tests must be skipped, or %NULL
 */
const char *
myna_test_pcscd_init (void)
{
  g_autoptr(GError) error = NULL;

  if (!isolate_pcscd (&skip_reason))
    {
      g_printerr ("# pcscd tests skipped: %s\n", skip_reason);
      return skip_reason;
    }

  work_dir = g_dir_make_tmp ("mynacheck-pcscd-XXXXXX", &error);
  g_assert_no_error (error);
  vpcd_port = pick_port ();

  return NULL;
}

void
myna_test_pcscd_cleanup (void)
{
  if (work_dir != NULL)
    myna_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
}

const char *
myna_test_pcscd_skip_reason (void)
{
  return skip_reason;
}

const char *
myna_test_pcscd_work_dir (void)
{
  return work_dir;
}

/**
 * myna_test_pcscd_stop_all:
 *
 * Stops every card and the pcscd this harness started.
 */
void
myna_test_pcscd_stop_all (MynaTestPcscd *harness)
{
  for (guint i = 0; i < G_N_ELEMENTS (harness->cards); i++)
    {
      stop_process (&harness->cards[i]);
      g_clear_pointer (&harness->stats[i], g_free);
    }
  stop_process (&harness->pcscd);
}
