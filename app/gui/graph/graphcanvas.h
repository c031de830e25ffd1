// SPDX-License-Identifier: GPL-3.0-or-later
// The scrollable, zoomable drawing of one laid-out graph: wheel zooms
// under the mouse, dragging pans, clicking a module reports it.
#pragma once

#include "graph/graphlayout.h"

#include <QGraphicsView>
#include <QHash>

namespace refscope {

class ModuleEdgeItem;
class ModuleNodeItem;

class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    // Replaces the drawing; keeps the highlight if that module is still shown.
    void showLayout(const GraphLayoutResult &layout);
    // Replaces the drawing with a line of text (a layout error, no modules).
    void showMessage(const QString &text);
    bool containsModule(const QString &name) const { return m_nodes.contains(name); }
    // Highlights the module and its links; an empty or unknown name clears it.
    void highlightModule(const QString &name);
    void centreOnModule(const QString &name);

    void zoomBy(double factor);
    void fitGraph();

signals:
    void moduleClicked(const QString &name);
    void moduleDoubleClicked(const QString &name);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void clear();
    ModuleNodeItem *nodeAt(const QPoint &viewPos) const;

    QHash<QString, ModuleNodeItem *> m_nodes;
    QList<ModuleEdgeItem *> m_edges;
    QString m_highlighted;
    QPoint m_pressPos;
};

} // namespace refscope
