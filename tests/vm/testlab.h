// SPDX-License-Identifier: GPL-3.0-or-later
// Boots the lab guest for one vm test program. QEMU, the guest kernel and
// the example modules are installed and built by the README's test command,
// so their absence fails the test rather than skipping it: a skipped vm
// test would hide that nothing ran on a real kernel.
#pragma once

#include "lab/labmachine.h"

#include <QString>

namespace refscope {

// Empty when QEMU and the example modules are there, else what is missing.
QString labTestPrerequisites();

// Starts lab (the guest is powered off after lifetimeLimitS, a safety net
// under the test's ctest timeout) and waits for its agent: empty when ready,
// else why not. options: anything else the guest needs (a network card).
QString bootTestLab(LabMachine &lab, int lifetimeLimitS);
QString bootTestLab(LabMachine &lab, int lifetimeLimitS, LabOptions options);

// How many rounds the vm tests' stress loops run (load, leak, drop, unload
// under concurrent gets and puts; forced unloads): REFSCOPE_ROUNDS, which
// tests/vm/CMakeLists.txt sets for ctest (fewer in CI), else 100.
int stressRounds();

} // namespace refscope
