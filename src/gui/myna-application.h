/* myna-application.h
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

#include <adwaita.h>

#include "myna-card-manager.h"
#include "myna-kiosk.h"

G_BEGIN_DECLS

#define MYNA_TYPE_APPLICATION (myna_application_get_type ())

G_DECLARE_FINAL_TYPE (MynaApplication, myna_application, MYNA, APPLICATION, AdwApplication)

void             myna_application_prepare_environment (gboolean        kiosk_option);
const char      *myna_application_choose_renderer   (const char      *dri_dir);
gboolean         myna_application_draws_in_software (void);
MynaApplication *myna_application_new              (const char      *demo_scenario);
MynaCardManager *myna_application_get_manager       (MynaApplication *self);
void             myna_application_set_manager       (MynaApplication *self,
                                                     MynaCardManager *manager);
gboolean         myna_application_open_demo         (MynaApplication *self,
                                                     const char      *scenario,
                                                     GError         **error);
void             myna_application_leave_demo        (MynaApplication *self);
GSettings       *myna_application_get_settings      (MynaApplication *self);
MynaKiosk       *myna_application_get_kiosk         (MynaApplication *self);
gboolean         myna_application_get_signing_allowed (MynaApplication *self);
gboolean         myna_application_get_pin_change_allowed (MynaApplication *self);
gboolean         myna_application_get_help_desk     (MynaApplication *self);
void             myna_application_set_help_desk     (MynaApplication *self,
                                                     gboolean         help_desk);

G_END_DECLS
