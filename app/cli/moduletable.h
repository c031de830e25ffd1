// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli snapshot's plain output: lsmod's columns plus state, taints
// and permanent.
#pragma once

#include "inventory/moduleinfo.h"

namespace refscope {

QString formatModuleTable(const Snapshot &snapshot);

} // namespace refscope
