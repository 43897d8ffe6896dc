/* bench-memory.h
 *
 * Copyright 2026 The MynaCheck authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bench_print_memory (void);

G_END_DECLS
