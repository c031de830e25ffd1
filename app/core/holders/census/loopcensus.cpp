// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/loopcensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace refscope {

void addLoopBackingHolders(ModuleOwners &owners, Census &census)
{
    if (!owners.loaded().contains(QStringLiteral("loop")))
        return; // no loop device exists without the driver
    const QDir block(QStringLiteral("/sys/block"));
    for (const QString &name : block.entryList({QStringLiteral("loop*")}, QDir::Dirs)) {
        QFile backing(block.filePath(name + QStringLiteral("/loop/backing_file")));
        if (!backing.open(QIODevice::ReadOnly))
            continue; // not bound
        const QString path = QString::fromUtf8(backing.readAll().trimmed());
        // The path as the kernel sees it from our root; a backing file
        // deleted or out of our reach is not a device we can name.
        struct stat st = {};
        if (::stat(path.toLocal8Bit().constData(), &st) != 0 || !S_ISBLK(st.st_mode))
            continue;
        Attribution owner = owners.blockDevice(st.st_rdev);
        if (!owner.found())
            continue;
        const QString number =
            QStringLiteral("%1:%2").arg(::major(st.st_rdev)).arg(::minor(st.st_rdev));
        const QString device = QStringLiteral("/dev/") + name;
        owner.rule.prepend({HolderSentenceCode::LoopBackingDevice, {device, path, number}});
        Holder h;
        h.kind = HolderKind::LoopBacking;
        h.path = QStringLiteral("%1 (backed by %2)").arg(device, path);
        h.refs = 1;
        h.source = HolderSource::Inferred;
        h.undo = QStringLiteral("losetup -d ") + device;
        setHolderRule(h, owner.rule);
        census.holders[owner.module].append(h);
    }
}

} // namespace refscope
