// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/helperrelease.h"

#include "agent/helperhandle.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace refscope {

HelperOutcome closeModuleFd(const QString &module, int pid, int fd)
{
    HelperOutcome result;
    refscope_helper_close_request request{};
    if (pid <= 0 || fd < 0) {
        result.error = QStringLiteral("pid %1 cannot have fd %2").arg(pid).arg(fd);
        return result;
    }
    request.pid = pid;
    request.fd = fd;
    const HelperHandle helper;
    result.error = readyToAsk(module, request.name, helper);
    if (!result.error.isEmpty())
        return result;
    const int error = helper.ioctl(REFSCOPE_HELPER_IOC_CLOSE_FD, &request);
    result.ok = error == 0;
    result.stale = error == ESTALE;
    switch (error) {
    case 0:
        break;
    case ESTALE:
        result.error =
            QStringLiteral("fd %1 of pid %2 no longer refers to %3 (the number was reused): "
                           "it was left open")
                .arg(fd)
                .arg(pid)
                .arg(module);
        break;
    case EBADF:
        result.error = QStringLiteral("pid %1 has no fd %2 open").arg(pid).arg(fd);
        break;
    case ESRCH:
        result.error =
            QStringLiteral("there is no process %1, or %2 is being removed").arg(pid).arg(module);
        break;
    case EBUSY:
        result.error = QStringLiteral("pid %1 is not stopped, or shares its file table with "
                                      "another process: its fds cannot be closed safely")
                           .arg(pid);
        break;
    default:
        result.error = helperModuleError(module, error);
    }
    return result;
}

HelperOutcome forceUnload(const QString &module, int expectedCount, ForceLook *look)
{
    HelperOutcome result;
    refscope_helper_force_request request{};
    request.expected = expectedCount;
    // The handle stays open across delete_module: it pins the helper, whose
    // module notifier does its part during the unload.
    const HelperHandle helper;
    result.error = readyToAsk(module, request.name, helper);
    if (!result.error.isEmpty())
        return result;
    if (const int error = helper.ioctl(REFSCOPE_HELPER_IOC_FORCE_PREPARE, &request)) {
        if (error == EAGAIN) {
            look->refused = true;
            look->refcount = request.refcount;
            look->live = request.state == 0; // MODULE_STATE_LIVE
            look->inFlight = int(request.in_flight);
            result.error = QStringLiteral("the last look before the forced unload refused it");
            return result;
        }
        result.error = error == EBUSY ? QStringLiteral("another forced unload is under way")
                                      : helperModuleError(module, error);
        return result;
    }
    look->refcount = request.refcount;
    look->live = true;
    if (syscall(SYS_delete_module, request.name, O_NONBLOCK | O_TRUNC) == 0) {
        result.ok = true;
        return result;
    }
    const int error = errno;
    result.error = error == EWOULDBLOCK || error == EBUSY
                       ? QStringLiteral("the kernel refused (%1): the module is in use by "
                                        "another module, not live, or forcing is not built in")
                             .arg(QString::fromLocal8Bit(strerror(error)))
                       : QString::fromLocal8Bit(strerror(error));
    return result;
}

} // namespace refscope
