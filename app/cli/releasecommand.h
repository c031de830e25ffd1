// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli release MODULE [--close-holders] [--drop-leaked |
// --kernel-force] [--yes] [--json]: RefScope's safe force release, through
// `refscope-agent --release` (pkexec when not root; polkit asks every time).
#pragma once

#include <QStringList>

namespace refscope {

// Exit status: 0 released (verified gone), 1 not released or the agent
// could not be reached (not authorized, ...), 2 bad command line.
int releaseCommand(const QStringList &args);

} // namespace refscope
