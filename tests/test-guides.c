/* test-guides.c
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
#include "myna-test-utils.h"

static MynaGuideBook *
book (void)
{
  return myna_guide_book_get_default ();
}

/* The seed pages of ../shared/seeds/. A citation must name one of them, so
 * that the test checks names even where the directory is not there. */
static const char * const seeds[] = {
  "000_fc06ce9d7c3d7221.txt", /* Numazu */
  "001_c8d8d414fb2b3419.txt", /* Kumagaya */
  "002_81ba1c92dce1dd54.txt", /* general */
  "003_07021ae46bef88b0.txt", /* Koshigaya */
  "004_7dc8674741143db1.txt", /* Obihiro */
  NULL
};

static void
check_citation (const char *citation)
{
  const char *dir = g_getenv ("MYNACHECK_SEEDS");
  const MynaGuideReference *reference;

  if (g_str_has_prefix (citation, "https://"))
    return;

  /* A public page known by a partial address: it must say what it quotes. */
  reference = myna_guide_book_lookup_reference (book (), citation);
  if (citation[0] == '#')
    {
      if (reference == NULL)
        g_error ("Citation %s names no reference", citation);
      g_assert_nonnull (reference->page);
      g_assert_nonnull (reference->quote);
      return;
    }

  if (!g_strv_contains (seeds, citation))
    g_error ("Citation %s is no seed page, https URL or reference", citation);
  if (dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *path = g_build_filename (dir, citation, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("Source %s is not in %s", citation, dir);
    }
}

static void
check_source (const char *source)
{
  g_auto(GStrv) citations = NULL;

  g_assert_nonnull (source);
  citations = myna_guide_source_split (source);
  g_assert_cmpuint (g_strv_length (citations), >, 0);
  for (guint i = 0; citations[i] != NULL; i++)
    check_citation (citations[i]);
}

static void
check_text (const MynaGuideText *text,
            gboolean             needs_term)
{
  g_assert_nonnull (text->msgid);
  g_assert_cmpstr (myna_guide_text_get (text), ==, text->msgid); /* no catalog in C */
  check_source (text->source);
  if (needs_term)
    {
      g_assert_nonnull (text->ja);
      g_assert_true (g_utf8_validate (text->ja, -1, NULL));
    }
}

static void
test_guides_required (void)
{
  /* Issue #3 §3: at least these. */
  const char *required[] = {
    "lost-card", "lift-suspension", "reissue", "renew-certificate", "new-certificate",
    "reset-pin", "change-pin", "renew-card", "foreign-resident", "replace-juki-card",
    /* Review O1. */
    "moved",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (myna_guide_book_lookup (book (), required[i]));
}

static void
test_guides_fields (void)
{
  GPtrArray *guides = myna_guide_book_get_guides (book ());

  for (guint i = 0; i < guides->len; i++)
    {
      MynaGuide *guide = g_ptr_array_index (guides, i);
      GPtrArray *applicants = myna_guide_get_applicants (guide);
      g_autoptr(GPtrArray) texts = myna_guide_get_texts (guide);
      g_autoptr(GPtrArray) sources = myna_guide_get_sources (guide);

      g_test_message ("guide %s", myna_guide_get_id (guide));

      /* Every fact of every kind names a seed page, an https URL or a
       * quoted public page, and the guide's Sources list shows each. */
      for (guint j = 0; j < texts->len; j++)
        {
          const MynaGuideText *text = g_ptr_array_index (texts, j);
          g_auto(GStrv) citations = NULL;

          check_source (text->source);
          citations = myna_guide_source_split (text->source);
          for (guint k = 0; citations[k] != NULL; k++)
            g_assert_true (g_ptr_array_find_with_equal_func (sources, citations[k], g_str_equal, NULL));
        }
      for (guint j = 0; j < sources->len; j++)
        check_citation (g_ptr_array_index (sources, j));

      /* Title and steps keep the official Japanese term beside them. */
      check_text (myna_guide_get_title (guide), TRUE);
      check_text (myna_guide_get_summary (guide), FALSE);
      g_assert_cmpuint (myna_guide_get_steps (guide)->len, >, 0);
      for (guint j = 0; j < myna_guide_get_steps (guide)->len; j++)
        check_text (g_ptr_array_index (myna_guide_get_steps (guide), j), TRUE);
      for (guint j = 0; j < myna_guide_get_fees (guide)->len; j++)
        check_text (g_ptr_array_index (myna_guide_get_fees (guide), j), FALSE);
      for (guint j = 0; j < myna_guide_get_notes (guide)->len; j++)
        check_text (g_ptr_array_index (myna_guide_get_notes (guide), j), FALSE);

      /* Where: the municipal office has a generic text that says to check
       * with the user's city (the app does not know it). */
      g_assert_cmpuint (myna_guide_get_wheres (guide)->len, >, 0);
      for (guint j = 0; j < myna_guide_get_wheres (guide)->len; j++)
        {
          MynaGuideWhere *where = g_ptr_array_index (myna_guide_get_wheres (guide), j);

          check_source (where->text.source);
          g_assert_nonnull (myna_guide_place_get_label (where->place));
          if (where->text.msgid == NULL)
            g_assert_cmpint (where->place, ==, MYNA_GUIDE_PLACE_MUNICIPAL_OFFICE);
        }

      /* Who may apply and what each brings. */
      if (!myna_guide_is_urgent (guide))
        g_assert_cmpuint (applicants->len, >, 0);
      for (guint j = 0; j < applicants->len; j++)
        {
          MynaGuideApplicant *applicant = g_ptr_array_index (applicants, j);

          check_source (applicant->source);
          g_assert_nonnull (myna_applicant_type_get_label (applicant->type));
          g_assert_nonnull (myna_applicant_type_get_term (applicant->type));
          g_assert_cmpuint (applicant->visits->len, >=, 1);
          /* A voluntary proxy who cannot finish the same day comes twice,
           * the second time with the sealed 照会書兼回答書 (seeds 000, 001). */
          if (applicant->type == MYNA_APPLICANT_VOLUNTARY_PROXY && !applicant->same_day)
            {
              GPtrArray *second;
              gboolean form = FALSE;

              g_assert_cmpuint (applicant->visits->len, ==, 2);
              second = g_ptr_array_index (applicant->visits, 1);
              for (guint k = 0; k < second->len; k++)
                form |= strstr (((MynaGuideText *) g_ptr_array_index (second, k))->ja, "照会書兼回答書") != NULL;
              g_assert_true (form);
            }
          for (guint k = 0; k < applicant->visits->len; k++)
            {
              GPtrArray *items = g_ptr_array_index (applicant->visits, k);

              g_assert_cmpuint (items->len, >, 0);
              for (guint l = 0; l < items->len; l++)
                check_text (g_ptr_array_index (items, l), TRUE);
            }
        }
    }
}

/* Omission O2, seed 001: the parent of a child under 15 is a legal
 * representative, the parent of a child of 15 or over a voluntary proxy.
 * The guide shows it with the applicant types, and cites seed 001. */
static void
test_guides_applicant_types (void)
{
  MynaGuide *renew = myna_guide_book_lookup (book (), "renew-certificate");
  g_autoptr(GPtrArray) sources = myna_guide_get_sources (renew);

  g_assert_null (myna_applicant_type_get_description (MYNA_APPLICANT_HOLDER));
  g_assert_nonnull (myna_applicant_type_get_description (MYNA_APPLICANT_LEGAL_REPRESENTATIVE));
  g_assert_nonnull (myna_applicant_type_get_description (MYNA_APPLICANT_VOLUNTARY_PROXY));
  g_assert_nonnull (strstr (myna_applicant_type_get_description (MYNA_APPLICANT_LEGAL_REPRESENTATIVE),
                            "The parent of a child under 15"));
  g_assert_nonnull (strstr (myna_applicant_type_get_description (MYNA_APPLICANT_VOLUNTARY_PROXY),
                            "The parent of a child aged 15 or over counts as a voluntary proxy"));
  g_assert_cmpstr (myna_applicant_type_get_source (MYNA_APPLICANT_LEGAL_REPRESENTATIVE), ==, "001_c8d8d414fb2b3419.txt");
  g_assert_cmpstr (myna_applicant_type_get_source (MYNA_APPLICANT_VOLUNTARY_PROXY), ==, "001_c8d8d414fb2b3419.txt");
  g_assert_true (g_ptr_array_find_with_equal_func (sources, "001_c8d8d414fb2b3419.txt", g_str_equal, NULL));
}

/* A guide that says see “…” names another guide by its title. */
static void
test_guides_links (void)
{
  GPtrArray *guides = myna_guide_book_get_guides (book ());
  g_autoptr(GRegex) regex = g_regex_new ("“([^”]+)”", 0, 0, NULL);
  guint links = 0;

  for (guint i = 0; i < guides->len; i++)
    {
      g_autoptr(GPtrArray) texts = myna_guide_get_texts (g_ptr_array_index (guides, i));

      for (guint j = 0; j < texts->len; j++)
        {
          const char *msgid = ((MynaGuideText *) g_ptr_array_index (texts, j))->msgid;
          g_autoptr(GMatchInfo) match = NULL;

          if (msgid == NULL)
            continue;
          g_regex_match (regex, msgid, 0, &match);
          for (; g_match_info_matches (match); g_match_info_next (match, NULL))
            {
              g_autofree char *title = g_match_info_fetch (match, 1);
              gboolean found = FALSE;

              for (guint k = 0; k < guides->len; k++)
                found |= g_str_equal (myna_guide_get_title (g_ptr_array_index (guides, k))->msgid, title);
              if (!found)
                g_error ("“%s” is no guide's title", title);
              links++;
            }
        }
    }

  g_assert_cmpuint (links, >=, 7);
}

/* The Japanese review, §5: the terms shown at the counter. */
static void
test_guides_japanese_terms (void)
{
  GPtrArray *guides = myna_guide_book_get_guides (book ());
  guint proofs = 0;

  for (guint i = 0; i < guides->len; i++)
    {
      g_autoptr(GPtrArray) texts = myna_guide_get_texts (g_ptr_array_index (guides, i));

      for (guint j = 0; j < texts->len; j++)
        {
          const char *ja = ((MynaGuideText *) g_ptr_array_index (texts, j))->ja;

          if (ja == NULL)
            continue;
          /* The document is the 登記事項証明書 (seed 001); seed 000's
           * "登記事項証明" is short for it. */
          g_assert_null (strstr (ja, "登記事項証明等"));
          proofs += strstr (ja, "登記事項証明書等") != NULL;
          /* A bare 窓口 tells the clerk nothing. */
          g_assert_cmpstr (ja, !=, "窓口");
          /* One name for the application form, seed 003's. */
          if (strstr (ja, "交付申請書") != NULL)
            g_assert_nonnull (strstr (ja, "マイナンバーカード交付申請書"));
        }
    }

  g_assert_cmpuint (proofs, >=, 4);

  /* Shown at a counter, the juki guide says what the resident wants. */
  g_assert_cmpstr (myna_guide_get_title (myna_guide_book_lookup (book (), "replace-juki-card"))->ja, ==,
                   "マイナンバーカードの交付申請（住民基本台帳カードをお持ちの方）");
}

static char *
po_escape (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

/* xgettext must extract exactly the texts the app translates: the one
 * source of truth works only if both read it alike. */
static void
test_guides_gettext (void)
{
  g_autofree char *xml = g_test_build_filename (G_TEST_DIST, "..", "data", "guides.xml", NULL);
  g_autofree char *its = g_test_build_filename (G_TEST_DIST, "..", "po", NULL);
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  GPtrArray *guides = myna_guide_book_get_guides (book ());
  guint checked = 0;

  g_autofree char *data_dirs = g_strdup_printf ("GETTEXTDATADIRS=%s", its);

  g_assert_nonnull (xgettext);
  g_assert_cmpint (myna_test_run_env ((const char *[]) { data_dirs, NULL }, NULL, &out, &err,
                                      (const char *[]) { xgettext, "--from-code=UTF-8", "--no-wrap",
                                                         "-o", "-", xml, NULL }), ==, 0);

  for (guint i = 0; i < guides->len; i++)
    {
      MynaGuide *guide = g_ptr_array_index (guides, i);
      g_autoptr(GPtrArray) texts = myna_guide_get_texts (guide);
      g_autofree char *title = g_strdup_printf ("#. %s\n", myna_guide_get_title (guide)->ja);

      /* The Japanese term reaches translators as a note. */
      g_assert_nonnull (strstr (out, title));

      /* Every text, checklists and routes included. */
      for (guint j = 0; j < texts->len; j++)
        {
          const char *msgid = ((MynaGuideText *) g_ptr_array_index (texts, j))->msgid;

          if (msgid != NULL)
            g_string_append_printf (all, "%s\n", msgid);
        }
    }

  /* The quotes of the references are not for translation. */
  g_assert_null (strstr (out, "手数料 無料"));

  {
    g_auto(GStrv) lines = g_strsplit (all->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *escaped = NULL;
        g_autofree char *entry = NULL;

        if (lines[i][0] == '\0')
          continue;
        escaped = po_escape (lines[i]);
        entry = g_strdup_printf ("msgid \"%s\"\n", escaped);
        if (strstr (out, entry) == NULL)
          g_error ("xgettext did not extract: %s", lines[i]);
        checked++;
      }
  }

  g_assert_cmpuint (checked, >, 150);
}

static void
test_guides_invalid (void)
{
  const char *bad[] = {
    /* No source. */
    "<guides><guide id='a'><title ja='x'>T</title><summary source='000_0123456789abcdef.txt'>S</summary>"
    "<where kind='phone' source='000_0123456789abcdef.txt'>W</where><step ja='x' source='000_0123456789abcdef.txt'>1</step>"
    "<applicant type='holder' same-day='yes' source='000_0123456789abcdef.txt'><item ja='x' source='000_0123456789abcdef.txt'>I</item></applicant></guide></guides>",
    /* No steps. */
    "<guides><guide id='a'><title ja='x' source='000_0123456789abcdef.txt'>T</title><summary source='000_0123456789abcdef.txt'>S</summary>"
    "<where kind='phone' source='000_0123456789abcdef.txt'>W</where>"
    "<applicant type='holder' same-day='yes' source='000_0123456789abcdef.txt'><item ja='x' source='000_0123456789abcdef.txt'>I</item></applicant></guide></guides>",
    /* A proxy who comes once although not the same day. */
    "<guides><guide id='a'><title ja='x' source='000_0123456789abcdef.txt'>T</title><summary source='000_0123456789abcdef.txt'>S</summary>"
    "<where kind='phone' source='000_0123456789abcdef.txt'>W</where><step ja='x' source='000_0123456789abcdef.txt'>1</step>"
    "<applicant type='voluntary-proxy' same-day='no' source='000_0123456789abcdef.txt'><item ja='x' source='000_0123456789abcdef.txt'>I</item></applicant></guide></guides>",
    /* Unknown element and unknown place. */
    "<guides><guide id='a'><bogus/></guide></guides>",
    "<guides><guide id='a'><where kind='moon' source='000_0123456789abcdef.txt'>W</where></guide></guides>",
    /* An empty step. */
    "<guides><guide id='a'><step ja='x' source='000_0123456789abcdef.txt'>  </step></guide></guides>",
    /* A citation that is neither a seed page, an https URL nor a reference
     * declared above; a reference cited before it is declared; a
     * reference that quotes nothing. */
    "<guides><guide id='a'><title ja='x' source='000_0123456789abcdef.txt seeds.txt'>T</title></guide></guides>",
    "<guides><guide id='a'><title ja='x' source='http://example.org/'>T</title></guide></guides>",
    "<guides><guide id='a'><title ja='x' source='#later'>T</title></guide>"
    "<reference id='later' page='example.org …/p.html'>「…」</reference></guides>",
    "<guides><reference id='r' page='example.org …/p.html'> </reference></guides>",
    "<guides><guide id='a'><reference id='r' page='p'>「…」</reference></guide></guides>",
    /* Same day: yes, no or ask, nothing else. */
    "<guides><guide id='a'><applicant type='holder' same-day='maybe' source='000_0123456789abcdef.txt'/></guide></guides>",
    /* Two guides of one id. */
    "<guides><guide id='a'><title ja='x' source='000_0123456789abcdef.txt'>T</title><summary source='000_0123456789abcdef.txt'>S</summary>"
    "<where kind='phone' source='000_0123456789abcdef.txt'>W</where><step ja='x' source='000_0123456789abcdef.txt'>1</step>"
    "<applicant type='holder' same-day='yes' source='000_0123456789abcdef.txt'><item ja='x' source='000_0123456789abcdef.txt'>I</item></applicant></guide>"
    "<guide id='a'/></guides>",
  };
  const char *good =
    "<guides><reference id='r' page='example.org …/p.html'>「…」</reference>"
    "<guide id='a'><title ja='x' source='000_0123456789abcdef.txt  https://example.org/p #r'>T</title>"
    "<summary source='000_0123456789abcdef.txt'>S\n   split</summary>"
    "<where kind='municipal-office' source='000_0123456789abcdef.txt'/><step ja='x' source='000_0123456789abcdef.txt'>1</step>"
    "<applicant type='voluntary-proxy' same-day='no' source='000_0123456789abcdef.txt'><visit><item ja='x' source='000_0123456789abcdef.txt'>I</item></visit>"
    "<visit><item ja='照会書兼回答書' source='000_0123456789abcdef.txt'>F</item></visit></applicant>"
    "<applicant type='holder' same-day='ask' source='000_0123456789abcdef.txt'><item ja='x' source='000_0123456789abcdef.txt'>I</item></applicant>"
    "</guide></guides>";
  g_autoptr(GPtrArray) sources = NULL;
  g_auto(GStrv) citations = NULL;
  MynaGuide *guide;
  MynaGuideApplicant *holder;
  g_autoptr(MynaGuideBook) parsed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(MynaGuideBook) broken = myna_guide_book_new_from_data (bad[i], -1, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(parsed)");
      g_assert_null (broken);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  parsed = myna_guide_book_new_from_data (good, -1, &error);
  g_assert_no_error (error);
  guide = myna_guide_book_lookup (parsed, "a");
  /* White space is normalised as xgettext does. */
  g_assert_cmpstr (myna_guide_get_summary (guide)->msgid, ==, "S split");

  /* Several citations, each once, with the reference's page and quote. */
  citations = myna_guide_source_split (myna_guide_get_title (guide)->source);
  g_assert_cmpuint (g_strv_length (citations), ==, 3);
  g_assert_cmpstr (citations[2], ==, "#r");
  g_assert_cmpstr (myna_guide_book_lookup_reference (parsed, "#r")->page, ==, "example.org …/p.html");
  g_assert_cmpstr (myna_guide_book_lookup_reference (parsed, "#r")->quote, ==, "「…」");
  g_assert_null (myna_guide_book_lookup_reference (parsed, "r"));
  sources = myna_guide_get_sources (guide);
  g_assert_cmpuint (sources->len, ==, 4);
  /* Seed 001 says who counts as a voluntary proxy. */
  g_assert_cmpstr (g_ptr_array_index (sources, 3), ==, "001_c8d8d414fb2b3419.txt");

  /* A holder the sources say nothing about as to the same day. */
  holder = g_ptr_array_index (myna_guide_get_applicants (guide), 1);
  g_assert_true (holder->same_day_unknown);
  g_assert_false (holder->same_day);
  g_assert_nonnull (strstr (myna_guide_applicant_get_timing (holder), "Ask"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guides/required", test_guides_required);
  g_test_add_func ("/guides/fields", test_guides_fields);
  g_test_add_func ("/guides/links", test_guides_links);
  g_test_add_func ("/guides/applicant-types", test_guides_applicant_types);
  g_test_add_func ("/guides/japanese-terms", test_guides_japanese_terms);
  g_test_add_func ("/guides/gettext", test_guides_gettext);
  g_test_add_func ("/guides/invalid", test_guides_invalid);

  return g_test_run ();
}
