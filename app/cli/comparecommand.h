// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli compare TARGET TARGET... [--json] [--only-different]: the
// modules of two or more machines or moments side by side.
#pragma once

#include "cli/clioutput.h"

#include <QStringList>

namespace refscope {

struct SnapshotComparison;

ExitCode compareCommand(const QStringList &options);

// The readable table: the targets with their origins, then one line per
// module that all targets agree on ("all") and one per target for a module
// they differ on, each differing value marked with a '*'.
QString formatComparison(const SnapshotComparison &comparison, bool onlyDifferent);

} // namespace refscope
