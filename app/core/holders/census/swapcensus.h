// SPDX-License-Identifier: GPL-3.0-or-later
// Swap as a holder: each open of a swap partition's block device holds the
// disk driver's module until swapoff (a swap on /dev/loop0 holds loop twice
// on 6.1, once on 6.12: see swapPartitionRefs).
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

// The references swapon keeps on a partition's driver on kernel RELEASE.
int swapPartitionRefs(const QString &release);

void addSwapHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
