// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releasedialog.h"

#include "holders/holdertext.h"
#include "release/lastresortbox.h"
#include "release/releaseholderstree.h"
#include "release/releasesession.h"
#include "release/releasesteptext.h"
#include "teaching/teaching.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace refscope {

namespace {

QLabel *wrappingLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QStyle::StandardPixmap outcomeIcon(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Done:
        return QStyle::SP_DialogApplyButton;
    case StepOutcome::Failed:
        return QStyle::SP_MessageBoxCritical;
    case StepOutcome::Refused:
        return QStyle::SP_MessageBoxWarning;
    case StepOutcome::Skipped:
        return QStyle::SP_MessageBoxInformation;
    }
    return QStyle::SP_MessageBoxInformation;
}

// The agent refused because the module changed after the user confirmed
// (or, for a forced unload, during the agent's last look before it).
bool countChanged(const ReleaseResult &result)
{
    return std::any_of(result.steps.begin(), result.steps.end(), [](const ReleaseStep &step) {
        return step.code == StepCode::CountChanged || step.code == StepCode::UnattributedChanged ||
               step.code == StepCode::ForceRaced;
    });
}

} // namespace

ReleaseDialog::ReleaseDialog(const QString &module, const KernelModuleSupport &support,
                             ReleaseSession *session, QWidget *parent)
    : QDialog(parent), m_module(module), m_support(support), m_session(session),
      m_status(wrappingLabel(QStringLiteral("releaseStatus"))),
      m_verdict(wrappingLabel(QStringLiteral("releaseVerdict"))), m_holders(new ReleaseHoldersTree),
      m_unattributed(wrappingLabel(QStringLiteral("releaseUnattributed"))),
      m_lastResort(new LastResortBox),
      m_preselection(wrappingLabel(QStringLiteral("releasePreselection"))),
      m_summary(wrappingLabel(QStringLiteral("releaseSummary"))), m_steps(new QListWidget),
      m_result(wrappingLabel(QStringLiteral("releaseResult"))), m_run(new QPushButton),
      m_scan(new QPushButton(tr("Scan again")))
{
    setObjectName(QStringLiteral("releaseDialog"));
    if (session)
        m_evidence = session->evidence();
    setWindowTitle(tr("Force release %1").arg(module));
    buildLayout();
    connect(m_holders, &ReleaseHoldersTree::planChanged, this, [this] {
        m_preselection->hide();  // the user's choice now, not the dialog's
        m_lastResort->refresh(); // a ticked holder may allow the forced unload
        updateSummary();
    });
    connect(m_lastResort, &LastResortBox::planChanged, this, [this] {
        m_preselection->hide();
        updateSummary();
    });
    connect(m_run, &QPushButton::clicked, this, &ReleaseDialog::run);
    connect(m_scan, &QPushButton::clicked, this, &ReleaseDialog::scanAgain);
    setBusy(false);
    updateRunButton();
    if (!session) {
        m_scan->hide();
        return;
    }
    session->setParent(this); // the pkexec agent ends with the dialog
    connect(session, &ReleaseSession::reportReady, this, &ReleaseDialog::setReport);
    connect(session, &ReleaseSession::stepDone, this, &ReleaseDialog::showStep);
    connect(session, &ReleaseSession::finished, this, &ReleaseDialog::showResult);
    connect(session, &ReleaseSession::failed, this, &ReleaseDialog::showFailure);
    scanAgain();
}

void ReleaseDialog::buildLayout()
{
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_result->setFont(bold);
    m_summary->setTextFormat(Qt::RichText);
    m_steps->setObjectName(QStringLiteral("releaseSteps"));
    m_steps->setWordWrap(true);
    m_run->setObjectName(QStringLiteral("releaseRun"));
    m_scan->setObjectName(QStringLiteral("releaseScan"));
    m_scan->setToolTip(tr("Ask the agent again what holds the module"));

    auto *why = new QGroupBox(tr("Why it cannot be unloaded"));
    auto *whyLayout = new QVBoxLayout(why);
    whyLayout->addWidget(m_verdict);
    whyLayout->addWidget(new QLabel(tr("Tick the holders to clear:")));
    whyLayout->addWidget(m_holders, 1);
    whyLayout->addWidget(m_unattributed);
    auto *left = new QVBoxLayout;
    left->addWidget(m_status);
    left->addWidget(why, 1);
    left->addWidget(m_lastResort);

    auto *plan = new QGroupBox(tr("What will happen"));
    auto *planLayout = new QVBoxLayout(plan);
    m_preselection->hide(); // until a report leaves nothing to tick
    planLayout->addWidget(m_preselection);
    planLayout->addWidget(m_summary);
    planLayout->addStretch();
    auto *progress = new QGroupBox(tr("Progress"));
    auto *progressLayout = new QVBoxLayout(progress);
    progressLayout->addWidget(m_steps, 1);
    progressLayout->addWidget(m_result);
    auto *right = new QVBoxLayout;
    right->addWidget(plan, 1);
    right->addWidget(progress, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_run, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_scan, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReleaseDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(1040, 640);
}

void ReleaseDialog::scanAgain()
{
    if (!m_session || m_running)
        return;
    m_haveReport = false;
    m_status->setText(tr("Asking the agent what holds %1…").arg(m_module));
    setBusy(false);
    m_session->fetchReport(m_module);
}

void ReleaseDialog::setEvidence(const std::optional<LeakEvidence> &evidence)
{
    m_evidence = evidence;
    m_plan.setEvidence(evidence);
}

void ReleaseDialog::setReport(const HolderReport &report, const QString &note)
{
    m_plan = ReleasePlan(report, m_support);
    m_plan.setEvidence(m_evidence);
    // The plan shown first is one the kernel accepts, or none, with why.
    const QString whyNothing = m_plan.preselect();
    m_preselection->setText(whyNothing);
    m_preselection->setVisible(!whyNothing.isEmpty());
    m_haveReport = true;
    m_done = false;
    m_status->setText(note);
    m_verdict->setText(holderVerdictText(report, TextLanguage::Display));
    m_holders->setPlan(&m_plan);
    m_unattributed->setText(tr("Unattributed references (RefScope could not see their holders): %1")
                                .arg(report.unattributed));
    m_unattributed->setToolTip(Teaching::refcount());
    m_lastResort->setPlan(&m_plan);
    m_steps->clear();
    m_result->clear();
    updateSummary();
    setBusy(false);
    fitTexts();
}

void ReleaseDialog::fitTexts()
{
    // The wrapped explanations are longer in some languages than the size
    // chosen for English: the dialog grows to show them whole rather than
    // squeezing their lines onto each other, never past the screen.
    QLayout *box = layout();
    if (!box || !box->hasHeightForWidth())
        return;
    int needed = box->totalHeightForWidth(width());
    if (const QScreen *shown = screen())
        needed = std::min(needed, shown->availableGeometry().height());
    if (needed > height())
        resize(width(), needed);
}

void ReleaseDialog::updateSummary()
{
    m_summary->setText(m_haveReport ? Teaching::numberedHtml(m_plan.summary()) : QString());
    updateRunButton();
}

void ReleaseDialog::updateRunButton()
{
    // The button says what it does. A plan the summary itself says the
    // kernel will refuse is not what Enter runs: the user chooses it.
    const bool refused = m_haveReport && m_plan.remainingRefs() > 0;
    m_run->setText(refused ? tr("Try to unload %1 anyway").arg(m_module)
                           : tr("Clear and unload %1").arg(m_module));
    m_run->setToolTip(refused ? tr("As planned, references remain and the kernel refuses to "
                                   "unload: tick more holders, or choose a last resort")
                              : tr("Run the steps above"));
    m_run->setDefault(!refused);
    m_run->setAutoDefault(!refused);
    m_scan->setDefault(refused);
}

QString ReleaseDialog::summaryText() const
{
    return m_haveReport ? m_plan.summary().join(u'\n') : QString();
}

QString ReleaseDialog::preselectionText() const
{
    return m_preselection->text();
}

QString ReleaseDialog::resultText() const
{
    return m_result->text();
}

QStringList ReleaseDialog::stepTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_steps->count(); ++row)
        texts << m_steps->item(row)->text();
    return texts;
}

void ReleaseDialog::run()
{
    if (!m_session || !m_haveReport || m_running)
        return;
    m_steps->clear();
    m_result->clear();
    m_running = true;
    setBusy(true);
    m_status->setText(tr("Releasing %1…").arg(m_module));
    emit releaseStarted();
    m_session->run(m_plan.request());
}

void ReleaseDialog::showStep(const ReleaseStep &step)
{
    auto *item = new QListWidgetItem(style()->standardIcon(outcomeIcon(step.outcome)),
                                     releaseStepText(step), m_steps);
    m_steps->scrollToItem(item);
}

void ReleaseDialog::showResult(const ReleaseResult &result)
{
    m_running = false;
    m_done = true;
    // The result is the whole account: it replaces what the notifications
    // showed, in case one was lost on the way.
    m_steps->clear();
    for (const ReleaseStep &step : result.steps)
        showStep(step);
    if (result.released)
        m_result->setText(tr("Released: %1 is gone.").arg(m_module));
    else if (countChanged(result)) {
        m_result->setText(tr("Not released: %1 changed after you confirmed, and the agent "
                             "changed nothing. Scan again to see what holds it now.")
                              .arg(m_module));
        m_scan->setDefault(true);
    } else
        m_result->setText(tr("Not released: %1 is still loaded.").arg(m_module));
    m_status->clear();
    setBusy(false);
    emit releaseFinished(result);
}

void ReleaseDialog::showFailure(const QString &message)
{
    m_running = false;
    m_status->setText(message);
    setBusy(false);
}

void ReleaseDialog::setBusy(bool busy)
{
    m_holders->setEnabled(!busy && !m_done);
    m_lastResort->setEnabled(!busy && !m_done);
    m_run->setEnabled(!busy && !m_done && m_haveReport && m_session);
    m_scan->setEnabled(!busy && m_session);
}

void ReleaseDialog::reject()
{
    // The agent finishes what it started either way; the dialog stays to
    // say how it ended.
    if (!m_running)
        QDialog::reject();
}

} // namespace refscope
