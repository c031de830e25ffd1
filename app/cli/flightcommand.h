// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli flight start [--buffer-kb KB] [--stacks] | stop | status
// [--json] | save -o FILE: the always-on flight recorder
// (capture/flightrecorder.h), which the kernel freezes when an unload
// fails, as root; status also as anyone, through `pkexec refscope-agent
// --flight`, which polkit may refuse.
#pragma once

#include "cli/clioutput.h"

#include <QStringList>

namespace refscope {

// args: everything after "flight".
ExitCode flightCommand(const QStringList &args);

} // namespace refscope
