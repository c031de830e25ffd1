// SPDX-License-Identifier: GPL-3.0-or-later
// lab.exec: runs a command inside the disposable lab guest for the tests
// that drive it. Only refscope-agent --lab offers it.
#pragma once

#include "protocol/protocol.h"

#include <QStringList>

namespace refscope {

// Runs argv to completion (killed after timeoutMs): result
// {"exit_code", "stdout", "stderr", "truncated"}. A command killed by a
// signal reports exit code 128 + the signal, as shells do.
AgentReply runCommand(const QStringList &argv, int timeoutMs);

// Starts argv detached (stdin and stdout on /dev/null, stderr on the
// agent's stderr) and returns at once: result {"pid"}.
AgentReply startBackgroundCommand(const QStringList &argv);

} // namespace refscope
