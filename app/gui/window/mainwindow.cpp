// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/mainwindow.h"

#include "compare/comparewindow.h"
#include "compare/recordingcomparewindow.h"
#include "graph/dependencygraphview.h"
#include "holders/holdersdock.h"
#include "inventory/snapshotjson.h"
#include "lab/labpaths.h"
#include "models/builtinmodulemodel.h"
#include "models/moduledetailsmodel.h"
#include "models/modulefilterproxy.h"
#include "models/modulelistmodel.h"
#include "privileges/polkitprivileges.h"
#include "privileges/privilegeview.h"
#include "protocol/agentapi.h"
#include "protocol/agentclient.h"
#include "protocol/agentmode.h"
#include "protocol/polkitactions.h"
#include "release/forcerelease.h"
#include "session/sessionactions.h"
#include "settings/usersettings.h"
#include "settings/windowsettings.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/privilegedsnapshotsource.h"
#include "sources/sshsnapshotsource.h"
#include "timeline/capturecontrol.h"
#include "timeline/eventpane.h"
#include "timeline/outstandingrefspane.h"
#include "timeline/timelinewidget.h"
#include "window/detailsdock.h"
#include "window/labpanel.h"
#include "window/messagepage.h"
#include "window/moduleinfodialog.h"
#include "window/targetlist.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

namespace refscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_modules(new ModuleListModel(this)),
      m_proxy(new ModuleFilterProxy(this)), m_details(new ModuleDetailsModel(this)),
      m_builtin(new BuiltinModuleModel(this)), m_builtinProxy(new QSortFilterProxyModel(this)),
      m_targets(new TargetList(this)),
      m_privileges(new PolkitPrivileges(
          {QLatin1String(polkitaction::kInspect), QLatin1String(polkitaction::kRelease)}, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RefScope"));
    m_proxy->setSourceModel(m_modules);
    m_builtinProxy->setSourceModel(m_builtin);
    m_builtinProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_builtinProxy->setFilterKeyColumn(-1);
    createActions();
    createViews();
    createStatusBar();
    connect(m_privileges, &PolkitPrivileges::changed, this, &MainWindow::showPrivileges);
    showPrivileges();
    m_message->show(tr("No snapshot yet"), tr("Reading the loaded modules…"));
    showPage(m_message);
    resize(1100, 700);
    m_windowSettings->restoreWindow();
}

MainWindow::~MainWindow()
{
    // The sources go first, while the window they report to is whole.
    for (int row = 0; row < m_targets->count(); ++row)
        if (SnapshotSource *source = m_targets->at(row).source)
            disconnect(source, nullptr, this, nullptr);
    while (m_targets->count() > 0)
        m_targets->remove(m_targets->count() - 1);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Every target's capture, the shown one's first; the others stopped
    // when the user switched away from them.
    if (!m_timeline->confirmDiscardCapture(tr("quitting"))) {
        event->ignore();
        return;
    }
    for (int row = 0; row < m_targets->count(); ++row) {
        const Target &target = m_targets->at(row);
        if (target.source != m_source &&
            !TimelineWidget::confirmDiscardCapture(this, target.timeline, tr("quitting"),
                                                   m_targets->title(row))) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_refreshAction = bar->addAction(tr("Refresh"), this, [this] {
        if (m_source)
            m_source->refresh();
    });
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_autoRefreshAction = bar->addAction(tr("Live"));
    m_autoRefreshAction->setObjectName(QStringLiteral("liveAction"));
    m_autoRefreshAction->setCheckable(true);
    m_autoRefreshAction->setToolTip(tr("Refresh every second"));
    connect(m_autoRefreshAction, &QAction::toggled, this, [this](bool on) {
        if (m_source)
            m_source->setAutoRefresh(on ? kRefreshIntervalMs : 0);
    });
    bar->addSeparator();
    QAction *open = bar->addAction(tr("Open snapshot…"), this, &MainWindow::openSnapshotFile);
    open->setShortcut(QKeySequence::Open);
    m_saveAction = bar->addAction(tr("Save snapshot…"), this, &MainWindow::saveSnapshotFile);
    m_saveAction->setShortcut(QKeySequence::Save);
    QAction *lab = bar->addAction(tr("Open the lab"), this, &MainWindow::openLab);
    lab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *asRoot = bar->addAction(tr("Read as root…"), this, &MainWindow::readAsRoot);
    asRoot->setObjectName(QStringLiteral("readAsRootAction"));
    m_asRootAction = asRoot;
    // Text only, as the rest of the toolbar, but with room for the lock
    // when polkit will ask for a password.
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(asRoot)))
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16)); // the lock, no taller than the text
    bar->addSeparator();
    // Every target of this run, the shown one current: choosing another
    // shows it as it was left, without connecting again.
    m_targetBox = new QComboBox;
    m_targetBox->setObjectName(QStringLiteral("targetSwitcher"));
    m_targetBox->setModel(m_targets);
    m_targetBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_targetBox->setToolTip(tr("The machine or file shown: each keeps its modules, holders and "
                               "timeline while another is shown"));
    connect(m_targetBox, &QComboBox::activated, this, &MainWindow::showTarget);
    bar->addWidget(m_targetBox);
    m_closeTargetAction = new QAction(tr("Close target"), this);
    m_closeTargetAction->setObjectName(QStringLiteral("closeTargetAction"));
    m_closeTargetAction->setToolTip(
        tr("End the shown target: its agent stops, a lab guest shuts down"));
    m_closeTargetAction->setEnabled(false);
    connect(m_closeTargetAction, &QAction::triggered, this, &MainWindow::closeTarget);
    bar->addSeparator();
    // The modules shown beside saved snapshots, in a window of its own.
    auto *compare = new QAction(tr("Compare…"), this);
    compare->setObjectName(QStringLiteral("compareAction"));
    connect(compare, &QAction::triggered, this, [this] {
        auto *window = new CompareWindow(
            {m_source ? m_source->description() : tr("no source"), m_modules->snapshot()}, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        // The lab's guest is offered while this window runs it; SSH hosts
        // use the ssh options this window was started with.
        window->setLabProvider([this]() -> LabSnapshotSource * {
            const int lab = m_targets->labRow();
            return lab < 0 ? nullptr
                           : qobject_cast<LabSnapshotSource *>(m_targets->at(lab).source.data());
        });
        if (auto *ssh = qobject_cast<SshSnapshotSource *>(m_source.data()))
            window->setSshOptions(ssh->target());
        window->show();
    });
    m_windowSettings = new WindowSettings(this);
    m_windowSettings->addMenus({open, compare, m_saveAction, lab, asRoot, m_refreshAction});
    connect(m_windowSettings, &WindowSettings::recentFileChosen, this,
            [this](const QString &path) { m_sessions->openFile(path); });

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Filter: module, user or dependency"));
    m_search->setClearButtonEnabled(true);
    auto *find = new QAction(m_search);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] {
        // On the timeline, Ctrl+F searches its events.
        if (m_timeline->isVisible()) {
            m_timeline->eventPane()->focusSearch();
            return;
        }
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
    m_search->setMaximumWidth(320);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        m_builtinProxy->setFilterFixedString(normalizeModuleName(text));
        reselect();
    });
    bar->addWidget(m_search);

    m_stateFilter = new QComboBox;
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItem(tr("All states"));
    for (ModuleState state : {ModuleState::Live, ModuleState::Coming, ModuleState::Going})
        m_stateFilter->addItem(ModuleListModel::stateText(state), int(state));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QVariant state = m_stateFilter->itemData(index);
        m_proxy->setStateFilter(state.isValid() ? std::optional(ModuleState(state.toInt()))
                                                : std::nullopt);
        reselect();
    });
    bar->addWidget(m_stateFilter);
}

static QTableView *makeTable(QAbstractItemModel *model, const QString &objectName)
{
    auto *table = new QTableView;
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionsMovable(true);
    // A module used by dozens of others must not push the columns away.
    table->horizontalHeader()->setMaximumSectionSize(280);
    return table;
}

void MainWindow::createViews()
{
    m_table = makeTable(m_proxy, QStringLiteral("moduleTable"));
    m_table->sortByColumn(ModuleListModel::Name, Qt::AscendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onTableSelectionChanged);
    m_builtinTable = makeTable(m_builtinProxy, QStringLiteral("builtinTable"));
    m_builtinTable->sortByColumn(BuiltinModuleModel::Name, Qt::AscendingOrder);
    connect(m_builtin, &QAbstractItemModel::modelReset, m_builtinTable,
            [this] { m_builtinTable->resizeColumnToContents(BuiltinModuleModel::Name); });

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->addTab(m_table, tr("Modules"));
    m_graph = new DependencyGraphView;
    m_graph->setObjectName(QStringLiteral("graphView"));
    // A click in the graph selects without moving the graph's focus: the
    // user is looking at that drawing.
    connect(m_graph, &DependencyGraphView::moduleSelected, this,
            [this](const QString &name) { selectModule(name, GraphFocus::Keep); });
    m_tabs->addTab(m_graph, tr("Graph"));
    m_tabs->addTab(m_builtinTable, tr("Built-in"));
    m_timeline = new TimelineWidget;
    m_tabs->addTab(m_timeline, tr("Timeline"));
    // A recording's modules can be chosen in the table even when they are
    // not loaded here: their rows say "in the recording only".
    connect(m_timeline, &TimelineWidget::storeChanged, this, &MainWindow::updateAbsentModules);
    connect(m_timeline, &TimelineWidget::moduleRequested, this,
            [this](const QString &name) { selectModule(name); });
    connect(m_timeline, &TimelineWidget::raiseRequested, this, [this] {
        showPage(m_tabs);
        m_tabs->setCurrentWidget(m_timeline);
    });
    QMenu *file = m_windowSettings->fileMenu();
    file->insertActions(file->actions().value(1), m_timeline->fileActions());
    // Beside "Open recording…": the history is opened as a recording.
    auto *flight = new QAction(tr("Open the flight recorder's last seconds…"), this);
    flight->setObjectName(QStringLiteral("openFlightRecorderAction"));
    flight->setToolTip(tr("The module events the kernel kept from the seconds before an unload "
                          "last failed (\"module is in use\"), opened on the timeline"));
    connect(flight, &QAction::triggered, this, &MainWindow::openFlightRecorder);
    file->insertAction(
        file->actions().value(file->actions().indexOf(m_timeline->fileActions().first()) + 1),
        flight);
    // Two recordings side by side, beside "Compare…" (machines side by side).
    auto *compareRecordings = new QAction(tr("Compare recordings…"), this);
    compareRecordings->setObjectName(QStringLiteral("compareRecordingsAction"));
    compareRecordings->setToolTip(
        tr("Two recordings side by side: per call site, the references never put back in each"));
    connect(compareRecordings, &QAction::triggered, this, [this] { openRecordingCompare(false); });
    auto *compareThis = new QAction(tr("Compare this recording with a file…"), this);
    compareThis->setObjectName(QStringLiteral("compareThisRecordingAction"));
    compareThis->setEnabled(false);
    connect(compareThis, &QAction::triggered, this, [this] { openRecordingCompare(true); });
    connect(m_timeline, &TimelineWidget::storeChanged, compareThis, [this, compareThis] {
        // storeChanged comes before the path is known: look once it is.
        QMetaObject::invokeMethod(
            compareThis,
            [this, compareThis] {
                compareThis->setEnabled(!m_timeline->recordingPath().isEmpty());
            },
            Qt::QueuedConnection);
    });
    const qsizetype compareAt =
        file->actions().indexOf(findChild<QAction *>(QStringLiteral("compareAction")));
    file->insertActions(file->actions().value(compareAt + 1), {compareRecordings, compareThis});

    m_message = new MessagePage;
    m_message->setObjectName(QStringLiteral("messagePage"));
    connect(m_message, &MessagePage::buttonClicked, this, [this] {
        // A copy: what it does may set the next button's action.
        if (const auto act = m_messageButton)
            act();
    });

    m_pages = new QStackedWidget;
    m_pages->addWidget(m_tabs);
    m_pages->addWidget(m_message);
    setCentralWidget(m_pages);

    m_dock = new DetailsDock(m_details, this);
    addDockWidget(Qt::RightDockWidgetArea, m_dock);
    resizeDocks({m_dock}, {380}, Qt::Horizontal);
    connect(m_dock, &DetailsDock::moduleLinkActivated, this,
            [this](const QString &name) { selectModule(name); });
    m_holdersDock = new HoldersDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_holdersDock);
    tabifyDockWidget(m_dock, m_holdersDock);
    m_dock->raise();
    connect(m_holdersDock, &HoldersDock::showInTimeline, m_timeline,
            &TimelineWidget::showModuleEvents);
    OutstandingRefsPane *outstanding = m_timeline->outstandingPane();
    // One rule for every recording the timeline shows, the flight
    // recorder's history as a capture: the gets its Outstanding pane counted.
    m_holdersDock->setRecordedGets([outstanding](const QString &module) {
        HoldersOptions options;
        options.outstandingGets = outstanding->leakingGets(module);
        // Between markers only the call sites: a get put back after B is
        // not outstanding, and must not be tied to a file.
        if (options.outstandingGets.isEmpty())
            options.outstandingCallSites = outstanding->leakingCallSites(module);
        return options;
    });
    connect(outstanding, &OutstandingRefsPane::counted, m_holdersDock,
            &HoldersDock::leakingCallSitesCounted);
    connect(m_holdersDock, &HoldersDock::readAsRootRequested, this, &MainWindow::readAsRoot);
    m_sessions = new SessionActions(this, m_modules, m_timeline, m_holdersDock);
    connect(m_sessions, &SessionActions::sourceOpened, this, &MainWindow::setSource);
    connect(m_sessions, &SessionActions::saved, m_timeline,
            [this] { m_timeline->setUnsavedCapture(false); });
    file->insertAction(file->actions().value(file->actions().indexOf(m_saveAction) + 1),
                       m_sessions->saveAction());

    m_forceRelease = new ForceRelease(this, m_timeline);
    m_holdersDock->addActionWidget(m_forceRelease->createButton());
    // What can be done with the selected module, in the Module menu and the
    // table's context menu alike.
    QAction *inGraph = new QAction(tr("Show in graph"), this);
    inGraph->setObjectName(QStringLiteral("showInGraphAction"));
    connect(inGraph, &QAction::triggered, this, [this] {
        showPage(m_tabs);
        m_tabs->setCurrentWidget(m_graph);
        if (m_modules->snapshot().find(m_selected))
            m_graph->showNeighbourhood(m_selected);
    });
    QAction *inTimeline = new QAction(tr("Show in timeline"), this);
    inTimeline->setObjectName(QStringLiteral("showInTimelineAction"));
    connect(inTimeline, &QAction::triggered, this,
            [this] { m_timeline->showModuleEvents(m_selected); });
    QAction *holders = new QAction(tr("Show holders"), this);
    holders->setObjectName(QStringLiteral("showHoldersAction"));
    connect(holders, &QAction::triggered, this, [this] {
        m_holdersDock->show();
        m_holdersDock->raise();
    });
    QAction *copyName = new QAction(tr("Copy name"), this);
    copyName->setObjectName(QStringLiteral("copyNameAction"));
    connect(copyName, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(m_selected); });
    QAction *info = new QAction(tr("Module information"), this);
    info->setObjectName(QStringLiteral("moduleInfoAction"));
    info->setToolTip(tr("What modinfo says of it: file, version, srcversion, signer, "
                        "parameters"));
    connect(info, &QAction::triggered, this, [this] {
        auto *dialog = new ModuleInfoDialog(m_modules->snapshot(), m_selected, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_moduleActions = {inGraph, inTimeline, holders, info, copyName};
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions(m_moduleActions);
    m_table->addAction(m_forceRelease->action());
    QMenu *moduleMenu = new QMenu(tr("&Module"), this);
    moduleMenu->setToolTipsVisible(true); // a disabled action says why
    moduleMenu->addActions(m_moduleActions);
    moduleMenu->addSeparator();
    moduleMenu->addAction(m_forceRelease->action());
    menuBar()->insertMenu(menuBar()->actions().value(1), moduleMenu);
    m_targetMenu = new QMenu(tr("&Targets"), this);
    m_targetMenu->setObjectName(QStringLiteral("targetMenu"));
    m_targetMenu->setToolTipsVisible(true);
    connect(m_targetMenu, &QMenu::aboutToShow, this, &MainWindow::updateTargetMenu);
    updateTargetMenu();
    menuBar()->insertMenu(menuBar()->actions().value(2), m_targetMenu);

    m_labPanel = new LabPanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_labPanel);
    resizeDocks({m_labPanel}, {340}, Qt::Horizontal);
    m_labPanel->hide();
    m_labPanel->setChosenKernel(UserSettings().labKernel());
    connect(m_labPanel, &LabPanel::bootRequested, this, [this](const QString &release) {
        if (!confirmLeavingLab(tr("boot the lab with %1").arg(release)))
            return;
        UserSettings().setLabKernel(release);
        // The guest shuts down with its target; the timeline's recording
        // stays, with the new guest's target.
        TimelineState kept;
        if (const int lab = m_targets->labRow(); lab >= 0) {
            const bool shown = m_targets->at(lab).source == m_source;
            if (!shown)
                kept = m_targets->at(lab).timeline;
            disconnect(m_targets->at(lab).source, nullptr, this, nullptr);
            m_targets->remove(lab);
            if (shown)
                kept = m_timeline->state();
        }
        LabOptions options;
        options.kernelRelease = release;
        addTarget(new LabSnapshotSource(options), &kept);
    });
    connect(m_labPanel, &LabPanel::actionDone, this, [this] {
        if (m_source)
            m_source->refresh();
    });
}

void MainWindow::createStatusBar()
{
    m_sourceLabel = new QLabel;
    m_kernelLabel = new QLabel;
    m_countLabel = new QLabel;
    m_refreshLabel = new QLabel;
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_kernelLabel->setObjectName(QStringLiteral("kernelLabel"));
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_refreshLabel->setObjectName(QStringLiteral("refreshLabel"));
    for (QLabel *label : {m_sourceLabel, m_kernelLabel, m_countLabel, m_refreshLabel})
        statusBar()->addPermanentWidget(label);
    updateStatus();
}

void MainWindow::showPrivileges()
{
    const QString inspect = QLatin1String(polkitaction::kInspect);
    const PrivilegeLook look =
        PrivilegeView::look(m_privileges->answer(inspect), inspect, m_privileges->problem());
    const QString tip = tr("Start refscope-agent through pkexec to read what only root may: "
                           "every holder and every module parameter");
    PrivilegeView::show(m_asRootAction, tip, look);
    PrivilegeView::show(m_holdersDock->readAsRootButton(), tip, look);
    const QString release = QLatin1String(polkitaction::kRelease);
    m_forceRelease->setPrivilege(m_privileges->answer(release), m_privileges->problem());
}

bool MainWindow::confirmLeavingLab(const QString &next)
{
    auto *lab = qobject_cast<LabSnapshotSource *>(m_source);
    if (!lab || !m_haveSnapshot)
        return true; // nothing booted yet: nothing to lose
    QMessageBox ask(QMessageBox::Question, tr("Shut the lab down?"),
                    tr("To %1, RefScope shuts the lab guest down.").arg(next), QMessageBox::Cancel,
                    this);
    ask.setObjectName(QStringLiteral("leaveLabQuestion"));
    QString lost =
        tr("Everything done in the guest is lost: the modules loaded in it, its processes and "
           "files, a scenario's state. The next boot starts afresh. The timeline's recording "
           "stays.");
    if (m_timeline->capture()->isCapturing())
        lost += QLatin1Char(' ') + tr("The capture running in the guest stops; what it recorded "
                                      "stays on the timeline, not saved yet.");
    ask.setInformativeText(lost);
    QPushButton *leave = ask.addButton(tr("Shut the lab down"), QMessageBox::AcceptRole);
    leave->setObjectName(QStringLiteral("leaveLabButton"));
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    return ask.clickedButton() == leave;
}

void MainWindow::readAsRoot()
{
    // Beside the lab guest, not instead of it: a target of its own.
    setSource(new PrivilegedSnapshotSource(labDefaultAgent()));
}

void MainWindow::openFlightRecorder()
{
    if (m_flightReading)
        return;
    // The window shows the lab guest: its recorder, never this machine's.
    if (auto *lab = qobject_cast<LabSnapshotSource *>(m_source.data())) {
        if (lab->agent() && lab->agent()->isConnected())
            readFlightRecorder(lab->agent(), lab->description());
        else
            showFlightMessage(tr("The lab guest is not up yet: open the flight recorder's last "
                                 "seconds again once it is."));
        return;
    }
    // This machine: an agent of its own, in the one mode polkit grants the
    // flight recorder for (org.refscope.flight), asked once and kept.
    if (!m_flightAgent) {
        const QString agent = labDefaultAgent();
        if (agent.isEmpty()) {
            showFlightMessage(tr("RefScope cannot read the flight recorder: refscope-agent, "
                                 "which reads it as root, is not installed."));
            return;
        }
        m_flightAgent = new AgentClient(this);
        // pkexec's refusal is polkit's answer, said as such and alone: the
        // agent never started, nothing was read.
        m_flightAgent->setEndExplainer([](const AgentClient::EndInfo &end) {
            using Pkexec = AgentClient::EndInfo::Pkexec;
            if (end.pkexec == Pkexec::NotAuthorized)
                return tr("You are not allowed to read the flight recorder of this machine: "
                          "polkit refused the permission (org.refscope.flight). Nothing was "
                          "read. An administrator can grant it, or read it as root with sudo "
                          "refscope-cli flight save -o FILE.");
            if (end.pkexec == Pkexec::Dismissed)
                return tr("The administrator's password was not given: the flight recorder "
                          "was not read.");
            if (end.greeted)
                return tr("The flight recorder of this machine could not be read: %1.")
                    .arg(end.reason);
            return tr("The flight recorder of this machine could not be read: %1. Reading it "
                      "needs an administrator's permission, which polkit asks for.")
                .arg(end.reason);
        });
        connect(m_flightAgent, &AgentClient::disconnected, m_flightAgent, &QObject::deleteLater);
        m_flightAgent->startProcess(QStringLiteral("pkexec"),
                                    QStringList{agent} + agentArgumentsFor(AgentMode::Flight));
    }
    readFlightRecorder(m_flightAgent, tr("this machine"));
}

void MainWindow::readFlightRecorder(AgentClient *agent, const QString &machine)
{
    m_flightReading = true;
    statusBar()->showMessage(tr("Reading the flight recorder of %1…").arg(machine));
    const QPointer<MainWindow> window(this);
    const QPointer<AgentClient> client(agent);
    const bool ownAgent = agent == m_flightAgent;
    const auto failure = [machine, ownAgent](const AgentAnswer &answer) {
        if (answer.errorCode == errorcode::Busy)
            return tr("A capture is running through the same agent: stop it, then open the "
                      "flight recorder's last seconds again.");
        // pkexec's refusal ends this machine's agent before its first
        // answer: its end explainer said it in a whole sentence.
        if (answer.errorCode == errorcode::Disconnected && ownAgent)
            return answer.error;
        if (answer.errorCode == errorcode::NotFound)
            return tr("The flight recorder of %1 stopped before its history could be read.")
                .arg(machine);
        return tr("The flight recorder of %1 could not be read: %2").arg(machine, answer.error);
    };
    const QString nothingFrozen =
        tr("The flight recorder of %1 is running, but nothing is frozen yet: no unload has "
           "failed since it started, or its last history was opened already. It keeps "
           "recording, and freezes the last seconds before the next failed rmmod.")
            .arg(machine);
    AgentApi(agent).requestFlightStatus([=, this](const FlightStatusAnswer &answer) {
        if (!window)
            return;
        statusBar()->clearMessage();
        const auto done = [this](const QString &message) {
            m_flightReading = false;
            showFlightMessage(message);
        };
        if (!answer.ok)
            return done(failure(answer));
        if (!answer.status.running)
            return done(tr("The flight recorder is not running on %1, so nothing was kept. "
                           "Start it as root:\n\nsudo refscope-cli flight start\n\n(or sudo "
                           "systemctl start refscope-flight). It then keeps the last module "
                           "events, and the kernel freezes them when an unload fails.")
                            .arg(machine));
        if (!answer.status.frozen)
            return done(nothingFrozen);
        // Reading takes the history out of the kernel: a capture not saved
        // is not dropped for it without asking.
        if (!m_timeline->confirmDiscardCapture(tr("opening the flight recorder's history"))) {
            m_flightReading = false;
            return;
        }
        statusBar()->showMessage(tr("Reading the flight recorder of %1…").arg(machine));
        AgentApi(client).requestFlightHistory([=, this](const FlightHistoryAnswer &history) {
            if (!window)
                return;
            statusBar()->clearMessage();
            m_flightReading = false;
            if (!history.ok)
                return showFlightMessage(failure(history));
            if (!history.events || history.events->size() == 0)
                return showFlightMessage(nothingFrozen);
            const QStringList &modules = history.status.modules;
            const QString of = modules.size() <= 3
                                   ? QLocale().createSeparatedList(modules)
                                   : tr("%1 and %n more", nullptr, int(modules.size() - 3))
                                         .arg(QLocale().createSeparatedList(modules.mid(0, 3)));
            const QString at = history.status.frozenAtMs > 0
                                   ? QDateTime::fromMSecsSinceEpoch(history.status.frozenAtMs)
                                         .toString(QStringLiteral("HH:mm:ss"))
                                   : tr("an unknown time");
            m_timeline->setStore(history.events,
                                 tr("flight recorder of %1, frozen at %2 after an unload failed "
                                    "(events of %3)")
                                     .arg(machine, at, of));
            // The kernel no longer has it: only a session file keeps it now.
            m_timeline->setUnsavedCapture(true);
            showPage(m_tabs);
            m_tabs->setCurrentWidget(m_timeline);
            // The module still held is most likely the one that would not
            // unload: the kernel does not record which one rmmod named.
            QString chosen = modules.value(0);
            for (const QString &module : modules) {
                const ModuleInfo *now = m_modules->snapshot().find(module);
                if (now && now->refcount > 0) {
                    chosen = module;
                    break;
                }
            }
            if (!chosen.isEmpty())
                selectModule(chosen);
            statusBar()->showMessage(
                tr("%n module event(s) from the flight recorder. The kernel no longer keeps "
                   "them: save a session file to keep them.",
                   nullptr, int(history.events->size())));
        });
    });
}

void MainWindow::showFlightMessage(const QString &text)
{
    delete m_flightMessage.data();
    // Not modal: the window stays usable while it is read.
    m_flightMessage = new QMessageBox(QMessageBox::Information, tr("Flight recorder"), text,
                                      QMessageBox::Ok, this);
    m_flightMessage->setObjectName(QStringLiteral("flightRecorderMessage"));
    m_flightMessage->setAttribute(Qt::WA_DeleteOnClose);
    m_flightMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_flightMessage->open();
}

void MainWindow::setSource(SnapshotSource *source)
{
    if (const int same = m_targets->find(source); same >= 0) {
        delete source;
        showTarget(same);
        return;
    }
    addTarget(source, nullptr);
}

void MainWindow::addTarget(SnapshotSource *source, const TimelineState *timeline)
{
    connect(source, &SnapshotSource::snapshotReady, this,
            [this, source](const Snapshot &snapshot) { onSnapshot(source, snapshot); });
    connect(source, &SnapshotSource::failed, this,
            [this, source](const QString &message) { onFailure(source, message); });
    if (auto *lab = qobject_cast<LabSnapshotSource *>(source))
        connect(lab, &LabSnapshotSource::progress, this,
                [this, source](const QString &message) { onProgress(source, message); });
    const int row = m_targets->add(source);
    // The module the user was looking at, on the new machine too.
    m_targets->at(row).selected = m_selected;
    if (timeline)
        m_targets->at(row).timeline = *timeline;
    showTarget(row);
    source->refresh();
}

void MainWindow::showTarget(int row)
{
    if (row < 0 || row >= m_targets->count())
        return;
    SnapshotSource *next = m_targets->at(row).source;
    if (!next)
        return;
    if (next == m_source) {
        m_targetBox->setCurrentIndex(row);
        return;
    }
    // A capture streams into the timeline it was started from, through its
    // target's agent: while another target is shown it could be neither
    // seen nor stopped, and letting it go with a stop on its way would leave
    // the agent tracing for nobody. So it stops first, as Stop does, and the
    // switch follows once the agent has stopped it; what it recorded stays
    // with its target.
    if (m_source && m_timeline->capture()->isCapturing()) {
        const QString from = m_source->description();
        statusBar()->showMessage(
            tr("Stopping the capture of %1 before showing %2…").arg(from, next->description()));
        m_targetBox->setCurrentIndex(m_targets->indexOf(m_source));
        m_timeline->capture()->stopThen([this, wanted = QPointer(next), from] {
            if (!wanted)
                return;
            showTarget(m_targets->indexOf(wanted));
            statusBar()->showMessage(tr("The capture of %1 stopped when you switched to %2: what "
                                        "it recorded stays with %1.")
                                         .arg(from, wanted->description()));
        });
        return;
    }
    stashTarget();
    m_targets->setCurrent(row);
    const Target target = m_targets->at(row);
    m_source = next;
    clearViews();
    m_selected = target.selected;
    m_keptModule = target.keptModule;
    m_failure = target.failure;
    m_holdersDock->setModule(m_selected);
    m_timeline->restoreState(target.timeline);
    auto *lab = qobject_cast<LabSnapshotSource *>(next);
    m_forceRelease->setSource(next);
    m_labPanel->setLab(lab ? lab->machine() : nullptr);
    m_labPanel->setVisible(lab);
    m_autoRefreshAction->setEnabled(next->isLive());
    m_refreshAction->setEnabled(true);
    m_closeTargetAction->setEnabled(true);
    {
        const QSignalBlocker blocker(m_autoRefreshAction);
        m_autoRefreshAction->setChecked(next->isLive() && target.autoRefresh);
    }
    next->setAutoRefresh(m_autoRefreshAction->isChecked() ? kRefreshIntervalMs : 0);
    m_targetBox->setCurrentIndex(row);
    if (target.haveSnapshot) {
        m_holdersDock->setSource(next, target.seenHolders);
        applySnapshot(target.snapshot);
        // What changed on it while another target was shown.
        if (next->isLive())
            next->refresh();
    } else if (!target.failure.isEmpty()) {
        showFailure(target.failure);
    } else if (!target.progress.isEmpty()) {
        showProgress(target.progress);
    }
    updateAbsentModules();
    updateStatus();
}

void MainWindow::stashTarget()
{
    const int row = m_targets->indexOf(m_source);
    if (row < 0)
        return;
    Target &target = m_targets->at(row);
    target.selected = m_selected;
    target.keptModule = m_keptModule;
    target.failure = m_failure;
    target.autoRefresh = m_autoRefreshAction->isChecked();
    target.seenHolders = m_holdersDock->seenReports();
    // A target not shown is not read: its agent stays connected (a lab
    // guest keeps running), and it is read again when shown.
    m_source->setAutoRefresh(0);
    // No capture runs (showTarget waited for it to stop): the timeline
    // hands its recording over and lets go of the agent.
    m_timeline->setAgent(nullptr);
    target.timeline = m_timeline->state();
}

void MainWindow::clearViews()
{
    // Until the shown target's own snapshot, nothing is shown under its
    // name, and if it failed, the page says so over an empty table rather
    // than over another machine's rows.
    m_applyingSnapshot = true;
    m_modules->applySnapshot(Snapshot{});
    m_applyingSnapshot = false;
    m_details->setSnapshot(m_modules->snapshot());
    m_builtin->setModules({});
    m_graph->setSnapshot(m_modules->snapshot());
    m_forceRelease->setSnapshot(Snapshot{});
    m_holdersDock->setSource(nullptr);
    m_message->show(tr("No snapshot yet"), tr("Reading the loaded modules…"));
    showPage(m_message);
    m_haveSnapshot = false;
}

void MainWindow::closeTarget()
{
    const int row = m_targets->indexOf(m_source);
    if (row < 0)
        return;
    if (!m_timeline->confirmDiscardCapture(tr("closing %1").arg(m_targets->title(row))))
        return;
    disconnect(m_source, nullptr, this, nullptr);
    // Its agent goes with it; a capture through it ends there, its events
    // on the timeline until the next target's replace them.
    m_targets->remove(row);
    m_timeline->setUnsavedCapture(false);
    if (m_targets->count() > 0) {
        showTarget(std::max(0, row - 1));
        return;
    }
    clearViews();
    m_timeline->restoreState({});
    m_keptModule.clear();
    m_failure.clear();
    selectModule({});
    m_forceRelease->setSource(nullptr);
    m_labPanel->setLab(nullptr);
    m_labPanel->hide();
    m_autoRefreshAction->setEnabled(false);
    m_refreshAction->setEnabled(false);
    m_closeTargetAction->setEnabled(false);
    m_message->show(tr("No target"),
                    tr("Every target is closed. Open a snapshot file or the lab, or read this "
                       "machine."),
                    tr("Read this machine"));
    m_messageButton = [this] { setSource(new LocalSnapshotSource); };
    updateAbsentModules();
    updateStatus();
}

void MainWindow::updateTargetMenu()
{
    // Built anew each time it opens: the titles change with each snapshot.
    m_targetMenu->clear();
    qDeleteAll(m_targetMenu->findChildren<QActionGroup *>(Qt::FindDirectChildrenOnly));
    auto *group = new QActionGroup(m_targetMenu);
    for (int row = 0; row < m_targets->count(); ++row) {
        QAction *action =
            m_targetMenu->addAction(m_targets->title(row), this, [this, row] { showTarget(row); });
        action->setCheckable(true);
        action->setChecked(m_targets->at(row).source == m_source);
        group->addAction(action);
    }
    if (m_targets->count() > 0)
        m_targetMenu->addSeparator();
    m_targetMenu->addAction(m_closeTargetAction);
}

void MainWindow::onSnapshot(SnapshotSource *source, const Snapshot &snapshot)
{
    const int row = m_targets->indexOf(source);
    if (row < 0)
        return;
    Target &target = m_targets->at(row);
    target.snapshot = snapshot;
    target.haveSnapshot = true;
    target.failure.clear();
    target.progress.clear();
    m_targets->updated(row); // its kernel is known now
    if (source == m_source)
        applySnapshot(snapshot);
}

void MainWindow::onFailure(SnapshotSource *source, const QString &message)
{
    const int row = m_targets->indexOf(source);
    if (row < 0)
        return;
    m_targets->at(row).failure = message;
    if (source == m_source)
        showFailure(message);
}

void MainWindow::onProgress(SnapshotSource *source, const QString &message)
{
    const int row = m_targets->indexOf(source);
    if (row < 0)
        return;
    m_targets->at(row).progress = message;
    if (source == m_source)
        showProgress(message);
}

void MainWindow::applySnapshot(const Snapshot &snapshot)
{
    // A failure the source got over (an SSH connection made again on
    // Refresh) is no longer the news.
    if (!m_failure.isEmpty() && statusBar()->currentMessage() == m_failure)
        statusBar()->clearMessage();
    m_failure.clear();
    m_holdersDock->setSource(m_source); // ready once it answered
    m_forceRelease->setSnapshot(snapshot);
    if (m_source)
        m_timeline->capture()->setOrigin(m_source->description());
    m_timeline->setAgent(m_source ? m_source->agent() : nullptr);
    if (!snapshot.support.loadable) {
        m_haveSnapshot = true;
        m_modules->applySnapshot(snapshot);
        showNoModuleSupport();
        updateStatus();
        return;
    }
    const bool first = !m_haveSnapshot;
    // Rows going away move the table's current row to a neighbour: that is
    // the table's doing, not a choice of the user's.
    m_applyingSnapshot = true;
    const SnapshotDiff diff = m_modules->applySnapshot(snapshot);
    m_applyingSnapshot = false;
    // The selected module was unloaded (a force release, an rmmod): it stays
    // selected, shown as unloaded, until the user chooses another.
    if (!m_selected.isEmpty() && diff.unloaded.contains(m_selected)) {
        m_keptModule = m_selected;
        // What held it is history now: the Holders dock asks again rather
        // than go on saying it is in use beside "not loaded".
        m_holdersDock->refresh();
    }
    m_details->setSnapshot(m_modules->snapshot());
    m_builtin->setModules(snapshot.builtin);
    // Laying the graph out runs dot: only when the modules changed.
    if (first || !diff.isEmpty())
        m_graph->setSnapshot(m_modules->snapshot());
    updateAbsentModules();
    m_haveSnapshot = true;
    if (const ModuleInfo *selected = snapshot.find(m_selected))
        m_holdersDock->followRefcount(selected->name, selected->refcount);
    if (first) {
        // After a password, polkit keeps the inspect authorisation for a
        // while (auth_admin_keep): its answer may have changed.
        m_privileges->refresh();
        m_table->resizeColumnsToContents();
        if (!m_selected.isEmpty())
            selectModule(m_selected);
    } else if (!diff.loaded.isEmpty() || !diff.changed.isEmpty()) {
        // A module loaded since (an insmod, a scenario, the helper) may have
        // a longer name or more users than any before: its columns grow to
        // show them rather than cut them ("count_de..."), and never shrink
        // under the user.
        // QTableView hides it; QAbstractItemView's is public.
        const QAbstractItemView *view = m_table;
        for (const int column :
             {ModuleListModel::Name, ModuleListModel::Holders, ModuleListModel::Depends}) {
            const int needed = std::max(view->sizeHintForColumn(column),
                                        m_table->horizontalHeader()->sectionSizeHint(column));
            if (needed > m_table->columnWidth(column))
                m_table->setColumnWidth(column, needed);
        }
    }
    showPage(m_tabs);
    updateStatus();
}

void MainWindow::showPage(QWidget *page)
{
    // Only on a change of page: a user who closed the dock keeps it closed
    // through refreshes.
    if (m_pages->currentWidget() == page)
        return;
    // A whole-window message has no module to detail or filter.
    const bool views = page == m_tabs;
    // ... and through a switch of source, which shows a message meanwhile.
    if (m_pages->currentWidget() == m_tabs && isVisible())
        m_dockClosed = !m_dock->isVisible();
    m_pages->setCurrentWidget(page);
    m_dock->setVisible(views && !m_dockClosed);
    m_search->setEnabled(views);
    m_stateFilter->setEnabled(views);
}

void MainWindow::showNoModuleSupport()
{
    m_message->show(
        tr("This kernel has no loadable module support"),
        tr("This kernel (%1) was built without CONFIG_MODULES: every driver is built "
           "in, nothing can be loaded or unloaded, and so no module can be stuck. RefScope "
           "can boot Debian's kernel in a virtual machine instead and show its modules there.")
            .arg(m_modules->snapshot().kernelRelease),
        tr("Open the lab"));
    m_messageButton = [this] { openLab(); };
    showPage(m_message);
}

void MainWindow::showFailure(const QString &message)
{
    m_failure = message;
    statusBar()->showMessage(message);
    if (!m_haveSnapshot) {
        // Before any snapshot, a lab that fails is a lab that could not start.
        // The Lab panel beside the message holds the way out: another kernel.
        if (qobject_cast<LabSnapshotSource *>(m_source))
            m_message->show(tr("The lab could not start"),
                            message + QStringLiteral("\n\n") +
                                tr("Choose another kernel in the Lab panel and press Boot, "
                                   "or fix the cause above and press Boot again."));
        else if (qobject_cast<PrivilegedSnapshotSource *>(m_source)) {
            // Refused or dismissed: this machine can still be read without
            // root, under its own name.
            m_message->show(tr("No snapshot"), message, tr("Read without root"));
            // The refused target goes: this machine without root takes its place.
            m_messageButton = [this] {
                closeTarget();
                setSource(new LocalSnapshotSource);
            };
        } else
            m_message->show(tr("No snapshot"), message);
        showPage(m_message);
    }
}

void MainWindow::showProgress(const QString &message)
{
    statusBar()->showMessage(message);
    if (!m_haveSnapshot) {
        m_message->show(tr("Opening the lab"), message);
        showPage(m_message);
    }
}

void MainWindow::updateStatus()
{
    const Snapshot &s = m_modules->snapshot();
    // A saved snapshot or session says where it was taken.
    QString source = m_source ? m_source->description() : tr("no source");
    if (m_source && !m_source->isLive() && m_haveSnapshot)
        source += QStringLiteral(" — ") + originText(s.origin);
    m_sourceLabel->setText(source);
    // The title names the machine whose rows are shown, with its kernel once
    // read: two lab guests, or a file and this machine, look alike otherwise.
    // Qt adds the application's display name ("… — RefScope") itself.
    const int row = m_targets->indexOf(m_source);
    setWindowTitle(row >= 0 ? m_targets->title(row) : tr("RefScope"));
    m_sourceLabel->setToolTip(m_haveSnapshot ? originText(s.origin) : QString());
    m_kernelLabel->setText(s.kernelRelease.isEmpty() ? QString()
                                                     : tr("Kernel %1").arg(s.kernelRelease));
    m_countLabel->setText(tr("%n module(s)", nullptr, int(s.modules.size())));
    m_refreshLabel->setText(s.takenAtMs > 0 ? tr("Read at %1")
                                                  .arg(QDateTime::fromMSecsSinceEpoch(s.takenAtMs)
                                                           .toString(QStringLiteral("HH:mm:ss")))
                                            : QString());
    m_saveAction->setEnabled(m_haveSnapshot);
}

void MainWindow::updateAbsentModules()
{
    QMap<QString, QString> absent;
    if (const auto &store = m_timeline->store())
        for (int id = 0; id < store->moduleCount(); ++id)
            absent.insert(store->moduleName(id), tr("in the recording only"));
    if (!m_keptModule.isEmpty())
        absent.insert(m_keptModule, tr("unloaded"));
    const bool applying = std::exchange(m_applyingSnapshot, true);
    m_modules->setAbsentModules(absent);
    m_applyingSnapshot = applying;
    if (!absent.isEmpty())
        m_table->resizeColumnToContents(ModuleListModel::State);
    // A row that appeared for the selected module takes the selection.
    reselect();
}

void MainWindow::onTableSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    // A refresh that unloads the selected module empties the selection:
    // the dock then says the module is gone rather than going blank.
    if (rows.isEmpty())
        return;
    // selectModule() itself moves the table's selection: nothing new then.
    const QString name = rows.first().data(ModuleListModel::ModuleNameRole).toString();
    if (m_applyingSnapshot)
        return;
    if (name != m_selected)
        selectModule(name);
}

void MainWindow::reselect()
{
    // A filter that hid the selected row dropped it from the selection;
    // when the row shows again, so does the selection.
    if (!m_selected.isEmpty())
        selectModule(m_selected, GraphFocus::Keep);
}

void MainWindow::selectModule(const QString &name, GraphFocus focus)
{
    const QString normalized = normalizeModuleName(name);
    m_selected = normalized;
    for (QAction *action : std::as_const(m_moduleActions))
        action->setEnabled(!normalized.isEmpty());
    if (!m_keptModule.isEmpty() && m_keptModule != normalized) {
        // The user chose another module: the unloaded one's row goes.
        m_keptModule.clear();
        updateAbsentModules();
    }
    m_details->setModuleName(normalized);
    m_holdersDock->setModule(normalized);
    m_forceRelease->setModule(normalized);
    m_timeline->setSelectedModule(normalized);
    // Drawn whole, a few hundred modules shrink to unreadable boxes: a large
    // graph shows the selected module's neighbourhood instead.
    if (focus == GraphFocus::Follow && m_modules->snapshot().modules.size() > kGraphOverviewLimit &&
        m_modules->snapshot().find(normalized) && m_graph->focusModule() != normalized)
        m_graph->showNeighbourhood(normalized);
    if (m_graph->selectedModule() != normalized)
        m_graph->selectModule(normalized);
    const int row = m_modules->rowOf(normalized);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_modules->index(row, 0));
    if (!index.isValid() || m_table->selectionModel()->isRowSelected(index.row()))
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void MainWindow::openLab()
{
    // The kernel last chosen in the Lab panel, while it is still installed;
    // $REFSCOPE_LAB_KERNEL, set for one run, goes first.
    const QString chosen = UserSettings().labKernel();
    openLabKernel(qEnvironmentVariableIsEmpty("REFSCOPE_LAB_KERNEL") &&
                          labBootableKernels().contains(chosen)
                      ? chosen
                      : QString());
}

void MainWindow::openLabKernel(const QString &release)
{
    // One lab guest at a time: a running one is shown (its Lab panel boots
    // another kernel).
    if (const int lab = m_targets->labRow(); lab >= 0) {
        showTarget(lab);
        return;
    }
    LabOptions options;
    options.kernelRelease = release;
    setSource(new LabSnapshotSource(options));
}

void MainWindow::openSnapshotFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a snapshot"), {},
                                                      tr("RefScope snapshots (*.json)"));
    if (path.isEmpty())
        return;
    m_windowSettings->addRecentFile(path);
    setSource(new FileSnapshotSource(path));
}

void MainWindow::saveSnapshotFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the snapshot"), {},
                                                      tr("RefScope snapshots (*.json)"));
    if (path.isEmpty())
        return;
    // Written beside the old file and renamed over it: a full disk or a
    // failed write leaves the previous snapshot as it was.
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(snapshotToJson(m_modules->snapshot())).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        QMessageBox::warning(this, tr("Save the snapshot"),
                             tr("Cannot write %1: %2").arg(path, file.errorString()));
    else
        m_windowSettings->addRecentFile(path);
}

RecordingCompareWindow *MainWindow::openRecordingCompare(bool chooseB)
{
    // A is the recording the timeline shows, when it came from a file.
    auto *window = new RecordingCompareWindow(m_timeline->recordingPath(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    if (chooseB)
        window->chooseB();
    return window;
}

} // namespace refscope
