# tap.py
#
# Copyright 2026 The MynaCheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The TAP output of the Python checks (check-translations.py,
# check-packaging.py) that meson test reads.


def print_results(results):
    """Print (ok, name, detail) tuples as TAP; return the exit status."""
    print(f'1..{len(results)}')
    for number, (ok, name, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {number} {name}')
        for line in detail.rstrip('\n').split('\n') if detail else []:
            print(f'# {line}')

    return 0 if all(ok for ok, _, _ in results) else 1
