// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/cryptocensus.h"

#include "holders/census/census.h"
#include "holders/census/processsockets.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "inventory/moduleinfo.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef AF_ALG
#define AF_ALG 38
#endif

namespace refscope {

QList<CryptoAlgorithm> parseProcCrypto(const QByteArray &text)
{
    QList<CryptoAlgorithm> algorithms;
    CryptoAlgorithm current;
    auto flush = [&] {
        if (!current.driver.isEmpty())
            algorithms.append(current);
        current = {};
    };
    for (const QByteArray &line : text.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon < 0) {
            flush();
            continue;
        }
        const QByteArray key = line.left(colon).trimmed();
        const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
        if (key == "name") {
            flush();
            current.name = value;
        } else if (key == "driver") {
            current.driver = value;
        } else if (key == "module") {
            current.module = value;
        } else if (key == "refcnt") {
            current.refcnt = value.toInt();
        }
    }
    flush();
    return algorithms;
}

namespace {

struct AlgSockets {
    int pid = -1;
    QString comm;
    QList<int> fds;
};

// The processes with AF_ALG sockets open. A socket's family shows only on
// the socket itself: each socket fd is copied here with pidfd_getfd (root),
// asked SO_DOMAIN and closed again, which leaves the process's own fd as
// it was.
QList<AlgSockets> algSockets(bool *complete)
{
    QList<AlgSockets> owners;
    forEachProcessSockets([&](const ProcessSockets &process) {
        if (!process.readable) {
            *complete = false;
            return;
        }
        int pidfd = -1;
        AlgSockets found;
        for (const auto &[fd, inode] : process.sockets) {
            if (pidfd < 0)
                pidfd = int(::syscall(SYS_pidfd_open, process.pid, 0));
            if (pidfd < 0)
                break; // gone
            const int copy = int(::syscall(SYS_pidfd_getfd, pidfd, fd, 0));
            if (copy < 0) {
                if (errno == EPERM || errno == EACCES)
                    *complete = false;
                continue;
            }
            int domain = 0;
            socklen_t size = sizeof domain;
            if (::getsockopt(copy, SOL_SOCKET, SO_DOMAIN, &domain, &size) == 0 && domain == AF_ALG)
                found.fds << fd;
            ::close(copy);
        }
        if (pidfd >= 0)
            ::close(pidfd);
        if (!found.fds.isEmpty()) {
            found.pid = process.pid;
            found.comm = processComm(process.pid);
            std::sort(found.fds.begin(), found.fds.end());
            owners.append(found);
        }
    });
    return owners;
}

} // namespace

void addCryptoHolders(ModuleOwners &owners, Census &census)
{
    QFile file(QStringLiteral("/proc/crypto"));
    if (!file.open(QIODevice::ReadOnly)) {
        census.markUnchecked(QStringLiteral("crypto"), file.errorString());
        return;
    }
    QList<CryptoAlgorithm> used;
    for (const CryptoAlgorithm &a : parseProcCrypto(file.readAll())) {
        if (a.refcnt > 1 && owners.loaded().contains(normalizeModuleName(a.module)))
            used.append(a);
    }
    if (used.isEmpty())
        return;
    bool complete = true;
    const QList<AlgSockets> sockets = algSockets(&complete);
    if (!complete)
        census.markUnchecked(QStringLiteral("crypto"),
                             QStringLiteral("some processes' sockets could not be read"));
    QStringList candidates;
    for (const AlgSockets &s : sockets)
        candidates << QStringLiteral("pid %1 (%2) fd %3")
                          .arg(s.pid)
                          .arg(s.comm)
                          .arg(s.fds.size() == 1
                                   ? QString::number(s.fds.first())
                                   : QStringLiteral("%1-%2").arg(s.fds.first()).arg(s.fds.last()));
    for (const CryptoAlgorithm &a : std::as_const(used)) {
        Holder h;
        h.kind = HolderKind::Crypto;
        h.path = QStringLiteral("algorithm %1 (%2)").arg(a.name, a.driver);
        h.refs = a.refcnt - 1;
        h.source = HolderSource::Inferred;
        QList<HolderSentence> rule{
            {HolderSentenceCode::CryptoUsers, {a.driver, QString::number(a.refcnt - 1)}}};
        if (!candidates.isEmpty())
            rule.append({HolderSentenceCode::AlgSockets, {candidates.join(QStringLiteral(", "))}});
        // One process with AF_ALG sockets: it is the user to end. Several,
        // or none (a kernel user): no command can be named for sure.
        if (sockets.size() == 1) {
            h.pid = sockets.first().pid;
            h.comm = sockets.first().comm;
            h.fds = sockets.first().fds;
            h.undo = QStringLiteral("kill %1").arg(h.pid);
        }
        setHolderRule(h, rule);
        census.holders[normalizeModuleName(a.module)].append(h);
    }
}

} // namespace refscope
