// SPDX-License-Identifier: GPL-3.0-or-later
// A "uses" link in the graph scene: dot's spline from the user module to
// the used one, with an arrow head at the used module.
#pragma once

#include "graph/graphgeometry.h"

#include <QGraphicsPathItem>
#include <QGraphicsPolygonItem>

namespace refscope {

class ModuleEdgeItem : public QGraphicsPathItem {
public:
    explicit ModuleEdgeItem(const EdgeGeometry &geometry);

    const QString &user() const { return m_user; }
    const QString &used() const { return m_used; }
    void setHighlighted(bool highlighted);

private:
    QString m_user;
    QString m_used;
    QGraphicsPolygonItem *m_arrow; // a child: filling the path would fill the curve too
};

} // namespace refscope
