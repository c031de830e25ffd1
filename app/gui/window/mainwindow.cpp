// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/mainwindow.h"

#include "compare/comparewindow.h"
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

namespace refscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_modules(new ModuleListModel(this)),
      m_proxy(new ModuleFilterProxy(this)), m_details(new ModuleDetailsModel(this)),
      m_builtin(new BuiltinModuleModel(this)), m_builtinProxy(new QSortFilterProxyModel(this)),
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
    // The source goes first, while the window it reports to is whole.
    dropSource();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_timeline->confirmDiscardCapture(tr("quitting"))) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::dropSource()
{
    if (!m_source)
        return;
    disconnect(m_source, nullptr, this, nullptr);
    delete m_source;
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
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_autoRefreshAction = bar->addAction(tr("Live"));
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
    // The modules shown beside saved snapshots, in a window of its own.
    auto *compare = new QAction(tr("Compare…"), this);
    compare->setObjectName(QStringLiteral("compareAction"));
    connect(compare, &QAction::triggered, this, [this] {
        auto *window = new CompareWindow(
            {m_source ? m_source->description() : tr("no source"), m_modules->snapshot()}, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        // The lab's guest is offered while this window runs it; SSH hosts
        // use the ssh options this window was started with.
        window->setLabProvider(
            [this] { return qobject_cast<LabSnapshotSource *>(m_source.data()); });
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

    m_message = new MessagePage;
    m_message->setObjectName(QStringLiteral("messagePage"));
    connect(m_message, &MessagePage::buttonClicked, this, [this] {
        if (m_messageButton)
            m_messageButton();
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
    m_holdersDock->setLeakingCallSites(
        [outstanding](const QString &module) { return outstanding->leakingCallSites(module); });
    connect(outstanding, &OutstandingRefsPane::counted, m_holdersDock,
            &HoldersDock::leakingCallSitesCounted);
    connect(m_holdersDock, &HoldersDock::readAsRootRequested, this, &MainWindow::readAsRoot);
    m_sessions = new SessionActions(this, m_modules, m_timeline, m_holdersDock);
    connect(m_sessions, &SessionActions::sourceOpened, this, [this](SnapshotSource *source) {
        if (confirmLeavingLab(tr("open %1").arg(source->description())))
            setSource(source);
        else
            delete source;
    });
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

    m_labPanel = new LabPanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_labPanel);
    resizeDocks({m_labPanel}, {340}, Qt::Horizontal);
    m_labPanel->hide();
    m_labPanel->setChosenKernel(UserSettings().labKernel());
    connect(m_labPanel, &LabPanel::bootRequested, this, [this](const QString &release) {
        if (!confirmLeavingLab(tr("boot the lab with %1").arg(release)))
            return;
        UserSettings().setLabKernel(release);
        openLabKernel(release);
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
    ask.setInformativeText(
        tr("Everything done in the guest is lost: the modules loaded in it, its processes and "
           "files, a scenario's state. The next boot starts afresh. The timeline's recording "
           "stays."));
    QPushButton *leave = ask.addButton(tr("Shut the lab down"), QMessageBox::AcceptRole);
    leave->setObjectName(QStringLiteral("leaveLabButton"));
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    return ask.clickedButton() == leave;
}

void MainWindow::readAsRoot()
{
    if (confirmLeavingLab(tr("read this machine as root")))
        setSource(new PrivilegedSnapshotSource(labDefaultAgent()));
}

void MainWindow::setSource(SnapshotSource *source)
{
    dropSource();
    // The previous machine's modules go with it: until this source's first
    // snapshot nothing is shown under its name, and if it fails, the page
    // says so over an empty table rather than over another machine's rows.
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
    m_source = source;
    source->setParent(this);
    connect(source, &SnapshotSource::snapshotReady, this, &MainWindow::applySnapshot);
    connect(source, &SnapshotSource::failed, this, &MainWindow::showFailure);
    auto *lab = qobject_cast<LabSnapshotSource *>(source);
    if (lab)
        connect(lab, &LabSnapshotSource::progress, this, &MainWindow::showProgress);
    m_forceRelease->setSource(source);
    m_labPanel->setLab(lab ? lab->machine() : nullptr);
    m_labPanel->setVisible(lab);
    m_autoRefreshAction->setEnabled(source->isLive());
    m_refreshAction->setEnabled(true);
    const QSignalBlocker blocker(m_autoRefreshAction);
    m_autoRefreshAction->setChecked(source->isLive());
    source->setAutoRefresh(source->isLive() ? kRefreshIntervalMs : 0);
    m_haveSnapshot = false;
    // A module unloaded on the previous machine is not this one's.
    if (!m_keptModule.isEmpty()) {
        m_keptModule.clear();
        updateAbsentModules();
    }
    // Qt adds the application's display name ("… — RefScope") itself.
    setWindowTitle(source->description());
    updateStatus();
    source->refresh();
}

void MainWindow::applySnapshot(const Snapshot &snapshot)
{
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
    if (!m_selected.isEmpty() && diff.unloaded.contains(m_selected))
        m_keptModule = m_selected;
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
            m_messageButton = [this] { setSource(new LocalSnapshotSource); };
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
    if (!confirmLeavingLab(tr("boot the lab again")))
        return;
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
    LabOptions options;
    options.kernelRelease = release;
    setSource(new LabSnapshotSource(options));
}

void MainWindow::openSnapshotFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a snapshot"), {},
                                                      tr("RefScope snapshots (*.json)"));
    if (path.isEmpty() || !confirmLeavingLab(tr("open %1").arg(QFileInfo(path).fileName())))
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

} // namespace refscope
