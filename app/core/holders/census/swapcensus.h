// SPDX-License-Identifier: GPL-3.0-or-later
// Swap as a holder: swapon opens its block device twice (the swap file and
// the exclusive claim, each through blkdev_get_by_dev), and each open
// holds the disk driver's module (a swap on /dev/loop0 holds loop twice)
// until swapoff.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;

struct SwapArea {
    QString path; // as /proc/swaps shows it, unescaped
    QString type; // "partition" or "file"
};

QList<SwapArea> parseProcSwaps(const QByteArray &text);

void addSwapHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
