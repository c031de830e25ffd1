// SPDX-License-Identifier: GPL-3.0-or-later
// tracefs.h's inline helpers pass an int where tracefs_hist_command takes
// an enum: gcc lets -fpermissive through, clang (the fuzz build) never does.
// An overload taking the int, declared before tracefs.h, is what those calls
// then resolve to. Force-included with clang only.
#pragma once

struct tracefs_instance;
struct tracefs_hist;
int tracefs_hist_command(struct tracefs_instance *instance, struct tracefs_hist *hist, int command);

// C linkage, as in the files that include tracefs.h themselves: this
// include comes first and #pragma once makes theirs a no-op, so without it
// the capture's calls would link against C++ names no library has.
extern "C" {
#include <tracefs.h>
}

inline int tracefs_hist_command(struct tracefs_instance *instance, struct tracefs_hist *hist,
                                int command)
{
    return tracefs_hist_command(instance, hist, static_cast<enum tracefs_hist_command>(command));
}
