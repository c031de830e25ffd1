// SPDX-License-Identifier: GPL-3.0-or-later
// One module in the graph scene: a box in the colours of nodestyle.h,
// at the place and size `dot` chose.
#pragma once

#include "graph/dependencygraph.h"
#include "graph/graphgeometry.h"

#include <QGraphicsItem>

namespace refscope {

class ModuleNodeItem : public QGraphicsItem {
public:
    ModuleNodeItem(const GraphNode &node, const NodeGeometry &geometry);

    const QString &moduleName() const { return m_node.name; }
    void setHighlighted(bool highlighted);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphNode m_node;
    QRectF m_box; // in item coordinates, centred on the origin
    bool m_highlighted = false;
};

} // namespace refscope
