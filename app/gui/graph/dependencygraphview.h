// SPDX-License-Identifier: GPL-3.0-or-later
// The module dependency graph panel: a toolbar (zoom, fit, neighbourhood
// levels, show all, export) over a GraphCanvas, laid out by GraphLayout.
// Shows either every loaded module or the neighbourhood of one of them.
#pragma once

#include "graph/dependencygraph.h"
#include "graph/graphlayout.h"

#include <QWidget>

class QGraphicsScene;
class QLabel;
class QSpinBox;
class QToolBar;

namespace refscope {

class GraphCanvas;

class DependencyGraphView : public QWidget {
    Q_OBJECT
public:
    explicit DependencyGraphView(QWidget *parent = nullptr);
    DependencyGraphView(const GraphLayoutOptions &options, QWidget *parent);

    // Takes a new reading; keeps the neighbourhood being shown, if its
    // module is still loaded, and the zoom, if the same modules are shown.
    void setSnapshot(const Snapshot &snapshot);

    const DependencyGraph &shownGraph() const { return m_shown; }
    QString focusModule() const { return m_focus; } // empty when showing all
    QString selectedModule() const { return m_selected; }
    int neighbourhoodLevels() const;
    void setNeighbourhoodLevels(int levels);
    QString statusText() const;
    QGraphicsScene *scene() const;

    // Each returns an error message, empty on success.
    QString exportDotTo(const QString &path) const;
    QString exportSvgTo(const QString &path) const;
    QString exportPngTo(const QString &path) const;

public slots:
    // Highlights and centres the module. When a neighbourhood is shown
    // that lacks it, shows the module's neighbourhood instead. Does not
    // emit moduleSelected (that is for the user's clicks).
    void selectModule(const QString &name);
    void showNeighbourhood(const QString &name);
    void showAll();
    void zoomIn();
    void zoomOut();
    void fitToView();

signals:
    void moduleSelected(const QString &name); // the user clicked a module
    // A layout was drawn, or failed (error non-empty; see statusText()).
    void layoutShown(const QString &error);

protected:
    // A layout that arrived while hidden (another tab was showing) is
    // fitted now, when the canvas has its real size.
    void showEvent(QShowEvent *event) override;

private:
    void buildToolBar(QToolBar *toolBar);
    QLabel *legend();
    void relayout();
    void onLayoutFinished(const GraphLayoutResult &result);
    void showStatusOfShown();
    void setStatus(const QString &text, bool isError);
    void exportWithDialog(const QString &format);

    GraphLayout *m_layout;
    GraphCanvas *m_canvas;
    QSpinBox *m_levels;
    QLabel *m_status;
    DependencyGraph m_full;
    DependencyGraph m_shown; // what the canvas draws
    QString m_focus;
    QString m_selected;
    bool m_fitPending = true;
    bool m_shownIsCurrent = false; // m_shown was laid out without error
};

} // namespace refscope
