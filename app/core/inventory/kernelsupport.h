// SPDX-License-Identifier: GPL-3.0-or-later
// Whether the running kernel can load, unload and force-unload modules.
#pragma once

#include "inventory/moduleinfo.h"

namespace refscope {

// The release of the running kernel (uname -r).
QString runningKernelRelease();

// Reads the running kernel's module support: loadable from /proc/modules,
// the unload options from its build configuration (see the .cpp for where
// that comes from and what happens when it cannot be found).
KernelModuleSupport readKernelModuleSupport();

// Parses a kernel .config text: only the CONFIG_MODULE_UNLOAD and
// CONFIG_MODULE_FORCE_UNLOAD lines matter. `loadable` is left false.
KernelModuleSupport moduleSupportFromConfig(const QByteArray &config);

} // namespace refscope
