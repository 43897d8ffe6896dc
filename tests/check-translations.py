#!/usr/bin/env python3
# check-translations.py
#
# Copyright 2026 The MynaCheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The translations, checked as a translator's review would:
#
#   linguas      po/LINGUAS lists every language the app offers
#   potfiles     every file with translatable strings is in po/POTFILES.in,
#                and every file listed there exists
#   comments     strings that name a PIN or an official term carry a
#                translator comment
#   <language>   msgfmt --check passes; every string of a fresh template is
#                translated and none is fuzzy; the plural forms are the
#                language's; the terms of po/glossary.json are used; every
#                phone number, fee, age and date of the English is there;
#                no meaning the reviews found inverted comes back (MEANING)
#   sources      the English itself states no fact the reviews found wrong
#   meaning-rules  each MEANING rule catches its bad example and passes
#                its good one, so that a rule cannot pass vacuously
#
# Usage: check-translations.py SOURCE_DIR [CHECK...]; TAP on standard output.

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from tap import print_results

SOURCE_DIR = os.path.abspath(sys.argv[1])
PO_DIR = os.path.join(SOURCE_DIR, 'po')

# The keywords and flags of meson's "glib" gettext preset, so that the
# template here is the one `ninja mynacheck-pot` writes.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--no-wrap',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

# The plural rules gettext and CLDR give each language.
PLURAL_FORMS = {
    'ja': 'nplurals=1; plural=0;',
    'zh_CN': 'nplurals=1; plural=0;',
    'ko': 'nplurals=1; plural=0;',
    'th': 'nplurals=1; plural=0;',
    'vi': 'nplurals=1; plural=0;',
    'id': 'nplurals=1; plural=0;',
    'es': 'nplurals=2; plural=(n != 1);',
    'pt_BR': 'nplurals=2; plural=(n > 1);',
    'ne': 'nplurals=2; plural=(n != 1);',
    # CLDR's Filipino: the "other" form only for numbers ending in 4, 6 or 9.
    'tl': 'nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);',
}

# Strings with these words need a note for the translator: official terms
# with one right translation, and PIN names a resident will see on forms.
NEEDS_COMMENT = [
    'user authentication PIN', 'signing password', 'card-info input support PIN',
    'resident registry PIN', 'within validity period', 'legal representative',
    'voluntary proxy', 'Basic Resident Registration card',
]

# A keyword with a string literal, which xgettext can extract.
TRANSLATABLE_C = re.compile(r'(?<![A-Za-z0-9_])(?:(?:_|N_|C_|NC_)\s*\(\s*"|(?:g_dngettext|g_dgettext)\s*\([^,()]*,\s*"[^"])')

results = []

# Meanings the independent reviews of 94ff42c found inverted or changed,
# as rules a script can check (../shared/reference/reviews/ and the notes
# of issue 13). For each entry whose English matches "msgid", every
# translation into a language listed must match "must" and must not match
# "must_not". "sample" is an English string the rule applies to and
# "examples" holds, per language, a translation of it the rule must refuse
# and one it must accept: check_meaning_rules() proves each rule can fail.
MEANING = [
    {
        'name': 'expired-is-past',
        'sample': 'expired, last day %s',
        'why': 'vi #542: "hết hạn sau %s" read as still valid',
        'msgid': r'^expired, last day %s$',
        'must': {'vi': r'đã hết hạn', 'ko': r'만료(됨|되었|된)', 'ja': r'期限切れ|失効|満了', 'zh_CN': r'已(过期|到期|失效)'},
        'must_not': {'vi': r'hết hạn sau', 'th': r'จะหมดอายุ|หมดอายุ(ใน|หลัง)', 'ko': r'%s\s*(이후|후)', 'zh_CN': r'%s\s*(后|以后|之后)'},
        'examples': {'vi': ('hết hạn sau %s', 'đã hết hạn (ngày cuối %s)'),
                     'th': ('หมดอายุหลัง %s', 'หมดอายุแล้ว (วันสุดท้าย %s)'),
                     'ko': ('%s 이후 만료', '만료됨(마지막 날 %s)')},
    },
    {
        'name': 'future-expiry-not-past',
        'sample': 'The signing certificate expires on %s, in %d days.',
        'why': 'the same confusion the other way: a certificate that still runs shown as expired',
        'msgid': r'(?i)\bexpires (on|at the end of today)\b',
        'must_not': {'vi': r'đã hết hạn', 'th': r'หมดอายุแล้ว', 'ko': r'만료(됨|되었)', 'zh_CN': r'已过期', 'ja': r'切れました|失効しました'},
        'examples': {'vi': ('Giấy chứng nhận đã hết hạn vào ngày %s.', 'Giấy chứng nhận sẽ hết hạn vào ngày %s.'),
                     'th': ('ใบรับรองหมดอายุแล้วเมื่อ %s', 'ใบรับรองจะหมดอายุวันที่ %s')},
    },
    {
        'name': 'renewal-open-not-deadline',
        'sample': 'renewal open, last day %s',
        'why': 'th, vi: "renewal open until %s" heard as the new end after renewal',
        'msgid': r'^renewal open, last day %s$',
        'must_not': {'vi': r'gia hạn đến %s', 'th': r'ต่ออายุได้ถึง %s', 'ja': r'更新受付中（%sまで）'},
        'examples': {'vi': ('có thể gia hạn đến %s', 'đang mở gia hạn (ngày cuối %s)'),
                     'th': ('ต่ออายุได้ถึง %s', 'เปิดต่ออายุแล้ว (วันสุดท้าย %s)')},
    },
    {
        'name': 'three-months-not-third-day',
        'sample': 'Renewal opens the day after the date three months before expiry.',
        'why': 'th #34, #82, #330: "วันที่ 3 เดือน" read as the 3rd of the month',
        'msgid': r'(?i)\bthree months before\b',
        'must': {'th': r'3 ?เดือน', 'vi': r'3 tháng', 'ko': r'3\s*개월', 'zh_CN': r'3\s*个月', 'ja': r'3\s*か月|3\s*カ月|３か月'},
        'must_not': {'th': r'วันที่ ?3 ?เดือน', 'vi': r'ngày (mùng |mồng )?3 tháng', 'ko': r'3\s*일\s*전', 'ja': r'3\s*日前'},
        'examples': {'th': ('ตั้งแต่วันถัดจากวันที่ 3 เดือนก่อนวันหมดอายุ', 'ตั้งแต่วันถัดจากวันที่ย้อนไป 3 เดือนก่อนวันหมดอายุ'),
                     'vi': ('từ ngày mùng 3 tháng trước', 'từ ngày sau ngày tương ứng 3 tháng trước khi hết hạn')},
    },
    {
        'name': 'nth-birthday-not-age',
        'sample': 'Renewed before they expire, they run to the 6th birthday after renewal.',
        'why': 'vi #51, #328, #329: "the 6th birthday after" read as turning six',
        'msgid': r'(?i)\b(5|6|10)(th) birthday',
        'must': {'vi': r'lần sinh nhật thứ \d+', 'th': r'วันเกิดครั้งที่ ?\d+', 'ja': r'\d+\s*回目の誕生日'},
        'must_not': {'vi': r'sinh nhật lần thứ', 'th': r'อายุครบ', 'ko': r'\d+\s*세\s*생일', 'ja': r'\d+\s*歳の誕生日', 'zh_CN': r'\d+\s*岁生日'},
        'examples': {'vi': ('đến sinh nhật lần thứ 6 của bạn', 'đến lần sinh nhật thứ 6 kể từ ngày gia hạn'),
                     'ja': ('10歳の誕生日まで', '発行から10回目の誕生日まで')},
    },
    {
        'name': 'special-permanent-residents',
        'sample': 'for foreign residents other than permanent and special permanent residents, to the end of the period of stay.',
        'why': 'ja #95, #328: 特別永住者 are not 永住者, and read the stay rule as theirs',
        'msgid': r'(?i)special permanent resident',
        'must': {'ja': r'特別永住者', 'ko': r'특별영주자', 'zh_CN': r'特别永住者'},
        'examples': {'ja': ('永住者以外の外国人住民の方は', '永住者・特別永住者以外の外国人住民の方は')},
    },
    {
        'name': 'certificate-fingerprint',
        'sample': 'Privacy on: names, serial numbers and certificate fingerprints are hidden.',
        'why': 'es, pt_BR, id, ne #117, #571: "fingerprints" among personal data read as biometric',
        'msgid': r'(?i)certificate fingerprints',
        'must': {'ja': r'フィンガープリント', 'ko': r'인증서 지문', 'zh_CN': r'证书指纹',
                 'vi': r'dấu vân tay.{0,24}(giấy )?chứng nhận|chứng nhận.{0,24}dấu vân tay',
                 'th': r'ลายนิ้วมือ.{0,24}ใบรับรอง',
                 'es': r'huellas digitales de los certificados|huella digital del certificado',
                 'pt_BR': r'impress(ões|ão) digita(is|l) d[oe]s? certificados?',
                 'id': r'sidik jari sertifikat', 'ne': r'प्रमाणपत्र'},
        'must_not': {'ja': r'指紋'},
        'examples': {'es': ('números de serie y huellas digitales', 'números de serie y huellas digitales de los certificados'),
                     'ja': ('シリアル番号、指紋', 'シリアル番号、電子証明書のフィンガープリント')},
    },
    {
        'name': 'last-try-this-time',
        'sample': 'I understand that one more wrong password _locks it',
        'why': 'ja #568: the last-try box read as a general warning',
        'msgid': r'(?i)one more wrong password',
        'must': {'ja': r'次に|あと1回|もう一度|今回'},
        'examples': {'ja': ('暗証番号を間違えるとロックされることを理解しました(_L)', '次に間違えるとロックされることを理解しました(_L)')},
    },
    {
        'name': 'no-line-in-own-language',
        'sample': 'No line takes calls in your language.',
        'why': 'ko #409: said that no line speaks Korean, which the foreign-language line does 24 hours',
        'msgid': r'(?i)^No line .*your language',
        'must_not': {'ko': r'한국어', 'zh_CN': r'中文|汉语', 'es': r'(?i)español', 'pt_BR': r'(?i)portugu[eê]s',
                     'vi': r'(?i)tiếng việt', 'th': r'ภาษาไทย', 'id': r'(?i)bahasa indonesia',
                     'tl': r'(?i)tagalog|filipino', 'ne': r'नेपाली'},
        'examples': {'ko': ('한국어로 응대하는 전화는 없습니다.', '사용자의 언어로 응대하는 전화는 없습니다.')},
    },
    {
        'name': 'idle-not-hours',
        'sample': 'card data cleared when the card leaves or after a while without use',
        'why': 'tl: "ilang oras" (a few hours) for a 90-second idle time',
        'msgid': r'(?i)while without use|idle time',
        'must_not': {'tl': r'(?i)ilang oras'},
        'examples': {'tl': ('pagkatapos ng ilang oras na hindi ginagamit', 'pagkatapos ng ilang sandaling hindi ginagamit')},
    },
    {
        'name': 'blue-envelope',
        'sample': 'J-LIS mails a notice in a blue envelope.',
        'why': 'vi #46: "xanh" alone can be green; the notice comes in a blue envelope',
        'msgid': r'(?i)\bblue envelope\b',
        'must': {'vi': r'xanh dương|xanh lam', 'th': r'สีน้ำเงิน|สีฟ้า'},
        'examples': {'vi': ('phong bì màu xanh', 'phong bì màu xanh dương')},
    },
]

# Facts the English itself must not state again (the fact review of 94ff42c).
SOURCE_RULES = [
    {
        'name': 'foreign-language-line-is-free',
        'why': 'LC6: 0120-0178-27 is free (seed 001), so "the other lines are charged" must name it',
        'msgid': r'(?i)other lines are charged',
        'must': r'0120-0178-27',
    },
    {
        'name': 'special-permanent-residents',
        'why': 'ja #95: "other than permanent residents" leaves special permanent residents out',
        'msgid': r'(?i)other than permanent residents',
        'must': r'special permanent',
    },
]

# Digits the translation must keep: phone numbers, fees, ages, dates.
# Ordinals ("the 5th birthday") may be written as words, and a shop's name
# (7-Eleven, セブン-イレブン) as the language writes it.
NUMBER = re.compile(r'(?<![%\w])\d[\d,.\-:]*\d(?![a-z])|(?<![%\w.])\d(?![\w.,])')
ORDINAL = re.compile(r'\b\d+(st|nd|rd|th)\b')


def report(ok, name, detail=''):
    results.append((ok, name, detail))


def unquote(text):
    return json.loads('"' + text.replace('\t', '\\t') + '"')


def parse_po(path):
    """The entries of a .po or .pot file, as dicts: msgctxt, msgid,
    msgid_plural, msgstr (a list), flags, comments (extracted), obsolete."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and 'msgid' in entry:
            entries.append(entry)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if not line:
                finish()
                entry, field = None, None
                continue
            if entry is None:
                entry = {'msgstr': [], 'flags': set(), 'comments': [], 'obsolete': False}
            if obsolete:
                entry['obsolete'] = True
            if line.startswith('#,'):
                entry['flags'].update(flag.strip() for flag in line[2:].split(','))
            elif line.startswith('#.'):
                entry['comments'].append(line[2:].strip())
            elif line.startswith('#'):
                continue
            elif line.startswith('"'):
                value = unquote(line[1:-1])
                if field == 'msgstr':
                    entry['msgstr'][-1] += value
                else:
                    entry[field] += value
            else:
                keyword, _, rest = line.partition(' ')
                value = unquote(rest.strip()[1:-1])
                if keyword.startswith('msgstr'):
                    field = 'msgstr'
                    entry['msgstr'].append(value)
                else:
                    field = keyword
                    entry[keyword] = value
    finish()

    return entries


def potfiles():
    with open(os.path.join(PO_DIR, 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def make_template(directory):
    template = os.path.join(directory, 'mynacheck.pot')
    env = dict(os.environ, GETTEXTDATADIRS=PO_DIR)
    subprocess.run(['xgettext', *XGETTEXT_ARGS, '--directory', SOURCE_DIR,
                    '--files-from', os.path.join(PO_DIR, 'POTFILES.in'), '-o', template],
                   check=True, env=env, capture_output=True)
    return template


def check_potfiles():
    listed = set(potfiles())
    missing_files = sorted(path for path in listed if not os.path.exists(os.path.join(SOURCE_DIR, path)))
    found = set()

    for top in ('src', 'ui', 'data'):
        for root, _, names in os.walk(os.path.join(SOURCE_DIR, top)):
            for name in names:
                path = os.path.join(root, name)
                relative = os.path.relpath(path, SOURCE_DIR)
                with open(path, encoding='utf-8', errors='replace') as f:
                    text = f.read()
                if name.endswith('.c') and TRANSLATABLE_C.search(re.sub(r'/\*.*?\*/', '', text, flags=re.S)):
                    found.add(relative)
                elif name.endswith('.ui') and 'translatable="yes"' in text:
                    found.add(relative)
                elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')) or name == 'guides.xml':
                    found.add(relative)

    unlisted = sorted(found - listed)
    report(not unlisted and not missing_files, 'potfiles',
           ''.join(f'not in POTFILES.in: {path}\n' for path in unlisted) +
           ''.join(f'listed but missing: {path}\n' for path in missing_files))


def check_comments(template):
    lacking = []
    for entry in parse_po(template):
        if not entry['msgid']:
            continue
        lower = entry['msgid'].lower()
        if any(term.lower() in lower for term in NEEDS_COMMENT) and not entry['comments']:
            lacking.append(entry['msgid'])
    report(not lacking, 'comments', ''.join(f'no translator comment: {msgid}\n' for msgid in lacking))


def load_glossary():
    with open(os.path.join(PO_DIR, 'glossary.json'), encoding='utf-8') as f:
        terms = json.load(f)['terms']
    # Longest English form first, so that "user authentication PIN" is
    # checked as itself and not as "PIN".
    forms = []
    for term in terms:
        for form in term['en']:
            forms.append((form.lower(), term))
    forms.sort(key=lambda pair: -len(pair[0]))
    return forms


def glossary_problems(entry, language, forms):
    text = entry['msgid'].lower()
    if 'msgid_plural' in entry:
        text += '\n' + entry['msgid_plural'].lower()
    translations = [msgstr.lower() for msgstr in entry['msgstr']]
    problems = []
    seen = set()

    for form, term in forms:
        start = text.find(form)
        if start < 0:
            continue
        # Masks the match, so that shorter terms inside it are not checked.
        while start >= 0:
            text = text[:start] + '\0' * len(form) + text[start + len(form):]
            start = text.find(form)
        if term['id'] in seen:
            continue
        seen.add(term['id'])
        allowed = [word.lower() for word in term['translations'].get(language, [])]
        if not allowed:
            continue
        if not all(any(word in msgstr for word in allowed) for msgstr in translations):
            problems.append(f'{term["id"]}: expected one of {allowed} in “{entry["msgstr"][0]}” '
                            f'for “{entry["msgid"]}”')
    return problems


def normalize_digits(text):
    # Full-width, Devanagari and Thai digits as ASCII; thousands grouped
    # with a comma, a dot or a space as plain digits.
    text = unicodedata.normalize('NFKC', text)
    text = text.translate({0x0966 + i: str(i) for i in range(10)})
    text = text.translate({0x0E50 + i: str(i) for i in range(10)})
    return re.sub(r'(\d)[,. \u00a0](\d{3})(?!\d)', r'\1\2', text)


def number_problems(entry):
    english = entry['msgid'] + '\n' + entry.get('msgid_plural', '')
    english = ORDINAL.sub('', english).replace('7-Eleven', 'Seven-Eleven')
    wanted = {normalize_digits(number) for number in NUMBER.findall(english)}
    problems = []
    for msgstr in entry['msgstr']:
        translation = normalize_digits(msgstr)
        for number in sorted(wanted):
            if number not in translation:
                problems.append(f'numbers: “{number}” of “{entry["msgid"]}” is not in “{msgstr}”')
    return problems


def meaning_problems(entry, language, rules=None):
    english = entry['msgid'] + '\n' + entry.get('msgid_plural', '')
    problems = []
    for rule in rules or MEANING:
        if not re.search(rule['msgid'], english):
            continue
        must = rule.get('must', {}).get(language)
        must_not = rule.get('must_not', {}).get(language)
        for msgstr in entry['msgstr']:
            if must is not None and not re.search(must, msgstr):
                problems.append(f'meaning {rule["name"]} ({rule["why"]}): “{msgstr}” for “{entry["msgid"]}” '
                                f'does not say /{must}/')
            if must_not is not None and re.search(must_not, msgstr):
                problems.append(f'meaning {rule["name"]} ({rule["why"]}): “{msgstr}” for “{entry["msgid"]}” '
                                f'says /{must_not}/')
    return problems


def check_meaning_rules():
    problems = []
    for rule in MEANING:
        if not rule.get('examples'):
            problems.append(f'{rule["name"]}: no example to prove it can fail')
        for language, (bad, good) in rule.get('examples', {}).items():
            msgid = rule['sample']
            if not re.search(rule['msgid'], msgid):
                problems.append(f'{rule["name"]}: cannot build an English example from /{rule["msgid"]}/')
                continue
            if not meaning_problems({'msgid': msgid, 'msgstr': [bad]}, language, [rule]):
                problems.append(f'{rule["name"]}: the bad {language} example “{bad}” passes')
            if meaning_problems({'msgid': msgid, 'msgstr': [good]}, language, [rule]):
                problems.append(f'{rule["name"]}: the good {language} example “{good}” fails')
    report(not problems, 'meaning-rules', ''.join(p + '\n' for p in problems))


def check_sources(template):
    problems = []
    for entry in parse_po(template):
        english = entry['msgid'] + '\n' + entry.get('msgid_plural', '')
        for rule in SOURCE_RULES:
            if re.search(rule['msgid'], english) and not re.search(rule['must'], english):
                problems.append(f'{rule["name"]} ({rule["why"]}): “{entry["msgid"]}”')
    report(not problems, 'sources', ''.join(p + '\n' for p in problems))


def check_language(language, template, forms):
    po = os.path.join(PO_DIR, f'{language}.po')
    if not os.path.exists(po):
        report(False, language, f'{po} is missing\n')
        return

    problems = []
    check = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                           capture_output=True, text=True)
    if check.returncode != 0:
        problems.append(check.stderr)
    elif 'untranslated' in check.stderr or 'fuzzy' in check.stderr:
        problems.append(check.stderr)

    compare = subprocess.run(['msgcmp', po, template], capture_output=True, text=True)
    if compare.returncode != 0:
        problems.append('not up to date with the sources:\n' + compare.stderr)

    entries = parse_po(po)
    header = next((e for e in entries if e['msgid'] == ''), None)
    expected = PLURAL_FORMS[language]
    if header is None or f'Plural-Forms: {expected}' not in header['msgstr'][0]:
        problems.append(f'the header must say “Plural-Forms: {expected}”')

    for entry in entries:
        if entry['obsolete'] or not entry['msgid']:
            continue
        problems.extend(glossary_problems(entry, language, forms))
        if entry['msgstr'] and any(entry['msgstr']):
            problems.extend(number_problems(entry))
            problems.extend(meaning_problems(entry, language))

    report(not problems, language, '\n'.join(problems))


def app_languages():
    # The language table of src/model/myna-i18n.c: { "code", "catalog", "endonym" }.
    with open(os.path.join(SOURCE_DIR, 'src', 'model', 'myna-i18n.c'), encoding='utf-8') as f:
        return re.findall(r'\{ "[a-z]+", "([a-zA-Z_]+)",\s*"', f.read())


def check_linguas(languages):
    expected = [language for language in app_languages() if language != 'en']
    missing = [language for language in expected if language not in languages]
    unknown = [language for language in languages if language not in expected or language not in PLURAL_FORMS]
    detail = ''
    if missing:
        detail += 'the app offers these languages, but po/LINGUAS lacks them: ' + ' '.join(missing) + '\n'
    if unknown:
        detail += 'po/LINGUAS lists languages the app does not offer: ' + ' '.join(unknown) + '\n'
    report(not missing and not unknown and bool(expected), 'linguas', detail)


def main():
    only = set(sys.argv[2:])
    with open(os.path.join(PO_DIR, 'LINGUAS'), encoding='utf-8') as f:
        languages = [word for line in f for word in line.split('#')[0].split()]
    if not only or 'linguas' in only:
        check_linguas(languages)

    with tempfile.TemporaryDirectory() as directory:
        template = make_template(directory)
        if not only or 'potfiles' in only:
            check_potfiles()
        if not only or 'comments' in only:
            check_comments(template)
        if not only or 'sources' in only:
            check_sources(template)
        if not only or 'meaning-rules' in only:
            check_meaning_rules()
        # A language named on the command line is checked even before it
        # is in LINGUAS, so that a new catalog can be checked on its own.
        checked = languages if not only else [language for language in PLURAL_FORMS if language in only]
        if checked:
            forms = load_glossary()
            for language in checked:
                check_language(language, template, forms)

    return print_results(results)


if __name__ == '__main__':
    sys.exit(main())
