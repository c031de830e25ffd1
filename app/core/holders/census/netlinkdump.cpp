// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/netlinkdump.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <libmnl/libmnl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

namespace refscope {

NetlinkSocket::NetlinkSocket(int bus)
{
    m_sock = mnl_socket_open2(bus, SOCK_CLOEXEC);
    if (!m_sock) {
        m_errno = errno;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    if (mnl_socket_bind(m_sock, 0, MNL_SOCKET_AUTOPID) < 0) {
        m_errno = errno;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        mnl_socket_close(m_sock);
        m_sock = nullptr;
        return;
    }
    m_portid = mnl_socket_get_portid(m_sock);
}

NetlinkSocket::~NetlinkSocket()
{
    if (m_sock)
        mnl_socket_close(m_sock);
}

bool NetlinkSocket::dump(nlmsghdr *request, QByteArray *replies)
{
    replies->clear();
    if (!m_sock)
        return false;
    request->nlmsg_seq = ++m_seq;
    if (mnl_socket_sendto(m_sock, request, request->nlmsg_len) < 0) {
        m_errno = errno;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // A dump's replies come in datagrams of up to a page or two each;
    // 64 KiB holds any of them.
    static thread_local char buffer[65536];
    for (;;) {
        const ssize_t n = mnl_socket_recvfrom(m_sock, buffer, sizeof buffer);
        if (n < 0) {
            m_errno = errno;
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        const int ret = mnl_cb_run(buffer, size_t(n), m_seq, m_portid, nullptr, nullptr);
        if (ret == MNL_CB_ERROR) {
            m_errno = errno;
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        replies->append(buffer, n);
        if (ret == MNL_CB_STOP)
            return true;
    }
}

void forEachNetlinkMessage(const QByteArray &replies,
                           const std::function<void(const nlmsghdr *)> &visit)
{
    int left = int(replies.size());
    auto *nlh = reinterpret_cast<const nlmsghdr *>(replies.constData());
    while (mnl_nlmsg_ok(nlh, left)) {
        if (nlh->nlmsg_type != NLMSG_DONE && nlh->nlmsg_type != NLMSG_ERROR &&
            nlh->nlmsg_type != NLMSG_NOOP)
            visit(nlh);
        nlh = mnl_nlmsg_next(nlh, &left);
    }
}

namespace {

quint64 nsInode(const char *path, bool *ok)
{
    struct stat st = {};
    *ok = ::stat(path, &st) == 0;
    return *ok ? quint64(st.st_ino) : 0;
}

} // namespace

NetNamespaces listNetNamespaces()
{
    NetNamespaces result;
    bool ok = false;
    const quint64 own = nsInode("/proc/thread-self/ns/net", &ok);
    result.list.append({own, -1, true});
    QSet<quint64> seen{own};
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return result;
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end != '\0')
            continue;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%ld/ns/net", pid);
        const quint64 inode = nsInode(path, &ok);
        if (!ok) {
            // Gone meanwhile (ENOENT) is normal; EACCES hides a namespace.
            if (errno == EACCES || errno == EPERM)
                result.complete = false;
            continue;
        }
        if (!seen.contains(inode)) {
            seen.insert(inode);
            result.list.append({inode, int(pid), false});
        }
    }
    ::closedir(proc);
    return result;
}

NetNamespaceScope::NetNamespaceScope(const NetNamespace &ns)
{
    if (ns.own) {
        m_ok = true;
        return;
    }
    m_home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    const QByteArray path = QStringLiteral("/proc/%1/ns/net").arg(ns.pid).toLocal8Bit();
    const int target = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (m_home < 0 || target < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        if (target >= 0)
            ::close(target);
        return;
    }
    m_ok = ::setns(target, CLONE_NEWNET) == 0;
    if (!m_ok)
        m_error = QString::fromLocal8Bit(std::strerror(errno));
    ::close(target);
}

NetNamespaceScope::~NetNamespaceScope()
{
    if (m_home < 0)
        return;
    // Going home cannot fail for a process that could leave it: setns into
    // a namespace we hold an fd of, with the capability we just used.
    if (m_ok)
        (void)::setns(m_home, CLONE_NEWNET);
    ::close(m_home);
}

QString inNamespace(const NetNamespace &ns, const QString &command)
{
    if (ns.own)
        return command;
    return QStringLiteral("nsenter --net=/proc/%1/ns/net %2").arg(ns.pid).arg(command);
}

void captureReplies(const QString &name, const QByteArray &replies)
{
    const QByteArray dir = qgetenv("REFSCOPE_CENSUS_CAPTURE");
    if (dir.isEmpty())
        return;
    QFile file(QDir(QString::fromLocal8Bit(dir)).filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(replies);
}

} // namespace refscope
