// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope's main window, in the KernelShark mould: a toolbar, the module
// table and the dependency graph as tabs, a dock with the selected
// module's details and a status bar. One module is selected at a time and
// every view shows the same one; the selection survives refreshes because
// the models change row by row, never by reset. It holds several targets
// (this machine, the lab guest, hosts over SSH, files) at once and shows
// one; each keeps its rows, selection, holders and timeline meanwhile.
#pragma once

#include "inventory/moduleinfo.h"
#include "sources/snapshotsource.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QComboBox;
class QLabel;
class QMenu;
class QLineEdit;
class QMessageBox;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QSortFilterProxyModel;

namespace refscope {

class AgentClient;
class BuiltinModuleModel;
class DependencyGraphView;
class DetailsDock;
class ForceRelease;
class HoldersDock;
class LabPanel;
class MessagePage;
class SessionActions;
class TargetList;
struct TimelineState;
class ModuleDetailsModel;
class ModuleFilterProxy;
class ModuleListModel;
class PolkitPrivileges;
class RecordingCompareWindow;
class TimelineWidget;
class WindowSettings;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds the source as a target and shows it; the window owns it. Live
    // sources refresh every second while shown. The same target again (the
    // lab guest, the same file or host) is shown instead, and `source` is
    // deleted.
    void setSource(SnapshotSource *source);
    SnapshotSource *source() const { return m_source; }
    // Every target of this run, the shown one current.
    TargetList *targets() const { return m_targets; }
    // Shows the target in `row` as it was left. A capture running on the
    // shown target is stopped first: the switch happens once it stopped.
    void showTarget(int row);
    // Ends the shown target (its agent stops, a lab guest shuts down) and
    // shows the one before it; an unsaved capture asks first.
    void closeTarget();

    // Selects the module in the table, the graph and the details dock.
    // Follow: a large graph moves to the module's neighbourhood.
    enum class GraphFocus { Follow, Keep };
    void selectModule(const QString &name, GraphFocus focus = GraphFocus::Follow);
    QString selectedModule() const { return m_selected; }

    // polkit's answers for "Read as root…" and "Force release…", which the
    // window's actions show. It asks nothing until watchPolkit() is called
    // on it (main() does; tests set answers themselves).
    PolkitPrivileges *privileges() const { return m_privileges; }

    static constexpr int kRefreshIntervalMs = 1000;
    // Above this many modules the graph shows neighbourhoods, not the whole.
    static constexpr int kGraphOverviewLimit = 60;

public slots:
    // Boots the lab guest and shows its modules.
    void openLab();
    // Boots a lab guest with this kernel (empty: the lab's default).
    void openLabKernel(const QString &release);
    void openSnapshotFile();
    void saveSnapshotFile();
    // File → "Compare recordings…": a window with the shown recording as A;
    // with `chooseB`, asks for B at once and compares.
    RecordingCompareWindow *openRecordingCompare(bool chooseB = false);
    // Reads this machine through a root agent (pkexec asks polkit); from
    // the lab, only once the user agreed to shut the guest down.
    void readAsRoot();
    // File → "Open the flight recorder's last seconds…": the module events
    // the kernel froze when an unload last failed, read through the lab
    // guest's agent or a `refscope-agent --flight` started with pkexec, and
    // shown on the timeline; a message says why not when there are none.
    void openFlightRecorder();

protected:
    // An unsaved capture is not lost without asking.
    void closeEvent(QCloseEvent *event) override;

private:
    // Booting the lab again shuts the running guest down, and what was done
    // in it is lost: true when there is no guest or the user agreed.
    bool confirmLeavingLab(const QString &next);
    // Keeps the shown target's state in its row, for showTarget() to bring
    // back; its refreshes pause meanwhile.
    void stashTarget();
    // Adds and shows a target; `timeline`, if any, is what its timeline
    // shows (the recording of the lab guest it replaces).
    void addTarget(SnapshotSource *source, const TimelineState *timeline);
    // Empties the module views: nothing of the previous target stays shown.
    void clearViews();
    void updateTargetMenu();
    // A source's signals, whether its target is shown or not.
    void onSnapshot(SnapshotSource *source, const Snapshot &snapshot);
    void onFailure(SnapshotSource *source, const QString &message);
    void onProgress(SnapshotSource *source, const QString &message);
    void createActions();
    void createViews();
    void createStatusBar();
    void applySnapshot(const Snapshot &snapshot);
    void showFailure(const QString &message);
    void showProgress(const QString &message);
    void showNoModuleSupport();
    void showPage(QWidget *page);
    void onTableSelectionChanged();
    void reselect();
    // The table's rows for modules that are not loaded: the recording's,
    // and the selected one after it was unloaded.
    void updateAbsentModules();
    void updateStatus();
    void showPrivileges();
    // The flight recorder's frozen history through `agent`, of `machine`.
    void readFlightRecorder(AgentClient *agent, const QString &machine);
    void showFlightMessage(const QString &text);

    ModuleListModel *m_modules;
    ModuleFilterProxy *m_proxy;
    ModuleDetailsModel *m_details;
    BuiltinModuleModel *m_builtin;
    QSortFilterProxyModel *m_builtinProxy;
    TargetList *m_targets;
    QPointer<SnapshotSource> m_source; // the shown target's
    QString m_selected;
    QString m_keptModule; // selected when it was unloaded: kept as a row until another is chosen
    bool m_haveSnapshot = false;
    bool m_applyingSnapshot = false; // the table changes rows: its selection moves on its own
    bool m_dockClosed = false;       // the user closed the details dock: a message page keeps it so

    QStackedWidget *m_pages;
    QTabWidget *m_tabs;
    QTableView *m_table;
    DependencyGraphView *m_graph;
    QTableView *m_builtinTable;
    MessagePage *m_message;
    DetailsDock *m_dock;
    HoldersDock *m_holdersDock;       // tabbed with the details dock
    LabPanel *m_labPanel;             // shown only while the source is the lab guest
    TimelineWidget *m_timeline;       // follows the selected module
    WindowSettings *m_windowSettings; // menus, recent files, saved layout
    SessionActions *m_sessions;       // save and reopen sessions
    ForceRelease *m_forceRelease;     // "Force release…" of the selected module
    QLineEdit *m_search;
    QComboBox *m_stateFilter;
    QList<QAction *> m_moduleActions; // graph, timeline, holders, copy name
    QAction *m_refreshAction;
    QAction *m_autoRefreshAction;
    QAction *m_saveAction;
    QAction *m_asRootAction;
    QComboBox *m_targetBox; // the toolbar's target switcher
    QMenu *m_targetMenu;    // "Targets": the same, with Close target
    QAction *m_closeTargetAction;
    PolkitPrivileges *m_privileges;
    QLabel *m_sourceLabel;
    QLabel *m_kernelLabel;
    QLabel *m_countLabel;
    QLabel *m_refreshLabel;
    std::function<void()> m_messageButton; // what the message page's button does now
    QString m_failure; // the source's last failure, in the status bar until a snapshot comes
    QPointer<AgentClient> m_flightAgent;   // pkexec refscope-agent --flight, once asked for
    QPointer<QMessageBox> m_flightMessage; // why no history was opened
    bool m_flightReading = false;
};

} // namespace refscope
