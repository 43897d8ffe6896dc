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
#                language's; the terms of po/glossary.json are used
#
# Usage: check-translations.py SOURCE_DIR [CHECK...]; TAP on standard output.

import json
import os
import re
import subprocess
import sys
import tempfile

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
