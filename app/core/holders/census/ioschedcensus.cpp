// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/ioschedcensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QDir>
#include <QFile>

namespace refscope {

QString parseSchedulerLine(const QByteArray &line)
{
    const QByteArray text = line.trimmed();
    const int open = text.indexOf('[');
    const int close = text.indexOf(']', open + 1);
    if (open >= 0 && close > open)
        return QString::fromLatin1(text.mid(open + 1, close - open - 1));
    if (!text.isEmpty() && !text.contains(' '))
        return QString::fromLatin1(text);
    return {};
}

void addIoSchedulerHolders(ModuleOwners &owners, Census &census)
{
    // Nothing to find unless a scheduler is a loaded module.
    const QSet<QString> &loaded = owners.loaded();
    if (!loaded.contains(QStringLiteral("bfq")) &&
        !loaded.contains(QStringLiteral("kyber_iosched")) &&
        !loaded.contains(QStringLiteral("mq_deadline")))
        return;
    // Only whole disks have a request queue; partitions have no queue
    // directory and are not listed under /sys/block.
    const QDir block(QStringLiteral("/sys/block"));
    if (!block.exists()) {
        census.markUnchecked(QStringLiteral("iosched"), QStringLiteral("/sys/block is missing"));
        return;
    }
    for (const QString &disk : block.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(block.filePath(disk + QStringLiteral("/queue/scheduler")));
        if (!file.open(QIODevice::ReadOnly))
            continue; // no request queue (bio-based: device-mapper, ...)
        const QString scheduler = parseSchedulerLine(file.readAll());
        if (scheduler.isEmpty() || scheduler == QLatin1String("none"))
            continue;
        // elevator_get loads a missing scheduler as "NAME-iosched".
        QString alias = scheduler + QStringLiteral("-iosched");
        QString module = owners.aliasModule(alias);
        if (module.isEmpty()) {
            alias = scheduler;
            module = owners.aliasModule(alias);
        }
        if (module.isEmpty())
            continue; // built in
        Holder h;
        h.kind = HolderKind::IoScheduler;
        h.path = QStringLiteral("/dev/%1 (scheduler %2)").arg(disk, scheduler);
        h.refs = 1;
        h.source = HolderSource::Inferred;
        h.undo = QStringLiteral("echo none > /sys/block/%1/queue/scheduler").arg(disk);
        setHolderRule(h, {{HolderSentenceCode::IoScheduler,
                           {QStringLiteral("/dev/") + disk, scheduler, alias}}});
        census.holders[module].append(h);
    }
}

} // namespace refscope
