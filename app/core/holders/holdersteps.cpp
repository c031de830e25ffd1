// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holdersteps.h"

#include <QStringList>

namespace refscope {

namespace {

QString numbers(const QList<int> &values)
{
    QStringList list;
    for (const int v : values)
        list << QString::number(v);
    return list.join(QStringLiteral(", "));
}

QString processName(const Holder &holder, TextLanguage language)
{
    return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "pid %1 (%2)"), language,
                        {QString::number(holder.pid), holder.comm});
}

// Close the holder's fds: in its own process, and in the forked processes
// sharing the same open file.
QString closeStep(const Holder &holder, const QString &process, TextLanguage language)
{
    const QStringList args = {describeFds(holder.fds, language), process, holder.path,
                              numbers(holder.sharedWith)};
    const bool socket = holder.kind == HolderKind::Socket;
    if (holder.sharedWith.isEmpty())
        return socket
                   ? holderPhrase(
                         QT_TRANSLATE_NOOP("refscope::HolderText", "close socket %1 of %2 (%3)"),
                         language, args)
                   : holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "close %1 of %2 (%3)"),
                                  language, args);
    return socket ? holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                                   "close socket %1 of %2 (%3), and in pids %4, "
                                                   "which share the same open file (fork)"),
                                 language, args)
                  : holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                                   "close %1 of %2 (%3), and in pids %4, which "
                                                   "share the same open file (fork)"),
                                 language, args);
}

} // namespace

QString describeFds(const QList<int> &fds, TextLanguage language)
{
    return fds.size() == 1 ? holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "fd %1"),
                                          language, {numbers(fds)})
                           : holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "fds %1"),
                                          language, {numbers(fds)});
}

bool isOrphanedOpenFile(const Holder &holder)
{
    return holder.pid < 0 && holder.source == HolderSource::Exact &&
           (holder.kind == HolderKind::File || holder.kind == HolderKind::Socket);
}

QString stepForHolder(const Holder &holder, TextLanguage language)
{
    if (isOrphanedOpenFile(holder))
        return holderPhrase(
            QT_TRANSLATE_NOOP("refscope::HolderText",
                              "no process has %1 open any more, yet it holds a reference: a "
                              "kernel thread or the module itself keeps it, as a module's thread "
                              "can keep a user's netlink socket open after the user closed it; "
                              "only the module's own code can let it go"),
            language, {holder.path});
    const QString process = processName(holder, language);
    switch (holder.kind) {
    case HolderKind::File:
        if (holder.pid < 0) // a bound loop device: "/dev/loop0 (bound to /tmp/img)"
            return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                                  "detach %1 once nothing uses it (losetup -d %2)"),
                                language, {holder.path, holder.path.section(u' ', 0, 0)});
        if (holder.fds.isEmpty())
            return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                                  "%1 has %2 mapped: end it (kill %3) or make it "
                                                  "unmap the file"),
                                language, {process, holder.path, QString::number(holder.pid)});
        return closeStep(holder, process, language);
    case HolderKind::Socket:
        return closeStep(holder, process, language);
    case HolderKind::Mount:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "umount %1"), language,
                            {holder.path});
    case HolderKind::Module:
        return holderPhrase(
            QT_TRANSLATE_NOOP("refscope::HolderText", "unload user module %1 first (rmmod %1)"),
            language, {holder.path});
    case HolderKind::Kthread:
        return holderPhrase(
            QT_TRANSLATE_NOOP("refscope::HolderText",
                              "kernel thread %1 holds %2 (%3): only the module's own code can "
                              "make it let go; a thread that inherited a user's files keeps them "
                              "open after the user closes them, so the count never returns to 0"),
            language, {process, describeFds(holder.fds, language), holder.path});
    case HolderKind::TrafficControl:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "remove %1: %2"), language,
                            {holder.path, holder.undo});
    case HolderKind::Netfilter:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "delete %1: %2"), language,
                            {holder.path, holder.undo});
    case HolderKind::Swap:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "turn off swap on %1: %2"),
                            language, {holder.path, holder.undo});
    case HolderKind::Bpf:
        if (holder.pid >= 0)
            return holderPhrase(
                QT_TRANSLATE_NOOP("refscope::HolderText",
                                  "%1 holds the BPF links of %2 (%3): close "
                                  "them or end it: %4"),
                language, {process, holder.path, describeFds(holder.fds, language), holder.undo});
        if (!holder.undo.isEmpty())
            return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                                  "end the processes holding the BPF links of "
                                                  "%1: %2"),
                                language, {holder.path, holder.undo});
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                              "detach %1: remove its links' pins under "
                                              "/sys/fs/bpf"),
                            language, {holder.path});
    case HolderKind::Crypto:
        if (holder.pid >= 0)
            return holderPhrase(
                QT_TRANSLATE_NOOP("refscope::HolderText",
                                  "%1 is the only process with AF_ALG sockets (%2): if it uses %3, "
                                  "close them or end it: %4"),
                language, {process, describeFds(holder.fds, language), holder.path, holder.undo});
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                              "stop what uses %1: an AF_ALG socket, or a kernel "
                                              "user such as dm-crypt, IPsec or an algorithm built "
                                              "on it"),
                            language, {holder.path});
    case HolderKind::TcpCongestion:
        if (holder.pid >= 0)
            return holderPhrase(
                QT_TRANSLATE_NOOP("refscope::HolderText",
                                  "%1 has %2 open (%3): close them or end it: %4"),
                language, {process, holder.path, describeFds(holder.fds, language), holder.undo});
        if (!holder.undo.isEmpty())
            return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "let go of %1: %2"),
                                language, {holder.path, holder.undo});
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText",
                                              "%1: the process that has it open must close it; "
                                              "a socket no process has open any more goes when "
                                              "its connection finishes closing"),
                            language, {holder.path});
    case HolderKind::IoScheduler:
        return holderPhrase(
            QT_TRANSLATE_NOOP("refscope::HolderText", "switch %1 to another I/O scheduler: %2"),
            language, {holder.path, holder.undo});
    case HolderKind::Nls:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "unmount %1: %2"), language,
                            {holder.path, holder.undo});
    case HolderKind::LoopBacking:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "detach %1: %2"), language,
                            {holder.path, holder.undo});
    case HolderKind::DeviceMapper:
        return holderPhrase(
            QT_TRANSLATE_NOOP("refscope::HolderText", "remove the mapped device of %1: %2"),
            language, {holder.path, holder.undo});
    case HolderKind::Md:
        return holderPhrase(QT_TRANSLATE_NOOP("refscope::HolderText", "stop the array of %1: %2"),
                            language, {holder.path, holder.undo});
    case HolderKind::IoUring:
        return holderPhrase(
            QT_TRANSLATE_NOOP("refscope::HolderText",
                              "end %1, or let it close its io_uring (%3), which keeps %2 open: "
                              "%4"),
            language, {process, holder.path, describeFds(holder.fds, language), holder.undo});
    }
    return {};
}

} // namespace refscope
