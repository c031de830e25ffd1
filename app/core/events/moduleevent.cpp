// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/moduleevent.h"

namespace refscope {

QString moduleEventKindName(ModuleEventKind kind)
{
    switch (kind) {
    case ModuleEventKind::Load:
        return QStringLiteral("module_load");
    case ModuleEventKind::Free:
        return QStringLiteral("module_free");
    case ModuleEventKind::Get:
        return QStringLiteral("module_get");
    case ModuleEventKind::Put:
        return QStringLiteral("module_put");
    case ModuleEventKind::Request:
        return QStringLiteral("module_request");
    }
    return {};
}

} // namespace refscope
