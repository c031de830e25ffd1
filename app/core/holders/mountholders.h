// SPDX-License-Identifier: GPL-3.0-or-later
// Mounts as holders: a superblock pins its filesystem type's module, and a
// filesystem on a block device keeps that device (a loop device, a disk)
// open, pinning the device's driver module. A loop device bound to a file
// pins the loop module too, mounted or not.
#pragma once

#include "holders/holder.h"

#include <QHash>

namespace refscope {

class ModuleOwners;

// Adds a Mount holder per superblock to `holders` (module -> holders), from
// this process's mountinfo and that of each other mount namespace, read
// through one process in it (`otherNamespacePids`), and a File holder
// without a process per bound loop device.
// Further mount points of one superblock are listed with refs 0: unmounting
// them all is what lets the reference go.
void addMountHolders(ModuleOwners &owners, const QList<int> &otherNamespacePids,
                     QHash<QString, QList<Holder>> &holders);

} // namespace refscope
