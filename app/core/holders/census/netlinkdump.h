// SPDX-License-Identifier: GPL-3.0-or-later
// Netlink dumps for the census, with libmnl: one request, every reply's
// bytes kept as the kernel sent them, so the parsers (tccensus.h,
// nftcensus.h) read live answers and the unit tests' captured ones alike.
// The network namespaces to ask, and entering one for the length of a scope.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

struct mnl_socket;
struct nlmsghdr;

namespace refscope {

class NetlinkSocket {
public:
    // socket(AF_NETLINK, bus) in the calling thread's network namespace.
    explicit NetlinkSocket(int bus);
    ~NetlinkSocket();
    NetlinkSocket(const NetlinkSocket &) = delete;
    NetlinkSocket &operator=(const NetlinkSocket &) = delete;

    bool isOpen() const { return m_sock != nullptr; }
    QString error() const { return m_error; }
    // Sends `request` (a dump, its sequence number set here) and returns the
    // replies up to NLMSG_DONE, concatenated. False with error() set when the
    // kernel answered with an error or the socket failed.
    bool dump(nlmsghdr *request, QByteArray *replies);
    int lastErrno() const { return m_errno; }

private:
    mnl_socket *m_sock = nullptr;
    unsigned m_portid = 0;
    unsigned m_seq = 0;
    QString m_error;
    int m_errno = 0;
};

// Calls `visit` for each message of `replies` other than NLMSG_DONE and
// NLMSG_ERROR; stops at a truncated one.
void forEachNetlinkMessage(const QByteArray &replies,
                           const std::function<void(const nlmsghdr *)> &visit);

// One network namespace and a process in it, through which it is entered.
struct NetNamespace {
    quint64 inode = 0;
    int pid = -1;     // -1: this process's own
    bool own = false; // the namespace this process runs in
};

struct NetNamespaces {
    QList<NetNamespace> list; // own first
    // Processes whose namespace could not be read (not root): namespaces
    // only they are in are missing from `list`.
    bool complete = true;
};

NetNamespaces listNetNamespaces();

// Moves the calling thread into `ns` (setns, CAP_SYS_ADMIN) and back to
// its own on destruction. ok() false: it stayed where it was.
class NetNamespaceScope {
public:
    explicit NetNamespaceScope(const NetNamespace &ns);
    ~NetNamespaceScope();
    NetNamespaceScope(const NetNamespaceScope &) = delete;
    NetNamespaceScope &operator=(const NetNamespaceScope &) = delete;
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

private:
    int m_home = -1;
    bool m_ok = false;
    QString m_error;
};

// What a user types to run `command` in the namespace: itself in our own,
// else through nsenter and one of the namespace's processes.
QString inNamespace(const NetNamespace &ns, const QString &command);

// When REFSCOPE_CENSUS_CAPTURE names a directory, writes `replies` there as
// `name` (the unit tests' fixtures come from the lab guest this way).
void captureReplies(const QString &name, const QByteArray &replies);

} // namespace refscope
