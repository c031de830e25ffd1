// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/forcerelease.h"

#include "lab/labpaths.h"
#include "privileges/privilegeview.h"
#include "protocol/agentclient.h"
#include "protocol/polkitactions.h"
#include "release/dropgate.h"
#include "release/releasedialog.h"
#include "release/releasemarker.h"
#include "release/releasesession.h"
#include "sources/labsnapshotsource.h"
#include "sources/sshsnapshotsource.h"
#include "timeline/timelinewidget.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>

#include <memory>

namespace refscope {

namespace {
const QString kPkexec = QStringLiteral("pkexec");
} // namespace

ForceRelease::ForceRelease(QWidget *window, TimelineWidget *timeline)
    : QObject(window), m_window(window), m_timeline(timeline),
      m_action(new QAction(tr("Force release…"), this))
{
    m_action->setObjectName(QStringLiteral("forceReleaseAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(m_action, &QAction::triggered, this, &ForceRelease::openDialog);
    updateAvailability();
}

QWidget *ForceRelease::createButton() const
{
    auto *box = new QWidget;
    box->setObjectName(QStringLiteral("forceReleaseBox"));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *button = new QPushButton(m_action->text());
    button->setObjectName(QStringLiteral("forceReleaseButton"));
    connect(button, &QPushButton::clicked, m_action, &QAction::trigger);
    auto *reason = new QLabel;
    reason->setObjectName(QStringLiteral("forceReleaseReason"));
    reason->setWordWrap(true);
    reason->setEnabled(false); // greyed: a fact, not an error
    layout->addWidget(button);
    layout->addWidget(reason, 1);
    const auto show = [this, button, reason] {
        button->setVisible(m_availability.possible);
        reason->setVisible(!m_availability.possible);
        reason->setText(m_availability.reason);
        button->setIcon(m_action->icon()); // the lock when polkit will ask
        button->setToolTip(m_action->toolTip());
    };
    connect(this, &ForceRelease::availabilityChanged, box, show);
    show();
    return box;
}

ReleaseDialog *ForceRelease::dialog() const
{
    return m_dialog;
}

void ForceRelease::setSource(SnapshotSource *source)
{
    m_source = source;
    updateAvailability();
}

void ForceRelease::setSnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    updateAvailability();
}

void ForceRelease::setModule(const QString &module)
{
    m_module = module;
    updateAvailability();
}

void ForceRelease::setPrivilege(PolkitAnswer answer, const QString &problem)
{
    m_privilege = answer;
    m_privilegeProblem = problem;
    updateAvailability();
}

ReleaseAgentOrigin ForceRelease::origin() const
{
    if (!m_source || !m_source->isLive())
        return ReleaseAgentOrigin::None;
    // The lab's agent is root in a machine made to be broken: it acts
    // itself. On this machine, each release asks polkit again.
    // Another machine over SSH: the release runs there, never here.
    if (qobject_cast<SshSnapshotSource *>(m_source))
        return ReleaseAgentOrigin::Ssh;
    return qobject_cast<LabSnapshotSource *>(m_source) ? ReleaseAgentOrigin::Lab
                                                       : ReleaseAgentOrigin::Pkexec;
}

QString ForceRelease::agentProblem(ReleaseAgentOrigin origin) const
{
    switch (origin) {
    case ReleaseAgentOrigin::None:
        return {};
    case ReleaseAgentOrigin::Lab:
        if (!m_source->agent() || !m_source->agent()->isConnected())
            return tr("The lab guest's agent is not connected.");
        return {};
    case ReleaseAgentOrigin::Pkexec:
        if (QStandardPaths::findExecutable(kPkexec).isEmpty())
            return tr("pkexec is not installed (apt install pkexec): RefScope asks polkit "
                      "through it before it changes the kernel.");
        if (labDefaultAgent().isEmpty())
            return tr("refscope-agent was not found next to RefScope or where it is installed.");
        if (m_privilege == PolkitAnswer::Refused)
            return PrivilegeView::look(m_privilege, QLatin1String(polkitaction::kRelease)).note;
        return {};
    case ReleaseAgentOrigin::Ssh:
        if (QStandardPaths::findExecutable(QStringLiteral("ssh")).isEmpty())
            return tr("ssh is not installed (apt install openssh-client).");
        return {};
    }
    return {};
}

void ForceRelease::updateAvailability()
{
    const ReleaseAgentOrigin from = origin();
    m_availability = ReleaseAvailability::of(m_snapshot, m_module, from, agentProblem(from));
    const QString tip = m_availability.possible
                            ? tr("Clear what holds %1 and unload it, step by step").arg(m_module)
                            : m_availability.reason;
    // polkit has a say only over a release through pkexec: the lab's agent
    // is root in the guest already.
    PrivilegeLook look;
    if (m_availability.possible && from == ReleaseAgentOrigin::Pkexec)
        look = PrivilegeView::look(m_privilege, QLatin1String(polkitaction::kRelease),
                                   m_privilegeProblem);
    look.enabled = m_availability.possible;
    PrivilegeView::show(m_action, tip, look);
    emit availabilityChanged();
}

void ForceRelease::openDialog()
{
    if (m_dialog) { // one release at a time
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    updateAvailability();
    if (!m_availability.possible)
        return;
    const QString module = normalizeModuleName(m_module);
    ReleaseSession *session = nullptr;
    if (auto *ssh = qobject_cast<SshSnapshotSource *>(m_source))
        session = new ReleaseSession(ssh->target(), module);
    else
        session = origin() == ReleaseAgentOrigin::Lab
                      ? new ReleaseSession(m_source->agent())
                      : new ReleaseSession(kPkexec, labDefaultAgent(), module);
    // The timeline's recording is the only evidence a reference is leaked.
    if (const auto &store = m_timeline ? m_timeline->store() : nullptr;
        store && store->findModule(module) >= 0)
        session->setEvidence(leakEvidence(*store, module, tr("the timeline's recording")));
    m_dialog = new ReleaseDialog(module, m_snapshot.support, session, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The marker notes where the recording stood when the run began; it
    // goes with the dialog unless a result came, then waits for the capture.
    auto marker = std::make_shared<QPointer<ReleaseMarker>>();
    connect(m_dialog, &ReleaseDialog::releaseStarted, this,
            [this, marker, module] { *marker = new ReleaseMarker(m_timeline, module, m_dialog); });
    connect(m_dialog, &ReleaseDialog::releaseFinished, this,
            [this, marker](const ReleaseResult &result) {
                if (*marker) {
                    (*marker)->setParent(this);
                    (*marker)->place(result.released);
                }
                if (m_source)
                    m_source->refresh();
            });
    m_dialog->open();
}

} // namespace refscope
