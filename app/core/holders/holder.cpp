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
    }
    return QStringLiteral("file");
}

QString holderSourceName(HolderSource source)
{
    return source == HolderSource::Exact ? QStringLiteral("exact") : QStringLiteral("inferred");
}

} // namespace refscope
