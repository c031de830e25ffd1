// SPDX-License-Identifier: GPL-3.0-or-later
// The helper kernel module's part in a force release (PROTOCOL.md, "Force
// release"): closing one fd of a stopped process that still refers to the
// module, and the kernel's forced unload made safe for what the module's own
// kernel threads hold.
#pragma once

#include <QString>

namespace refscope {

// The outcome of closing one fd or of a forced unload through the helper.
struct HelperOutcome {
    bool ok = false;
    bool stale = false; // close: the fd no longer refers to the module; nothing was closed
    QString error;      // why not, in plain words
};

// Closes fd of pid only while it still refers to an open file holding the
// module. Every thread of pid must be stopped (SIGSTOP) meanwhile.
HelperOutcome closeModuleFd(const QString &module, int pid, int fd);

// delete_module(module, O_NONBLOCK | O_TRUNC), the kernel's forced unload,
// with the helper making what the module's own kernel threads let go during
// its exit reach its count before it is freed.
HelperOutcome forceUnload(const QString &module);

} // namespace refscope
