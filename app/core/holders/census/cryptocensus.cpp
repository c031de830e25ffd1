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
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
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
// the socket itself: its protocol's name, "ALG" for AF_ALG (af_alg.c's
// alg_proto), is the socket inode's system.sockprotoname attribute, read
// through /proc/PID/fd/N in one call (copying each fd with pidfd_getfd to
// ask SO_DOMAIN took three).
QList<AlgSockets> algSockets(ProcessSocketsWalk &walk, bool *complete)
{
    QList<AlgSockets> owners;
    for (const ProcessSockets &process : walk.processes()) {
        if (!process.readable) {
            *complete = false;
            continue;
        }
        AlgSockets found;
        char path[64];
        char name[32];
        for (const ProcessSocket &socket : process.sockets) {
            const int fd = socket.fd;
            if (!socket.protocol.isEmpty()) { // the holder scan read it
                if (socket.protocol == "ALG")
                    found.fds << fd;
                continue;
            }
            std::snprintf(path, sizeof path, "/proc/%d/fd/%d", process.pid, fd);
            const ssize_t n = ::getxattr(path, "system.sockprotoname", name, sizeof name - 1);
            if (n < 0) {
                if (errno == EPERM || errno == EACCES)
                    *complete = false;
                continue; // closed meanwhile
            }
            name[n] = '\0';
            if (std::strcmp(name, "ALG") == 0)
                found.fds << fd;
        }
        if (!found.fds.isEmpty()) {
            found.pid = process.pid;
            found.comm = processComm(process.pid);
            std::sort(found.fds.begin(), found.fds.end());
            owners.append(found);
        }
    }
    return owners;
}

} // namespace

void addCryptoHolders(ModuleOwners &owners, Census &census, ProcessSocketsWalk &walk)
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
    const QList<AlgSockets> sockets = algSockets(walk, &complete);
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
