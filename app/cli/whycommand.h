// refscope-cli why MODULE [--json]: what holds a module and what to do
// about it (the explainer in app/core/holders), read from this machine.
#pragma once

#include "holders/holder.h"

#include <QString>

namespace refscope {

// The report as `why` prints it: verdict, holders, unexplained, next steps.
QString formatHolderReport(const HolderReport &report);

// Prints the report (text or JSON) and returns the exit status: 0 done,
// 1 no such module or no module support on this kernel.
int whyCommand(const QString &module, bool json);

} // namespace refscope
