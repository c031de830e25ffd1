// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/nodestyle.h"

namespace refscope {

QString nodeFillColour(const GraphNode &node)
{
    const bool inUse = node.refcount > 0;
    switch (node.state) {
    case ModuleState::Live:
        return QString::fromLatin1(inUse ? "#74c476" : "#dff2dc");
    case ModuleState::Coming:
        return QString::fromLatin1(inUse ? "#6baed6" : "#dbe9f6");
    case ModuleState::Going:
        return QString::fromLatin1(inUse ? "#fd8d3c" : "#fee3c8");
    case ModuleState::Unknown:
        break;
    }
    return QString::fromLatin1(inUse ? "#a0a0a0" : "#e6e6e6");
}

QString nodeOutlineColour(const GraphNode &node)
{
    return QString::fromLatin1(node.taints.isEmpty() ? "#404040" : "#d32f2f");
}

QString nodeLabel(const GraphNode &node)
{
    QString label = node.name;
    if (node.refcount != 0)
        label += QStringLiteral(" (%1)").arg(node.refcount);
    if (!node.taints.isEmpty())
        label += QStringLiteral(" [%1]").arg(node.taints);
    return label;
}

QString nodeDescription(const GraphNode &node)
{
    QString text = QStringLiteral("%1: %2, used by %3")
                       .arg(node.name, moduleStateName(node.state))
                       .arg(node.refcount);
    if (node.permanent)
        text += QStringLiteral(", permanent");
    if (!node.taints.isEmpty())
        text += QStringLiteral(", tainted %1").arg(node.taints);
    return text;
}

} // namespace refscope
