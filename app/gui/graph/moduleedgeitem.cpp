// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/moduleedgeitem.h"

#include <QBrush>
#include <QCoreApplication>
#include <QLineF>
#include <QPainterPath>
#include <QPen>

namespace refscope {

namespace {

QPainterPath splinePath(const QList<QPointF> &spline)
{
    QPainterPath path(spline.first());
    for (qsizetype i = 1; i + 2 < spline.size(); i += 3)
        path.cubicTo(spline.at(i), spline.at(i + 1), spline.at(i + 2));
    return path;
}

// A triangle from the spline's end to dot's arrow tip.
QPolygonF arrowHead(const EdgeGeometry &geometry)
{
    if (!geometry.arrowTip)
        return {};
    const QPointF base = geometry.spline.last();
    const QLineF shaft(base, *geometry.arrowTip);
    QLineF half = shaft.normalVector();
    half.setLength(shaft.length() * 0.4);
    const QPointF side = half.p2() - half.p1();
    return QPolygonF({base + side, *geometry.arrowTip, base - side});
}

} // namespace

ModuleEdgeItem::ModuleEdgeItem(const EdgeGeometry &geometry)
    : QGraphicsPathItem(splinePath(geometry.spline)), m_user(geometry.user), m_used(geometry.used),
      m_arrow(new QGraphicsPolygonItem(arrowHead(geometry), this))
{
    setHighlighted(false);
    setToolTip(
        QCoreApplication::translate("refscope::ModuleEdgeItem", "%1 uses %2").arg(m_user, m_used));
}

void ModuleEdgeItem::setHighlighted(bool highlighted)
{
    const QColor colour = highlighted ? QColor(0x15, 0x65, 0xc0) : QColor(0x66, 0x66, 0x66);
    setPen(QPen(colour, highlighted ? 2 : 1));
    m_arrow->setPen(QPen(colour, 1));
    m_arrow->setBrush(colour);
    setZValue(highlighted ? 0.5 : 0);
}

} // namespace refscope
