// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/dependencygraphview.h"

#include "graph/graphcanvas.h"
#include "graph/graphexport.h"

#include "graph/nodestyle.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace refscope {

namespace {

QStringList nodeNames(const DependencyGraph &graph)
{
    QStringList names;
    for (const GraphNode &node : graph.nodes())
        names.append(node.name);
    return names;
}

} // namespace

DependencyGraphView::DependencyGraphView(QWidget *parent)
    : DependencyGraphView(GraphLayoutOptions(), parent)
{
}

DependencyGraphView::DependencyGraphView(const GraphLayoutOptions &options, QWidget *parent)
    : QWidget(parent), m_layout(new GraphLayout(options, this)), m_canvas(new GraphCanvas(this)),
      m_levels(new QSpinBox(this)), m_status(new QLabel(this))
{
    auto *toolBar = new QToolBar(this);
    buildToolBar(toolBar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_canvas, 1);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(6, 2, 6, 2);
    footer->addWidget(m_status, 1);
    footer->addWidget(legend());
    layout->addLayout(footer);

    connect(m_layout, &GraphLayout::layoutFinished, this, &DependencyGraphView::onLayoutFinished);
    connect(m_canvas, &GraphCanvas::moduleClicked, this, [this](const QString &name) {
        selectModule(name);
        emit moduleSelected(name);
    });
    connect(m_canvas, &GraphCanvas::moduleDoubleClicked, this,
            &DependencyGraphView::showNeighbourhood);
    relayout();
}

void DependencyGraphView::buildToolBar(QToolBar *toolBar)
{
    const auto add = [&](const char *icon, const QString &text, const QString &tip, auto slot) {
        QAction *action =
            toolBar->addAction(QIcon::fromTheme(QLatin1String(icon)), text, this, slot);
        action->setToolTip(tip);
        // Shortcuts act while the graph has focus, not across the main window.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    add("zoom-in", tr("Zoom in"), tr("Zoom in (or turn the mouse wheel)"),
        &DependencyGraphView::zoomIn)
        ->setShortcut(QKeySequence::ZoomIn);
    add("zoom-out", tr("Zoom out"), tr("Zoom out"), &DependencyGraphView::zoomOut)
        ->setShortcut(QKeySequence::ZoomOut);
    add("zoom-fit-best", tr("Fit"), tr("Show the whole graph"), &DependencyGraphView::fitToView);
    toolBar->addSeparator();

    m_levels->setRange(0, 20);
    m_levels->setValue(1);
    m_levels->setPrefix(tr("Levels: "));
    m_levels->setToolTip(tr("How many levels of users and of used modules a neighbourhood shows"));
    connect(m_levels, &QSpinBox::valueChanged, this, [this] {
        if (!m_focus.isEmpty())
            relayout();
    });
    add("go-jump", tr("Neighbourhood"),
        tr("Show only the selected module, its users and what it uses (or double-click a module)"),
        [this] { showNeighbourhood(m_selected); });
    toolBar->addWidget(m_levels);
    add("view-fullscreen", tr("Show all"), tr("Show every loaded module"),
        &DependencyGraphView::showAll);
    toolBar->addSeparator();

    auto *exportMenu = new QMenu(this);
    for (const QString &format :
         {QStringLiteral("DOT"), QStringLiteral("SVG"), QStringLiteral("PNG")})
        exportMenu->addAction(tr("%1…").arg(format), this,
                              [this, format] { exportWithDialog(format); });
    auto *exportButton = new QToolButton(toolBar);
    exportButton->setText(tr("Export"));
    exportButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setMenu(exportMenu);
    toolBar->addWidget(exportButton);
}

QLabel *DependencyGraphView::legend()
{
    const auto swatch = [](const QString &colour, const QString &border, const QString &text) {
        return QStringLiteral("<span style='background:%1; color:%2'>&nbsp;%3&nbsp;</span> ")
            .arg(colour, border, text.toHtmlEscaped());
    };
    GraphNode idle{QString(), ModuleState::Live, 0, false, QString()};
    GraphNode used = idle;
    used.refcount = 1;
    GraphNode coming = used;
    coming.state = ModuleState::Coming;
    GraphNode going = used;
    going.state = ModuleState::Going;
    GraphNode tainted = idle;
    tainted.taints = QStringLiteral("E");
    auto *label =
        new QLabel(swatch(nodeFillColour(idle), QStringLiteral("black"), tr("unused")) +
                       swatch(nodeFillColour(used), QStringLiteral("black"), tr("in use")) +
                       swatch(nodeFillColour(coming), QStringLiteral("black"), tr("loading")) +
                       swatch(nodeFillColour(going), QStringLiteral("black"), tr("unloading")) +
                       swatch(nodeFillColour(idle), nodeOutlineColour(tainted), tr("[tainted]")) +
                       tr("double box: permanent · arrow: uses"),
                   this);
    label->setTextFormat(Qt::RichText);
    return label;
}

void DependencyGraphView::setSnapshot(const Snapshot &snapshot)
{
    m_full = DependencyGraph::fromSnapshot(snapshot);
    if (!m_focus.isEmpty() && !m_full.contains(m_focus))
        m_focus.clear(); // its module was unloaded: back to everything
    relayout();
}

int DependencyGraphView::neighbourhoodLevels() const
{
    return m_levels->value();
}

void DependencyGraphView::setNeighbourhoodLevels(int levels)
{
    m_levels->setValue(levels);
}

QString DependencyGraphView::statusText() const
{
    return m_status->text();
}

QGraphicsScene *DependencyGraphView::scene() const
{
    return m_canvas->scene();
}

QString DependencyGraphView::exportDotTo(const QString &path) const
{
    return exportDot(m_shown, path);
}

QString DependencyGraphView::exportSvgTo(const QString &path) const
{
    return exportSvg(m_canvas->scene(), path);
}

QString DependencyGraphView::exportPngTo(const QString &path) const
{
    return exportPng(m_canvas->scene(), path);
}

void DependencyGraphView::selectModule(const QString &name)
{
    const GraphNode *node = m_full.node(name);
    m_selected = node ? node->name : QString();
    if (node && !m_focus.isEmpty() && !m_canvas->containsModule(m_selected)) {
        showNeighbourhood(m_selected);
        return;
    }
    m_canvas->highlightModule(m_selected);
    m_canvas->centreOnModule(m_selected);
}

void DependencyGraphView::showNeighbourhood(const QString &name)
{
    const GraphNode *node = m_full.node(name);
    if (!node)
        return;
    m_focus = node->name;
    m_selected = node->name;
    relayout();
}

void DependencyGraphView::showAll()
{
    m_focus.clear();
    relayout();
}

void DependencyGraphView::zoomIn()
{
    m_canvas->zoomBy(1.25);
}

void DependencyGraphView::zoomOut()
{
    m_canvas->zoomBy(1 / 1.25);
}

void DependencyGraphView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_fitPending && !m_shown.isEmpty()) {
        m_canvas->fitGraph();
        m_fitPending = false;
    }
}

void DependencyGraphView::fitToView()
{
    m_canvas->fitGraph();
}

void DependencyGraphView::relayout()
{
    const DependencyGraph wanted =
        m_focus.isEmpty() ? m_full : m_full.neighbourhood(m_focus, m_levels->value());
    // Periodic refreshes mostly bring the same modules: keep the drawing.
    const bool unchanged = wanted.nodes() == m_shown.nodes() && wanted.edges() == m_shown.edges();
    if (m_shownIsCurrent && unchanged && !m_layout->isBusy()) {
        showStatusOfShown(); // the focus may differ
        return;
    }
    if (nodeNames(wanted) != nodeNames(m_shown))
        m_fitPending = true;
    setStatus(tr("Laying out…"), false);
    m_layout->requestLayout(wanted);
}

void DependencyGraphView::onLayoutFinished(const GraphLayoutResult &result)
{
    m_shownIsCurrent = result.ok();
    if (!result.ok()) {
        m_shown = DependencyGraph();
        m_canvas->showMessage(result.error);
        setStatus(result.error, true);
        m_fitPending = true;
        emit layoutShown(result.error);
        return;
    }
    m_shown = result.graph;
    m_canvas->showLayout(result);
    m_canvas->highlightModule(m_selected);
    if (m_shown.isEmpty())
        m_canvas->showMessage(tr("No modules are loaded."));
    showStatusOfShown();
    // Hidden, the canvas has no real size yet: showEvent() fits instead.
    if (m_fitPending && isVisible()) {
        m_canvas->fitGraph();
        m_fitPending = false;
    }
    emit layoutShown(QString());
}

void DependencyGraphView::showStatusOfShown()
{
    const qsizetype modules = m_shown.nodes().size();
    const qsizetype links = m_shown.edges().size();
    if (modules == 0) {
        setStatus(tr("No modules"), false);
        return;
    }
    QString status = (modules == 1 ? tr("1 module") : tr("%1 modules").arg(modules)) +
                     QStringLiteral(", ") + (links == 1 ? tr("1 link") : tr("%1 links").arg(links));
    if (!m_focus.isEmpty())
        status += tr(" around %1").arg(m_focus);
    setStatus(status, false);
}

void DependencyGraphView::setStatus(const QString &text, bool isError)
{
    m_status->setText(text);
    m_status->setStyleSheet(isError ? QStringLiteral("color: #c62828") : QString());
}

void DependencyGraphView::exportWithDialog(const QString &format)
{
    const QString suffix = format.toLower();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the graph as %1").arg(format), QStringLiteral("modules.%1").arg(suffix),
        tr("%1 files (*.%2)").arg(format, suffix));
    if (path.isEmpty())
        return;
    const QString error = format == QLatin1String("DOT")   ? exportDotTo(path)
                          : format == QLatin1String("SVG") ? exportSvgTo(path)
                                                           : exportPngTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace refscope
