// SPDX-License-Identifier: GPL-3.0-or-later
// Loading and unloading modules with the kernel's own system calls
// (finit_module, delete_module), answering in protocol terms.
#pragma once

#include "protocol/protocol.h"

namespace refscope {

// finit_module(2) on the .ko at `path` with module parameters `params`
// ("a=1 b=2"). Result {"name": ...}.
AgentReply loadModule(const QString &path, const QString &params);

// delete_module(2) with O_NONBLOCK, so a module in use fails at once with
// error "busy" and a plain reason instead of waiting for its users.
AgentReply unloadModule(const QString &name);

} // namespace refscope
