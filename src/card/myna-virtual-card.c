/* myna-virtual-card.c
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
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "myna-apdu.h"
#include "myna-card-error.h"
#include "myna-clock.h"
#include "myna-jpki.h"
#include "myna-pin.h"
#include "myna-virtual-card.h"
#include "myna-virtual-certs.h"

/*
 * A My Number card in software. It answers like the real card as the
 * reference describes it: SELECT by AID and by EF (P2 = 0C), READ BINARY
 * with offsets, short EF identifiers and extended length, VERIFY with and
 * without data and its try counters, 6982 for the signing certificate
 * before the password, 6A82, 6B00, 6984 and 6D00.
 *
 * It serves the unit tests and `--demo` in process, and the end-to-end
 * tests behind a real pcscd through the vpcd bridge. It counts APDUs and
 * spent tries, so a test can check that a status read spent none.
 */

/* The contact ATR that OpenSC's JPKI driver knows (reference §7.1). */
static const guint8 my_number_atr[] = { 0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14 };
/* An ISO 14443 storage card, for "not a My Number card". */
static const guint8 other_card_atr[] = {
  0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06,
  0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x6A
};

#define DEMO_AUTH_PIN      "1234"
#define DEMO_SIGN_PASSWORD "MYNA2026"
#define DEMO_OTHER_PIN     "1234"

typedef enum
{
  FILE_BINARY,
  FILE_PIN,
  FILE_KEY,
} FileKind;

typedef struct _VirtualFile VirtualFile;

struct _VirtualFile
{
  guint16      fid;
  FileKind     kind;
  GBytes      *content;   /* FILE_BINARY */
  VirtualFile *guard;     /* the PIN that must be verified first, if any */
  EVP_PKEY    *key;       /* FILE_KEY, borrowed */
  MynaPinId    pin_id;    /* FILE_PIN */
  char        *pin_value;
  int          remaining;
  int          max_tries;
  gboolean     verified;
};

typedef struct
{
  guint8     aid[MYNA_AID_LENGTH];
  GPtrArray *files;
} VirtualApplication;

struct _MynaVirtualCard
{
  GObject             parent_instance;

  char               *scenario;
  GBytes             *atr;
  GPtrArray          *applications;
  MynaVirtualCerts    certs;
  MynaVirtualQuirks   quirks;

  VirtualApplication *current_application;
  VirtualFile        *current_file;
  GBytes             *pending;        /* what GET RESPONSE still has to send */
  gsize               pending_offset;

  /* The demo card is used by the window's card thread and, in the
   * diagnostics, by another: the lock keeps its state whole, and the
   * transaction lock lets one reader at a time through, as pcscd does. */
  GMutex              lock;
  GRecMutex           transaction;
  guint               power_cycle;    /* counts power-ups */

  guint               powered : 1;
  guint               fresh_power : 1;
  guint               apdu_count;
  guint               tries_spent;
  guint               verify_count;
  guint               power_down_count;
};

G_DEFINE_FINAL_TYPE (MynaVirtualCard, myna_virtual_card, G_TYPE_OBJECT)

/* Tries left per PIN; NONE for a PIN the card does not have. */
#define NONE (-1)

typedef struct
{
  const char *id;
  const char *description;
  const char *token;           /* NULL: no JPKI application at all */
  int         tries[MYNA_N_PINS];
  gboolean    with_auth;
  gboolean    with_sign;
  gboolean    card_info_application;
  gboolean    juki_application;    /* …0401 */
  gboolean    common_application;  /* …0100 */
  gboolean    juki_pin_in_common_only; /* …0401 without its PIN EF */
  int         issued_days_ago;
  int         expires_in_days;
  int         holder_age;
  int         fixed_not_before[3]; /* instead of the relative dates, if set */
  int         fixed_not_after[3];
} Scenario;

static const Scenario scenarios[] = {
  {
    "valid",
    N_("All tries left; certificates valid for years"),
    "JPKIAPICCTOKEN2", { 3, 5, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    400, 1420, 41,
  },
  {
    "pin-blocked",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    N_("Some tries spent; the signing password is locked"),
    "JPKIAPICCTOKEN2", { 2, 0, 1, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    700, 1120, 35,
  },
  {
    "auth-blocked",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    N_("The user authentication PIN is locked, as on a face-recognition card"),
    "JPKIAPICCTOKEN2", { 0, 5, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    300, 1500, 70,
  },
  {
    "both-locked",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    N_("The user authentication PIN and the signing password are both locked"),
    "JPKIAPICCTOKEN2", { 0, 0, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    500, 1300, 44,
  },
  {
    "last-try",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    N_("The signing password has one try left"),
    "JPKIAPICCTOKEN2", { 3, 1, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    900, 920, 52,
  },
  {
    "renewal",
    N_("Certificates expire in 45 days: renewal is open"),
    "JPKIAPICCTOKEN2", { 3, 5, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    1780, 45, 67,
  },
  {
    "under-18",
    N_("Issued at 15: the card and its certificates expire together in 45 days"),
    "JPKIAPICCTOKEN2", { 3, 5, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    1780, 45, 20,
  },
  {
    "stay-ends",
    N_("A foreign resident's card: it and its certificates end with the period of stay in 60 days"),
    "JPKIAPICCTOKEN2", { 3, 5, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    670, 60, 31,
  },
  {
    "expired",
    N_("Certificates expired 20 days ago"),
    "JPKIAPICCTOKEN2", { 3, 5, 3, 3 },
    TRUE, TRUE, TRUE, TRUE, TRUE, FALSE,
    1845, -20, 73,
  },
  {
    "no-signing",
    N_("A child's card: no signing certificate"),
    "JPKIAPICCTOKEN2", { 3, NONE, 3, 3 },
    TRUE, FALSE, TRUE, TRUE, TRUE, FALSE,
    200, 1600, 12,
  },
  {
    "juki",
    /* Translators: PIN, certificate and card names as in po/glossary.json. */
    N_("An old Basic Resident Registration card (住基カード)"),
    "JPKIAPICCTOKEN", { NONE, 5, NONE, 3 },
    FALSE, TRUE, FALSE, TRUE, TRUE, TRUE,
    0, 0, 60,
    { 2015, 3, 10 }, { 2018, 3, 9 },
  },
  {
    "not-my-number",
    N_("A card that is not a My Number card"),
    NULL, { NONE, NONE, NONE, NONE },
    FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
    0, 0, 0,
  },
};

static const Scenario *
find_scenario (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      if (g_str_equal (scenarios[i].id, id))
        return &scenarios[i];
    }

  return NULL;
}

/**
 * myna_virtual_card_get_scenarios:
 * @n_scenarios: (out): the number of scenarios
 *
 * Returns: (transfer none) (array length=n_scenarios): every scenario
 */
const MynaVirtualScenario *
myna_virtual_card_get_scenarios (guint *n_scenarios)
{
  static MynaVirtualScenario list[G_N_ELEMENTS (scenarios)];

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      list[i].id = scenarios[i].id;
      list[i].description = scenarios[i].description;
    }

  *n_scenarios = G_N_ELEMENTS (list);

  return list;
}

/**
 * myna_virtual_card_describe_scenario:
 * @scenario: a scenario id
 *
 * Returns: (nullable): the translated description of @scenario
 */
const char *
myna_virtual_card_describe_scenario (const char *scenario)
{
  const Scenario *found = find_scenario (scenario);

  return found != NULL ? _(found->description) : NULL;
}

/**
 * myna_virtual_card_list_scenarios:
 *
 * Returns: (transfer full): one line per scenario, id and description
 */
char *
myna_virtual_card_list_scenarios (void)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    g_string_append_printf (str, "  %-14s %s\n", scenarios[i].id, _(scenarios[i].description));

  return g_string_free (str, FALSE);
}

static void
virtual_file_free (VirtualFile *file)
{
  g_clear_pointer (&file->content, g_bytes_unref);
  myna_secret_free (file->pin_value);
  g_free (file);
}

static void
virtual_application_free (VirtualApplication *application)
{
  g_ptr_array_unref (application->files);
  g_free (application);
}

static VirtualApplication *
add_application (MynaVirtualCard *self,
                 const guint8    *aid)
{
  VirtualApplication *application = g_new0 (VirtualApplication, 1);

  memcpy (application->aid, aid, MYNA_AID_LENGTH);
  application->files = g_ptr_array_new_with_free_func ((GDestroyNotify) virtual_file_free);
  g_ptr_array_add (self->applications, application);

  return application;
}

static VirtualFile *
add_binary (VirtualApplication *application,
            guint16             fid,
            GBytes             *content,
            VirtualFile        *guard)
{
  VirtualFile *file = g_new0 (VirtualFile, 1);

  file->fid = fid;
  file->kind = FILE_BINARY;
  file->content = g_bytes_ref (content);
  file->guard = guard;
  g_ptr_array_add (application->files, file);

  return file;
}

static VirtualFile *
add_pin (VirtualApplication *application,
         guint16             fid,
         MynaPinId           id,
         const char         *value,
         int                 remaining)
{
  VirtualFile *file = g_new0 (VirtualFile, 1);

  file->fid = fid;
  file->kind = FILE_PIN;
  file->pin_id = id;
  file->pin_value = g_strdup (value);
  file->max_tries = myna_pin_get_max_tries (id);
  file->remaining = remaining;
  g_ptr_array_add (application->files, file);

  return file;
}

static void
add_key (VirtualApplication *application,
         guint16             fid,
         EVP_PKEY           *key,
         VirtualFile        *guard)
{
  VirtualFile *file = g_new0 (VirtualFile, 1);

  file->fid = fid;
  file->kind = FILE_KEY;
  file->key = key;
  file->guard = guard;
  g_ptr_array_add (application->files, file);
}

/* Certificate EFs are larger than the certificate, as on the card: readers
 * must take the length from the DER header (reference §4.3). */
static GBytes *
padded_file (GBytes *content)
{
  gsize size = g_bytes_get_size (content);
  gsize padded = MAX (2048, (size + 255) / 256 * 256);
  guint8 *data = g_malloc0 (padded);

  memcpy (data, g_bytes_get_data (content, NULL), size);

  return g_bytes_new_take (data, padded);
}

static GBytes *
token_info (const char *label)
{
  /* A 160-byte CK_TOKEN_INFO whose first 32 bytes are the space-padded
   * label (reference §2.1). */
  guint8 *data = g_malloc0 (160);

  memset (data, ' ', 32 + 32 + 16 + 16);
  memcpy (data, label, strlen (label));
  memcpy (data + 32, "JPKI", 4);
  memcpy (data + 64, "IC CARD", 7);

  return g_bytes_new_take (data, 160);
}

static char *
era_birth_date (GDate *birth)
{
  /* Era digit, then Gregorian YYYYMMDD (reference §5.4): 3 Shōwa, 4 Heisei,
   * 5 Reiwa. */
  GDate heisei, reiwa;
  int era;

  g_date_set_dmy (&heisei, 8, G_DATE_JANUARY, 1989);
  g_date_set_dmy (&reiwa, 1, G_DATE_MAY, 2019);

  if (g_date_compare (birth, &reiwa) >= 0)
    era = 5;
  else if (g_date_compare (birth, &heisei) >= 0)
    era = 4;
  else
    era = 3;

  return g_strdup_printf ("%d%04d%02d%02d", era, g_date_get_year (birth),
                          g_date_get_month (birth), g_date_get_day (birth));
}

static gboolean
build_card (MynaVirtualCard  *self,
            const Scenario   *scenario,
            GError          **error)
{
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GDateTime) not_before = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *birth_date = NULL;
  MynaVirtualCertSpec spec = { 0 };
  VirtualApplication *jpki;
  VirtualFile *auth_pin = NULL;
  VirtualFile *sign_pin = NULL;
  GDate birth;
  guint8 availability[3] = { 0x00, 0x8F, 0x00 };

  if (scenario->token == NULL)
    {
      self->atr = g_bytes_new_static (other_card_atr, sizeof other_card_atr);
      return TRUE;
    }

  self->atr = g_bytes_new_static (my_number_atr, sizeof my_number_atr);

  if (scenario->fixed_not_after[0] != 0)
    {
      not_before = myna_clock_date_jst (scenario->fixed_not_before[0], scenario->fixed_not_before[1],
                                        scenario->fixed_not_before[2], 10, 0, 0);
      not_after = myna_clock_date_jst (scenario->fixed_not_after[0], scenario->fixed_not_after[1],
                                       scenario->fixed_not_after[2], 23, 59, 59);
    }
  else
    {
      g_autoptr(GDateTime) issued = g_date_time_add_days (now, -scenario->issued_days_ago);

      not_before = myna_clock_date_jst (g_date_time_get_year (issued),
                                        g_date_time_get_month (issued),
                                        g_date_time_get_day_of_month (issued), 10, 0, 0);
      not_after = g_date_time_add_days (now, scenario->expires_in_days);
    }

  /* A certificate runs to a birthday (seed 000), so the holder is born on
   * the month and day it ends. */
  g_date_set_dmy (&birth, 1, g_date_time_get_month (not_after),
                  g_date_time_get_year (not_after) - scenario->holder_age);
  g_date_set_day (&birth, MIN (g_date_time_get_day_of_month (not_after),
                               g_date_get_days_in_month (g_date_get_month (&birth),
                                                         g_date_get_year (&birth))));
  birth_date = era_birth_date (&birth);

  spec.not_before = not_before;
  spec.not_after = not_after;
  spec.with_auth = scenario->with_auth;
  spec.with_sign = scenario->with_sign;
  /* A fictitious holder: 見本 means "sample". */
  spec.name = "見本\u3000花子";
  spec.sex = "2";
  spec.birth_date = birth_date;
  spec.address = "東京都見本市見本町一丁目2番3号";
  spec.prefecture = "Tokyo-to";
  spec.municipality = "Mihon-shi";

  if (!_myna_virtual_certs_generate (&spec, &self->certs, error))
    return FALSE;

  jpki = add_application (self, myna_aid_jpki);

  if (scenario->tries[MYNA_PIN_AUTH] != NONE)
    auth_pin = add_pin (jpki, 0x0018, MYNA_PIN_AUTH, DEMO_AUTH_PIN, scenario->tries[MYNA_PIN_AUTH]);
  if (scenario->tries[MYNA_PIN_SIGN] != NONE)
    sign_pin = add_pin (jpki, 0x001B, MYNA_PIN_SIGN, DEMO_SIGN_PASSWORD, scenario->tries[MYNA_PIN_SIGN]);

  {
    g_autoptr(GBytes) token = token_info (scenario->token);
    g_autoptr(GBytes) auth_ca = padded_file (self->certs.auth_ca);
    g_autoptr(GBytes) sign_ca = padded_file (self->certs.sign_ca);
    g_autoptr(GBytes) available = NULL;

    if (self->certs.sign != NULL)
      availability[0] = 0x8F;
    if (self->certs.auth == NULL)
      availability[1] = 0x00;
    available = g_bytes_new (availability, sizeof availability);

    add_binary (jpki, 0x0006, token, NULL);
    add_binary (jpki, 0x0008, available, NULL);
    add_binary (jpki, 0x000B, auth_ca, NULL);
    add_binary (jpki, 0x0002, sign_ca, NULL);
  }

  if (self->certs.auth != NULL)
    {
      g_autoptr(GBytes) auth = padded_file (self->certs.auth);

      add_binary (jpki, 0x000A, auth, NULL);
      add_key (jpki, 0x0017, self->certs.auth_key, auth_pin);
    }

  if (self->certs.sign != NULL)
    {
      g_autoptr(GBytes) sign = padded_file (self->certs.sign);

      /* Reference §2.1: the signing certificate needs the password. */
      add_binary (jpki, 0x0001, sign, sign_pin);
      add_key (jpki, 0x001A, self->certs.sign_key, sign_pin);
    }

  if (scenario->card_info_application)
    {
      VirtualApplication *card_info = add_application (self, myna_aid_card_info);

      if (scenario->tries[MYNA_PIN_CARD_INFO] != NONE)
        add_pin (card_info, 0x0011, MYNA_PIN_CARD_INFO, DEMO_OTHER_PIN,
                 scenario->tries[MYNA_PIN_CARD_INFO]);
    }

  /* The juki PIN is one PIN to the user but two key references on the
   * card, in …0401 and …0100 (reference §3.3 notes). */
  if (scenario->juki_application)
    {
      VirtualApplication *juki = add_application (self, myna_aid_juki);

      if (scenario->tries[MYNA_PIN_JUKI] != NONE && !scenario->juki_pin_in_common_only)
        add_pin (juki, 0x001C, MYNA_PIN_JUKI, DEMO_OTHER_PIN, scenario->tries[MYNA_PIN_JUKI]);
    }
  if (scenario->common_application && scenario->tries[MYNA_PIN_JUKI] != NONE)
    add_pin (add_application (self, myna_aid_common), 0x001C, MYNA_PIN_JUKI, DEMO_OTHER_PIN,
             scenario->tries[MYNA_PIN_JUKI]);

  return TRUE;
}

static void
myna_virtual_card_finalize (GObject *object)
{
  MynaVirtualCard *self = (MynaVirtualCard *)object;

  g_clear_pointer (&self->scenario, g_free);
  g_clear_pointer (&self->atr, g_bytes_unref);
  g_clear_pointer (&self->applications, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_bytes_unref);
  _myna_virtual_certs_clear (&self->certs);
  g_mutex_clear (&self->lock);
  g_rec_mutex_clear (&self->transaction);

  G_OBJECT_CLASS (myna_virtual_card_parent_class)->finalize (object);
}

static void
myna_virtual_card_class_init (MynaVirtualCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = myna_virtual_card_finalize;
}

static void
myna_virtual_card_init (MynaVirtualCard *self)
{
  g_mutex_init (&self->lock);
  g_rec_mutex_init (&self->transaction);
  self->applications = g_ptr_array_new_with_free_func ((GDestroyNotify) virtual_application_free);
}

/**
 * myna_virtual_card_new:
 * @scenario: a scenario id, see myna_virtual_card_get_scenarios()
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a powered-off virtual card, or %NULL when
 *   @scenario is unknown
 */
MynaVirtualCard *
myna_virtual_card_new (const char  *scenario,
                       GError     **error)
{
  g_autoptr(MynaVirtualCard) self = NULL;
  const Scenario *found;

  g_return_val_if_fail (scenario != NULL, NULL);

  found = find_scenario (scenario);
  if (found == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no demo card “%s”."), scenario);
      return NULL;
    }

  self = g_object_new (MYNA_TYPE_VIRTUAL_CARD, NULL);
  self->scenario = g_strdup (scenario);

  if (!build_card (self, found, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
myna_virtual_card_get_scenario (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), NULL);

  return self->scenario;
}

/**
 * myna_virtual_card_get_atr:
 * @self: a #MynaVirtualCard
 *
 * Returns: (transfer none): the answer to reset
 */
GBytes *
myna_virtual_card_get_atr (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), NULL);

  return self->atr;
}

static void
forget_session_state (MynaVirtualCard *self,
                      gboolean         clear_verified)
{
  self->current_application = NULL;
  self->current_file = NULL;
  g_clear_pointer (&self->pending, g_bytes_unref);
  self->pending_offset = 0;

  if (!clear_verified)
    return;

  for (guint i = 0; i < self->applications->len; i++)
    {
      VirtualApplication *application = g_ptr_array_index (self->applications, i);

      for (guint j = 0; j < application->files->len; j++)
        ((VirtualFile *) g_ptr_array_index (application->files, j))->verified = FALSE;
    }
}

guint
myna_virtual_card_power_on (MynaVirtualCard *self)
{
  guint cycle;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  g_mutex_lock (&self->lock);
  if (!self->powered)
    {
      self->powered = TRUE;
      self->fresh_power = TRUE;
      self->power_cycle++;
      forget_session_state (self, TRUE);
    }
  cycle = self->power_cycle;
  g_mutex_unlock (&self->lock);

  return cycle;
}

static void
power_off_locked (MynaVirtualCard *self)
{
  if (!self->powered)
    return;

  self->powered = FALSE;
  self->power_down_count++;
  forget_session_state (self, TRUE);
}

/**
 * myna_virtual_card_power_off:
 * @self: a #MynaVirtualCard
 *
 * Removes power. A verified PIN is forgotten only here (reference §8.3).
 */
void
myna_virtual_card_power_off (MynaVirtualCard *self)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  g_mutex_lock (&self->lock);
  power_off_locked (self);
  g_mutex_unlock (&self->lock);
}

/**
 * myna_virtual_card_power_off_cycle:
 * @self: a #MynaVirtualCard
 * @cycle: what myna_virtual_card_power_on() returned
 *
 * Removes power, unless the card was taken out and powered up again
 * since: a connection that ends must not cut a newer one.
 */
void
myna_virtual_card_power_off_cycle (MynaVirtualCard *self,
                                   guint            cycle)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  g_mutex_lock (&self->lock);
  if (cycle == self->power_cycle)
    power_off_locked (self);
  g_mutex_unlock (&self->lock);
}

/**
 * myna_virtual_card_reset:
 * @self: a #MynaVirtualCard
 *
 * A warm reset: the selection is lost, a verified PIN is not (reference
 * §8.3, single source).
 */
void
myna_virtual_card_reset (MynaVirtualCard *self)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  g_mutex_lock (&self->lock);
  if (!self->powered)
    self->power_cycle++;
  self->powered = TRUE;
  self->fresh_power = TRUE;
  forget_session_state (self, FALSE);
  g_mutex_unlock (&self->lock);
}

/**
 * myna_virtual_card_begin_transaction:
 * @self: a #MynaVirtualCard
 *
 * Waits until no other connection is in a transaction, as pcscd's
 * SCardBeginTransaction() does.
 */
void
myna_virtual_card_begin_transaction (MynaVirtualCard *self)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  g_rec_mutex_lock (&self->transaction);
}

void
myna_virtual_card_end_transaction (MynaVirtualCard *self)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  g_rec_mutex_unlock (&self->transaction);
}

gboolean
myna_virtual_card_is_powered (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), FALSE);

  return self->powered;
}

static gsize
reply (guint8       *response,
       gsize         response_size,
       const guint8 *data,
       gsize         length,
       guint16       sw)
{
  g_assert (length + 2 <= response_size);

  if (length > 0)
    memcpy (response, data, length);
  response[length] = sw >> 8;
  response[length + 1] = sw & 0xff;

  return length + 2;
}

static gsize
reply_sw (guint8  *response,
          gsize    response_size,
          guint16  sw)
{
  return reply (response, response_size, NULL, 0, sw);
}

static VirtualApplication *
find_application (MynaVirtualCard *self,
                  const guint8    *aid,
                  gsize            length)
{
  if (length != MYNA_AID_LENGTH)
    return NULL;

  for (guint i = 0; i < self->applications->len; i++)
    {
      VirtualApplication *application = g_ptr_array_index (self->applications, i);

      if (memcmp (application->aid, aid, MYNA_AID_LENGTH) == 0)
        return application;
    }

  return NULL;
}

static VirtualFile *
find_file (VirtualApplication *application,
           guint16             fid)
{
  if (application == NULL)
    return NULL;

  for (guint i = 0; i < application->files->len; i++)
    {
      VirtualFile *file = g_ptr_array_index (application->files, i);

      if (file->fid == fid)
        return file;
    }

  return NULL;
}

static gsize
send_data (MynaVirtualCard *self,
           const guint8    *data,
           gsize            length,
           guint8          *response,
           gsize            response_size)
{
  if ((self->quirks & MYNA_VIRTUAL_QUIRK_GET_RESPONSE) != 0 && length > 0)
    {
      g_clear_pointer (&self->pending, g_bytes_unref);
      self->pending = g_bytes_new (data, length);
      self->pending_offset = 0;
      return reply_sw (response, response_size, 0x6100 | (length >= 256 ? 0 : length));
    }

  return reply (response, response_size, data, length, 0x9000);
}

static gsize
process_select (MynaVirtualCard *self,
                const MynaApdu  *apdu,
                guint8          *response,
                gsize            response_size)
{
  if (apdu->p2 != 0x0C && apdu->p2 != 0x00)
    return reply_sw (response, response_size, 0x6A86);

  switch (apdu->p1)
    {
    case 0x04:
      {
        VirtualApplication *application = find_application (self, apdu->data, apdu->nc);

        if (application == NULL)
          return reply_sw (response, response_size, 0x6A82);

        self->current_application = application;
        self->current_file = NULL;
        return reply_sw (response, response_size, 0x9000);
      }

    case 0x02:
      {
        VirtualFile *file;

        if (apdu->nc != 2)
          return reply_sw (response, response_size, 0x6700);

        file = find_file (self->current_application, (apdu->data[0] << 8) | apdu->data[1]);
        if (file == NULL)
          return reply_sw (response, response_size, 0x6A82);

        self->current_file = file;
        return reply_sw (response, response_size, 0x9000);
      }

    case 0x00:
      /* The MF cannot be selected by FID (reference §1.3). */
      if (apdu->nc == 2 && apdu->data[0] == 0x3F && apdu->data[1] == 0x00)
        return reply_sw (response, response_size, 0x6A82);
      return reply_sw (response, response_size, 0x6A86);

    default:
      return reply_sw (response, response_size, 0x6A86);
    }
}

static gsize
process_read_binary (MynaVirtualCard *self,
                     const MynaApdu  *apdu,
                     guint8          *response,
                     gsize            response_size)
{
  VirtualFile *file;
  const guint8 *content;
  gsize size;
  gsize offset;
  gsize length;

  if (apdu->nc > 0 || apdu->ne == 0)
    return reply_sw (response, response_size, 0x6700);

  if ((apdu->p1 & 0x80) != 0)
    {
      if ((apdu->p1 & 0x60) != 0)
        return reply_sw (response, response_size, 0x6A86);
      if (self->current_application == NULL)
        return reply_sw (response, response_size, 0x6A82);
      file = find_file (self->current_application, apdu->p1 & 0x1F);
      if (file == NULL)
        return reply_sw (response, response_size, 0x6A82);
      self->current_file = file;
      offset = apdu->p2;
    }
  else
    {
      file = self->current_file;
      if (file == NULL)
        return reply_sw (response, response_size, 0x6986);
      offset = (apdu->p1 << 8) | apdu->p2;
    }

  if (file->kind != FILE_BINARY)
    return reply_sw (response, response_size, 0x6981);

  if (file->guard != NULL && !file->guard->verified)
    return reply_sw (response, response_size, 0x6982);

  content = g_bytes_get_data (file->content, &size);
  if (offset >= size)
    return reply_sw (response, response_size, 0x6B00);

  length = MIN (apdu->ne, size - offset);

  if ((self->quirks & MYNA_VIRTUAL_QUIRK_WRONG_LE) != 0 &&
      length < apdu->ne && length < MYNA_APDU_MAX_SHORT_NE)
    return reply_sw (response, response_size, 0x6C00 | length);

  return send_data (self, content + offset, length, response, response_size);
}

static gboolean
pin_matches (const VirtualFile *pin,
             const guint8      *data,
             gsize              length)
{
  gsize expected = strlen (pin->pin_value);

  return length == expected && CRYPTO_memcmp (pin->pin_value, data, length) == 0;
}

static gsize
process_verify (MynaVirtualCard *self,
                const MynaApdu  *apdu,
                guint8          *response,
                gsize            response_size)
{
  VirtualFile *pin;

  if (apdu->p1 != 0x00 || (apdu->p2 & 0x80) == 0)
    return reply_sw (response, response_size, 0x6A86);
  if (apdu->ne != 0)
    return reply_sw (response, response_size, 0x6700);

  if (apdu->p2 == 0x80)
    {
      pin = self->current_file;
      if (pin == NULL)
        return reply_sw (response, response_size, 0x6986);
    }
  else
    {
      pin = find_file (self->current_application, apdu->p2 & 0x1F);
      if (pin == NULL)
        return reply_sw (response, response_size, 0x6A82);
    }

  if (pin->kind != FILE_PIN)
    return reply_sw (response, response_size, 0x6981);

  if (apdu->nc == 0)
    {
      /* The tries query: it never spends one (reference §3.1). */
      if (pin->remaining == 0)
        return reply_sw (response, response_size, 0x63C0);
      if (pin->verified)
        return reply_sw (response, response_size, 0x9000);
      return reply_sw (response, response_size, 0x63C0 | pin->remaining);
    }

  self->verify_count++;

  if (pin->remaining == 0)
    return reply_sw (response, response_size, 0x6984);

  if (pin_matches (pin, apdu->data, apdu->nc))
    {
      pin->remaining = pin->max_tries;
      pin->verified = TRUE;
      return reply_sw (response, response_size, 0x9000);
    }

  pin->remaining--;
  pin->verified = FALSE;
  self->tries_spent++;

  return reply_sw (response, response_size, 0x63C0 | pin->remaining);
}

static gsize
process_get_response (MynaVirtualCard *self,
                      const MynaApdu  *apdu,
                      guint8          *response,
                      gsize            response_size)
{
  const guint8 *data;
  gsize size;
  gsize length;
  gsize left;
  gsize sent;

  if (self->pending == NULL)
    return reply_sw (response, response_size, 0x6985);

  data = g_bytes_get_data (self->pending, &size);
  length = MIN (MAX (apdu->ne, 1), size - self->pending_offset);
  sent = reply (response, response_size, data + self->pending_offset, length, 0x9000);
  self->pending_offset += length;
  left = size - self->pending_offset;

  if (left == 0)
    {
      g_clear_pointer (&self->pending, g_bytes_unref);
      self->pending_offset = 0;
    }
  else
    {
      response[sent - 2] = 0x61;
      response[sent - 1] = left >= 256 ? 0 : left;
    }

  return sent;
}

static gsize
process_sign (MynaVirtualCard *self,
              const MynaApdu  *apdu,
              guint8          *response,
              gsize            response_size)
{
  VirtualFile *key = self->current_file;
  EVP_PKEY_CTX *ctx;
  guint8 signature[512];
  size_t signature_length = sizeof signature;
  gboolean ok;

  if ((apdu->p2 & 0x80) != 0 && apdu->p2 != 0x80)
    key = find_file (self->current_application, apdu->p2 & 0x1F);
  if (key == NULL || key->kind != FILE_KEY)
    return reply_sw (response, response_size, 0x6A82);
  if (key->guard == NULL || !key->guard->verified)
    return reply_sw (response, response_size, 0x6982);
  if (apdu->p1 != 0x00)
    return reply_sw (response, response_size, 0x6A86);
  if (apdu->nc == 0 || apdu->nc > 245)
    return reply_sw (response, response_size, 0x6985);

  /* P1 = 00: PKCS #1 v1.5 over the DigestInfo as given (reference §8.1). */
  ctx = EVP_PKEY_CTX_new (key->key, NULL);
  ok = ctx != NULL &&
       EVP_PKEY_sign_init (ctx) > 0 &&
       EVP_PKEY_CTX_set_rsa_padding (ctx, RSA_PKCS1_PADDING) > 0 &&
       EVP_PKEY_sign (ctx, signature, &signature_length, apdu->data, apdu->nc) > 0;
  EVP_PKEY_CTX_free (ctx);

  if (!ok)
    return reply_sw (response, response_size, 0x6985);

  return send_data (self, signature, signature_length, response, response_size);
}

static gsize process_locked (MynaVirtualCard *self,
                             const guint8    *command,
                             gsize            command_length,
                             guint8          *response,
                             gsize            response_size);

/**
 * myna_virtual_card_process:
 * @self: a powered #MynaVirtualCard
 * @command: an encoded command APDU
 * @command_length: its length
 * @response: (out caller-allocates): buffer for the answer
 * @response_size: its size, at least %MYNA_APDU_MAX_RESPONSE
 *
 * Answers one command the way the card does.
 *
 * Returns: the length of the answer, SW1 SW2 included
 */
gsize
myna_virtual_card_process (MynaVirtualCard *self,
                           const guint8    *command,
                           gsize            command_length,
                           guint8          *response,
                           gsize            response_size)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  return myna_virtual_card_transmit (self, 0, command, command_length, response, response_size);
}

/**
 * myna_virtual_card_transmit:
 * @self: a #MynaVirtualCard
 * @cycle: what myna_virtual_card_power_on() returned to this connection,
 *   or 0 for whatever power-up is current
 * @command: an encoded command APDU
 * @command_length: its length
 * @response: (out caller-allocates): buffer for the answer
 * @response_size: its size, at least %MYNA_APDU_MAX_RESPONSE
 *
 * Like myna_virtual_card_process(), for a connection: a card without power,
 * or powered up again since the connection began (taken out and put back),
 * does not answer.
 *
 * Returns: the length of the answer, or 0 when the card does not answer
 */
gsize
myna_virtual_card_transmit (MynaVirtualCard *self,
                            guint            cycle,
                            const guint8    *command,
                            gsize            command_length,
                            guint8          *response,
                            gsize            response_size)
{
  gsize length = 0;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);
  g_return_val_if_fail (response_size >= MYNA_APDU_MAX_RESPONSE, 0);

  g_mutex_lock (&self->lock);
  if (self->powered && (cycle == 0 || cycle == self->power_cycle))
    length = process_locked (self, command, command_length, response, response_size);
  g_mutex_unlock (&self->lock);

  return length;
}

static gsize
process_locked (MynaVirtualCard *self,
                const guint8    *command,
                gsize            command_length,
                guint8          *response,
                gsize            response_size)
{
  MynaApdu apdu;

  self->apdu_count++;

  if (self->fresh_power)
    {
      self->fresh_power = FALSE;
      if ((self->quirks & MYNA_VIRTUAL_QUIRK_6F00_AFTER_POWER) != 0)
        return reply_sw (response, response_size, 0x6F00);
    }

  if (!myna_apdu_parse (command, command_length, &apdu, NULL))
    return reply_sw (response, response_size, 0x6700);

  /* Only logical channel 0, and no secure messaging outside the
   * card-info application (reference §8.3). */
  if ((apdu.cla & 0x03) != 0)
    return reply_sw (response, response_size, 0x6881);
  if ((apdu.cla & 0x0C) != 0)
    return reply_sw (response, response_size, apdu.ins == 0xA4 ? 0x6882 : 0x69FC);

  if (apdu.extended && (self->quirks & MYNA_VIRTUAL_QUIRK_NO_EXTENDED_LENGTH) != 0)
    return reply_sw (response, response_size, 0x6700);

  if (apdu.ins != 0xC0)
    g_clear_pointer (&self->pending, g_bytes_unref);

  if (apdu.cla == 0x80)
    {
      if (apdu.ins == 0x2A)
        return process_sign (self, &apdu, response, response_size);
      return reply_sw (response, response_size, 0x6D00);
    }

  if (apdu.cla != 0x00)
    return reply_sw (response, response_size, 0x6E00);

  switch (apdu.ins)
    {
    case 0xA4:
      return process_select (self, &apdu, response, response_size);
    case 0xB0:
      return process_read_binary (self, &apdu, response, response_size);
    case 0x20:
      return process_verify (self, &apdu, response, response_size);
    case 0xC0:
      return process_get_response (self, &apdu, response, response_size);
    default:
      return reply_sw (response, response_size, 0x6D00);
    }
}

void
myna_virtual_card_set_quirks (MynaVirtualCard   *self,
                              MynaVirtualQuirks  quirks)
{
  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  self->quirks = quirks;
}

guint
myna_virtual_card_get_apdu_count (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  return self->apdu_count;
}

/**
 * myna_virtual_card_get_tries_spent:
 * @self: a #MynaVirtualCard
 *
 * Returns: how many times a wrong PIN was presented, over all PINs
 */
guint
myna_virtual_card_get_tries_spent (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  return self->tries_spent;
}

/**
 * myna_virtual_card_get_verify_count:
 * @self: a #MynaVirtualCard
 *
 * Returns: how many VERIFY commands carried a PIN, right or wrong
 */
guint
myna_virtual_card_get_verify_count (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  return self->verify_count;
}

guint
myna_virtual_card_get_power_down_count (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  return self->power_down_count;
}

static VirtualFile *
find_pin (MynaVirtualCard *self,
          MynaPinId        id)
{
  for (guint i = 0; i < self->applications->len; i++)
    {
      VirtualApplication *application = g_ptr_array_index (self->applications, i);

      for (guint j = 0; j < application->files->len; j++)
        {
          VirtualFile *file = g_ptr_array_index (application->files, j);

          if (file->kind == FILE_PIN && file->pin_id == id)
            return file;
        }
    }

  return NULL;
}

/**
 * myna_virtual_card_get_pin_remaining:
 * @self: a #MynaVirtualCard
 * @id: a PIN
 *
 * Returns: the tries left, or -1 when the card has no such PIN
 */
int
myna_virtual_card_get_pin_remaining (MynaVirtualCard *self,
                                     MynaPinId        id)
{
  VirtualFile *pin;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), -1);

  pin = find_pin (self, id);

  return pin != NULL ? pin->remaining : -1;
}

/**
 * myna_virtual_card_get_certificate:
 * @self: a #MynaVirtualCard
 * @id: which certificate
 *
 * Returns: (transfer none) (nullable): the certificate the card holds
 */
GBytes *
myna_virtual_card_get_certificate (MynaVirtualCard *self,
                                   MynaCertId       id)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), NULL);

  switch (id)
    {
    case MYNA_CERT_AUTH:    return self->certs.auth;
    case MYNA_CERT_AUTH_CA: return self->certs.auth_ca;
    case MYNA_CERT_SIGN:    return self->certs.sign;
    case MYNA_CERT_SIGN_CA: return self->certs.sign_ca;
    case MYNA_N_CERTS:
    default:
      g_return_val_if_reached (NULL);
    }
}
