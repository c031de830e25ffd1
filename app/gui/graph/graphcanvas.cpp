// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphcanvas.h"

#include "graph/moduleedgeitem.h"
#include "graph/modulenodeitem.h"

#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace refscope {

namespace {

// Zoom limits: from a whole 300-module desktop in a small window to
// single boxes filling it.
constexpr double minimumScale = 0.02;
constexpr double maximumScale = 8;

} // namespace

GraphCanvas::GraphCanvas(QWidget *parent) : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setBackgroundBrush(Qt::white);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Repainting only what changed is slower than a full repaint for
    // hundreds of items with long splines.
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
}

void GraphCanvas::clear()
{
    scene()->clear();
    m_nodes.clear();
    m_edges.clear();
}

void GraphCanvas::showMessage(const QString &text)
{
    clear();
    QGraphicsSimpleTextItem *item = scene()->addSimpleText(text);
    scene()->setSceneRect(item->boundingRect().adjusted(-20, -20, 20, 20));
    resetTransform();
    centerOn(item);
}

void GraphCanvas::showLayout(const GraphLayoutResult &layout)
{
    clear();
    for (const EdgeGeometry &edge : layout.geometry.edges) {
        if (edge.spline.isEmpty())
            continue;
        auto *item = new ModuleEdgeItem(edge);
        scene()->addItem(item);
        m_edges.append(item);
    }
    for (const GraphNode &node : layout.graph.nodes()) {
        auto *item = new ModuleNodeItem(node, layout.geometry.nodes.value(node.name));
        scene()->addItem(item);
        m_nodes.insert(node.name, item);
    }
    const double margin = 20;
    scene()->setSceneRect(layout.geometry.boundingRect.adjusted(-margin, -margin, margin, margin));
    const QString highlighted = m_highlighted;
    m_highlighted.clear();
    highlightModule(highlighted);
}

void GraphCanvas::highlightModule(const QString &name)
{
    if (ModuleNodeItem *old = m_nodes.value(m_highlighted))
        old->setHighlighted(false);
    m_highlighted = m_nodes.contains(name) ? name : QString();
    if (ModuleNodeItem *node = m_nodes.value(m_highlighted))
        node->setHighlighted(true);
    for (ModuleEdgeItem *edge : std::as_const(m_edges)) {
        edge->setHighlighted(!m_highlighted.isEmpty() &&
                             (edge->user() == m_highlighted || edge->used() == m_highlighted));
    }
}

void GraphCanvas::centreOnModule(const QString &name)
{
    if (ModuleNodeItem *node = m_nodes.value(name))
        centerOn(node);
}

void GraphCanvas::zoomBy(double factor)
{
    const double current = transform().m11();
    const double wanted = std::clamp(current * factor, minimumScale, maximumScale);
    scale(wanted / current, wanted / current);
}

void GraphCanvas::fitGraph()
{
    // Small graphs are not blown up beyond 1.5x: big boxes read worse.
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > 1.5)
        setTransform(QTransform::fromScale(1.5, 1.5));
    centerOn(sceneRect().center());
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void GraphCanvas::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // A press and release at (nearly) the same place is a click, anything
    // longer was a pan.
    const QPoint moved = event->position().toPoint() - m_pressPos;
    if (event->button() == Qt::LeftButton && moved.manhattanLength() < 4) {
        if (ModuleNodeItem *node = nodeAt(m_pressPos))
            emit moduleClicked(node->moduleName());
    }
}

void GraphCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (ModuleNodeItem *node = nodeAt(event->position().toPoint()))
        emit moduleDoubleClicked(node->moduleName());
    QGraphicsView::mouseDoubleClickEvent(event);
}

ModuleNodeItem *GraphCanvas::nodeAt(const QPoint &viewPos) const
{
    for (QGraphicsItem *item : items(viewPos)) {
        if (auto *node = dynamic_cast<ModuleNodeItem *>(item))
            return node;
    }
    return nullptr;
}

} // namespace refscope
