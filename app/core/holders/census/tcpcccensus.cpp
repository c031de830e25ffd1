// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/tcpcccensus.h"

#include "holders/census/census.h"
#include "holders/census/netlinkdump.h"
#include "holders/census/processsockets.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QDir>
#include <QFile>
#include <QMap>

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace refscope {

namespace {

constexpr int TCP_LISTEN_STATE = 10; // the kernel's TCP_LISTEN

QString address(int family, const __be32 *addr, __be16 port)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (!::inet_ntop(family, addr, text, sizeof text))
        return {};
    const QString host = QString::fromLatin1(text);
    const QString p = QString::number(ntohs(port));
    return family == AF_INET6 ? u'[' + host + QStringLiteral("]:") + p : host + u':' + p;
}

QString readLine(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

} // namespace

QList<TcpDiagSocket> parseTcpDiag(const QByteArray &replies)
{
    QList<TcpDiagSocket> sockets;
    forEachNetlinkMessage(replies, [&](const nlmsghdr *nlh) {
        if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY ||
            nlh->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
            return;
        const auto *msg = static_cast<const inet_diag_msg *>(mnl_nlmsg_get_payload(nlh));
        TcpDiagSocket s;
        s.family = msg->idiag_family;
        s.state = msg->idiag_state;
        s.local = address(s.family, msg->id.idiag_src, msg->id.idiag_sport);
        s.remote = address(s.family, msg->id.idiag_dst, msg->id.idiag_dport);
        s.inode = msg->idiag_inode;
        const char *end = reinterpret_cast<const char *>(nlh) + nlh->nlmsg_len;
        for (auto *attr = static_cast<const nlattr *>(
                 mnl_nlmsg_get_payload_offset(nlh, sizeof(inet_diag_msg)));
             mnl_attr_ok(attr, int(end - reinterpret_cast<const char *>(attr)));
             attr = mnl_attr_next(attr)) {
            if (mnl_attr_get_type(attr) == INET_DIAG_CONG &&
                mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) >= 0)
                s.congestion = QString::fromUtf8(mnl_attr_get_str(attr));
        }
        sockets.append(s);
    });
    return sockets;
}

QString tcpStateName(int state)
{
    static const char *const names[] = {
        "UNKNOWN", "ESTAB",      "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
        "UNCONN",  "CLOSE-WAIT", "LAST-ACK", "LISTEN",   "CLOSING",    "SYN-RECV",   "BOUND"};
    if (state < 0 || state >= int(std::size(names)))
        return QString::number(state);
    return QString::fromLatin1(names[state]);
}

TcpCongestionCensus::TcpCongestionCensus(ModuleOwners &owners, ProcessSocketsWalk &walk)
    : m_walk(walk)
{
    // The kernel loads a congestion control NAME as the module tcp_NAME
    // (tcp_ca_find_autoload); a built-in one (cubic, reno) has none loaded.
    const QString available =
        readLine(QStringLiteral("/proc/sys/net/ipv4/tcp_available_congestion_control"));
    for (const QString &name : available.split(u' ', Qt::SkipEmptyParts)) {
        const QString module = QStringLiteral("tcp_") + name;
        if (owners.loaded().contains(module))
            m_modules.insert(name, module);
    }
}

void TcpCongestionCensus::scanProcesses()
{
    m_scanned = true;
    // A process whose fds are unreadable (not root): its sockets stay
    // listed, without a name.
    for (const ProcessSockets &process : m_walk.processes()) {
        // The name once per process, not once per socket (a server holds
        // thousands).
        QString comm;
        for (const ProcessSocket &socket : process.sockets) {
            SocketOwner &owner = m_owners[socket.inode];
            if (owner.pid < 0) {
                owner.pid = process.pid;
                if (comm.isNull())
                    comm = processComm(process.pid);
                owner.comm = comm;
            }
            if (owner.pid == process.pid)
                owner.fds << socket.fd;
        }
    }
}

void TcpCongestionCensus::add(const NetNamespace &ns, Census &census)
{
    if (!active())
        return;
    const QString kind = QStringLiteral("tcp-cc");
    // The namespace's default: sysctl files answer for the namespace of the
    // thread that opens them, which is this one's now.
    const QString defaultName =
        readLine(QStringLiteral("/proc/sys/net/ipv4/tcp_congestion_control"));
    if (const QString module = m_modules.value(defaultName); !module.isEmpty()) {
        Holder h;
        h.kind = HolderKind::TcpCongestion;
        h.path = ns.own ? QStringLiteral("default congestion control %1 of this network namespace "
                                         "(net.ipv4.tcp_congestion_control)")
                              .arg(defaultName)
                        : QStringLiteral("default congestion control %1 of network namespace "
                                         "net:[%2] (net.ipv4.tcp_congestion_control)")
                              .arg(defaultName)
                              .arg(ns.inode);
        h.refs = 1;
        h.source = HolderSource::Inferred;
        // cubic is built in on the distributions' kernels; reno always is.
        const QString back = m_modules.contains(QStringLiteral("cubic")) ? QStringLiteral("reno")
                                                                         : QStringLiteral("cubic");
        h.undo = inNamespace(
            ns, QStringLiteral("sysctl -w net.ipv4.tcp_congestion_control=%1").arg(back));
        setHolderRule(h, {{HolderSentenceCode::TcpCongestionDefault, {defaultName}}});
        census.holders[module].append(h);
    }

    NetlinkSocket sock(NETLINK_SOCK_DIAG);
    if (!sock.isOpen()) {
        census.markUnchecked(kind, QStringLiteral("sock_diag: ") + sock.error());
        return;
    }
    // Every TCP socket with a congestion control, grouped by module and
    // then by the process that has it open (0: none found).
    struct Group {
        QString congestion;
        QList<TcpDiagSocket> sockets;
    };
    QMap<QString, QMap<quint64, Group>> byModule; // module -> key -> sockets
    quint64 alone = 0;
    for (const int family : {AF_INET, AF_INET6}) {
        char buffer[MNL_SOCKET_BUFFER_SIZE];
        nlmsghdr *nlh = mnl_nlmsg_put_header(buffer);
        nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        auto *req = static_cast<inet_diag_req_v2 *>(
            mnl_nlmsg_put_extra_header(nlh, sizeof(inet_diag_req_v2)));
        req->sdiag_family = uint8_t(family);
        req->sdiag_protocol = IPPROTO_TCP;
        req->idiag_ext = 1U << (INET_DIAG_CONG - 1);
        // Every state, bound-only sockets too (6.6 and later dump them for
        // their bit; earlier kernels ignore it).
        req->idiag_states = ~0U;
        QByteArray replies;
        if (!sock.dump(nlh, &replies)) {
            census.markUnchecked(kind, QStringLiteral("sock_diag: ") + sock.error());
            return;
        }
        const QString nsTag = ns.own ? QString() : QStringLiteral("-ns%1").arg(ns.inode);
        captureReplies(QStringLiteral("sock-diag-tcp%1%2.nl")
                           .arg(family == AF_INET ? QStringLiteral("4") : QStringLiteral("6"))
                           .arg(nsTag),
                       replies);
        for (const TcpDiagSocket &s : parseTcpDiag(replies)) {
            const QString module = m_modules.value(s.congestion);
            if (module.isEmpty())
                continue;
            if (!m_scanned)
                scanProcesses();
            const auto owner = m_owners.constFind(s.inode);
            // A process's sockets go together; the others one by one.
            const quint64 key = s.inode && owner != m_owners.cend() ? quint64(owner->pid)
                                                                    : (quint64(1) << 63) | ++alone;
            Group &g = byModule[module][key];
            g.congestion = s.congestion;
            g.sockets.append(s);
        }
    }
    for (auto m = byModule.cbegin(); m != byModule.cend(); ++m) {
        for (auto g = m.value().cbegin(); g != m.value().cend(); ++g) {
            const Group &group = g.value();
            QStringList described;
            for (const TcpDiagSocket &s : group.sockets) {
                // A listening socket has no peer to show.
                QString one = s.state == TCP_LISTEN_STATE
                                  ? QStringLiteral("%1 %2").arg(tcpStateName(s.state), s.local)
                                  : QStringLiteral("%1 %2 - %3")
                                        .arg(tcpStateName(s.state), s.local, s.remote);
                one += s.inode ? QStringLiteral(" (inode %1)").arg(s.inode)
                               : QStringLiteral(" (no process: closing)");
                described << one;
            }
            const int shown = 4;
            if (described.size() > shown + 1) {
                const qsizetype more = described.size() - shown;
                described = described.mid(0, shown);
                described << QStringLiteral("%1 more").arg(more);
            }
            Holder h;
            h.kind = HolderKind::TcpCongestion;
            h.refs = int(group.sockets.size());
            h.source = HolderSource::Inferred;
            h.path = group.sockets.size() == 1
                         ? QStringLiteral("TCP socket using %1: %2")
                               .arg(group.congestion, described.first())
                         : QStringLiteral("%1 TCP sockets using %2: %3")
                               .arg(group.sockets.size())
                               .arg(group.congestion, described.join(QStringLiteral(", ")));
            const TcpDiagSocket &first = group.sockets.first();
            const auto owner = m_owners.constFind(first.inode);
            if (first.inode && owner != m_owners.cend()) {
                h.pid = owner->pid;
                h.comm = owner->comm;
                for (const TcpDiagSocket &s : group.sockets)
                    h.fds << m_owners.value(s.inode).fds;
                std::sort(h.fds.begin(), h.fds.end());
                h.undo = QStringLiteral("kill %1").arg(h.pid);
            }
            setHolderRule(h, {{HolderSentenceCode::TcpCongestion,
                               {group.congestion, QString::number(group.sockets.size())}}});
            census.holders[m.key()].append(h);
        }
    }
}

} // namespace refscope
