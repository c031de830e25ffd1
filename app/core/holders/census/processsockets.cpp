// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/processsockets.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace refscope {

void forEachProcessSockets(const std::function<void(const ProcessSockets &)> &visit)
{
    const pid_t self = ::getpid();
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        ProcessSockets process;
        process.pid = entry.toInt(&numeric);
        if (!numeric || process.pid == self)
            continue;
        const QDir fdDir(QStringLiteral("/proc/%1/fd").arg(process.pid));
        const QStringList fds = fdDir.entryList(QDir::Files | QDir::System);
        process.readable = !fds.isEmpty() || fdDir.isReadable();
        for (const QString &name : fds) {
            // "socket:[INODE]"
            const QString target = QFile::symLinkTarget(fdDir.filePath(name));
            const int at = target.indexOf(QLatin1String("socket:["));
            if (at >= 0)
                process.sockets.append({name.toInt(), target.mid(at + 8).chopped(1).toULongLong()});
        }
        visit(process);
    }
}

QString processComm(int pid)
{
    QFile file(QStringLiteral("/proc/%1/comm").arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

} // namespace refscope
