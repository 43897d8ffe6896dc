#!/usr/bin/env python3
# check-packaging.py
#
# Copyright 2026 The MynaCheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# MynaCheck as a distribution or Flathub would take it:
#
#   install   `meson install` into a DESTDIR puts the binary, every catalog,
#             the desktop file, metainfo, schema, icons, man page and the
#             JSON schema where they belong, and each is valid there
#   manpage   mynacheck.1 formats without a warning and documents every
#             option, exit code and setting the program has;
#             mynacheck-virtual-card.1 formats and documents every option
#   flatpak   the manifest parses, uses the current GNOME runtime, asks for
#             nothing beyond IPC, display, GPU and PC/SC, and builds a
#             client-only pcsc-lite that talks to the host's pcscd
#
# Usage: check-packaging.py SOURCE_DIR BUILD_DIR; TAP on standard output.

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

from tap import print_results

SOURCE_DIR = os.path.abspath(sys.argv[1])
BUILD_DIR = os.path.abspath(sys.argv[2])
APP_ID = 'io.github.mynacheck.MynaCheck'

# The GNOME release that is stable on 2026-11-30 (GNOME 51, September 2026).
GNOME_RUNTIME_VERSION = '51'
FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri', '--socket=pcsc'}

results = []


def report(ok, name, problems):
    results.append((ok, name, '\n'.join(problems)))


def run(*args, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True, **kwargs)


def linguas():
    with open(os.path.join(SOURCE_DIR, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [word for line in f for word in line.split('#')[0].split()]


def check_svg(path, problems):
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        problems.append(f'{path}: not well-formed XML: {error}')
        return
    if root.tag != '{http://www.w3.org/2000/svg}svg':
        problems.append(f'{path}: the root element is {root.tag}, not an SVG <svg>')
    if root.get('viewBox') is None:
        problems.append(f'{path}: no viewBox, so it does not scale')


def check_install():
    problems = []
    with tempfile.TemporaryDirectory() as destdir:
        result = run('meson', 'install', '-C', BUILD_DIR, '--no-rebuild', '--quiet', '--destdir', destdir)
        if result.returncode != 0:
            report(False, 'install', ['meson install failed:', result.stdout, result.stderr])
            return

        options = json.loads(run('meson', 'introspect', BUILD_DIR, '--buildoptions').stdout)
        prefix = next(option['value'] for option in options if option['name'] == 'prefix')

        def installed(relative):
            return os.path.join(destdir, prefix.lstrip('/'), relative)

        expected = [
            'bin/mynacheck',
            f'share/applications/{APP_ID}.desktop',
            f'share/metainfo/{APP_ID}.metainfo.xml',
            f'share/glib-2.0/schemas/{APP_ID}.gschema.xml',
            f'share/icons/hicolor/scalable/apps/{APP_ID}.svg',
            f'share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg',
            'share/man/man1/mynacheck.1',
            'share/man/man1/mynacheck-virtual-card.1',
            'share/doc/mynacheck/status-json.md',
        ]
        expected += [f'share/locale/{language}/LC_MESSAGES/mynacheck.mo' for language in linguas()]
        for relative in expected:
            if not os.path.isfile(installed(relative)):
                problems.append(f'not installed: {prefix}/{relative}')
        if problems:
            report(False, 'install', problems)
            return

        if not os.access(installed('bin/mynacheck'), os.X_OK):
            problems.append('bin/mynacheck is not executable')

        desktop = installed(f'share/applications/{APP_ID}.desktop')
        result = run('desktop-file-validate', desktop)
        if result.returncode != 0 or result.stdout.strip():
            problems.append('desktop-file-validate: ' + result.stdout + result.stderr)
        with open(desktop, encoding='utf-8') as f:
            text = f.read()
        for language in linguas():
            if f'Name[{language}]=' not in text and f'Comment[{language}]=' not in text:
                problems.append(f'the desktop file has no {language} translation')
            if f'Keywords[{language}]=' not in text:
                problems.append(f'the desktop file has no {language} keywords')
        for keyword in ('マイナンバーカード', '電子証明書'):
            for line in text.splitlines():
                if line.startswith('Keywords') and keyword not in line:
                    problems.append(f'{line.split("=")[0]} lacks {keyword}')

        metainfo = installed(f'share/metainfo/{APP_ID}.metainfo.xml')
        result = run('appstreamcli', 'validate', '--no-net', '--explain', metainfo)
        if result.returncode != 0:
            problems.append('appstreamcli validate: ' + result.stdout + result.stderr)
        translated = {element.get('{http://www.w3.org/XML/1998/namespace}lang')
                      for element in ElementTree.parse(metainfo).getroot().iter('summary')}
        for language in linguas():
            if language not in translated:
                problems.append(f'the metainfo summary has no {language} translation')

        result = run('glib-compile-schemas', '--strict', '--dry-run',
                     os.path.dirname(installed(f'share/glib-2.0/schemas/{APP_ID}.gschema.xml')))
        if result.returncode != 0:
            problems.append('glib-compile-schemas: ' + result.stderr)

        for relative in expected:
            if relative.endswith('.svg'):
                check_svg(installed(relative), problems)

        for language in linguas():
            mo = installed(f'share/locale/{language}/LC_MESSAGES/mynacheck.mo')
            result = run('msgunfmt', mo)
            if result.returncode != 0 or 'msgid "Electronic Certificates"' not in result.stdout:
                problems.append(f'{mo} does not hold the app\'s strings')

    report(not problems, 'install', problems)


def program_options(program='mynacheck'):
    result = run(os.path.join(BUILD_DIR, 'src', program), '--help-all',
                 env=dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8'))
    return sorted(set(re.findall(r'(?m)^\s+(?:-\w, )?(--[a-z][a-z-]*)', result.stdout))), result.stdout


def check_manpage():
    problems = []
    page = os.path.join(SOURCE_DIR, 'data', 'mynacheck.1')
    result = run('groff', '-k', '-man', '-Tutf8', '-ww', '-z', page)
    if result.returncode != 0 or result.stderr.strip():
        problems.append('groff: ' + result.stderr)
    with open(page, encoding='utf-8') as f:
        source = f.read()
    text = source.replace('\\-', '-')

    options, help_text = program_options()
    if len(options) < 10:
        problems.append('could not read the options of mynacheck --help-all:\n' + help_text)
    for option in options:
        if not re.search(r'(?m)^\.(?:B|BR|TP)\b.*' + re.escape(option) + r'\b', text):
            problems.append(f'the option {option} is not documented')

    with open(os.path.join(SOURCE_DIR, 'src', 'cli', 'myna-cli.h'), encoding='utf-8') as f:
        codes = [int(code) for code in re.findall(r'MYNA_EXIT_\w+\s*=\s*(\d+)', f.read())]
    if len(codes) < 10:
        problems.append('could not read the exit codes from src/cli/myna-cli.h')
    section = text.split('.SH EXIT STATUS', 1)[-1].split('.SH ', 1)[0]
    for code in codes:
        if not re.search(rf'(?m)^\.B {code}$', section):
            problems.append(f'the exit code {code} is not documented')

    schema = ElementTree.parse(os.path.join(SOURCE_DIR, 'data', f'{APP_ID}.gschema.xml'))
    for key in schema.getroot().iter('key'):
        if not re.search(r'\.BR? ' + re.escape(key.get('name')) + r'\b', text):
            problems.append(f'the setting {key.get("name")} is not documented')

    # The vpcd bridge is installed too, so it has its own page.
    page = os.path.join(SOURCE_DIR, 'data', 'mynacheck-virtual-card.1')
    result = run('groff', '-k', '-man', '-Tutf8', '-ww', '-z', page)
    if result.returncode != 0 or result.stderr.strip():
        problems.append('groff: ' + result.stderr)
    with open(page, encoding='utf-8') as f:
        text = f.read().replace('\\-', '-')
    options, help_text = program_options('mynacheck-virtual-card')
    if len(options) < 10:
        problems.append('could not read the options of mynacheck-virtual-card --help-all:\n' + help_text)
    for option in options:
        if not re.search(r'(?m)^\.(?:B|BR|TP)\b.*' + re.escape(option) + r'\b', text):
            problems.append(f'mynacheck-virtual-card.1 does not document {option}')

    report(not problems, 'manpage', problems)


def check_flatpak():
    problems = []
    path = os.path.join(SOURCE_DIR, 'flatpak', f'{APP_ID}.json')
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        report(False, 'flatpak', [f'{path}: {error}'])
        return

    if manifest.get('id') != APP_ID:
        problems.append(f'id is {manifest.get("id")}, not {APP_ID}')
    if manifest.get('command') != 'mynacheck':
        problems.append('command is not mynacheck')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        problems.append('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
    if manifest.get('runtime-version') != GNOME_RUNTIME_VERSION:
        problems.append(f'runtime-version is {manifest.get("runtime-version")}, not the current stable {GNOME_RUNTIME_VERSION}')
    finish_args = set(manifest.get('finish-args', []))
    if finish_args != FINISH_ARGS:
        problems.append(f'finish-args must be exactly {sorted(FINISH_ARGS)}; extra: {sorted(finish_args - FINISH_ARGS)}, '
                        f'missing: {sorted(FINISH_ARGS - finish_args)}')

    modules = manifest.get('modules', [])
    names = [module.get('name') if isinstance(module, dict) else module for module in modules]
    if 'pcsc-lite' not in names or names[-1] != 'mynacheck' or names.index('pcsc-lite') > names.index('mynacheck'):
        problems.append(f'modules must build pcsc-lite, then mynacheck last; they are {names}')
    else:
        pcsc = modules[names.index('pcsc-lite')]
        options = pcsc.get('config-opts', [])
        if '-Dipcdir=/run/pcscd' not in options:
            problems.append('pcsc-lite must use the IPC directory /run/pcscd that --socket=pcsc mounts')
        for option in ('-Dlibsystemd=false', '-Dlibudev=false', '-Dusb=false', '-Dpolkit=false'):
            if option not in options:
                problems.append(f'pcsc-lite lacks {option}: the client needs no daemon features')
        cleanup = pcsc.get('cleanup', [])
        if '/sbin' not in cleanup:
            problems.append('pcsc-lite must remove its daemon (/sbin/pcscd): the host runs pcscd')
        sources = pcsc.get('sources', [])
        tags = [source.get('tag') for source in sources if source.get('tag')]
        if not tags:
            problems.append('pcsc-lite must be pinned to a release tag')
        # Before 2.4.1 the client and the host's pcscd had to speak the same
        # protocol minor (4.4 against 4.5 since 2.3.0), so a Flatpak worked
        # on either old or new hosts, never both.
        elif tuple(int(part) for part in tags[0].split('.')) < (2, 4, 1):
            problems.append(f'pcsc-lite {tags[0]} cannot talk to both older and newer host daemons; use 2.4.1 or later')

        app = modules[-1]
        if '-Dtests=false' not in app.get('config-opts', []):
            problems.append('mynacheck must be built without its tests (-Dtests=false)')

    report(not problems, 'flatpak', problems)


def main():
    checks = {'install': check_install, 'manpage': check_manpage, 'flatpak': check_flatpak}
    only = sys.argv[3:] or list(checks)
    for name in only:
        checks[name]()

    return print_results(results)


if __name__ == '__main__':
    sys.exit(main())
