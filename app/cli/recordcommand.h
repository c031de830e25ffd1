// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli record -o FILE [--modules a,b] [--stacks] -- COMMAND...:
// captures the module tracepoints (as root, in-process, the agent's code)
// while COMMAND runs, then writes a session file.
#pragma once

#include "cli/clioutput.h"
#include "protocol/sshtarget.h"

#include <QStringList>

#include <optional>

namespace refscope {

// args: everything after "record". Returns the exit status. ssh: the
// agent on that machine captures while COMMAND runs here (e.g. sleep 30,
// or ssh HOST modprobe ...); the session file is written here.
ExitCode recordCommand(const QStringList &args, const std::optional<SshTarget> &ssh = std::nullopt);

} // namespace refscope
