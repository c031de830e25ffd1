// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holdersdock.h"

#include "holders/holdersteps.h"
#include "holders/holdertext.h"
#include "protocol/agentapi.h"
#include "protocol/protocol.h"
#include "sources/snapshotsource.h"
#include "teaching/teaching.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace refscope {

namespace {

enum Column { KindColumn, ProcessColumn, FdsColumn, PathColumn, RefsColumn, SourceColumn };

// Why the agent's helper module could not be asked, in the window's
// language when the agent said it as a code.
QString exactError(const HoldersAnswer &answer)
{
    return answer.exactErrorSentence
               ? holderSentenceText(*answer.exactErrorSentence, {}, TextLanguage::Display)
               : answer.exactError;
}

QLabel *wrappingLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

HoldersDock::HoldersDock(QWidget *parent) : QDockWidget(tr("Holders"), parent)
{
    setObjectName(QStringLiteral("holdersDock"));
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    m_status = wrappingLabel();
    m_asRoot = new QPushButton(tr("Read as root…"));
    m_asRoot->setObjectName(QStringLiteral("readAsRootButton"));
    m_asRoot->hide();
    connect(m_asRoot, &QPushButton::clicked, this, &HoldersDock::readAsRootRequested);
    m_verdict = wrappingLabel();
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_holders = new QTreeWidget;
    m_holders->setObjectName(QStringLiteral("holdersTree"));
    m_holders->setRootIsDecorated(false);
    m_holders->setHeaderLabels(holderColumnTitles());
    m_holders->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_holders, &QTreeWidget::itemDoubleClicked, this, &HoldersDock::showSelectedInTimeline);
    m_unattributed = wrappingLabel();
    m_steps = wrappingLabel();
    m_steps->setTextFormat(Qt::RichText);
    m_timeline = new QPushButton(tr("Show in timeline"));
    m_timeline->setToolTip(tr("The selected holder's events in the refcount timeline"));
    m_timeline->setEnabled(false);
    connect(m_timeline, &QPushButton::clicked, this, &HoldersDock::showSelectedInTimeline);
    connect(m_holders, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_timeline->setEnabled(item != nullptr); });
    auto *rescan = new QPushButton(tr("Scan again"));
    connect(rescan, &QPushButton::clicked, this, &HoldersDock::refresh);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_timeline);
    buttons->addStretch();
    buttons->addWidget(rescan);
    layout->addWidget(m_status);
    layout->addWidget(m_asRoot, 0, Qt::AlignLeft);
    layout->addWidget(m_verdict);
    layout->addWidget(m_holders, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_unattributed);
    layout->addWidget(m_steps);
    setWidget(body);
    showMessage(tr("Select a module to see what holds it."));
}

void HoldersDock::setSource(SnapshotSource *source, const QList<HolderReport> &seen)
{
    AgentClient *agent = source ? source->agent() : nullptr;
    const bool savedSnapshot = source && !source->isLive();
    const QList<HolderReport> savedReports =
        source ? source->savedHolderReports() : QList<HolderReport>();
    if (agent == m_agent && savedSnapshot == m_savedSnapshot && savedReports == m_savedReports)
        return;
    m_agent = agent;
    m_savedSnapshot = savedSnapshot;
    m_savedReports = savedReports;
    m_seen.clear();
    for (const HolderReport &report : savedReports)
        m_seen.insert(report.module, report);
    for (const HolderReport &report : seen)
        m_seen.insert(report.module, report);
    // What held it minutes ago may have let go since: shown until the
    // agent's new answer comes, never instead of it.
    if (const auto kept = m_seen.constFind(m_module); m_agent && kept != m_seen.constEnd()) {
        showReport(*kept);
        ask(true);
        showMessage(tr("Shown as it was when you last looked: asking the agent again…"));
        return;
    }
    refresh();
}

void HoldersDock::setModule(const QString &module)
{
    if (module == m_module)
        return;
    m_module = module;
    refresh();
}

void HoldersDock::setRecordedGets(std::function<HoldersOptions(const QString &)> source)
{
    m_recordedGets = std::move(source);
}

bool HoldersDock::recordedGetsChanged(const QString &module) const
{
    if (!m_recordedGets)
        return false;
    const HoldersOptions now = m_recordedGets(module);
    return now.outstandingGets != m_asked.outstandingGets ||
           now.outstandingCallSites != m_asked.outstandingCallSites;
}

void HoldersDock::leakingCallSitesCounted(const QString &module)
{
    if (m_agent && !m_asking && module == m_module && m_report.module == module &&
        m_report.unattributed > 0 && recordedGetsChanged(module))
        refresh();
}

void HoldersDock::addActionWidget(QWidget *actionWidget)
{
    widget()->layout()->addWidget(actionWidget);
}

QString HoldersDock::message() const
{
    return m_status->text();
}

void HoldersDock::refresh()
{
    ask(false);
}

void HoldersDock::followRefcount(const QString &module, int refcount)
{
    if (!m_agent || m_asking || module != m_module || m_report.module != module ||
        m_report.refcount == refcount)
        return;
    ask(true);
}

void HoldersDock::ask(bool keepShown)
{
    const quint64 request = ++m_request;
    m_asking = false;
    if (!keepShown)
        showReport({});
    if (m_module.isEmpty()) {
        showMessage(tr("Select a module to see what holds it."));
        return;
    }
    if (m_agent) {
        showMessage(keepShown ? tr("The count of %1 changed: asking the agent again…").arg(m_module)
                              : tr("Asking the agent what holds %1…").arg(m_module));
        m_asking = true;
        const QString module = m_module;
        m_asked = m_recordedGets ? m_recordedGets(module) : HoldersOptions();
        AgentApi(m_agent).requestHolders(
            module, m_asked,
            [this, guard = QPointer<HoldersDock>(this), request,
             module](const HoldersAnswer &answer) {
                if (!guard || request != m_request)
                    return; // gone, or another module was selected since
                m_asking = false;
                if (answer.ok) {
                    HolderReport report = answer.report;
                    report.takenAtMs = QDateTime::currentMSecsSinceEpoch();
                    m_seen.insert(report.module, report);
                    showReport(report);
                    showMessage(answer.exactAvailable
                                    ? tr("Exact holders from RefScope's helper module.")
                                    : tr("Inferred holders: %1").arg(exactError(answer)));
                    // The recording was counted while the agent scanned (a
                    // history just opened): ask once more with what it says.
                    if (report.unattributed > 0 && recordedGetsChanged(module)) {
                        ask(true);
                        showMessage(tr("Asking the agent again with what the recording says of "
                                       "%1…")
                                        .arg(module));
                    }
                } else if (answer.errorCode == errorcode::NotFound) {
                    // Unloaded since it was selected (a force release, an
                    // rmmod): the agent's sentence is right but reads as a
                    // failure; the user's question has a plain answer.
                    showMessage(tr("%1 is not loaded now: nothing holds it.").arg(module));
                } else {
                    showMessage(
                        tr("The agent could not say what holds %1: %2").arg(module, answer.error));
                }
            });
        return;
    }
    if (!m_savedReports.isEmpty()) {
        showSavedReport();
        return;
    }
    // Holders are a property of a running kernel: a saved snapshot has none,
    // and this machine's other users' processes need root to be read.
    if (m_savedSnapshot)
        showMessage(tr("A saved snapshot does not record holders. Open the lab, or read this "
                       "machine as root, to see what holds %1.")
                        .arg(m_module),
                    true);
    else
        showMessage(tr("No agent is available: without root, other users' processes cannot be "
                       "read. Read as root to see every holder."),
                    true);
}

void HoldersDock::showSavedReport()
{
    const auto saved = m_seen.constFind(m_module);
    if (saved == m_seen.constEnd()) {
        showMessage(tr("The session file holds no holder report for %1.").arg(m_module));
        return;
    }
    showReport(*saved);
    const QDateTime taken = QDateTime::fromMSecsSinceEpoch(saved->takenAtMs);
    showMessage(saved->takenAtMs > 0
                    ? tr("Saved in the session file: what held %1 at %2.")
                          .arg(m_module, QLocale().toString(taken, QLocale::ShortFormat))
                    : tr("Saved in the session file: what held %1 then.").arg(m_module));
}

void HoldersDock::showMessage(const QString &message, bool offerRoot)
{
    m_status->setText(message);
    m_asRoot->setVisible(offerRoot);
}

void HoldersDock::showReport(const HolderReport &report)
{
    m_report = report;
    m_holders->clear();
    m_verdict->setText(holderVerdictText(report, TextLanguage::Display));
    for (const Holder &h : report.holders) {
        QString rule = holderRuleText(h, TextLanguage::Display);
        if (!h.undo.isEmpty())
            rule += u'\n' + tr("Undo: %1").arg(h.undo);
        const QString tip = h.sharedWith.isEmpty() ? rule
                                                   : tr("%1\nShared by %n forked process(es)",
                                                        nullptr, int(h.sharedWith.size()))
                                                         .arg(rule);
        showHolder(new QTreeWidgetItem(m_holders), KindColumn, h, tip);
    }
    m_unattributed->setText(
        report.verdict.isEmpty() ? QString()
        : report.uncheckedKinds.isEmpty()
            ? tr("Unattributed references (RefScope could not see their holders): %1")
                  .arg(report.unattributed)
            : tr("Unattributed references (RefScope could not see their holders): %1 (not "
                 "checked: %2)")
                  .arg(report.unattributed)
                  .arg(report.uncheckedKinds.join(u", ")));
    QString steps;
    for (const QString &step : holderStepTexts(report, TextLanguage::Display))
        steps += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    m_steps->setText(steps.isEmpty() ? QString() : tr("Next steps:<ol>%1</ol>").arg(steps));
    m_timeline->setEnabled(false);
}

QStringList HoldersDock::holderColumnTitles()
{
    return {tr("Kind"), tr("Process"), tr("FDs"), tr("Path"), tr("Refs"), tr("Source")};
}

void HoldersDock::showHolder(QTreeWidgetItem *item, int first, const Holder &h, const QString &tip)
{
    item->setText(first + KindColumn, holderKindText(h.kind));
    if (h.pid >= 0)
        item->setText(first + ProcessColumn, tr("%1 (%2)").arg(h.pid).arg(h.comm));
    if (!h.fds.isEmpty())
        item->setText(first + FdsColumn, describeFds(h.fds, TextLanguage::Display));
    item->setText(first + PathColumn, h.path);
    item->setText(first + RefsColumn, QString::number(h.refs));
    item->setText(first + SourceColumn, holderSourceText(h.source));
    for (int column = KindColumn; column <= SourceColumn; ++column)
        item->setToolTip(first + column, tip);
    // What the kind and the certainty mean (teaching/teaching.h).
    item->setToolTip(first + KindColumn, Teaching::holderKind(h.kind));
    item->setToolTip(first + SourceColumn, Teaching::holderSource(h.source));
}

void HoldersDock::showSelectedInTimeline()
{
    const int row = m_holders->indexOfTopLevelItem(m_holders->currentItem());
    if (row >= 0 && row < m_report.holders.size())
        emit showInTimeline(m_report.module, m_report.holders.at(row).pid);
}

} // namespace refscope
