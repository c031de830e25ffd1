// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on the lab guest (Debian's real 6.1 kernel under QEMU),
// for the GUI tests that need a kernel: boot, commands, the module table.
#pragma once

#include "holders/holder.h"

#include <QString>

#include <cstddef>

namespace refscope {

class AgentClient;
class MainWindow;

// Shows `window` and boots the lab as its source; waits for the first
// snapshot. Empty when it came, else why not with the guest's console.
// *agent is the lab's agent, for labExec and captureWhile.
QString showLab(MainWindow &window, AgentClient **agent);

// Runs `script` with sh -c as root in the guest; false (and a warning)
// when it could not run or failed.
bool labExec(AgentClient *agent, const QString &script);

// Captures live on the timeline while `script` runs in the guest, until
// the capture holds at least `events` events; empty when it did, else why not.
QString captureWhile(MainWindow &window, AgentClient *agent, const QString &script,
                     std::size_t events);

// The Holders dock's report on the selected module, asked for again and
// waited for; a report without holders when none came within a minute.
HolderReport askHolders(MainWindow &window);

// The module table's row of `name`, or -1.
int moduleRow(MainWindow &window, const QString &name);

} // namespace refscope
