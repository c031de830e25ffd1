// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/modulenodeitem.h"

#include "graph/nodestyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

namespace refscope {

namespace {

// dot sized the boxes for 10 point Helvetica (see dotwriter.cpp); scene
// units are points, so the same size fits.
constexpr int fontSize = 10;
constexpr double highlightWidth = 3;

} // namespace

ModuleNodeItem::ModuleNodeItem(const GraphNode &node, const NodeGeometry &geometry)
    : m_node(node), m_box(QPointF(), geometry.size)
{
    m_box.moveCenter(QPointF());
    setPos(geometry.centre);
    setToolTip(nodeDescription(node));
    setCursor(Qt::PointingHandCursor);
    setZValue(1); // above the edges that end at it
}

void ModuleNodeItem::setHighlighted(bool highlighted)
{
    m_highlighted = highlighted;
    setZValue(highlighted ? 2 : 1);
    update();
}

QRectF ModuleNodeItem::boundingRect() const
{
    const double margin = highlightWidth;
    return m_box.adjusted(-margin, -margin, margin, margin);
}

void ModuleNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool tainted = !m_node.taints.isEmpty();
    QPen outline(QColor(nodeOutlineColour(m_node)), tainted ? 2 : 1);
    if (m_highlighted)
        outline = QPen(QColor(0x15, 0x65, 0xc0), highlightWidth);
    painter->setPen(outline);
    painter->setBrush(QColor(nodeFillColour(m_node)));
    // Permanent modules can never be unloaded: square corners and a second
    // outline, as in the DOT output.
    if (m_node.permanent) {
        painter->drawRect(m_box);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(m_box.adjusted(3, 3, -3, -3));
    } else {
        painter->drawRoundedRect(m_box, 4, 4);
    }

    // Text smaller than about 3 pixels is unreadable; skipping it keeps a
    // zoomed-out view of 300 modules fast and shows the shape instead.
    if (option->levelOfDetailFromTransform(painter->worldTransform()) * fontSize < 3)
        return;
    QFont font = painter->font();
    font.setPixelSize(fontSize); // scene units are points, as in dot
    const QString label = nodeLabel(m_node);
    const QRectF textBox = m_box.adjusted(4, 0, -4, 0);
    const double textWidth = QFontMetricsF(font).horizontalAdvance(label);
    // Qt's sans font is wider than dot's Helvetica estimate: shrink to fit.
    const double shrink = std::min(1.0, textBox.width() / textWidth);
    painter->setFont(font);
    painter->setPen(tainted ? QColor(nodeOutlineColour(m_node)) : QColor(Qt::black));
    painter->scale(shrink, shrink);
    painter->drawText(QRectF(textBox.topLeft() / shrink, textBox.size() / shrink), Qt::AlignCenter,
                      label);
}

} // namespace refscope
