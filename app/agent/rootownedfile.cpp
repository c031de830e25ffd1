// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/rootownedfile.h"

#include <QFile>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace refscope {

namespace {

// Empty when st could only have been changed by root (or owner), else why not.
QString whyUnsafe(const struct stat &st, const QString &path, uid_t owner)
{
    if (st.st_uid != 0 && st.st_uid != owner)
        return QStringLiteral("%1 is owned by uid %2, not root").arg(path).arg(st.st_uid);
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return QStringLiteral("%1 is writable by group or others (mode %2)")
            .arg(path)
            .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
    return {};
}

} // namespace

RootOwnedOpen openRootOwnedFile(const QString &path, uid_t owner)
{
    RootOwnedOpen result;
    char resolved[PATH_MAX];
    if (!realpath(QFile::encodeName(path).constData(), resolved)) {
        result.error = errno;
        return result;
    }
    const QByteArray canonical(resolved);
    const QList<QByteArray> parts = canonical.split('/');
    // parts: "" (before the leading /), the directories, the file's name.
    if (parts.size() < 2 || parts.last().isEmpty()) {
        result.error = EISDIR;
        return result;
    }
    int dir = ::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        result.error = errno;
        return result;
    }
    QByteArray walked;
    const auto refuse = [&](const QString &why) {
        ::close(dir);
        result.unsafe = why;
        return result;
    };
    struct stat st {};
    if (fstat(dir, &st) != 0)
        return refuse(QStringLiteral("/ cannot be checked"));
    if (QString why = whyUnsafe(st, QStringLiteral("/"), owner); !why.isEmpty())
        return refuse(why);
    for (qsizetype i = 1; i + 1 < parts.size(); ++i) {
        walked += '/' + parts.at(i);
        const QString shown = QFile::decodeName(walked);
        const int next =
            ::openat(dir, parts.at(i).constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            const int error = errno;
            if (error == ENOENT) {
                ::close(dir);
                result.error = ENOENT;
                return result;
            }
            return refuse(QStringLiteral("%1 changed while it was checked (now a symbolic link "
                                         "or not a directory: %2)")
                              .arg(shown, QString::fromLocal8Bit(strerror(error))));
        }
        ::close(dir);
        dir = next;
        if (fstat(dir, &st) != 0)
            return refuse(QStringLiteral("%1 cannot be checked").arg(shown));
        if (QString why = whyUnsafe(st, shown, owner); !why.isEmpty())
            return refuse(why);
    }
    const QString shown = QFile::decodeName(canonical);
    // O_NONBLOCK: a FIFO put there must not block the open; it is refused below.
    const int fd =
        ::openat(dir, parts.last().constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) {
            ::close(dir);
            result.error = ENOENT;
            return result;
        }
        if (error == ELOOP)
            return refuse(
                QStringLiteral("%1 became a symbolic link while it was checked").arg(shown));
        ::close(dir);
        result.error = error;
        return result;
    }
    ::close(dir);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        result.unsafe = QStringLiteral("%1 is not a regular file").arg(shown);
        return result;
    }
    if (QString why = whyUnsafe(st, shown, owner); !why.isEmpty()) {
        ::close(fd);
        result.unsafe = why;
        return result;
    }
    // Back to blocking reads for the kernel's finit_module.
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    result.fd = fd;
    return result;
}

} // namespace refscope
