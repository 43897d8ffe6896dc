/* myna-virtual-scenarios.c
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

#define G_LOG_DOMAIN "mynacheck-virtual"

#include "config.h"

#include <glib/gi18n.h>

#include "myna-virtual-scenarios.h"

/*
 * The demo cards, one per thing a user may find on a real card. Dates are
 * relative to today, so that the demo never goes stale; the holder is
 * born on the day the certificates end (they run to a birthday, seed 000).
 */

#define NO_PIN MYNA_VIRTUAL_NO_PIN

/* A My Number card with every application: JPKI, card-info input
 * support, the resident registry (…0401) and the common one (…0100). */
#define MY_NUMBER_CARD \
  .token = "JPKIAPICCTOKEN2", \
  .with_auth = TRUE, \
  .card_info_application = TRUE, \
  .juki_application = TRUE, \
  .common_application = TRUE

static const MynaVirtualScenario scenarios[] = {
  {
    .id = "valid",
    .description = N_("All tries left; certificates valid for years"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 3, 5, 3, 3 },
    .issued_days_ago = 400, .expires_in_days = 1420, .holder_age = 41,
  },
  {
    .id = "pin-blocked",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    .description = N_("Some tries spent; the signing password is locked"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 2, 0, 1, 3 },
    .issued_days_ago = 700, .expires_in_days = 1120, .holder_age = 35,
  },
  {
    .id = "auth-blocked",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    .description = N_("The user authentication PIN is locked, as on a face-recognition card"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 0, 5, 3, 3 },
    .issued_days_ago = 300, .expires_in_days = 1500, .holder_age = 70,
  },
  {
    .id = "both-locked",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    .description = N_("The user authentication PIN and the signing password are both locked"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 0, 0, 3, 3 },
    .issued_days_ago = 500, .expires_in_days = 1300, .holder_age = 44,
  },
  {
    .id = "last-try",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    .description = N_("The signing password has one try left"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 3, 1, 3, 3 },
    .issued_days_ago = 900, .expires_in_days = 920, .holder_age = 52,
  },
  {
    .id = "renewal",
    .description = N_("Certificates expire in 45 days: renewal is open"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 3, 5, 3, 3 },
    .issued_days_ago = 1780, .expires_in_days = 45, .holder_age = 67,
  },
  {
    .id = "under-18",
    .description = N_("Issued at 15: the card and its certificates expire together in 45 days"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 3, 5, 3, 3 },
    .issued_days_ago = 1780, .expires_in_days = 45, .holder_age = 20,
  },
  {
    .id = "stay-ends",
    .description = N_("A foreign resident's card: it and its certificates end with the period of stay in 60 days"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 3, 5, 3, 3 },
    .issued_days_ago = 670, .expires_in_days = 60, .holder_age = 31,
  },
  {
    .id = "expired",
    .description = N_("Certificates expired 20 days ago"),
    MY_NUMBER_CARD,
    .with_sign = TRUE,
    .tries = { 3, 5, 3, 3 },
    .issued_days_ago = 1845, .expires_in_days = -20, .holder_age = 73,
  },
  {
    .id = "no-signing",
    .description = N_("A child's card: no signing certificate"),
    MY_NUMBER_CARD,
    .with_sign = FALSE,
    .tries = { 3, NO_PIN, 3, 3 },
    .issued_days_ago = 200, .expires_in_days = 1600, .holder_age = 12,
  },
  {
    /* Certificates of a Basic Resident Registration card ended in 2015:
     * the last ones issued ran three years. Only the signing certificate
     * and the resident registry PIN, kept by the common application. */
    .id = "juki",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    .description = N_("An old Basic Resident Registration card (住基カード)"),
    .token = "JPKIAPICCTOKEN",
    .with_auth = FALSE,
    .with_sign = TRUE,
    .juki_application = TRUE,
    .common_application = TRUE,
    .juki_pin_in_common_only = TRUE,
    .tries = { NO_PIN, 5, NO_PIN, 3 },
    .holder_age = 60,
    .fixed_not_before = { 2015, 3, 10 },
    .fixed_not_after = { 2018, 3, 9 },
  },
  {
    .id = "not-my-number",
    .description = N_("A card that is not a My Number card"),
    .token = NULL,
    .tries = { NO_PIN, NO_PIN, NO_PIN, NO_PIN },
  },
};

/**
 * myna_virtual_scenarios_get:
 * @n_scenarios: (out): the number of scenarios
 *
 * Returns: (transfer none) (array length=n_scenarios): every scenario
 */
const MynaVirtualScenario *
myna_virtual_scenarios_get (guint *n_scenarios)
{
  g_return_val_if_fail (n_scenarios != NULL, NULL);

  *n_scenarios = G_N_ELEMENTS (scenarios);

  return scenarios;
}

/**
 * myna_virtual_scenario_find:
 * @id: a scenario id
 *
 * Returns: (nullable) (transfer none): the scenario, or %NULL if there is
 *   none of that id
 */
const MynaVirtualScenario *
myna_virtual_scenario_find (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      if (g_str_equal (scenarios[i].id, id))
        return &scenarios[i];
    }

  return NULL;
}

/**
 * myna_virtual_scenario_describe:
 * @id: a scenario id
 *
 * Returns: (nullable): the translated description of @id
 */
const char *
myna_virtual_scenario_describe (const char *id)
{
  const MynaVirtualScenario *found = myna_virtual_scenario_find (id);

  return found != NULL ? _(found->description) : NULL;
}

/**
 * myna_virtual_scenarios_list:
 *
 * Returns: (transfer full): one line per scenario, id and description
 */
char *
myna_virtual_scenarios_list (void)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    g_string_append_printf (str, "  %-14s %s\n", scenarios[i].id, _(scenarios[i].description));

  return g_string_free (str, FALSE);
}
