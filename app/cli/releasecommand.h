// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli release MODULE [--close-holders] [--drop-leaked |
// --kernel-force] [--yes] [--json]: RefScope's safe force release, through
// `refscope-agent --release MODULE` (pkexec when not root; polkit asks every time).
#pragma once

#include "cli/clioutput.h"
#include "protocol/sshtarget.h"

#include <QStringList>

#include <optional>

namespace refscope {

// Exit status: Success released (verified gone), Failure not released or
// the agent could not be reached (not authorized, ...), Usage bad command
// line. ssh: through `refscope-agent --release MODULE` on that machine.
ExitCode releaseCommand(const QStringList &args,
                        const std::optional<SshTarget> &ssh = std::nullopt);

} // namespace refscope
