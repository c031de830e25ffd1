// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli why MODULE [--json] [--trace FILE]: what holds a module and
// what to do about it (the explainer in app/core/holders), read from this
// machine; a recording of the module names where its leaked gets came from.
#pragma once

#include "cli/clioutput.h"
#include "holders/holder.h"

#include <QString>

namespace refscope {

// The report as `why` prints it: verdict, holders, unexplained, next steps.
QString formatHolderReport(const HolderReport &report);

// Prints the report (text or JSON) and returns the exit status: Success,
// or Failure for no such module, no module support on this kernel, or a
// `trace` file that cannot be read. `trace` may be empty.
ExitCode whyCommand(const QString &module, bool json, const QString &trace);

} // namespace refscope
