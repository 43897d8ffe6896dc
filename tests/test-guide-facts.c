/* test-guide-facts.c
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

#include "myna-guide-book.h"
#include "myna-hotline.h"
#include "myna-test-utils.h"

/* What the guides say, checked against the seeds: each rule and fact the
 * reviews asked for, and every phone number's call charge against the
 * hotline table. test-guides.c checks the file's structure instead. */

static MynaGuideBook *
book (void)
{
  return myna_guide_book_get_default ();
}

static gboolean
texts_mention (GPtrArray  *texts,
               const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const MynaGuideText *text = g_ptr_array_index (texts, i);

      if (strstr (text->msgid, needle) != NULL || (text->ja != NULL && strstr (text->ja, needle) != NULL))
        return TRUE;
    }

  return FALSE;
}

static void
test_guides_facts (void)
{
  MynaGuide *lost = myna_guide_book_lookup (book (), "lost-card");
  MynaGuide *lift = myna_guide_book_lookup (book (), "lift-suspension");
  MynaGuide *reissue = myna_guide_book_lookup (book (), "reissue");
  MynaGuide *renew = myna_guide_book_lookup (book (), "renew-certificate");
  MynaGuide *reset = myna_guide_book_lookup (book (), "reset-pin");
  MynaGuide *juki = myna_guide_book_lookup (book (), "replace-juki-card");
  const MynaGuideRoute *route;

  /* Seed 001: suspend by phone, 24 hours, on the free dial. */
  g_assert_true (myna_guide_is_urgent (lost));
  g_assert_true (myna_guide_shows_hotlines (lost));
  g_assert_true (texts_mention (myna_guide_get_steps (lost), "0120-95-0178"));
  g_assert_true (texts_mention (myna_guide_get_steps (lost), "一時停止"));

  /* Review LC7, seed 001: 050-3818-1250 only when both other lines fail,
   * not as an equal choice. LC9: seed 001's "平日" is its own counters'
   * hours, and seed 002 has no such limit. */
  g_assert_true (texts_mention (myna_guide_get_steps (lost), "only if neither of these two answers, call 050-3818-1250"));
  g_assert_false (texts_mention (myna_guide_get_steps (lost), "0570-783-578 or 050-3818-1250"));
  g_assert_false (texts_mention (myna_guide_get_steps (lost), "weekday"));
  g_assert_true (texts_mention (myna_guide_get_steps (lost), "during its opening hours"));

  /* Seed 000: lifting the suspension is in person only. */
  g_assert_nonnull (strstr (myna_guide_get_summary (lift)->msgid, "cannot be done by phone"));
  g_assert_true (((MynaGuideApplicant *) g_ptr_array_index (myna_guide_get_applicants (lift), 0))->same_day);

  /* Seeds 000, 002: reissue fees; police number or fire certificate. */
  g_assert_true (texts_mention (myna_guide_get_fees (reissue), "800 yen"));
  g_assert_true (texts_mention (myna_guide_get_fees (reissue), "1,000 yen"));
  g_assert_true (texts_mention (myna_guide_get_fees (reissue), "not the holder's fault"));
  g_assert_true (texts_mention (g_ptr_array_index (((MynaGuideApplicant *) g_ptr_array_index (myna_guide_get_applicants (reissue), 0))->visits, 0), "受理番号"));
  g_assert_true (texts_mention (g_ptr_array_index (((MynaGuideApplicant *) g_ptr_array_index (myna_guide_get_applicants (reissue), 0))->visits, 0), "罹災証明書"));
  g_assert_false (((MynaGuideApplicant *) g_ptr_array_index (myna_guide_get_applicants (reissue), 0))->same_day);

  /* Seeds 003, 004: renewal is free, works without the notice. */
  g_assert_true (texts_mention (myna_guide_get_fees (renew), "Free"));
  g_assert_true (texts_mention (myna_guide_get_steps (renew), "without it"));
  g_assert_true (texts_mention (myna_guide_get_notes (renew), "6th birthday"));

  /* PIN routes: seed 001 (signing at a store with the auth PIN), the JPKI
   * reset terms (auth at some stores with the signing password), office
   * only for the other two; seed 002 for the face-recognition card. */
  route = myna_guide_find_route (reset, MYNA_PIN_SIGN, MYNA_GUIDE_PLACE_CONVENIENCE_STORE);
  g_assert_nonnull (route);
  g_assert_true (route->has_requirement);
  g_assert_cmpint (route->requires, ==, MYNA_PIN_AUTH);
  route = myna_guide_find_route (reset, MYNA_PIN_AUTH, MYNA_GUIDE_PLACE_CONVENIENCE_STORE);
  g_assert_nonnull (route);
  g_assert_cmpint (route->requires, ==, MYNA_PIN_SIGN);
  g_assert_null (myna_guide_find_route (reset, MYNA_PIN_CARD_INFO, MYNA_GUIDE_PLACE_CONVENIENCE_STORE));
  g_assert_null (myna_guide_find_route (reset, MYNA_PIN_JUKI, MYNA_GUIDE_PLACE_CONVENIENCE_STORE));
  g_assert_nonnull (myna_guide_find_route (reset, MYNA_PIN_JUKI, MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE));
  g_assert_true (texts_mention (myna_guide_get_notes (reset), "顔認証マイナンバーカード"));
  g_assert_true (texts_mention (myna_guide_get_steps (reset), "never resets with time"));

  /* Seeds 001, 004: juki certificates ended 2015-12-22. */
  g_assert_nonnull (strstr (myna_guide_get_summary (juki)->msgid, "22 December 2015"));
}

/* Whether @source cites a seed page, a URL, or a reference quoting
 * @needle. */
static gboolean
cites (const char *source,
       const char *needle)
{
  g_auto(GStrv) citations = myna_guide_source_split (source);

  for (guint i = 0; citations[i] != NULL; i++)
    {
      const MynaGuideReference *reference = myna_guide_book_lookup_reference (book (), citations[i]);

      if (g_str_has_prefix (citations[i], needle))
        return TRUE;
      if (reference != NULL && strstr (reference->quote, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static const MynaGuideText *
find_text (GPtrArray  *texts,
           const char *needle)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const MynaGuideText *text = g_ptr_array_index (texts, i);

      if (strstr (text->msgid, needle) != NULL || (text->ja != NULL && strstr (text->ja, needle) != NULL))
        return text;
    }

  g_error ("No text mentions “%s”", needle);
}

/* Reviews RP4, RP6, RP7, RP8, RP14: where a PIN can be reset. Seed 000
 * says both certificate PINs at "コンビニエンスストア等", seeds 001 and 002
 * only the signing password: the guide says that it depends, and the
 * store route for the user authentication PIN, which no seed describes,
 * cites the public pages the review quotes. */
static void
test_guides_pin_routes (void)
{
  MynaGuide *reset = myna_guide_book_lookup (book (), "reset-pin");
  const MynaGuideRoute *route;
  const MynaGuideText *text;

  /* RP4: no longer "the two certificate PINs" at any kiosk. */
  g_assert_null (strstr (myna_guide_get_summary (reset)->msgid, "two certificate PINs"));
  g_assert_nonnull (strstr (myna_guide_get_summary (reset)->msgid, "at some stores the user authentication PIN"));
  for (guint i = 0; i < myna_guide_get_wheres (reset)->len; i++)
    {
      const MynaGuideWhere *where = g_ptr_array_index (myna_guide_get_wheres (reset), i);

      if (where->place == MYNA_GUIDE_PLACE_CONVENIENCE_STORE)
        g_assert_nonnull (strstr (where->text.msgid, "at some stores the user authentication PIN"));
    }
  text = find_text (myna_guide_get_steps (reset), "コンビニでの初期化");
  g_assert_nonnull (strstr (text->msgid, "Municipal pages differ"));
  g_assert_true (cites (text->source, "000_") && cites (text->source, "001_") && cites (text->source, "002_"));

  /* RP6: the user authentication PIN at some stores, only with the signing
   * password, within 24 hours of the app; a URL and the quoted pages. */
  route = myna_guide_find_route (reset, MYNA_PIN_AUTH, MYNA_GUIDE_PLACE_CONVENIENCE_STORE);
  g_assert_nonnull (strstr (route->text.msgid, "only at some convenience stores"));
  g_assert_nonnull (strstr (route->text.msgid, "only if you know the signing password"));
  g_assert_true (cites (route->text.source, "https://"));
  g_assert_true (cites (route->text.source, "一部のイオン系列店舗"));
  g_assert_true (cites (route->text.source, "24時間以内"));
  g_assert_true (cites (route->text.source, "署名用電子証明書の暗証番号が必要"));
  g_assert_true (cites (route->text.source, "どちらの電子証明書の暗証番号もわからない場合"));

  /* RP7, RP8: the other two PINs only at the office. */
  route = myna_guide_find_route (reset, MYNA_PIN_CARD_INFO, MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE);
  g_assert_true (cites (route->text.source, "券面事項入力補助用暗証番号(数字4桁)は、コンビニで再設定や初期化することができません"));
  route = myna_guide_find_route (reset, MYNA_PIN_JUKI, MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE);
  g_assert_true (cites (route->text.source, "2つのみ手続き可能"));

  /* RP14: free, 6:30 to 23:00. */
  text = find_text (myna_guide_get_notes (reset), "6:30 to 23:00");
  g_assert_true (cites (text->source, "午前6時30分から午後11時まで"));
  g_assert_true (cites (text->source, "手数料 無料"));
}

static MynaGuideApplicant *
find_applicant (MynaGuide         *guide,
                MynaApplicantType  type,
                gboolean           same_day)
{
  GPtrArray *applicants = myna_guide_get_applicants (guide);

  for (guint i = 0; i < applicants->len; i++)
    {
      MynaGuideApplicant *applicant = g_ptr_array_index (applicants, i);

      if (applicant->type == type && applicant->same_day == same_day)
        return applicant;
    }

  g_error ("Guide %s has no such applicant", myna_guide_get_id (guide));
}

/* Every item of @applicant, all visits. */
static GPtrArray *
applicant_items (MynaGuideApplicant *applicant)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint v = 0; v < applicant->visits->len; v++)
    g_ptr_array_extend (items, g_ptr_array_index (applicant->visits, v), NULL, NULL);

  return items;
}

/* Reviews RC9, RC18, NC10 and the omissions O3, O4 (the certificate
 * guides), O5, O8. */
static void
test_guides_certificates (void)
{
  MynaGuide *renew = myna_guide_book_lookup (book (), "renew-certificate");
  MynaGuide *issue = myna_guide_book_lookup (book (), "new-certificate");
  MynaGuide *with_notice[] = { renew, issue };
  MynaGuide *card_expiry[] = { renew, issue, myna_guide_book_lookup (book (), "renew-card") };
  g_autoptr(GPtrArray) proxy_items = applicant_items (find_applicant (renew, MYNA_APPLICANT_VOLUNTARY_PROXY, TRUE));
  const MynaGuideText *text;

  /* RC9: only seed 000 asks a voluntary proxy with the notice for a
   * "代理権を証明する書類", which it defines as proof of legal
   * representation; seeds 001 and 004 put the power of attorney in the
   * 照会書兼回答書. The item says so and sends the reader to the office. */
  for (guint i = 0; i < proxy_items->len; i++)
    g_assert_cmpstr (((MynaGuideText *) g_ptr_array_index (proxy_items, i))->ja, !=, "代理権を証明する書類");
  text = find_text (proxy_items, "委任状");
  g_assert_nonnull (strstr (text->msgid, "ask your municipal office"));
  g_assert_true (cites (text->source, "000_") && cites (text->source, "004_"));

  /* RC18: seed 004, the 6th birthday but never past the card. */
  text = find_text (myna_guide_get_notes (renew), "6th birthday");
  g_assert_nonnull (strstr (text->msgid, "never run past the end of the card itself"));

  /* NC10: seed 004 still calls it 更新 after expiry; 5th birthday. */
  text = find_text (myna_guide_get_steps (issue), "有効期間の満了");
  g_assert_null (strstr (text->msgid, "not a renewal"));
  g_assert_nonnull (strstr (text->msgid, "5th birthday"));
  g_assert_true (cites (text->source, "003_") && cites (text->source, "004_"));

  /* O3: seeds 000, 001, a certificate may have been declined at issue. */
  text = find_text (myna_guide_get_notes (issue), "declined when the card was issued");
  g_assert_true (cites (text->source, "000_") && cites (text->source, "001_"));
  g_assert_nonnull (strstr (myna_guide_get_summary (issue)->msgid, "never put on the card"));

  /* O4: when the card expires, renewing the certificates is not enough
   * (seeds 000, 003, 004), with the card's own terms. */
  for (guint i = 0; i < G_N_ELEMENTS (card_expiry); i++)
    {
      text = find_text (myna_guide_get_notes (card_expiry[i]), "renewing the certificates is not enough");
      g_assert_nonnull (strstr (text->msgid, "10th birthday"));
      g_assert_nonnull (strstr (text->msgid, "end of the period of stay"));
      g_assert_nonnull (strstr (text->msgid, "special permanent residents"));
      g_assert_true (cites (text->source, "000_") && cites (text->source, "003_") && cites (text->source, "004_"));
      g_assert_true (cites (text->source, "令和4年4月1日より前"));
    }

  /* O5: seeds 002, 004, the dates without a reader. */
  text = find_text (myna_guide_get_notes (renew), "Without a card reader");
  g_assert_nonnull (strstr (text->msgid, "front of the card"));
  g_assert_nonnull (strstr (text->msgid, "電子証明書の写し"));
  g_assert_nonnull (strstr (text->msgid, "証明書表示ツール"));
  g_assert_true (cites (text->source, "002_") && cites (text->source, "004_"));

  /* O8: seed 004, the holder brings an ID if the juki PIN is not known. */
  for (guint i = 0; i < G_N_ELEMENTS (with_notice); i++)
    {
      g_autoptr(GPtrArray) items = applicant_items (find_applicant (with_notice[i], MYNA_APPLICANT_HOLDER, TRUE));

      text = find_text (items, "住民基本台帳用暗証番号");
      g_assert_true (cites (text->source, "004_"));
    }
}

/* Review RW13, omission O6, the photo booth's charge (Japanese review
 * §6.5), JK4 and JK6: renewing the card, and a first card for a juki-card
 * holder. */
static void
test_guides_card (void)
{
  MynaGuide *renew = myna_guide_book_lookup (book (), "renew-card");
  MynaGuide *juki = myna_guide_book_lookup (book (), "replace-juki-card");
  g_autoptr(GPtrArray) juki_texts = myna_guide_get_texts (juki);
  g_autoptr(GPtrArray) juki_items = applicant_items (g_ptr_array_index (myna_guide_get_applicants (juki), 0));
  const MynaGuideText *text;

  /* RW13: seeds 004, 003 and 002 disagree on the fee after expiry. */
  g_assert_false (texts_mention (myna_guide_get_notes (renew), "Even after expiry, applying with the QR code"));
  text = find_text (myna_guide_get_notes (renew), "QR code");
  g_assert_nonnull (strstr (text->msgid, "pages differ"));
  g_assert_true (cites (text->source, "002_") && cites (text->source, "003_") && cites (text->source, "004_"));

  /* O6: seed 003, a lost application form can be reissued. */
  text = find_text (myna_guide_get_notes (renew), "Lost the application form");
  g_assert_true (cites (text->source, "003_"));

  /* Seed 003: the photo booth charges for the photo. */
  text = find_text (myna_guide_get_steps (renew), "証明写真機で申請");
  g_assert_nonnull (strstr (text->msgid, "pay for the photo"));

  /* JK4, JK6: the seeds describe the form and the ways to apply only for
   * a renewal; a first card is a question for the office. */
  for (guint i = 0; i < juki_items->len; i++)
    g_assert_nonnull (strstr (((MynaGuideText *) g_ptr_array_index (juki_items, i))->msgid, "ask your municipal office"));
  for (guint i = 0; i < juki_texts->len; i++)
    {
      const char *msgid = ((MynaGuideText *) g_ptr_array_index (juki_texts, i))->msgid;

      if (msgid != NULL && strstr (msgid, "six months") != NULL)
        g_assert_nonnull (strstr (msgid, "ask your municipal office how to apply for a first card"));
    }
  text = find_text (myna_guide_get_steps (juki), "申請方法");
  g_assert_nonnull (strstr (text->msgid, "ask your municipal office"));
}

/* Review FR5: no seed lists what to bring to extend a foreign resident's
 * card or says it is done the same day. Seed 000: special permanent
 * residents are not 永住者, and follow the rules for Japanese nationals. */
static void
test_guides_foreign_resident (void)
{
  MynaGuide *foreign = myna_guide_book_lookup (book (), "foreign-resident");
  GPtrArray *guides = myna_guide_book_get_guides (book ());
  MynaGuideApplicant *holder = g_ptr_array_index (myna_guide_get_applicants (foreign), 0);

  g_assert_true (holder->same_day_unknown);
  g_assert_false (holder->same_day);
  g_assert_true (texts_mention (myna_guide_get_notes (foreign), "do not list what else to bring"));

  /* Wherever a rule excludes permanent residents, it excludes special
   * permanent residents too. */
  for (guint i = 0; i < guides->len; i++)
    {
      g_autoptr(GPtrArray) texts = myna_guide_get_texts (g_ptr_array_index (guides, i));

      for (guint j = 0; j < texts->len; j++)
        {
          const char *msgid = ((MynaGuideText *) g_ptr_array_index (texts, j))->msgid;
          const char *other = msgid != NULL ? strstr (msgid, "other than permanent residents") : NULL;

          if (other != NULL)
            g_assert_true (g_str_has_prefix (other, "other than permanent residents and special permanent residents"));
        }
    }
}

/* Omission O1, seed 002: a move or a change of name can make the card
 * itself lapse, with deadlines of 14, 30 and 90 days. */
static void
test_guides_moved (void)
{
  MynaGuide *moved = myna_guide_book_lookup (book (), "moved");
  MynaGuide *issue = myna_guide_book_lookup (book (), "new-certificate");
  const char *deadlines[] = { "90 days after the moving-in notification",
                              "within 30 days of the planned moving-out date",
                              "14 or more days after moving in" };
  g_autofree char *link = NULL;
  const MynaGuideText *text;

  g_assert_nonnull (moved);
  g_assert_true (cites (myna_guide_get_title (moved)->source, "002_"));
  text = find_text (myna_guide_get_steps (moved), "転入届");
  g_assert_nonnull (strstr (text->msgid, "婚姻届"));
  g_assert_nonnull (strstr (text->msgid, "bring your My Number card"));
  g_assert_true (cites (text->source, "002_"));
  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    {
      text = find_text (myna_guide_get_steps (moved), deadlines[i]);
      g_assert_nonnull (strstr (text->msgid, "lapses"));
      g_assert_true (cites (text->source, "002_"));
    }

  /* The certificate guide's step on a change of the 基本4情報 leads here. */
  link = g_strdup_printf ("see “%s”", myna_guide_get_title (moved)->msgid);
  text = find_text (myna_guide_get_steps (issue), "基本4情報の変更");
  g_assert_nonnull (strstr (text->msgid, link));
}

/* Omission O7: seed 000 asks a proxy for one identity document, seed 001
 * for two with at least one with a photo, seed 004 for one with a photo or
 * two others. Every list of a representative or a proxy says so. */
static void
test_guides_proxy_identity (void)
{
  GPtrArray *guides = myna_guide_book_get_guides (book ());
  guint lists = 0;

  for (guint i = 0; i < guides->len; i++)
    {
      MynaGuide *guide = g_ptr_array_index (guides, i);
      GPtrArray *applicants = myna_guide_get_applicants (guide);

      for (guint j = 0; j < applicants->len; j++)
        {
          MynaGuideApplicant *applicant = g_ptr_array_index (applicants, j);

          if (applicant->type == MYNA_APPLICANT_HOLDER)
            continue;
          for (guint v = 0; v < applicant->visits->len; v++)
            {
              const MynaGuideText *text = find_text (g_ptr_array_index (applicant->visits, v),
                                                     "two documents, at least one of them with a photo");

              g_test_message ("%s, %s, visit %u", myna_guide_get_id (guide),
                              myna_applicant_type_to_string (applicant->type), v + 1);
              g_assert_true (cites (text->source, "001_") && cites (text->source, "004_"));
              lists++;
            }
        }
    }

  g_assert_cmpuint (lists, >=, 12);
}

static const MynaHotline *
hotline_for_number (const char *number)
{
  guint n = 0;
  const MynaHotline *lines = myna_hotlines_get (&n);

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (lines[i].number, number))
        return &lines[i];
    }

  return NULL;
}

/* The phone numbers in @clause, as written in Japan: 0120-95-0178. */
static GPtrArray *
phone_numbers (const char *clause)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b0[0-9]{2,3}-[0-9]{2,4}-[0-9]{2,4}\\b", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, clause, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (numbers, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }

  return numbers;
}

/* What a clause says a line costs: "free dial" is a name, not a price. */
static gboolean
clause_says_charged (const char *clause)
{
  return strstr (clause, "charged") != NULL;
}

static gboolean
clause_says_free (const char *clause)
{
  g_autoptr(GString) str = g_string_new (clause);

  g_string_replace (str, "free dial", "", 0);

  return strstr (str->str, "free") != NULL || strstr (str->str, "costs nothing") != NULL ||
         strstr (str->str, "cost nothing") != NULL;
}

/* Review LC6: the lost-card guide called the foreign-language free dial
 * charged, against seed 001 and the app's own hotline table. Every number
 * a guide calls charged or free must be so in the table (seed 001), and
 * the fee line must name every line with its charge, not "the others". */
static void
test_guides_call_charges (void)
{
  GPtrArray *guides = myna_guide_book_get_guides (book ());
  MynaGuide *lost = myna_guide_book_lookup (book (), "lost-card");
  g_autoptr(GHashTable) called_free = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) called_charged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;
  const MynaHotline *lines = myna_hotlines_get (&n);
  guint checked = 0;

  for (guint i = 0; i < guides->len; i++)
    {
      MynaGuide *guide = g_ptr_array_index (guides, i);
      g_autoptr(GPtrArray) texts = myna_guide_get_texts (guide);

      for (guint j = 0; j < texts->len; j++)
        {
          const MynaGuideText *text = g_ptr_array_index (texts, j);
          g_auto(GStrv) clauses = NULL;
          gboolean fee_line = g_ptr_array_find (myna_guide_get_fees (lost), text, NULL);

          if (text->msgid == NULL)
            continue;

          clauses = g_regex_split_simple ("[;.](?:\\s|$)", text->msgid, 0, 0);
          for (guint k = 0; clauses[k] != NULL; k++)
            {
              g_autoptr(GPtrArray) numbers = phone_numbers (clauses[k]);
              gboolean charged = clause_says_charged (clauses[k]);
              gboolean free_of_charge = clause_says_free (clauses[k]);

              for (guint l = 0; l < numbers->len; l++)
                {
                  const char *number = g_ptr_array_index (numbers, l);
                  const MynaHotline *line = hotline_for_number (number);

                  g_test_message ("%s: %s in “%s”", myna_guide_get_id (guide), number, clauses[k]);
                  if (line == NULL)
                    g_error ("%s is not in the hotline table", number);
                  if (charged && line->free_of_charge)
                    g_error ("Guide %s calls the free line %s charged", myna_guide_get_id (guide), number);
                  if (free_of_charge && !line->free_of_charge)
                    g_error ("Guide %s calls the charged line %s free", myna_guide_get_id (guide), number);
                  if (fee_line && charged)
                    g_hash_table_add (called_charged, g_strdup (number));
                  if (fee_line && free_of_charge)
                    g_hash_table_add (called_free, g_strdup (number));
                  checked++;
                }
            }
        }
    }

  /* The fee line of the lost-card guide names each line with its charge. */
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("fee line: %s", lines[i].number);
      g_assert_true (g_hash_table_contains (lines[i].free_of_charge ? called_free : called_charged,
                                            lines[i].number));
    }
  g_assert_cmpuint (g_hash_table_size (called_free) + g_hash_table_size (called_charged), ==, n);
  g_assert_cmpuint (checked, >=, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guides/facts", test_guides_facts);
  g_test_add_func ("/guides/call-charges", test_guides_call_charges);
  g_test_add_func ("/guides/pin-routes", test_guides_pin_routes);
  g_test_add_func ("/guides/certificates", test_guides_certificates);
  g_test_add_func ("/guides/card", test_guides_card);
  g_test_add_func ("/guides/foreign-resident", test_guides_foreign_resident);
  g_test_add_func ("/guides/moved", test_guides_moved);
  g_test_add_func ("/guides/proxy-identity", test_guides_proxy_identity);

  return g_test_run ();
}
