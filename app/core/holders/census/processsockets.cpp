// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/processsockets.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace refscope {

void forEachProcessSockets(
    const std::function<void(const ProcessSockets &, const QList<BpfFd> &bpf, bool self)> &visit)
{
    const pid_t self = ::getpid();
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return;
    char path[64];
    char link[256];
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end != '\0')
            continue;
        ProcessSockets process;
        process.pid = int(pid);
        QList<BpfFd> bpf;
        std::snprintf(path, sizeof path, "/proc/%ld/fd", pid);
        const int dirFd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd < 0) {
            process.readable = errno != EACCES;
            if (errno != ENOENT)
                visit(process, bpf, pid == self);
            continue;
        }
        DIR *fds = ::fdopendir(dirFd);
        if (!fds) {
            ::close(dirFd);
            continue;
        }
        // Raw readlinkat on the directory's fd: no path is built per fd.
        while (const dirent *fd = ::readdir(fds)) {
            if (fd->d_name[0] == '.')
                continue;
            const ssize_t n = ::readlinkat(dirFd, fd->d_name, link, sizeof link - 1);
            if (n <= 0)
                continue; // closed meanwhile
            const std::string_view target(link, size_t(n));
            if (bool link = false; isBpfFdTarget(target, &link)) {
                bpf.append({int(pid), std::atoi(fd->d_name), link});
                continue;
            }
            constexpr std::string_view prefix = "socket:[";
            if (pid == self || !target.starts_with(prefix))
                continue;
            link[n] = '\0';
            process.sockets.append(
                {std::atoi(fd->d_name), std::strtoull(link + prefix.size(), nullptr, 10), {}});
        }
        ::closedir(fds);
        visit(process, bpf, pid == self);
    }
    ::closedir(proc);
}

ProcessSocketsWalk::ProcessSocketsWalk(QList<ProcessSockets> processes, QList<BpfFd> bpf)
    : m_walked(true), m_processes(std::move(processes)), m_bpf(std::move(bpf))
{
}

void ProcessSocketsWalk::walk()
{
    if (m_walked)
        return;
    m_walked = true;
    forEachProcessSockets([this](const ProcessSockets &p, const QList<BpfFd> &bpf, bool self) {
        if (!self)
            m_processes.append(p);
        m_bpf += bpf;
    });
}

const QList<ProcessSockets> &ProcessSocketsWalk::processes()
{
    walk();
    return m_processes;
}

const QList<BpfFd> &ProcessSocketsWalk::bpfFds()
{
    walk();
    return m_bpf;
}

QString processComm(int pid)
{
    QFile file(QStringLiteral("/proc/%1/comm").arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

} // namespace refscope
