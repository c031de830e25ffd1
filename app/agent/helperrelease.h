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

// What the helper found in its last look before a forced unload.
struct ForceLook {
    bool refused = false; // the look refused: nothing was forced
    int refcount = -1;    // lsmod's count then
    bool live = false;
    int inFlight = 0; // places in unix sockets' queues holding a file of the module
};

// delete_module(module, O_NONBLOCK | O_TRUNC), the kernel's forced unload,
// with the helper making what the module's own kernel threads let go during
// its exit reach its count before it is freed. The helper first looks once
// more and refuses (look->refused) unless the module is live, its count is
// still expectedCount and no file of it is in flight; delete_module follows
// at once, so only a get within that one system call goes unseen.
HelperOutcome forceUnload(const QString &module, int expectedCount, ForceLook *look);

} // namespace refscope
