// SPDX-License-Identifier: GPL-3.0-or-later
// Library code that may crash or loop on a hostile file (libtracecmd,
// libtraceevent's format parser) runs first in a forked child; this waits
// for that child within a time limit.
#pragma once

#include <QtGlobal>

#include <sys/types.h>

namespace refscope {

enum class ChildVerdict {
    Succeeded, // exited with status 0
    Failed,    // crashed or exited with another status
    TimedOut,  // killed after the limit
    Unknown,   // could not be waited for: the caller cannot tell
};

// Waits for child up to limitMs, then kills and reaps it.
ChildVerdict waitForCheckChild(pid_t child, qint64 limitMs);

} // namespace refscope
