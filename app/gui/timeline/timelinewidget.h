// SPDX-License-Identifier: GPL-3.0-or-later
// The "Timeline" tab: the refcount chart of the selected module on top,
// the event table and the outstanding references below, all over one
// EventStore (a trace file, a session or a live capture) and kept in step:
// a chosen event shows as the chart's cursor, a click on the chart selects
// the nearest event, a chosen outstanding-references group filters the
// table.
#pragma once

#include "events/eventstore.h"
#include "session/sessionview.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QProgressDialog;
class QStackedWidget;
class QTimer;
class QToolBar;

namespace refscope {

class AgentClient;
class BackgroundJob;
class CaptureControl;
class EventPane;
class OutstandingRefsPane;
class RecordingOpener;
class TimelineChartView;

// What the timeline shows of one target: the main window keeps one per
// target and shows it again when the user switches back.
struct TimelineState {
    std::shared_ptr<const EventStore> store;
    QString description;
    QString recordingPath;
    bool unsavedCapture = false;
    SessionView view;
};

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    // Shows a recording; `description` names it (a file, "live capture").
    void setStore(std::shared_ptr<const EventStore> store, const QString &description);
    const std::shared_ptr<const EventStore> &store() const { return m_store; }
    QString description() const { return m_description; }
    void setDescription(const QString &description);
    // A live capture's events not saved in a session file yet: opening
    // another recording or quitting would lose them. setStore() clears it.
    bool hasUnsavedCapture() const { return m_unsavedCapture; }
    void setUnsavedCapture(bool unsaved) { m_unsavedCapture = unsaved; }
    // With an unsaved capture, asks whether to discard it (`action` says
    // what would discard it); true when there is nothing to lose or the
    // user agreed.
    bool confirmDiscardCapture(const QString &action);
    // The same for a target not shown (`state` is what it keeps, `target`
    // its name), asked over `parent`.
    static bool confirmDiscardCapture(QWidget *parent, const TimelineState &state,
                                      const QString &action, const QString &target);
    // Events [from, to) were appended to the store (live capture).
    void appendRange(std::size_t from, std::size_t to);
    // The module the main window has selected: its curve, events and
    // outstanding references are shown.
    void setSelectedModule(const QString &module);
    // How the recording is shown (module, visible stretch, markers, the
    // event table's filters), for a session file; applyView() shows a
    // saved one again, leaving out what does not fit this recording.
    SessionView view() const;
    void applyView(const SessionView &view);
    // The recording shown, its name, path and view, for another target to
    // take the timeline meanwhile; a running capture should end first.
    TimelineState state() const;
    void restoreState(const TimelineState &state);

    TimelineChartView *chartView() const { return m_chart; }
    EventPane *eventPane() const { return m_events; }
    OutstandingRefsPane *outstandingPane() const { return m_outstanding; }
    QToolBar *toolBar() const { return m_toolBar; }
    QString markerText() const;
    // Marks a labelled moment on the chart (a force release), drawn like the
    // load/free markers; false, and nothing drawn, without a recording.
    bool addAnnotation(qint64 timestampNs, const QString &label);
    RecordingOpener *opener() const { return m_opener; }
    // The file the shown recording was opened from; empty for a live
    // capture or nothing shown.
    QString recordingPath() const { return m_recordingPath; }
    // The export of events running in the background, if any.
    BackgroundJob *exportJob() const { return m_exportJob; }
    // Open trace, export CSV, export chart: for the main window's File menu.
    QList<QAction *> fileActions() const
    {
        return {m_open, m_exportTrace, m_exportCsv, m_exportChart};
    }
    CaptureControl *capture() const { return m_capture; }

public slots:
    // Asks for a trace.dat or session file and opens it in the background.
    void openRecordingFile();
    void openRecording(const QString &path);
    void exportEventsCsv();
    // The events as a JSON trace for Perfetto (events/perfettoexport.h).
    void exportEventsTrace();
    // The same to `path`, in a background thread: the window keeps
    // answering meanwhile, a progress dialog can stop it, and `path` is
    // replaced only once the export is complete (exportFinished says so).
    void exportEventsTraceTo(const QString &path);
    // Centres the chart on a search match and selects it in the table.
    void showSearchMatch(std::size_t storeIndex, qint64 timestampNs);
    void exportChart();
    // Says why opening, exporting or capturing failed.
    void showFailure(const QString &message);
    // The agent a live capture goes through; nullptr disables capture.
    void setAgent(AgentClient *agent);

    // Shows the module's events, those of one task if pid >= 0 (the
    // holders panel jumps here from a holder).
    void showModuleEvents(const QString &module, int pid = -1);

signals:
    // The timeline wants to be the visible tab.
    void raiseRequested();
    void storeChanged();
    // A saved view names the module to select (the main window selects it).
    void moduleRequested(const QString &module);
    // Opening or exporting failed; the message names the file.
    void failed(const QString &message);
    // A background export ended: empty error on success; not sent when stopped.
    void exportFinished(const QString &path, const QString &error);

private:
    // The description, and what the recording's lost events mean for its counts.
    QString withLostNote(const QString &description) const;
    void createToolBar();
    void updateShownModules();
    void updateMarkerText();
    // The event table shows the chart's window, or A-B when both are placed.
    void updateTableRange();

    std::shared_ptr<const EventStore> m_store;
    QString m_description;
    QString m_recordingPath;
    QString m_openingPath; // fileOpened comes right before opened
    QString m_selectedModule;
    QToolBar *m_toolBar; // the recording: open, export, capture
    // The chart's view, on a row of its own above it: on one row with the
    // recording's buttons, a window of 1280 pixels beside the docks pushed
    // Every module, Lanes and OpenGL out of sight.
    QToolBar *m_viewBar;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QWidget *m_views;
    TimelineChartView *m_chart;
    EventPane *m_events;
    OutstandingRefsPane *m_outstanding;
    QLabel *m_markerLabel;
    QLabel *m_sourceLabel;
    RecordingOpener *m_opener;
    CaptureControl *m_capture;
    BackgroundJob *m_exportJob;
    QPointer<QProgressDialog> m_exportProgress;
    QAction *m_open;
    QAction *m_exportCsv;
    QAction *m_exportTrace;
    QAction *m_exportChart;
    QAction *m_everyModule; // chart every module of the recording
    QTimer *m_tableRange;
    bool m_unsavedCapture = false; // the table follows the chart a moment later
};

} // namespace refscope
