#!/usr/bin/env python3
# check-reference.py
#
# Copyright 2026 The MynaCheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Some tests check the code against material outside the repository, in
# ../shared beside the clone (tests/meson.build passes the folders):
#
#   seeds        MYNACHECK_SEEDS: the seed pages the guides and rules cite;
#                test-guides checks that each cited page exists
#   jpki-roots   MYNACHECK_JPKI_ROOTS: the genuine J-LIS root certificates;
#                test-certificate checks the pinned fingerprints against them
#
# A clone without ../shared still passes those tests, checking less. This
# says so: each folder is reported as found, or skipped with the reason,
# so that a run without them never looks complete.
#
# Usage: check-reference.py; TAP on standard output.

import os
import sys

CHECKS = [
    ('seeds', 'MYNACHECK_SEEDS', '.txt',
     'test-guides does not check that the seed pages the guides cite exist'),
    ('jpki-roots', 'MYNACHECK_JPKI_ROOTS', '.pem',
     'test-certificate does not check the pinned J-LIS roots against the genuine certificates'),
]


def main():
    print(f'1..{len(CHECKS)}')
    for number, (name, variable, suffix, consequence) in enumerate(CHECKS, 1):
        folder = os.environ.get(variable, '')
        files = [f for f in os.listdir(folder) if f.endswith(suffix)] if os.path.isdir(folder) else []
        if files:
            print(f'ok {number} {name}: {len(files)} files in {folder}')
        else:
            print(f'ok {number} {name} # SKIP {folder or variable} has no {suffix} files: {consequence}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
