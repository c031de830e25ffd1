// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli record -o FILE [--modules a,b] [--stacks] -- COMMAND...:
// captures the module tracepoints (as root, in-process, the agent's code)
// while COMMAND runs, then writes a session file.
#pragma once

#include "cli/clioutput.h"

#include <QStringList>

namespace refscope {

// args: everything after "record". Returns the exit status.
ExitCode recordCommand(const QStringList &args);

} // namespace refscope
