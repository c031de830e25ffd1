// SPDX-License-Identifier: GPL-3.0-or-later
// TCP congestion control as a holder: every TCP socket using a modular
// congestion control (tcp_bbr, tcp_htcp, ...) holds its module from its
// creation to its destruction (tcp_assign_congestion_control,
// tcp_set_congestion_control; tcp_cleanup_congestion_control puts it), and
// each network namespace holds the module of its default
// (net.ipv4.tcp_congestion_control). Sockets are read with sock_diag
// (INET_DIAG_CONG), IPv4 and IPv6, every state; their process from the
// socket's inode among the processes' fds.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;
class ProcessSocketsWalk;
struct NetNamespace;

struct TcpDiagSocket {
    int family = 0; // AF_INET, AF_INET6
    int state = 0;  // TCP_ESTABLISHED ... (the kernel's numbers)
    QString local;  // "127.0.0.1:5555", "[::1]:5556"
    QString remote;
    quint64 inode = 0;  // 0: no process has it open any more (orphaned)
    QString congestion; // INET_DIAG_CONG: "htcp"; empty when not reported (time-wait)
};

// SOCK_DIAG_BY_FAMILY dump replies (NetlinkSocket::dump's bytes).
QList<TcpDiagSocket> parseTcpDiag(const QByteArray &replies);
// ss's word for a TCP state: "ESTAB", "LISTEN", ...
QString tcpStateName(int state);

class TcpCongestionCensus {
public:
    // Reads which congestion controls are registered and which of them are
    // loaded modules: nothing else is asked when none is.
    TcpCongestionCensus(ModuleOwners &owners, ProcessSocketsWalk &walk);
    bool active() const { return !m_modules.isEmpty(); }
    // Adds the holders of one network namespace (the calling thread is in it).
    void add(const NetNamespace &ns, Census &census);

private:
    struct SocketOwner {
        int pid = -1;
        QString comm;
        QList<int> fds;
    };
    void scanProcesses();

    ProcessSocketsWalk &m_walk;
    QHash<QString, QString> m_modules; // congestion control name -> module
    bool m_scanned = false;
    QHash<quint64, SocketOwner> m_owners; // socket inode -> a process with it open
};

} // namespace refscope
