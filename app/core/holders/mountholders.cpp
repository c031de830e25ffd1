// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/mountholders.h"

#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "holders/procpath.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <sys/sysmacros.h>

namespace refscope {

namespace {

struct MountLine {
    QString device; // "maj:min" of the superblock
    QString mountPoint;
    QString type;
    QString source;
};

// "36 35 98:0 /root /mnt opts [optional...] - type source superopts"
QList<MountLine> parseMountinfo(const QByteArray &text)
{
    QList<MountLine> mounts;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        const int dash = f.indexOf("-");
        if (f.size() < 6 || dash < 6 || dash + 2 >= f.size())
            continue;
        mounts.append({QString::fromLatin1(f.at(2)), unescapeProcPath(f.at(4)),
                       QString::fromUtf8(f.at(dash + 1)), unescapeProcPath(f.at(dash + 2))});
    }
    return mounts;
}

// Our own namespace first, so its mount points read as the user sees them
// (mountinfo shows them relative to the reading process's root), then
// every other namespace through one of its processes.
QList<QByteArray> mountTables(const QList<int> &otherNamespacePids)
{
    QList<QByteArray> tables;
    QStringList files{QStringLiteral("/proc/self/mountinfo")};
    for (const int pid : otherNamespacePids)
        files << QStringLiteral("/proc/%1/mountinfo").arg(pid);
    for (const QString &name : std::as_const(files)) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly)) // else it exited
            tables.append(file.readAll());
    }
    return tables;
}

void addHolder(QHash<QString, QList<Holder>> &holders, const Attribution &owner,
               const QString &superblock, const MountLine &mount, QSet<QString> &counted)
{
    Holder h;
    h.kind = HolderKind::Mount;
    h.path = mount.mountPoint;
    h.source = HolderSource::Inferred;
    const QString key = owner.module + u'|' + superblock;
    h.refs = counted.contains(key) ? 0 : 1;
    setHolderRule(h, owner.rule);
    if (h.refs == 0)
        addHolderRulePart(h, {HolderSentenceCode::SameSuperblock, {}});
    counted.insert(key);
    for (const Holder &existing : std::as_const(holders[owner.module])) {
        if (existing.kind == HolderKind::Mount && existing.path == h.path)
            return; // the same mount point seen from another namespace
    }
    holders[owner.module].append(h);
}

// A bound loop device holds one reference on its driver from LOOP_SET_FD or
// LOOP_CONFIGURE until it is detached, with or without a mount on it.
void addBoundLoopDevices(ModuleOwners &owners, QHash<QString, QList<Holder>> &holders)
{
    const QDir block(QStringLiteral("/sys/block"));
    for (const QString &name : block.entryList({QStringLiteral("loop*")}, QDir::Dirs)) {
        QFile backing(block.filePath(name + QStringLiteral("/loop/backing_file")));
        QFile dev(block.filePath(name + QStringLiteral("/dev")));
        if (!backing.open(QIODevice::ReadOnly) || !dev.open(QIODevice::ReadOnly))
            continue; // not bound
        const QList<QByteArray> number = dev.readAll().trimmed().split(':');
        if (number.size() != 2)
            continue;
        const Attribution owner =
            owners.blockDevice(makedev(number.at(0).toUInt(), number.at(1).toUInt()));
        if (!owner.found())
            continue;
        Holder h;
        h.kind = HolderKind::File;
        h.path = QStringLiteral("/dev/%1 (bound to %2)")
                     .arg(name, QString::fromUtf8(backing.readAll().trimmed()));
        h.source = HolderSource::Inferred;
        setHolderRule(h, QList<HolderSentence>{{HolderSentenceCode::BoundLoop, {}}} + owner.rule);
        holders[owner.module].append(h);
    }
}

} // namespace

void addMountHolders(ModuleOwners &owners, const QList<int> &otherNamespacePids,
                     QHash<QString, QList<Holder>> &holders)
{
    QSet<QString> counted; // module|superblock already given its reference
    for (const QByteArray &table : mountTables(otherNamespacePids)) {
        for (const MountLine &mount : parseMountinfo(table)) {
            const QString superblock = mount.device + u'|' + mount.type;
            if (const Attribution fs = owners.filesystemType(mount.type); fs.found())
                addHolder(holders, fs, superblock, mount, counted);
            const QStringList numbers = mount.device.split(u':');
            if (numbers.size() != 2 || numbers.first() == QLatin1String("0"))
                continue; // no block device under it (tmpfs, 9p, fuse, ...)
            Attribution device =
                owners.blockDevice(makedev(numbers.at(0).toUInt(), numbers.at(1).toUInt()));
            if (!device.found())
                continue;
            device.rule.prepend({HolderSentenceCode::MountedFrom, {mount.source, mount.device}});
            addHolder(holders, device, superblock, mount, counted);
        }
    }
    addBoundLoopDevices(owners, holders);
}

} // namespace refscope
