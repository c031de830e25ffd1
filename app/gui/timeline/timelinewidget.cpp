// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelinewidget.h"

#include "events/outstandingrefs.h"

#include "models/eventtablemodel.h"
#include "timeline/capturecontrol.h"
#include "timeline/eventpane.h"
#include "timeline/outstandingrefspane.h"
#include "timeline/recordingopener.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelineexport.h"

#include "events/outstandingrefs.h"
#include "events/perfettoexport.h"
#include "recording/backgroundjob.h"

#include <QFileDialog>
#include <QHBoxLayout>

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace refscope {

namespace {
// More curves than this on one chart are unreadable: without a selected
// module the chart shows the first few of the recording.
constexpr int kMaxCurves = 8;
constexpr int kTableFollowMs = 150;
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent), m_toolBar(new QToolBar), m_viewBar(new QToolBar),
      m_pages(new QStackedWidget), m_empty(new QLabel), m_views(new QWidget),
      m_chart(new TimelineChartView), m_events(new EventPane),
      m_outstanding(new OutstandingRefsPane), m_markerLabel(new QLabel), m_sourceLabel(new QLabel),
      m_opener(new RecordingOpener(this)), m_capture(new CaptureControl(this)),
      m_exportJob(new BackgroundJob(this))
{
    setObjectName(QStringLiteral("timeline"));
    m_chart->setObjectName(QStringLiteral("timelineChart"));
    m_markerLabel->setObjectName(QStringLiteral("markerLabel"));
    m_sourceLabel->setObjectName(QStringLiteral("timelineSource"));
    m_empty->setObjectName(QStringLiteral("timelineEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No recording yet.\nOpen a trace.dat (trace-cmd record -e module) or a "
                        "RefScope session file, or start a capture."));
    createToolBar();

    auto *below = new QTabWidget;
    below->setObjectName(QStringLiteral("timelineTabs"));
    below->addTab(m_events, tr("Events"));
    below->addTab(m_outstanding, tr("Outstanding references"));
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_chart);
    split->addWidget(below);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({500, 300});
    auto *viewsLayout = new QVBoxLayout(m_views);
    viewsLayout->setContentsMargins(0, 0, 0, 0);
    viewsLayout->addWidget(m_viewBar);
    auto *labels = new QHBoxLayout;
    labels->addWidget(m_markerLabel, 1);
    labels->addWidget(m_sourceLabel);
    viewsLayout->addLayout(labels);
    viewsLayout->addWidget(split, 1);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_views);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_pages, 1);

    connect(m_chart, &TimelineChartView::timeClicked, m_events, &EventPane::selectNearestTime);
    connect(m_events, &EventPane::eventSelected, this,
            [this](std::size_t, qint64 timestampNs) { m_chart->setEventCursor(timestampNs); });
    connect(m_chart, &TimelineChartView::markersChanged, this, &TimelineWidget::updateMarkerText);
    connect(m_events, &EventPane::searchMatchChosen, this, &TimelineWidget::showSearchMatch);
    // F3 / Shift+F3 anywhere on the timeline, as in an editor.
    auto *next =
        new QShortcut(QKeySequence::FindNext, this, this, [this] { m_events->findNext(); });
    next->setContext(Qt::WidgetWithChildrenShortcut);
    auto *previous =
        new QShortcut(QKeySequence::FindPrevious, this, this, [this] { m_events->findPrevious(); });
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    // The event table follows the chart, as KernelShark's does: the zoomed
    // window, or the span between markers A and B. Once per burst of wheel
    // steps, not per step.
    m_tableRange = new QTimer(this);
    m_tableRange->setSingleShot(true);
    m_tableRange->setInterval(kTableFollowMs);
    connect(m_tableRange, &QTimer::timeout, this, &TimelineWidget::updateTableRange);
    connect(m_chart, &TimelineChartView::windowChanged, m_tableRange, qOverload<>(&QTimer::start));
    connect(m_chart, &TimelineChartView::markersChanged, m_tableRange, qOverload<>(&QTimer::start));
    connect(m_outstanding, &OutstandingRefsPane::groupChosen, this,
            [this, below](const QList<std::uint32_t> &events, const QString &label) {
                m_events->showOnly(events, label);
                below->setCurrentWidget(m_events);
            });
    connect(m_opener, &RecordingOpener::fileOpened, this,
            [this](const QString &path) { m_openingPath = path; });
    connect(m_opener, &RecordingOpener::opened, this,
            [this](std::shared_ptr<EventStore> store, const QString &description) {
                setStore(std::move(store), description);
                m_recordingPath = std::exchange(m_openingPath, QString());
            });
    connect(m_opener, &RecordingOpener::failed, this, &TimelineWidget::showFailure);
    connect(m_opener, &RecordingOpener::viewOpened, this, &TimelineWidget::applyView);
    updateMarkerText();
    setStore(nullptr, {});
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::createToolBar()
{
    m_toolBar->setObjectName(QStringLiteral("timelineToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_open = m_toolBar->addAction(tr("Open trace…"), this, &TimelineWidget::openRecordingFile);
    m_open->setObjectName(QStringLiteral("openTraceAction"));
    m_open->setToolTip(
        tr("Open a trace.dat (trace-cmd record -e module) or a RefScope session file"));
    m_exportCsv =
        m_toolBar->addAction(tr("Export events as CSV…"), this, &TimelineWidget::exportEventsCsv);
    m_exportTrace = new QAction(tr("Export events…"), this);
    m_exportTrace->setObjectName(QStringLiteral("exportTraceAction"));
    m_exportTrace->setToolTip(
        tr("Save the events as a JSON trace that Perfetto (ui.perfetto.dev) and "
           "chrome://tracing open: a reference count track per module and the gets and puts"));
    connect(m_exportTrace, &QAction::triggered, this, &TimelineWidget::exportEventsTrace);
    m_exportChart = m_toolBar->addAction(tr("Export chart…"), this, &TimelineWidget::exportChart);
    m_exportChart->setToolTip(tr("Save the chart as it is shown, as PNG or SVG"));
    m_toolBar->addAction(m_capture->action());
    m_toolBar->addAction(m_capture->ownEventsAction());
    m_viewBar->setObjectName(QStringLiteral("timelineViewBar"));
    m_viewBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *reset =
        m_viewBar->addAction(tr("Whole recording"), m_chart, &TimelineChartView::resetWindow);
    reset->setObjectName(QStringLiteral("resetZoomAction"));
    reset->setToolTip(tr("Zoom out to the whole recording (or double-click the chart)"));
    QAction *clear = m_viewBar->addAction(tr("Clear markers"), this, [this] {
        m_chart->setMarkerA(std::nullopt);
        m_chart->setMarkerB(std::nullopt);
    });
    clear->setObjectName(QStringLiteral("clearMarkersAction"));
    m_viewBar->addSeparator();
    m_everyModule = m_viewBar->addAction(tr("Every module"));
    m_everyModule->setObjectName(QStringLiteral("everyModuleAction"));
    m_everyModule->setCheckable(true);
    m_everyModule->setToolTip(tr("Chart every module of the recording, not only the selected one"));
    connect(m_everyModule, &QAction::toggled, this, &TimelineWidget::updateShownModules);
    QAction *lanes = m_viewBar->addAction(tr("Lanes"));
    lanes->setObjectName(QStringLiteral("lanesAction"));
    lanes->setCheckable(true);
    lanes->setChecked(m_chart->layout() == TimelineChartView::Layout::Lanes);
    lanes->setToolTip(tr("One lane per module, each to its own scale; off: every curve on one "
                         "count axis"));
    connect(lanes, &QAction::toggled, m_chart, [this](bool on) {
        m_chart->setLayout(on ? TimelineChartView::Layout::Lanes
                              : TimelineChartView::Layout::Overlaid);
    });
    QAction *openGL = m_viewBar->addAction(tr("OpenGL"));
    openGL->setObjectName(QStringLiteral("openGLAction"));
    openGL->setCheckable(true);
    openGL->setToolTip(tr("Draw the curves with OpenGL (faster on a large screen; needs a GPU)"));
    connect(openGL, &QAction::toggled, m_chart, &TimelineChartView::setUseOpenGL);
}

void TimelineWidget::setStore(std::shared_ptr<const EventStore> store, const QString &description)
{
    m_store = std::move(store);
    m_recordingPath.clear();
    m_unsavedCapture = false;
    m_description = description;
    m_sourceLabel->setText(withLostNote(description));
    m_chart->setStore(m_store);
    m_events->setStore(m_store);
    m_events->setTimeRange(1, 0);
    m_outstanding->setStore(m_store);
    updateShownModules();
    m_pages->setCurrentWidget(m_store ? m_views : static_cast<QWidget *>(m_empty));
    m_exportCsv->setEnabled(bool(m_store));
    m_exportTrace->setEnabled(bool(m_store));
    m_exportChart->setEnabled(bool(m_store));
    emit storeChanged();
}

void TimelineWidget::setDescription(const QString &description)
{
    m_description = description;
    m_sourceLabel->setText(withLostNote(description));
    // A capture's store learns the kernel's counts when it stops.
    m_outstanding->storeGrew();
}

QString TimelineWidget::withLostNote(const QString &description) const
{
    const QString note = m_store ? lostEventsNote(*m_store) : QString();
    return note.isEmpty() ? description : tr("%1 (%2)").arg(description, note);
}

void TimelineWidget::appendRange(std::size_t from, std::size_t to)
{
    const int modules = m_store->moduleCount();
    if (to > from)
        m_chart->noteArrival(m_store->timestampNs(to - 1));
    m_events->appendRange(from, to);
    m_chart->storeGrew();
    m_outstanding->storeGrew();
    // A module's first event: it may be the one to show.
    if (m_store->moduleCount() != modules)
        updateShownModules();
}

void TimelineWidget::setSelectedModule(const QString &module)
{
    if (module == m_selectedModule)
        return;
    m_selectedModule = module;
    updateShownModules();
}

SessionView TimelineWidget::view() const
{
    SessionView view;
    if (!m_store)
        return view;
    view.selectedModule = m_selectedModule;
    view.fromNs = m_chart->windowStartNs();
    view.toNs = m_chart->windowEndNs();
    if (*view.toNs <= *view.fromNs)
        view.fromNs = view.toNs = std::nullopt;
    view.markerANs = m_chart->markers().aNs;
    view.markerBNs = m_chart->markers().bNs;
    const EventTableModel::Filter &filter = m_events->model()->filter();
    view.filterModule = filter.module;
    if (filter.pid >= 0)
        view.filterPid = filter.pid;
    view.filterKind = filter.kind;
    return view;
}

TimelineState TimelineWidget::state() const
{
    return {m_store, m_description, m_recordingPath, m_unsavedCapture, view()};
}

void TimelineWidget::restoreState(const TimelineState &state)
{
    setStore(state.store, state.description);
    m_recordingPath = state.recordingPath;
    m_unsavedCapture = state.unsavedCapture;
    applyView(state.view);
}

void TimelineWidget::applyView(const SessionView &view)
{
    if (!m_store || m_store->size() == 0)
        return;
    // The module first: selecting it sets what the chart and table show.
    if (!view.selectedModule.isEmpty())
        emit moduleRequested(view.selectedModule);
    const qint64 start = m_chart->recordingStartNs();
    const qint64 end = m_chart->recordingEndNs();
    const auto inside = [&](std::optional<qint64> ns) {
        return ns && *ns >= start && *ns <= end ? ns : std::nullopt;
    };
    if (view.fromNs && view.toNs) {
        const qint64 from = std::max(*view.fromNs, start);
        const qint64 to = std::min(*view.toNs, end);
        if (to > from)
            m_chart->setWindow(from, to);
    }
    m_chart->setMarkerA(inside(view.markerANs));
    m_chart->setMarkerB(inside(view.markerBNs));
    if (view.filterModule.isEmpty() || m_store->findModule(view.filterModule) >= 0)
        m_events->setModuleFilter(view.filterModule);
    m_events->setPidFilter(view.filterPid.value_or(-1));
    m_events->setKindFilter(view.filterKind);
}

void TimelineWidget::showModuleEvents(const QString &module, int pid)
{
    setSelectedModule(module);
    m_events->showOnly(std::nullopt);
    m_events->setKindFilter(std::nullopt);
    m_events->setModuleFilter(module);
    m_events->setPidFilter(pid);
    emit raiseRequested();
}

void TimelineWidget::updateShownModules()
{
    QStringList shown;
    const bool recorded = m_store && m_store->findModule(m_selectedModule) >= 0;
    if (recorded && !m_everyModule->isChecked()) {
        shown << m_selectedModule;
    } else if (m_store) {
        // The selected module has no events here: show what the recording
        // is about rather than an empty chart.
        // (or the user asked for all of them: the selected one among them).
        for (int id = 0; id < m_store->moduleCount() && id < kMaxCurves; ++id)
            shown << m_store->moduleName(id);
        if (recorded && !shown.contains(m_selectedModule))
            shown.last() = m_selectedModule;
    }
    m_chart->setModules(shown);
    // Every module charted: the table lists them all too.
    m_events->setModuleFilter(recorded && !m_everyModule->isChecked() ? m_selectedModule
                                                                      : QString());
    m_outstanding->setModule(recorded ? m_selectedModule
                                      : (shown.size() == 1 ? shown.first() : QString()));
}

void TimelineWidget::updateTableRange()
{
    const TimelineMarkers &markers = m_chart->markers();
    if (markers.aNs && markers.bNs) {
        const auto [from, to] = std::minmax(*markers.aNs, *markers.bNs);
        m_events->setTimeRange(from, to + 1);
    } else if (!m_store || (m_chart->windowStartNs() <= m_chart->recordingStartNs() &&
                            m_chart->windowEndNs() >= m_chart->recordingEndNs())) {
        m_events->setTimeRange(1, 0); // the whole recording: every event
    } else {
        m_events->setTimeRange(m_chart->windowStartNs(), m_chart->windowEndNs());
    }
}

bool TimelineWidget::confirmDiscardCapture(const QString &action)
{
    return confirmDiscardCapture(this, state(), action, {});
}

bool TimelineWidget::confirmDiscardCapture(QWidget *parent, const TimelineState &state,
                                           const QString &action, const QString &target)
{
    if (!state.unsavedCapture)
        return true;
    const int events = state.store ? int(state.store->size()) : 0;
    QMessageBox box(QMessageBox::Question, tr("Discard the capture?"),
                    target.isEmpty()
                        ? tr("The capture has not been saved: %1 discards its %n event(s). Save "
                             "it first with File → Save session…, or discard it.",
                             nullptr, events)
                              .arg(action)
                        : tr("The capture of %2 has not been saved: %1 discards its %n "
                             "event(s). Show %2 and save it first with File → Save session…, "
                             "or discard it.",
                             nullptr, events)
                              .arg(action, target),
                    QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("discardCaptureBox"));
    QPushButton *discard = box.addButton(tr("Discard the capture"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == discard;
}

void TimelineWidget::openRecordingFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a recording"), {},
                                                      RecordingOpener::fileFilter());
    if (!path.isEmpty())
        openRecording(path);
}

void TimelineWidget::openRecording(const QString &path)
{
    if (!confirmDiscardCapture(tr("opening %1").arg(QFileInfo(path).fileName())))
        return;
    emit raiseRequested();
    m_opener->open(path);
}

void TimelineWidget::exportEventsCsv()
{
    if (!m_store)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export events as CSV"), {}, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = saveEventsCsv(*m_store, path);
    if (!error.isEmpty())
        showFailure(error);
}

void TimelineWidget::exportEventsTrace()
{
    if (!m_store)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export events for Perfetto"), {},
                                                      tr("JSON traces (*.json)"));
    if (!path.isEmpty())
        exportEventsTraceTo(path);
}

void TimelineWidget::exportEventsTraceTo(const QString &path)
{
    if (!m_store)
        return;
    // A live capture still appends to its store from this thread: the
    // export reads it from another one, so only once the capture is over.
    if (m_capture->isCapturing()) {
        showFailure(tr("Stop the capture before exporting its events."));
        return;
    }
    // The export holds its own reference to the events: opening another
    // recording meanwhile does not free them under it.
    const std::shared_ptr<const EventStore> store = m_store;
    m_exportTrace->setEnabled(false);
    if (m_exportProgress)
        m_exportProgress->deleteLater();
    // Not modal: the window stays usable while the file is written.
    m_exportProgress =
        new QProgressDialog(tr("Exporting the events to %1…").arg(QFileInfo(path).fileName()),
                            tr("Stop"), 0, 1000, this);
    m_exportProgress->setObjectName(QStringLiteral("exportProgress"));
    m_exportProgress->setWindowModality(Qt::NonModal);
    m_exportProgress->setMinimumDuration(500);
    m_exportProgress->setAutoClose(false);
    m_exportProgress->setAutoReset(false);
    const auto closeProgress = [this] {
        m_exportTrace->setEnabled(bool(m_store));
        if (m_exportProgress)
            m_exportProgress->deleteLater();
    };
    connect(m_exportProgress, &QProgressDialog::canceled, this, [this, closeProgress] {
        m_exportJob->cancel(); // the file is left as it was
        closeProgress();
    });
    m_exportJob->disconnect(this, nullptr); // a previous export's end
    connect(m_exportJob, &BackgroundJob::progress, this, [this](int permille) {
        if (m_exportProgress)
            m_exportProgress->setValue(permille);
    });
    connect(m_exportJob, &BackgroundJob::finished, this,
            [this, path, closeProgress](const QString &error) {
                closeProgress();
                if (!error.isEmpty())
                    showFailure(error);
                emit exportFinished(path, error);
            });
    m_exportJob->start([store, path](const BackgroundJob::Progress &progress) {
        return savePerfettoJson(*store, path, progress);
    });
}

void TimelineWidget::showSearchMatch(std::size_t storeIndex, qint64 timestampNs)
{
    // KernelShark's way: the match in the middle of the chart, at the same
    // zoom, with the event cursor on it; the table then shows and selects it.
    const qint64 width = m_chart->windowEndNs() - m_chart->windowStartNs();
    if (width > 0)
        m_chart->setWindow(timestampNs - width / 2, timestampNs - width / 2 + width);
    const TimelineMarkers &markers = m_chart->markers();
    if (markers.aNs && markers.bNs &&
        (timestampNs < std::min(*markers.aNs, *markers.bNs) ||
         timestampNs > std::max(*markers.aNs, *markers.bNs))) {
        m_chart->setMarkerA(std::nullopt);
        m_chart->setMarkerB(std::nullopt);
    }
    m_tableRange->stop();
    updateTableRange();
    m_events->revealStoreIndex(storeIndex);
    m_events->selectStoreIndex(storeIndex);
    m_chart->setEventCursor(timestampNs);
}

void TimelineWidget::exportChart()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the chart"), {}, tr("PNG images (*.png);;SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    const QString error = saveChartImage(m_chart, m_description, path);
    if (!error.isEmpty())
        showFailure(error);
}

void TimelineWidget::setAgent(AgentClient *agent)
{
    m_capture->setAgent(agent);
}

void TimelineWidget::showFailure(const QString &message)
{
    m_sourceLabel->setText(message);
    if (!m_store)
        m_empty->setText(message);
    emit failed(message);
}

bool TimelineWidget::addAnnotation(qint64 timestampNs, const QString &label)
{
    if (!m_store)
        return false;
    m_chart->addAnnotation(timestampNs, label);
    return true;
}

QString TimelineWidget::markerText() const
{
    return m_markerLabel->text();
}

void TimelineWidget::updateMarkerText()
{
    const TimelineMarkers &markers = m_chart->markers();
    m_markerLabel->setText(markers.summary(m_store.get(), m_chart->modules()));
    m_outstanding->setMarkers(markers.aNs, markers.bNs);
}

} // namespace refscope
