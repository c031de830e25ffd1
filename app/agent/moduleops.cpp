// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/moduleops.h"

#include "inventory/kmodreader.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace refscope {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

AgentReply permissionDenied(const QString &what)
{
    return AgentReply::failure(
        errorcode::PermissionDenied,
        QStringLiteral("%1 needs root (CAP_SYS_MODULE), and the kernel refuses it when "
                       "kernel.modules_disabled is set")
            .arg(what));
}

// Why the kernel answered EBUSY/EWOULDBLOCK, from the module's state right
// after the refusal (kernel/module/main.c, delete_module: holders first,
// then a module still initialising or already going, then no exit
// function, then a non-zero reference count).
QString busyReason(const QString &name, int error)
{
    const Snapshot snapshot = readLocalSnapshot({.modinfo = false, .builtin = false});
    const ModuleInfo *m = snapshot.find(name);
    if (!m)
        return QStringLiteral("%1 was busy, and has been unloaded since").arg(name);
    if (!m->holders.isEmpty())
        return QStringLiteral("%1 is in use by %2: unload those first")
            .arg(name, m->holders.join(QLatin1String(", ")));
    if (m->state == ModuleState::Coming)
        return QStringLiteral("%1 is still initialising").arg(name);
    if (m->state == ModuleState::Going)
        return QStringLiteral("%1 is already being removed").arg(name);
    if (m->permanent)
        return QStringLiteral("%1 has no exit function (permanent): the kernel can never unload it")
            .arg(name);
    if (m->refcount > 0)
        return QStringLiteral(
                   "%1 has %2 reference(s): something (an open file, a mount, a network device, "
                   "another subsystem) is still using it")
            .arg(name)
            .arg(m->refcount);
    return QStringLiteral("the kernel refused to unload %1: %2").arg(name, errnoText(error));
}

} // namespace

AgentReply loadModule(const QString &path, const QString &params)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return AgentReply::failure(errorcode::NotFound,
                                       QStringLiteral("no such file: %1").arg(path));
        return AgentReply::failure(
            errorcode::Failed, QStringLiteral("cannot open %1: %2").arg(path, errnoText(error)));
    }
    const QString name = moduleNameOfFile(path);
    const long rc = syscall(SYS_finit_module, fd, params.toUtf8().constData(), 0);
    const int error = errno;
    ::close(fd);
    if (rc == 0)
        return AgentReply::success(QJsonObject{{QStringLiteral("name"), name}});
    switch (error) {
    case EEXIST:
        return AgentReply::failure(errorcode::AlreadyLoaded,
                                   QStringLiteral("module %1 is already loaded").arg(name));
    case EPERM:
        return permissionDenied(QStringLiteral("loading a module"));
    case ENOENT:
        return AgentReply::failure(
            errorcode::Failed,
            QStringLiteral("%1 uses symbols no loaded module provides: load the modules "
                           "it depends on first (the kernel log names the symbols)")
                .arg(path));
    case ENOEXEC:
        return AgentReply::failure(
            errorcode::Failed,
            QStringLiteral("%1 is not a module this kernel can load (built for another "
                           "kernel or not a module at all)")
                .arg(path));
    default:
        return AgentReply::failure(errorcode::Failed,
                                   QStringLiteral("the kernel refused to load %1: %2 (the "
                                                  "kernel log may say more)")
                                       .arg(path, errnoText(error)));
    }
}

AgentReply unloadModule(const QString &requestedName)
{
    const QString name = normalizeModuleName(requestedName);
    if (syscall(SYS_delete_module, name.toUtf8().constData(), O_NONBLOCK) == 0)
        return AgentReply::success(QJsonObject{});
    const int error = errno;
    switch (error) {
    case ENOENT:
        return AgentReply::failure(errorcode::NotFound,
                                   QStringLiteral("module %1 is not loaded").arg(name));
    case EBUSY:
    case EWOULDBLOCK:
        return AgentReply::failure(errorcode::Busy, busyReason(name, error));
    case EPERM:
        return permissionDenied(QStringLiteral("unloading a module"));
    case ENOSYS:
        return AgentReply::failure(
            errorcode::Failed, QStringLiteral("this kernel has no support for unloading modules"));
    default:
        return AgentReply::failure(
            errorcode::Failed,
            QStringLiteral("the kernel refused to unload %1: %2").arg(name, errnoText(error)));
    }
}

} // namespace refscope
