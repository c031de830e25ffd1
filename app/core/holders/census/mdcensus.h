// SPDX-License-Identifier: GPL-3.0-or-later
// md arrays (software RAID): a running array holds its personality's module
// (raid1, raid456, ...: md_run's try_module_get, put when it stops), and
// every member device it imported is kept open (md_import_device), which
// holds that device's driver, whether the array runs or not. Both go with
// `mdadm --stop`.
#pragma once

#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;

// The alias md loads a personality by for /sys/block/mdN/md/level's text
// ("raid1" -> "md-raid1", "linear" -> "md-linear"); empty for none.
QString mdPersonalityAlias(const QString &level);

void addMdHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
