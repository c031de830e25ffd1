// SPDX-License-Identifier: GPL-3.0-or-later
/* KernelShark's load of a trace.dat (kshark_open + kshark_load_entries),
 * the reference RefScope's import is measured against. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

struct KsharkLoad;

/* Opens `file` with libkshark and loads every entry; NULL if it cannot. */
struct KsharkLoad *ksharkLoad(const char *file, long *entries);
/* Frees what ksharkLoad loaded (not part of the timed load). */
void ksharkRelease(struct KsharkLoad *load);

#ifdef __cplusplus
}
#endif
