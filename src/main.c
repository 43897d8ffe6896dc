/* main.c
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

#define G_LOG_DOMAIN "mynacheck"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "myna-application.h"
#include "myna-cli.h"
#include "myna-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MynaOptions) options = myna_options_new ();
  g_autoptr(MynaApplication) app = NULL;
  int status;

#ifdef __linux__
  /* A core dump would write PINs and personal data to disk. */
  prctl (PR_SET_DUMPABLE, 0);
#endif

  /* An uninstalled build finds its catalogs in the build directory. */
  myna_i18n_init (g_getenv ("MYNACHECK_LOCALEDIR") != NULL ? g_getenv ("MYNACHECK_LOCALEDIR") : LOCALEDIR);

  status = myna_options_parse (options, argc, argv);
  if (status >= 0)
    return status;

  if (options->language != NULL)
    myna_i18n_set_language (options->language);

  /* --status never opens a display, so it works over SSH and in scripts.
   * Its standard output is the report; traces go to standard error. */
  if (options->status)
    {
      g_log_writer_default_set_use_stderr (TRUE);
      return myna_cli_run_status (options);
    }
  if (options->change_pin != NULL)
    {
      g_log_writer_default_set_use_stderr (TRUE);
      return myna_cli_run_change_pin (options);
    }

  /* The locale is set: GTK must not set it again, or a machine without
   * LANG would be back in C, where gettext ignores LANGUAGE. */
  gtk_disable_setlocale ();
  myna_application_prepare_environment (options->kiosk);
  app = g_object_new (MYNA_TYPE_APPLICATION,
                      "demo-scenario", options->demo,
                      "reader", options->reader,
                      "language", options->language,
                      "kiosk-option", options->kiosk,
                      "help-desk-option", options->help_desk,
                      NULL);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}
