// SPDX-License-Identifier: GPL-3.0-or-later
// Loop devices backed by a block device: the backing file the loop device
// keeps open is that device's special file, and the open holds its driver
// (`losetup /dev/loop1 /dev/loop0` holds loop once more, for loop0) until
// the loop device is detached.
#pragma once

namespace refscope {

struct Census;
class ModuleOwners;

void addLoopBackingHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
