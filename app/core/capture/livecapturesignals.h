// SPDX-License-Identifier: GPL-3.0-or-later
// SIGINT, SIGTERM and SIGHUP while a live capture runs: the tracefs
// instance must not outlive the process. A signal handler can do almost
// nothing safely, so it only passes the signal number to a thread, which runs
// the real handler (stop the capture, remove the instance, exit or go on).
#pragma once

#include <functional>

namespace refscope {

// Installs the handlers once per process; later calls replace `handler`.
// Handlers (unlike ignored or blocked signals) reset to the default in
// exec'd children, so commands the process starts still die on ^C. False
// when the handlers could not be installed (no pipe left).
bool onTerminationSignal(std::function<void(int signal)> handler);

} // namespace refscope
