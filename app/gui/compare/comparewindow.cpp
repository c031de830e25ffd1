// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/comparewindow.h"

#include "lab/labmachine.h"
#include "models/comparemodel.h"
#include "protocol/agentclient.h"
#include "settings/colorscheme.h"
#include "settings/usersettings.h"
#include "sources/agentsnapshotsource.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/sshsnapshotsource.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace refscope {

namespace {

// Colours the cells CompareModel marks as differing, and tints every
// other target's column group so the groups read apart.
class HighlightProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::BackgroundRole) {
            const bool dark = ColorSchemes::isDark();
            if (index.data(CompareModel::DiffersRole).toBool())
                return dark ? QColor(0x6b, 0x4a, 0x12) : QColor(0xff, 0xe0, 0x9e);
            if (index.data(CompareModel::TargetRole).toInt() % 2 == 1)
                return dark ? QColor(0x2a, 0x2f, 0x38) : QColor(0xee, 0xf2, 0xf8);
            return {};
        }
        if (role == Qt::FontRole && index.column() == 0 &&
            index.data(CompareModel::DiffersRole).toBool()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

CompareWindow::CompareWindow(const CompareTarget &current, QWidget *parent)
    : QWidget(parent, Qt::Window), m_model(new CompareModel(this)), m_table(new QTableView),
      m_origins(new QLabel), m_summary(new QLabel), m_problem(new QLabel),
      m_onlyDifferent(new QCheckBox(tr("Only differences"))),
      m_refresh(new QPushButton(tr("Refresh"))), m_addMenu(new QMenu(this))
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare modules"));
    Entry first;
    first.target = current;
    first.hasSnapshot = true;
    m_entries << first;

    auto *proxy = new HighlightProxy(this);
    proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setMaximumSectionSize(260);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Right-click a target's header or one of its cells to remove or re-read it.
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                showHeaderMenu(m_table->horizontalHeader()->logicalIndexAt(pos),
                               m_table->horizontalHeader()->mapToGlobal(pos));
            });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        showHeaderMenu(m_table->columnAt(pos.x()), m_table->viewport()->mapToGlobal(pos));
    });

    m_origins->setObjectName(QStringLiteral("compareOrigins"));
    m_origins->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_problem->setObjectName(QStringLiteral("compareProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->hide();
    m_onlyDifferent->setObjectName(QStringLiteral("onlyDifferences"));
    connect(m_onlyDifferent, &QCheckBox::toggled, this, &CompareWindow::setOnlyDifferent);

    m_refresh->setObjectName(QStringLiteral("compareRefreshButton"));
    m_refresh->setToolTip(tr("Read this machine, SSH hosts and the lab's guest again"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QPushButton::clicked, this, &CompareWindow::refresh);

    m_addMenu->setObjectName(QStringLiteral("compareAddMenu"));
    QAction *local = m_addMenu->addAction(tr("This machine"), this, &CompareWindow::addThisMachine);
    local->setObjectName(QStringLiteral("addThisMachineAction"));
    local->setToolTip(tr("The modules loaded here now, read without root"));
    QAction *ssh = m_addMenu->addAction(tr("An SSH host…"), this, &CompareWindow::chooseSshHost);
    ssh->setObjectName(QStringLiteral("addSshHostAction"));
    m_labAction = m_addMenu->addAction(tr("The lab's guest"), this, [this] { addLabGuest(); });
    m_labAction->setObjectName(QStringLiteral("addLabGuestAction"));
    QAction *file = m_addMenu->addAction(tr("Snapshot file…"), this, &CompareWindow::chooseFiles);
    file->setObjectName(QStringLiteral("addSnapshotFileAction"));
    connect(m_addMenu, &QMenu::aboutToShow, this, &CompareWindow::updateAddMenu);
    updateAddMenu();
    auto *add = new QPushButton(tr("Add"));
    add->setObjectName(QStringLiteral("addTargetButton"));
    add->setMenu(m_addMenu);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_onlyDifferent);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_refresh);
    bar->addWidget(add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_origins);
    layout->addWidget(m_problem);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    resize(1100, 600);
    recompare();
}

bool CompareWindow::addFile(const QString &path, QString *error)
{
    CompareTarget target;
    target.label = QFileInfo(path).fileName();
    QString problem;
    if (!FileSnapshotSource::readFile(path, &target.snapshot, &problem)) {
        if (error)
            *error = problem;
        else
            QMessageBox::warning(this, tr("Compare modules"), problem);
        return false;
    }
    addTarget(target);
    return true;
}

void CompareWindow::addTarget(const CompareTarget &target)
{
    Entry entry;
    entry.target = target;
    entry.hasSnapshot = true;
    m_entries << entry;
    recompare();
    emit targetAdded();
}

void CompareWindow::addThisMachine()
{
    addLive(new LocalSnapshotSource, tr("this machine"));
}

bool CompareWindow::addSshHost(const QString &destination, QString *error)
{
    SshTarget target = m_sshOptions;
    QString problem;
    if (parseSshTarget(destination, &target, &problem))
        problem = target.check();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        else
            showProblem(problem);
        return false;
    }
    const QString name = target.name();
    addLive(new SshSnapshotSource(target), name, [name] { UserSettings().addRecentSshHost(name); });
    return true;
}

bool CompareWindow::addLabGuest()
{
    LabSnapshotSource *lab = m_lab ? m_lab() : nullptr;
    if (!lab || lab->machine()->state() != LabMachine::State::Ready || !lab->agent())
        return false;
    // The guest the main window runs, asked through its agent: no second guest boots.
    auto *source = new AgentSnapshotSource(lab->agent(), tr("the lab guest"));
    source->setOriginKind(OriginKind::Lab);
    addLive(source, tr("lab guest"));
    return true;
}

void CompareWindow::addLive(SnapshotSource *source, const QString &label,
                            const std::function<void()> &onFirstRead)
{
    source->setParent(this);
    Entry entry;
    entry.target.label = label;
    entry.source = source;
    entry.reading = true;
    m_entries << entry;
    connect(source, &SnapshotSource::snapshotReady, this,
            [this, source, onFirstRead](const Snapshot &snapshot) {
                const int e = entryOf(source);
                if (e < 0)
                    return;
                const bool first = !m_entries.at(e).hasSnapshot;
                liveRead(source, snapshot);
                if (first) {
                    if (onFirstRead)
                        onFirstRead();
                    emit targetAdded();
                }
            });
    connect(source, &SnapshotSource::failed, this,
            [this, source](const QString &message) { liveFailed(source, message); });
    m_problem->hide();
    m_problem->clear();
    recompare();
    source->refresh();
}

void CompareWindow::liveRead(SnapshotSource *source, const Snapshot &snapshot)
{
    Entry &entry = m_entries[entryOf(source)];
    entry.target.snapshot = snapshot;
    entry.hasSnapshot = true;
    entry.reading = false;
    entry.problem.clear();
    recompare();
}

void CompareWindow::liveFailed(SnapshotSource *source, const QString &message)
{
    // An SSH source can say so twice (the read and the connection): once is enough.
    const int e = entryOf(source);
    if (e < 0)
        return;
    Entry &entry = m_entries[e];
    // The sources' messages mostly name the target already; else say which.
    const QString sentence = message.contains(entry.target.label)
                                 ? message
                                 : tr("Could not read %1: %2").arg(entry.target.label, message);
    if (!entry.hasSnapshot) {
        // Never read: it does not join the table.
        m_entries.removeAt(e);
        source->disconnect(this);
        source->deleteLater();
    } else {
        // Its last snapshot stays, marked as not refreshed.
        entry.reading = false;
        entry.problem = message;
    }
    showProblem(sentence);
    recompare();
    emit targetFailed(sentence);
}

int CompareWindow::entryOf(const SnapshotSource *source) const
{
    for (int e = 0; e < m_entries.size(); ++e)
        if (m_entries.at(e).source == source)
            return e;
    return -1;
}

void CompareWindow::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

QString CompareWindow::problem() const
{
    return m_problem->text();
}

bool CompareWindow::isReading() const
{
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [](const Entry &e) { return e.reading; });
}

void CompareWindow::refresh()
{
    for (Entry &entry : m_entries) {
        if (!entry.source || entry.reading)
            continue;
        entry.reading = true;
        entry.source->refresh();
    }
    recompare();
}

void CompareWindow::removeTarget(int target)
{
    // The model's targets are the entries that have a snapshot, in order.
    int seen = -1;
    for (int e = 0; e < m_entries.size(); ++e) {
        if (!m_entries.at(e).hasSnapshot || ++seen != target)
            continue;
        if (SnapshotSource *source = m_entries.at(e).source) {
            source->disconnect(this);
            source->deleteLater();
        }
        m_entries.removeAt(e);
        recompare();
        return;
    }
}

void CompareWindow::setLabProvider(std::function<LabSnapshotSource *()> lab)
{
    m_lab = std::move(lab);
    updateAddMenu();
}

void CompareWindow::setSshOptions(const SshTarget &options)
{
    m_sshOptions = options;
}

void CompareWindow::updateAddMenu()
{
    LabSnapshotSource *lab = m_lab ? m_lab() : nullptr;
    const bool running = lab && lab->machine()->state() == LabMachine::State::Ready;
    m_labAction->setVisible(running);
    if (running)
        m_labAction->setText(tr("The lab's guest (%1)").arg(lab->machine()->kernelRelease()));
}

void CompareWindow::showHeaderMenu(int column, const QPoint &globalPos)
{
    if (column < 1)
        return;
    const QVariant target = m_model->headerData(column, Qt::Horizontal, CompareModel::TargetRole);
    if (!target.isValid())
        return;
    const int t = target.toInt();
    QMenu menu(this);
    QAction *remove = menu.addAction(
        tr("Remove %1")
            .arg(CompareModel::targetLetter(t) + QStringLiteral(": ") + m_model->targetName(t)));
    connect(remove, &QAction::triggered, this, [this, t] { removeTarget(t); });
    menu.exec(globalPos);
}

void CompareWindow::setOnlyDifferent(bool only)
{
    if (m_onlyDifferent->isChecked() != only)
        m_onlyDifferent->setChecked(only); // comes back here through toggled
    m_model->setOnlyDifferent(only);
}

void CompareWindow::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Compare with snapshot"), {},
        tr("RefScope snapshots and sessions (*.json *.rscope);;All files (*)"));
    for (const QString &path : paths)
        addFile(path);
}

void CompareWindow::chooseSshHost()
{
    bool ok = false;
    const QString destination = QInputDialog::getItem(
        this, tr("Compare with an SSH host"),
        tr("Host, as [USER@]HOST[:PORT]. RefScope's agent runs there as root, through your own "
           "SSH keys and configuration."),
        UserSettings().recentSshHosts(), 0, true, &ok);
    if (ok && !destination.trimmed().isEmpty())
        addSshHost(destination.trimmed());
}

void CompareWindow::recompare()
{
    QList<CompareTarget> targets;
    QList<const Entry *> shown;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.hasSnapshot) {
            targets << entry.target;
            shown << &entry;
        }
    }
    m_model->setComparison(compareSnapshots(targets));
    QStringList origins;
    for (int t = 0; t < shown.size(); ++t) {
        QString line = m_model->targetText(t).toHtmlEscaped();
        if (shown.at(t)->reading)
            line += QStringLiteral(" — <i>") + tr("reading…") + QStringLiteral("</i>");
        else if (!shown.at(t)->problem.isEmpty())
            line += QStringLiteral(" — <i>") +
                    tr("not refreshed: %1").arg(shown.at(t)->problem).toHtmlEscaped() +
                    QStringLiteral("</i>");
        origins << line;
    }
    // Targets still on their first read are listed, not yet in the table.
    for (const Entry &entry : std::as_const(m_entries))
        if (!entry.hasSnapshot)
            origins << QStringLiteral("<i>") +
                           tr("Reading %1…").arg(entry.target.label).toHtmlEscaped() +
                           QStringLiteral("</i>");
    m_origins->setText(origins.join(QStringLiteral("<br>")));
    m_refresh->setEnabled(std::any_of(m_entries.begin(), m_entries.end(),
                                      [](const Entry &e) { return !e.source.isNull(); }));
    const SnapshotComparison &c = m_model->comparison();
    m_summary->setText(targets.size() < 2
                           ? tr("Add a target to compare with: this machine, an SSH host, the "
                                "lab's guest or a snapshot file.")
                           : tr("%1 modules compared, %2 with differences")
                                 .arg(c.rows.size())
                                 .arg(c.differingRows()));
    m_table->resizeColumnsToContents();
}

} // namespace refscope
