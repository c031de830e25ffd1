// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/swapcensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "holders/procpath.h"
#include "inventory/kernelsupport.h"

#include <QFile>
#include <QRegularExpression>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace refscope {

// How many references swapon keeps on a swap partition's driver. Up to 6.9
// it opens the device twice: the swap file it keeps (file_open_name,
// blkdev_open) and the exclusive claim of its block device
// (claim_swapfile); each open holds the driver. From 6.10 it opens the
// file exclusively (O_EXCL) once and claims nothing more. Measured in the
// lab: 2 on 6.1, 1 on 6.12.
int swapPartitionRefs(const QString &release)
{
    static const QRegularExpression version(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch m = version.match(release);
    if (!m.hasMatch())
        return 1; // unknown: claim the least, the rest stays unattributed
    const int major = m.captured(1).toInt();
    const int minor = m.captured(2).toInt();
    return (major > 6 || (major == 6 && minor >= 10)) ? 1 : 2;
}

QList<SwapArea> parseProcSwaps(const QByteArray &text)
{
    QList<SwapArea> areas;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // the first is the header
        const QList<QByteArray> f = lines.at(i).simplified().split(' ');
        if (f.size() < 5)
            continue;
        areas.append({unescapeProcPath(f.at(0)), QString::fromLatin1(f.at(1))});
    }
    return areas;
}

void addSwapHolders(ModuleOwners &owners, Census &census)
{
    QFile file(QStringLiteral("/proc/swaps"));
    if (!file.open(QIODevice::ReadOnly)) {
        census.markUnchecked(QStringLiteral("swap"), file.errorString());
        return;
    }
    for (const SwapArea &area : parseProcSwaps(file.readAll())) {
        // A swap file holds its filesystem through the mount already listed.
        if (area.type != QLatin1String("partition"))
            continue;
        struct stat st = {};
        if (::stat(area.path.toLocal8Bit().constData(), &st) != 0 || !S_ISBLK(st.st_mode))
            continue;
        Attribution owner = owners.blockDevice(st.st_rdev);
        if (!owner.found())
            continue;
        const QString number =
            QStringLiteral("%1:%2").arg(::major(st.st_rdev)).arg(::minor(st.st_rdev));
        owner.rule.prepend({HolderSentenceCode::ProcSwaps, {area.path, number}});
        Holder h;
        h.kind = HolderKind::Swap;
        h.path = area.path;
        h.refs = swapPartitionRefs(runningKernelRelease());
        h.source = HolderSource::Inferred;
        h.undo = QStringLiteral("swapoff ") + area.path;
        setHolderRule(h, owner.rule);
        census.holders[owner.module].append(h);
    }
}

} // namespace refscope
