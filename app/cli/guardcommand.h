// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli guard [--modules a,b] [--json] [--keep FILE] -- COMMAND...:
// a gate for test suites. Records the module events while COMMAND runs
// (record's capture, recordcommand.h), then fails when a module's count did
// not come back (guard/guardverdict.h has the rule), naming the call sites
// of the gets never put back.
#pragma once

#include "cli/clioutput.h"
#include "protocol/sshtarget.h"

#include <QStringList>

#include <optional>

namespace refscope {

// guard's own exit statuses besides ExitCode's (1: it could not record, 2:
// a bad command line); `refscope-cli guard --help` lists them.
enum class GuardExit {
    Balanced = 0,             // COMMAND succeeded and every count came back
    CountDiffers = 3,         // COMMAND succeeded, a count did not come back
    CommandFailed = 4,        // every count came back, COMMAND failed
    CountDiffersAndFailed = 5 // both
};

extern const char kGuardUsage[];

// args: everything after "guard". Returns the exit status.
int guardCommand(const QStringList &args, const std::optional<SshTarget> &ssh = std::nullopt);

} // namespace refscope
