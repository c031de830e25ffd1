// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/mdcensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QDir>
#include <QFile>

#include <sys/sysmacros.h>

namespace refscope {

namespace {

QByteArray readSysfs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}

} // namespace

QString mdPersonalityAlias(const QString &level)
{
    // An array being assembled or stopped has no level yet; "container"
    // (external metadata, IMSM/DDF) runs no personality.
    if (level.isEmpty() || level == QLatin1String("container"))
        return {};
    // find_pers() loads "md-LEVEL" (md-raid1, md-raid5, md-linear).
    return QStringLiteral("md-") + level;
}

void addMdHolders(ModuleOwners &owners, Census &census)
{
    if (!owners.loaded().contains(QStringLiteral("md_mod")))
        return; // no array exists without md
    const QDir block(QStringLiteral("/sys/block"));
    for (const QString &name : block.entryList({QStringLiteral("md*")}, QDir::Dirs)) {
        const QString md = block.filePath(name + QStringLiteral("/md"));
        if (!QFileInfo::exists(md))
            continue;
        const QString device = QStringLiteral("/dev/") + name;
        const QString undo = QStringLiteral("mdadm --stop ") + device;
        const QString level = QString::fromUtf8(readSysfs(md + QStringLiteral("/level")));
        const QByteArray state = readSysfs(md + QStringLiteral("/array_state"));
        // Only a running array holds its personality: "inactive" and
        // "clear" ones have none (md_run has not taken it, or md_stop put it).
        const bool running = !state.isEmpty() && state != "inactive" && state != "clear";
        const QString alias = mdPersonalityAlias(level);
        if (running && !alias.isEmpty()) {
            const QString module = owners.aliasModule(alias);
            if (!module.isEmpty()) {
                Holder h;
                h.kind = HolderKind::Md;
                h.path = QStringLiteral("%1 (%2 array)").arg(device, level);
                h.refs = 1;
                h.source = HolderSource::Inferred;
                h.undo = undo;
                setHolderRule(h, {{HolderSentenceCode::MdPersonality, {device, level, alias}}});
                census.holders[module].append(h);
            }
        }
        // Each member the array imported (dev-NAME, spares and faulty ones
        // too) is open until it is removed or the array stops: one holder
        // per array and driver, one reference per member.
        QHash<QString, Holder> byModule;
        QStringList order;
        const QDir members(md);
        for (const QString &member : members.entryList({QStringLiteral("dev-*")}, QDir::Dirs)) {
            const QString memberName = member.mid(4);
            const QByteArray number =
                readSysfs(QStringLiteral("/sys/class/block/%1/dev").arg(memberName));
            const int colon = number.indexOf(':');
            if (colon <= 0)
                continue;
            const dev_t rdev =
                ::makedev(number.left(colon).toUInt(), number.mid(colon + 1).toUInt());
            Attribution owner = owners.blockDevice(rdev);
            if (!owner.found())
                continue;
            const QString memberDevice = QStringLiteral("/dev/") + memberName;
            auto it = byModule.find(owner.module);
            if (it == byModule.end()) {
                order << owner.module;
                it = byModule.insert(owner.module, Holder{});
                it->kind = HolderKind::Md;
                it->refs = 0;
                it->source = HolderSource::Inferred;
                it->undo = undo;
                owner.rule.prepend({HolderSentenceCode::MdMember, {device, memberDevice}});
                setHolderRule(*it, owner.rule);
                it->path = memberDevice;
            } else {
                it->path += QStringLiteral(", ") + memberDevice;
                // The rule names every member of this driver.
                it->ruleSentences.first().args[1] = it->path;
                setHolderRule(*it, it->ruleSentences);
            }
            ++it->refs;
        }
        for (const QString &module : std::as_const(order)) {
            Holder h = byModule.take(module);
            h.path = QStringLiteral("%1 (member%2 %3)")
                         .arg(device, h.refs > 1 ? QStringLiteral("s") : QString(), h.path);
            census.holders[module].append(h);
        }
    }
}

} // namespace refscope
