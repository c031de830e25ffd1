// SPDX-License-Identifier: GPL-3.0-or-later
// What every refscope-cli command shares: its exit statuses, as
// `refscope-cli --help` lists them, and how it writes text and complaints.
#pragma once

#include <QString>

#include <cstdio>

namespace refscope {

enum class ExitCode {
    Success = 0, // done; release: the module is gone; compare: even when the targets differ
    // No such module, a file that cannot be read, a compare target that
    // could not be read, a record or release that failed, or nothing to
    // show (no loadable module support).
    Failure = 1,
    Usage = 2, // bad command line
};

// UTF-8, flushed at once: a prompt must show before stdin is read.
void print(FILE *stream, const QString &text);

// "refscope-cli: PROBLEM (see refscope-cli --help)" on stderr; Usage.
ExitCode usageError(const QString &problem);

// "refscope-cli COMMAND: WHAT" ("refscope-cli: WHAT" without a command) on
// stderr; Failure.
ExitCode failure(const QString &command, const QString &what);

} // namespace refscope
