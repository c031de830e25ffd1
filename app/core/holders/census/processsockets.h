// SPDX-License-Identifier: GPL-3.0-or-later
// The sockets every other process has open, from /proc/PID/fd: what the
// census kinds that end at a process (AF_ALG transforms, TCP sockets) walk,
// and the BPF link and program fds (the processes holding BPF programs).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <string_view>
#include <utility>

namespace refscope {

struct ProcessSocket {
    int fd = -1;
    quint64 inode = 0;
    // Its protocol's name (system.sockprotoname: "ALG", "TCP") when the
    // holder scan already read it; empty when nobody asked yet.
    QByteArray protocol;
};

struct ProcessSockets {
    int pid = -1;
    bool readable = true; // false: its fd directory could not be read (not root)
    QList<ProcessSocket> sockets;
};

// A BPF link or program fd of some process: the BPF census reads its id
// from the fd's fdinfo, only when a program is attached to a module.
struct BpfFd {
    int pid = -1;
    int fd = -1;
    bool link = false; // a bpf_link, else a bpf-prog
};

// Whether an fd's /proc/PID/fd link text is a BPF link or program
// (*link: which), the one test the holder scan and the walk below share.
inline bool isBpfFdTarget(std::string_view target, bool *link)
{
    *link = target.ends_with("bpf_link");
    return *link || target.ends_with("bpf-prog");
}

// Calls `visit` once for every process, this one included (`self` true;
// its sockets are not listed), in /proc's order.
void forEachProcessSockets(
    const std::function<void(const ProcessSockets &, const QList<BpfFd> &bpf, bool self)> &visit);

// One walk of every process's fds for one census run: the AF_ALG owners
// and the TCP congestion control owners need its sockets, the BPF census
// its BPF fds, and under emulation each readlink of a thousand sockets
// counts (a walk took 60-70 ms per thousand sockets in the lab guest).
// Given what the holder scan listed, it does not walk at all; otherwise
// it walks when a kind first asks.
class ProcessSocketsWalk {
public:
    ProcessSocketsWalk() = default;
    // `processes`: every process but this one; `bpf`: every process's.
    ProcessSocketsWalk(QList<ProcessSockets> processes, QList<BpfFd> bpf);
    const QList<ProcessSockets> &processes();
    const QList<BpfFd> &bpfFds();

private:
    void walk();

    bool m_walked = false;
    QList<ProcessSockets> m_processes;
    QList<BpfFd> m_bpf;
};

// The process's name (/proc/PID/comm), empty when it is gone.
QString processComm(int pid);

} // namespace refscope
