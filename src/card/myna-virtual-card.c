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

#include "myna-card-error.h"
#include "myna-clock.h"
#include "myna-pin.h"
#include "myna-virtual-card-private.h"

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

G_DEFINE_FINAL_TYPE (MynaVirtualCard, myna_virtual_card, G_TYPE_OBJECT)

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

/* The certificates' dates: fixed, or relative to today. */
static void
scenario_dates (const MynaVirtualScenario  *scenario,
                GDateTime                 **not_before,
                GDateTime                 **not_after)
{
  g_autoptr(GDateTime) now = myna_clock_now_jst ();
  g_autoptr(GDateTime) issued = NULL;

  if (scenario->fixed_not_after[0] != 0)
    {
      *not_before = myna_clock_date_jst (scenario->fixed_not_before[0], scenario->fixed_not_before[1],
                                         scenario->fixed_not_before[2], 10, 0, 0);
      *not_after = myna_clock_date_jst (scenario->fixed_not_after[0], scenario->fixed_not_after[1],
                                        scenario->fixed_not_after[2], 23, 59, 59);
      return;
    }

  issued = g_date_time_add_days (now, -scenario->issued_days_ago);
  *not_before = myna_clock_date_jst (g_date_time_get_year (issued),
                                     g_date_time_get_month (issued),
                                     g_date_time_get_day_of_month (issued), 10, 0, 0);
  *not_after = g_date_time_add_days (now, scenario->expires_in_days);
}

/* A certificate runs to a birthday (seed 000), so the holder is born on
 * the month and day it ends. */
static char *
holder_birth_date (GDateTime *not_after,
                   int        holder_age)
{
  GDate birth;

  g_date_set_dmy (&birth, 1, g_date_time_get_month (not_after),
                  g_date_time_get_year (not_after) - holder_age);
  g_date_set_day (&birth, MIN (g_date_time_get_day_of_month (not_after),
                               g_date_get_days_in_month (g_date_get_month (&birth),
                                                         g_date_get_year (&birth))));

  return era_birth_date (&birth);
}

static gboolean
generate_certificates (MynaVirtualCard            *self,
                       const MynaVirtualScenario  *scenario,
                       GError                    **error)
{
  g_autoptr(GDateTime) not_before = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *birth_date = NULL;
  MynaVirtualCertSpec spec = { 0 };

  scenario_dates (scenario, &not_before, &not_after);
  birth_date = holder_birth_date (not_after, scenario->holder_age);

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

  return _myna_virtual_certs_generate (&spec, &self->certs, error);
}

/* The JPKI application (reference §2.1): the token label, which
 * certificates are there, the two CA certificates, and each certificate
 * with its key behind its PIN. */
static void
add_jpki_application (MynaVirtualCard           *self,
                      const MynaVirtualScenario *scenario)
{
  VirtualApplication *jpki = add_application (self, myna_aid_jpki);
  g_autoptr(GBytes) token = token_info (scenario->token);
  g_autoptr(GBytes) auth_ca = padded_file (self->certs.auth_ca);
  g_autoptr(GBytes) sign_ca = padded_file (self->certs.sign_ca);
  g_autoptr(GBytes) available = NULL;
  guint8 availability[3] = { 0x00, 0x8F, 0x00 };
  VirtualFile *auth_pin = NULL;
  VirtualFile *sign_pin = NULL;

  if (scenario->tries[MYNA_PIN_AUTH] != MYNA_VIRTUAL_NO_PIN)
    auth_pin = add_pin (jpki, 0x0018, MYNA_PIN_AUTH, DEMO_AUTH_PIN, scenario->tries[MYNA_PIN_AUTH]);
  if (scenario->tries[MYNA_PIN_SIGN] != MYNA_VIRTUAL_NO_PIN)
    sign_pin = add_pin (jpki, 0x001B, MYNA_PIN_SIGN, DEMO_SIGN_PASSWORD, scenario->tries[MYNA_PIN_SIGN]);

  if (self->certs.sign != NULL)
    availability[0] = 0x8F;
  if (self->certs.auth == NULL)
    availability[1] = 0x00;
  available = g_bytes_new (availability, sizeof availability);

  add_binary (jpki, 0x0006, token, NULL);
  add_binary (jpki, 0x0008, available, NULL);
  add_binary (jpki, 0x000B, auth_ca, NULL);
  add_binary (jpki, 0x0002, sign_ca, NULL);

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
}

/* The applications beside JPKI, each with its PIN. */
static void
add_other_applications (MynaVirtualCard           *self,
                        const MynaVirtualScenario *scenario)
{
  const int *tries = scenario->tries;

  if (scenario->card_info_application)
    {
      VirtualApplication *card_info = add_application (self, myna_aid_card_info);

      if (tries[MYNA_PIN_CARD_INFO] != MYNA_VIRTUAL_NO_PIN)
        add_pin (card_info, 0x0011, MYNA_PIN_CARD_INFO, DEMO_OTHER_PIN, tries[MYNA_PIN_CARD_INFO]);
    }

  /* The juki PIN is one PIN to the user but two key references on the
   * card, in …0401 and …0100 (reference §3.3 notes). */
  if (scenario->juki_application)
    {
      VirtualApplication *juki = add_application (self, myna_aid_juki);

      if (tries[MYNA_PIN_JUKI] != MYNA_VIRTUAL_NO_PIN && !scenario->juki_pin_in_common_only)
        add_pin (juki, 0x001C, MYNA_PIN_JUKI, DEMO_OTHER_PIN, tries[MYNA_PIN_JUKI]);
    }
  if (scenario->common_application && tries[MYNA_PIN_JUKI] != MYNA_VIRTUAL_NO_PIN)
    add_pin (add_application (self, myna_aid_common), 0x001C, MYNA_PIN_JUKI, DEMO_OTHER_PIN,
             tries[MYNA_PIN_JUKI]);
}

/* Fills a new card as @scenario says. */
gboolean
_myna_virtual_card_build (MynaVirtualCard            *self,
                          const MynaVirtualScenario  *scenario,
                          GError                    **error)
{
  if (scenario->token == NULL)
    {
      self->atr = g_bytes_new_static (other_card_atr, sizeof other_card_atr);
      return TRUE;
    }

  self->atr = g_bytes_new_static (my_number_atr, sizeof my_number_atr);

  if (!generate_certificates (self, scenario, error))
    return FALSE;

  add_jpki_application (self, scenario);
  add_other_applications (self, scenario);

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
 * @scenario: a scenario id, see myna_virtual_scenarios_get()
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
  const MynaVirtualScenario *found;

  g_return_val_if_fail (scenario != NULL, NULL);

  found = myna_virtual_scenario_find (scenario);
  if (found == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is no demo card “%s”."), scenario);
      return NULL;
    }

  self = g_object_new (MYNA_TYPE_VIRTUAL_CARD, NULL);
  self->scenario = g_strdup (scenario);

  if (!_myna_virtual_card_build (self, found, error))
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

/**
 * myna_virtual_card_has_verified_pin:
 * @self: a #MynaVirtualCard
 *
 * A power cycle or a reset clears every PIN's verified state; a reader
 * may power the card up again at once (pcscd does after an unpower), so
 * whether a verified state lingers is this, not whether the card is
 * powered.
 *
 * Returns: whether any PIN of any application is verified now
 */
gboolean
myna_virtual_card_has_verified_pin (MynaVirtualCard *self)
{
  gboolean verified = FALSE;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), FALSE);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->applications->len && !verified; i++)
    {
      VirtualApplication *application = g_ptr_array_index (self->applications, i);

      for (guint j = 0; j < application->files->len && !verified; j++)
        verified = ((VirtualFile *) g_ptr_array_index (application->files, j))->verified;
    }
  g_mutex_unlock (&self->lock);

  return verified;
}

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
    length = _myna_virtual_card_process_locked (self, command, command_length, response, response_size);
  g_mutex_unlock (&self->lock);

  return length;
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

/**
 * myna_virtual_card_get_change_count:
 * @self: a #MynaVirtualCard
 *
 * Returns: how many PINs took a new value
 */
guint
myna_virtual_card_get_change_count (MynaVirtualCard *self)
{
  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), 0);

  return self->change_count;
}

/**
 * _myna_virtual_card_get_key_value:
 * @self: a #MynaVirtualCard
 * @aid: an application
 * @fid: the PIN's EF in it
 *
 * One key reference's PIN: the resident registry PIN is held by two
 * applications, which a change must keep the same.
 *
 * Returns: (nullable): the PIN, or %NULL when there is none
 */
const char *
_myna_virtual_card_get_key_value (MynaVirtualCard *self,
                                 const guint8    *aid,
                                 guint16          fid)
{
  VirtualFile *pin;

  g_return_val_if_fail (MYNA_IS_VIRTUAL_CARD (self), NULL);

  pin = _myna_virtual_card_find_key_pin (self, aid, fid);

  return pin != NULL ? pin->pin_value : NULL;
}

/**
 * _myna_virtual_card_set_key_value:
 * @self: a #MynaVirtualCard
 * @aid: an application
 * @fid: the PIN's EF in it
 * @value: the PIN it takes from now on
 *
 * For tests: a card whose two resident registry keys disagree.
 */
void
_myna_virtual_card_set_key_value (MynaVirtualCard *self,
                                 const guint8    *aid,
                                 guint16          fid,
                                 const char      *value)
{
  VirtualFile *pin;

  g_return_if_fail (MYNA_IS_VIRTUAL_CARD (self));

  g_mutex_lock (&self->lock);
  pin = _myna_virtual_card_find_key_pin (self, aid, fid);
  if (pin != NULL)
    {
      myna_secret_free (pin->pin_value);
      pin->pin_value = g_strdup (value);
    }
  g_mutex_unlock (&self->lock);
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
