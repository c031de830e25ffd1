// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holder.h"

namespace refscope {

QString holderKindName(HolderKind kind)
{
    switch (kind) {
    case HolderKind::File:
        return QStringLiteral("file");
    case HolderKind::Socket:
        return QStringLiteral("socket");
    case HolderKind::Mount:
        return QStringLiteral("mount");
    case HolderKind::Module:
        return QStringLiteral("module");
    case HolderKind::Kthread:
        return QStringLiteral("kthread");
    case HolderKind::TrafficControl:
        return QStringLiteral("tc");
    case HolderKind::Netfilter:
        return QStringLiteral("netfilter");
    case HolderKind::Swap:
        return QStringLiteral("swap");
    case HolderKind::Crypto:
        return QStringLiteral("crypto");
    case HolderKind::Bpf:
        return QStringLiteral("bpf");
    case HolderKind::TcpCongestion:
        return QStringLiteral("tcp-cc");
    case HolderKind::IoScheduler:
        return QStringLiteral("iosched");
    case HolderKind::Nls:
        return QStringLiteral("nls");
    case HolderKind::LoopBacking:
        return QStringLiteral("loop");
    case HolderKind::DeviceMapper:
        return QStringLiteral("dm");
    case HolderKind::Md:
        return QStringLiteral("md");
    case HolderKind::IoUring:
        return QStringLiteral("io_uring");
    }
    return QStringLiteral("file");
}

bool isKernelObjectKind(HolderKind kind)
{
    switch (kind) {
    case HolderKind::TrafficControl:
    case HolderKind::Netfilter:
    case HolderKind::Swap:
    case HolderKind::Crypto:
    case HolderKind::Bpf:
    case HolderKind::TcpCongestion:
    case HolderKind::IoScheduler:
    case HolderKind::Nls:
    case HolderKind::LoopBacking:
    case HolderKind::DeviceMapper:
    case HolderKind::Md:
    // A process holds the ring, as with tcp-cc sockets: the user ends it
    // (the undo step); RefScope does not close the ring itself.
    case HolderKind::IoUring:
        return true;
    case HolderKind::File:
    case HolderKind::Socket:
    case HolderKind::Mount:
    case HolderKind::Module:
    case HolderKind::Kthread:
        return false;
    }
    return false;
}

std::optional<HolderKind> holderKindFromName(const QString &name)
{
    static const HolderKind kinds[] = {
        HolderKind::File,      HolderKind::Socket,        HolderKind::Mount,
        HolderKind::Module,    HolderKind::Kthread,       HolderKind::TrafficControl,
        HolderKind::Netfilter, HolderKind::Swap,          HolderKind::Crypto,
        HolderKind::Bpf,       HolderKind::TcpCongestion, HolderKind::IoScheduler,
        HolderKind::Nls,       HolderKind::LoopBacking,   HolderKind::DeviceMapper,
        HolderKind::Md,        HolderKind::IoUring};
    for (const HolderKind k : kinds) {
        if (holderKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString holderSourceName(HolderSource source)
{
    return source == HolderSource::Exact ? QStringLiteral("exact") : QStringLiteral("inferred");
}

} // namespace refscope
