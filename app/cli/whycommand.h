// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli why MODULE [--json] [--trace FILE] [--root]: what holds a
// module and what to do about it (the explainer in app/core/holders), read
// from this machine: exact through the helper kernel module as root (or
// through pkexec with --root), else inferred and said to be partial; a
// recording of the module names where its outstanding gets came from and
// which holder kind each belongs to.
#pragma once

#include "cli/clioutput.h"
#include "holders/holder.h"
#include "protocol/sshtarget.h"

#include <QString>

#include <optional>

namespace refscope {

// The report as `why` prints it: verdict, holders, unattributed, next steps.
QString formatHolderReport(const HolderReport &report);

// Prints the report (text or JSON) and returns the exit status: Success,
// or Failure for no such module, no module support on this kernel, a
// `trace` file that cannot be read, or the agent (`root`: through pkexec)
// failing. `trace` may be empty.
enum class WhySource {
    Best,     // exact as root (the helper kernel module), else inferred
    Pkexec,   // exact through `pkexec refscope-agent --inspect` (--root)
    Inferred, // only /proc, even as root: the helper is not loaded (--inferred)
};
// ssh: ask the agent that ssh starts on that machine instead (--ssh).
ExitCode whyCommand(const QString &module, bool json, const QString &trace,
                    WhySource source = WhySource::Best,
                    const std::optional<SshTarget> &ssh = std::nullopt);

} // namespace refscope
