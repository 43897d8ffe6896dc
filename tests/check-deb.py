#!/usr/bin/env python3
# check-deb.py
#
# Copyright 2026 The MynaCheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Debian package, built, installed and removed as a user would:
#
#   build      build-aux/build-deb builds mynacheck_VERSION_ARCH.deb with
#              dpkg-buildpackage -us -uc -b from a copy of the source tree in
#              a temporary directory; dh_auto_test ran the "core" suite and
#              said why it skipped "pcscd" and "gui"
#   lintian    no error and no warning that debian/ does not override
#   install    apt-get install ./mynacheck_*.deb (which brings any missing
#              Depends from the archive)
#   files      every file where the desktop, GNOME Software, man and gettext
#              look, and each of dpkg -L mynacheck on disk
#   version    /usr/bin/mynacheck --version is the version of meson.build
#              and of debian/changelog
#   status-ja  LANGUAGE=ja mynacheck --status --demo valid, from /usr/bin,
#              with no build directory in the environment: exit 0 and
#              Japanese from the installed catalog
#   desktop    desktop-file-validate; in the icon cache
#   metainfo   appstreamcli validate --no-net
#   schema     compiled into gschemas.compiled by the glib trigger, and
#              gsettings list-keys lists the keys of the schema
#   manpages   both pages format without a warning
#   purge      apt-get purge mynacheck; then no file of dpkg -L is left, no
#              directory that only the package had, and gsettings, the icon
#              cache and the desktop cache no longer know the app
#
# It installs into the real /usr, so it needs root; without root, or without
# dpkg-buildpackage, it skips and says why. It also skips when mynacheck is
# already installed, rather than remove it. The package is purged whatever
# happens: in a `finally`, and when the test is stopped (meson sends
# SIGTERM, then SIGKILL half a second later), by a purge started in its own
# session, which outlives the test. A lock file keeps two runs on one
# machine (other checkouts) from overlapping.
#
# Usage: check-deb.py SOURCE_DIR BUILD_DIR; TAP on standard output. The
# build and lintian logs are kept in BUILD_DIR/meson-logs/deb-*.log.

import fcntl
import glob
import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

from tap import print_results

SOURCE_DIR = os.path.abspath(sys.argv[1])
BUILD_DIR = os.path.abspath(sys.argv[2])
APP_ID = 'io.github.mynacheck.MynaCheck'
PACKAGE = 'mynacheck'
LOCK_FILE = '/run/lock/mynacheck-deb-test.lock'
APT_OPTIONS = ['-y', '-q', '-o', 'DPkg::Lock::Timeout=600']

SCHEMAS_COMPILED = '/usr/share/glib-2.0/schemas/gschemas.compiled'
ICON_CACHE = '/usr/share/icons/hicolor/icon-theme.cache'
DESKTOP_CACHE = '/usr/share/applications/mimeinfo.cache'

# As a build daemon or a user's shell would have it: nothing of the build
# tree (GSETTINGS_SCHEMA_DIR, MYNACHECK_LOCALEDIR), of meson test
# (MALLOC_PERTURB_) or of the display the other tests run under.
CLEAN_ENV = {
    'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'HOME': os.environ.get('HOME', '/root'),
    'LC_ALL': 'C.UTF-8',
}
for name in ('TMPDIR', 'DEB_BUILD_OPTIONS', 'DEB_BUILD_PROFILES', 'http_proxy', 'https_proxy'):
    if name in os.environ:
        CLEAN_ENV[name] = os.environ[name]

results = []
may_be_installed = False
outdir = None


def report(ok, name, problems):
    results.append((ok, name, '\n'.join(problems)))


def run(*args, env=None, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True,
                          env=env if env is not None else CLEAN_ENV, **kwargs)


def linguas():
    with open(os.path.join(SOURCE_DIR, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [word for line in f for word in line.split('#')[0].split()]


def package_status():
    result = run('dpkg-query', '-W', '-f=${db:Status-Abbrev}', PACKAGE)
    return result.stdout.strip() if result.returncode == 0 else 'un'


def po_translations(language):
    """msgid -> msgstr of po/LANGUAGE.po (no context, no plurals)."""
    entries = {}
    current = {}
    key = None

    def unquote(text):
        return text.strip()[1:-1].encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')

    def flush():
        if 'msgctxt' not in current and 'msgid' in current and 'msgstr' in current:
            entries[current['msgid']] = current['msgstr']

    with open(os.path.join(SOURCE_DIR, 'po', f'{language}.po'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                if match.group(1) in ('msgctxt', 'msgid') and 'msgstr' in current:
                    flush()
                    current = {}
                key = match.group(1)
                current[key] = unquote(match.group(2))
            elif line.startswith('"') and key is not None:
                current[key] += unquote(line)
            elif not line.strip():
                flush()
                current = {}
                key = None
        flush()
    return entries


def on_signal(signum, frame):
    """Stopped (meson's timeout, ^C): purge and clean up from a process in
    a session of its own, as meson kills the test's process group half a
    second after SIGTERM."""
    commands = []
    if may_be_installed:
        commands.append(' '.join(['apt-get', 'purge'] + APT_OPTIONS + [PACKAGE]))
    if outdir is not None:
        commands.append(f"rm -rf '{outdir}'")
    if commands:
        subprocess.Popen(['sh', '-c', '; '.join(commands)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=dict(CLEAN_ENV, DEBIAN_FRONTEND='noninteractive'), start_new_session=True)
        print(f'# stopped by signal {signum}: in the background, ' + '; '.join(commands), flush=True)
    os._exit(128 + signum)


def skip_all(reason):
    print(f'1..0 # SKIP {reason}')
    return 0


def build():
    """Runs build-aux/build-deb; returns the .deb's path or None."""
    started = time.monotonic()
    result = run(os.path.join(SOURCE_DIR, 'build-aux', 'build-deb'), outdir)
    seconds = time.monotonic() - started

    logs = os.path.join(BUILD_DIR, 'meson-logs')
    os.makedirs(logs, exist_ok=True)
    with open(os.path.join(logs, 'deb-build-deb.log'), 'w', encoding='utf-8') as f:
        f.write(result.stdout + result.stderr)
    for name in ('build.log', 'lintian.log'):
        if os.path.exists(os.path.join(outdir, name)):
            shutil.copy(os.path.join(outdir, name), os.path.join(logs, 'deb-' + name))

    debs = [path for path in glob.glob(os.path.join(outdir, f'{PACKAGE}_*.deb'))]
    build_log = ''
    if os.path.exists(os.path.join(outdir, 'build.log')):
        with open(os.path.join(outdir, 'build.log'), encoding='utf-8', errors='replace') as f:
            build_log = f.read()

    problems = []
    notes = [f'build-aux/build-deb took {seconds:.0f} s; logs in {logs}/deb-*.log']
    if len(debs) != 1:
        tail = (result.stdout + result.stderr).splitlines()[-60:]
        report(False, 'build', [f'no {PACKAGE}_*.deb in {outdir}: build-aux/build-deb exited {result.returncode}'] + tail)
        return None

    # dh_auto_test's own account of what it ran and skipped, and the
    # summary of meson test.
    test_lines = [line for line in build_log.splitlines()
                  if line.startswith('dh_auto_test:') or re.match(r'^(Ok|Fail|Skipped|Timeout): ', line)]
    nocheck = 'nocheck' in CLEAN_ENV.get('DEB_BUILD_OPTIONS', '')
    if not nocheck:
        if not any("suite 'core'" in line for line in test_lines):
            problems.append('dh_auto_test did not run the core suite')
        for suite in ('pcscd', 'gui'):
            if not any(f"SKIP suite '{suite}'" in line for line in test_lines):
                problems.append(f'dh_auto_test does not say why it skips the {suite} suite')
        if not re.search(r'(?m)^Fail: +0 *$', build_log) or not re.search(r'(?m)^Ok: +[1-9]', build_log):
            problems.append('no meson test summary with tests passed and none failed in the build log')
    report(not problems, 'build', notes + test_lines + problems)

    lintian_log = ''
    if os.path.exists(os.path.join(outdir, 'lintian.log')):
        with open(os.path.join(outdir, 'lintian.log'), encoding='utf-8', errors='replace') as f:
            lintian_log = f.read()
    tags = [line for line in lintian_log.splitlines() if re.match(r'^[EWIPXO]: ', line)]
    if result.returncode != 0:
        report(False, 'lintian', [f'build-aux/build-deb exited {result.returncode}'] + (lintian_log or result.stderr).splitlines()[-80:])
    else:
        report(True, 'lintian', ['no error or warning; info tags:'] + (tags or ['none']))
    return debs[0]


def check_installed(deb, version):
    files = run('dpkg', '-L', PACKAGE).stdout.split('\n')
    files = [path for path in files if path.startswith('/') and path != '/.']

    # Files, where the desktop and GNOME Software look for them.
    problems = []
    expected = [
        '/usr/bin/mynacheck',
        '/usr/bin/mynacheck-virtual-card',
        f'/usr/share/applications/{APP_ID}.desktop',
        f'/usr/share/metainfo/{APP_ID}.metainfo.xml',
        f'/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg',
        f'/usr/share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg',
        f'/usr/share/glib-2.0/schemas/{APP_ID}.gschema.xml',
        '/usr/share/man/man1/mynacheck.1.gz',
        '/usr/share/man/man1/mynacheck-virtual-card.1.gz',
        '/usr/share/doc/mynacheck/copyright',
        '/usr/share/doc/mynacheck/changelog.Debian.gz',
    ]
    expected += [f'/usr/share/locale/{language}/LC_MESSAGES/mynacheck.mo' for language in linguas()]
    for path in expected:
        if path not in files:
            problems.append(f'not in dpkg -L {PACKAGE}: {path}')
        elif not os.path.isfile(path) or os.path.getsize(path) == 0:
            problems.append(f'missing or empty: {path}')
    if not any(path.startswith('/usr/share/doc/mynacheck/status-json.md') for path in files):
        problems.append('the JSON schema (status-json.md) is not in /usr/share/doc/mynacheck')
    for path in files:
        if not os.path.lexists(path):
            problems.append(f'in dpkg -L but not on disk: {path}')
        if path != '/usr' and not path.startswith('/usr/'):
            problems.append(f'outside /usr: {path}')
    for path in ('/usr/bin/mynacheck', '/usr/bin/mynacheck-virtual-card'):
        if os.path.exists(path) and not os.access(path, os.X_OK):
            problems.append(f'{path} is not executable')
    report(not problems, 'files', [f'{len(files)} paths in dpkg -L {PACKAGE}'] + problems)

    # The version, from the installed binary.
    problems = []
    result = run('/usr/bin/mynacheck', '--version')
    if result.returncode != 0 or result.stdout.strip() != f'MynaCheck {version}':
        problems.append(f'mynacheck --version: exit {result.returncode}, {result.stdout!r} {result.stderr!r}; '
                        f'expected "MynaCheck {version}"')
    result = run('dpkg-query', '-W', '-f=${Version}', PACKAGE)
    if not result.stdout.startswith(version + '-'):
        problems.append(f'the package is version {result.stdout}, meson.build says {version}')
    report(not problems, 'version', problems)

    # Japanese from the installed catalog; the man page's exit status 0,
    # "the card was read". No build directory in the environment: the
    # schema and catalog must be the installed ones.
    problems = []
    ja = po_translations('ja')
    expected_lines = {msgid: ja.get(msgid) for msgid in ('PINs', 'Certificates')}
    with tempfile.TemporaryDirectory(prefix='home-', dir=outdir) as home:
        env = dict(CLEAN_ENV, HOME=home, LANGUAGE='ja', GSETTINGS_BACKEND='memory')
        result = run('/usr/bin/mynacheck', '--status', '--demo', 'valid', env=env)
    lines = [line.strip() for line in result.stdout.splitlines()]
    if result.returncode != 0:
        problems.append(f'exit {result.returncode}, not 0 (the card was read): {result.stderr}')
    for msgid, msgstr in expected_lines.items():
        if not msgstr:
            problems.append(f'po/ja.po has no translation of "{msgid}"')
        elif msgstr not in lines:
            problems.append(f'no line "{msgstr}" (po/ja.po for "{msgid}") in the output')
        if msgid in lines:
            problems.append(f'"{msgid}" is not translated: the installed catalog was not used')
    detail = [f'"{msgid}" -> "{msgstr}"' for msgid, msgstr in expected_lines.items()]
    if problems:
        detail += result.stdout.splitlines()[:20]
    report(not problems, 'status-ja', detail + problems)

    # The desktop file, valid and found through the icon cache.
    problems = []
    desktop = f'/usr/share/applications/{APP_ID}.desktop'
    result = run('desktop-file-validate', desktop)
    if result.returncode != 0 or result.stdout.strip():
        problems.append('desktop-file-validate: ' + result.stdout + result.stderr)
    with open(desktop, encoding='utf-8') as f:
        entries = dict(line.rstrip('\n').split('=', 1) for line in f if '=' in line and not line.startswith('#'))
    if shutil.which(entries.get('Exec', '').split(' ')[0], path=CLEAN_ENV['PATH']) != '/usr/bin/mynacheck':
        problems.append(f'Exec={entries.get("Exec")} is not /usr/bin/mynacheck on the PATH')
    if entries.get('Icon', '').strip() != APP_ID:
        problems.append(f'Icon={entries.get("Icon")} is not {APP_ID}')
    if not os.path.exists(ICON_CACHE):
        problems.append(f'no {ICON_CACHE}: the hicolor trigger did not run')
    else:
        with open(ICON_CACHE, 'rb') as f:
            cache = f.read()
        for name in (APP_ID, APP_ID + '-symbolic'):
            if (name + '\0').encode() not in cache:
                problems.append(f'{ICON_CACHE} does not list the icon {name}')
    report(not problems, 'desktop', problems)

    # The metainfo, as GNOME Software reads it.
    problems = []
    result = run('appstreamcli', 'validate', '--no-net', '--explain', f'/usr/share/metainfo/{APP_ID}.metainfo.xml')
    if result.returncode != 0:
        problems.append('appstreamcli validate: ' + result.stdout + result.stderr)
    report(not problems, 'metainfo', problems)

    # The settings schema, compiled by the glib trigger.
    problems = []
    schema = f'/usr/share/glib-2.0/schemas/{APP_ID}.gschema.xml'
    keys = sorted(key.get('name') for key in ElementTree.parse(schema).getroot().iter('key'))
    with open(SCHEMAS_COMPILED, 'rb') as f:
        if APP_ID.encode() not in f.read():
            problems.append(f'{SCHEMAS_COMPILED} does not hold {APP_ID}')
    result = run('gsettings', 'list-keys', APP_ID, env=dict(CLEAN_ENV, GSETTINGS_BACKEND='memory'))
    if result.returncode != 0 or sorted(result.stdout.split()) != keys:
        problems.append(f'gsettings list-keys {APP_ID}: exit {result.returncode}, {result.stdout!r} {result.stderr!r}; '
                        f'expected {keys}')
    report(not problems, 'schema', [f'keys: {" ".join(keys)}'] + problems)

    # The manual pages, as man finds them.
    problems = []
    for page in ('mynacheck', 'mynacheck-virtual-card'):
        path = f'/usr/share/man/man1/{page}.1.gz'
        if not os.path.exists(path):
            continue  # reported under files
        with gzip.open(path, 'rb') as f:
            source = f.read()
        result = subprocess.run(['groff', '-k', '-man', '-Tutf8', '-ww', '-z'], input=source,
                                capture_output=True, env=CLEAN_ENV)
        if result.returncode != 0 or result.stderr.strip():
            problems.append(f'groff {path}: ' + result.stderr.decode('utf-8', 'replace'))
    report(not problems, 'manpages', problems)

    return files


def check_purged(files):
    problems = []
    env = dict(CLEAN_ENV, DEBIAN_FRONTEND='noninteractive')
    result = run('apt-get', 'purge', *APT_OPTIONS, PACKAGE, env=env)
    if result.returncode != 0:
        report(False, 'purge', ['apt-get purge failed:', result.stdout, result.stderr])
        return
    status = package_status()
    if status not in ('un', 'pn'):
        problems.append(f'dpkg still knows {PACKAGE}: {status}')
    if glob.glob(f'/var/lib/dpkg/info/{PACKAGE}.*'):
        problems.append(f'left in /var/lib/dpkg/info: {glob.glob(f"/var/lib/dpkg/info/{PACKAGE}.*")}')

    # No file of the package left; no directory that only it had.
    directories = []
    for path in files:
        if os.path.isdir(path) and not os.path.islink(path):
            directories.append(path)
        elif os.path.lexists(path):
            problems.append(f'left behind: {path}')
    if directories:
        owned = run('dpkg-query', '-S', *directories).stdout
        owned = {line.rsplit(': ', 1)[1] for line in owned.splitlines() if ': ' in line}
        for path in directories:
            if path not in owned:
                problems.append(f'left behind, owned by no package: {path}/')

    # The caches the triggers rebuilt no longer know the app.
    result = run('gsettings', 'list-schemas', env=dict(CLEAN_ENV, GSETTINGS_BACKEND='memory'))
    if result.returncode != 0 or APP_ID in result.stdout.split():
        problems.append(f'gsettings list-schemas still lists {APP_ID} (exit {result.returncode})')
    for cache in (SCHEMAS_COMPILED, ICON_CACHE, DESKTOP_CACHE):
        if os.path.exists(cache):
            with open(cache, 'rb') as f:
                if APP_ID.encode() in f.read():
                    problems.append(f'{cache} still references {APP_ID}')
    report(not problems, 'purge', [f'{len(files)} paths checked'] + problems)


def main():
    global may_be_installed, outdir

    if os.geteuid() != 0:
        return skip_all('needs root: it installs the Debian package into /usr with apt and purges it')
    if shutil.which('dpkg-buildpackage', path=CLEAN_ENV['PATH']) is None:
        return skip_all('dpkg-buildpackage is not installed (Debian package dpkg-dev; build-aux/run-tests installs it)')
    if shutil.which('apt-get', path=CLEAN_ENV['PATH']) is None:
        return skip_all('not a Debian system: no apt-get')

    os.makedirs(os.path.dirname(LOCK_FILE), exist_ok=True)
    lock = open(LOCK_FILE, 'w')
    fcntl.flock(lock, fcntl.LOCK_EX)

    if package_status() not in ('un', 'pn'):
        return skip_all(f'{PACKAGE} is installed on this machine ({package_status()}); '
                        f'the test would remove it (apt-get purge {PACKAGE} first)')

    result = run('meson', 'introspect', BUILD_DIR, '--projectinfo')
    version = re.search(r'"version": *"([^"]+)"', result.stdout).group(1)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    with tempfile.TemporaryDirectory(prefix='mynacheck-deb-') as outdir:
        deb = build()
        if deb is None:
            return print_results(results)

        files = []
        try:
            may_be_installed = True
            env = dict(CLEAN_ENV, DEBIAN_FRONTEND='noninteractive')
            started = time.monotonic()
            result = run('apt-get', 'install', *APT_OPTIONS, deb, env=env)
            seconds = time.monotonic() - started
            if result.returncode != 0 or package_status() != 'ii':
                report(False, 'install', [f'apt-get install {deb}: exit {result.returncode}, status {package_status()}',
                                          result.stdout, result.stderr])
            else:
                report(True, 'install', [f'apt-get install {os.path.basename(deb)} took {seconds:.0f} s'])
                files = check_installed(deb, version)
        finally:
            if not files:
                files = [path for path in run('dpkg', '-L', PACKAGE).stdout.split('\n')
                         if path.startswith('/') and path != '/.']
            check_purged(files)
            if package_status() in ('un', 'pn'):
                may_be_installed = False

    return print_results(results)


if __name__ == '__main__':
    sys.exit(main())
