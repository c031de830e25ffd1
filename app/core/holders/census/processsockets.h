// SPDX-License-Identifier: GPL-3.0-or-later
// The sockets every other process has open, from /proc/PID/fd: what the
// census kinds that end at a process (AF_ALG transforms, TCP sockets) walk.
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace refscope {

struct ProcessSockets {
    int pid = -1;
    bool readable = true;                   // false: its fd directory could not be read (not root)
    QList<std::pair<int, quint64>> sockets; // fd, socket inode
};

// Calls `visit` once for every process but this one, in /proc's order.
void forEachProcessSockets(const std::function<void(const ProcessSockets &)> &visit);

// The process's name (/proc/PID/comm), empty when it is gone.
QString processComm(int pid);

} // namespace refscope
