// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/releaseflow.h"

#include "agent/helperdevice.h"
#include "agent/helperrelease.h"
#include "agent/moduleops.h"
#include "agent/releaseclear.h"
#include "holders/explainer.h"
#include "holders/holderreport.h"
#include "inventory/kmodreader.h"
#include "protocol/methods.h"
#include "release/dropgate.h"
#include "release/releasejson.h"

#include <QFile>
#include <QFileInfo>

namespace refscope {

namespace {

// Rounds of "scan, then compare-and-swap" when a get or put meets the drop.
constexpr int kDropAttempts = 5;

// lsmod's count now, -1 once the module is gone.
int currentRefcount(const QString &module)
{
    QFile refcnt(QStringLiteral("/sys/module/%1/refcnt").arg(module));
    if (!refcnt.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const int count = refcnt.readAll().trimmed().toInt(&ok);
    return ok ? count : -1;
}

struct CurrentHolders {
    HolderReport report;
    ExactHolders exact;
    bool ok = false;
};

// The holder report as the "holders" method gives it, exact when the
// helper kernel module answers, with the recording's gets when there is one.
CurrentHolders currentHolders(const QString &module, const std::optional<LeakEvidence> &evidence)
{
    CurrentHolders now;
    now.exact = readExactHolders(module);
    QString error;
    RecordedGets recorded;
    if (evidence)
        recorded.gets = evidence->gets;
    now.ok = readHolderReport(module, {now.exact.available, now.exact.holders}, recorded,
                              &now.report, &error);
    return now;
}

bool sharesProcess(const Holder &a, const Holder &b)
{
    const QList<int> pids = QList<int>{b.pid} + b.sharedWith;
    return std::any_of(pids.cbegin(), pids.cend(),
                       [&](int pid) { return a.pid == pid || a.sharedWith.contains(pid); });
}

// Whether the re-scan still lists the chosen holder.
bool stillHolds(const Holder &chosen, const QList<Holder> &now)
{
    return std::any_of(now.cbegin(), now.cend(), [&](const Holder &h) {
        if (h.kind != chosen.kind || h.path != chosen.path)
            return false;
        if (h.kind == HolderKind::Mount || h.kind == HolderKind::Module)
            return true;
        const bool fdsOverlap =
            chosen.fds.isEmpty() || std::any_of(chosen.fds.cbegin(), chosen.fds.cend(),
                                                [&](int fd) { return h.fds.contains(fd); });
        return sharesProcess(h, chosen) && fdsOverlap;
    });
}

bool moduleGone(const QString &module)
{
    if (QFileInfo::exists(QStringLiteral("/sys/module/%1").arg(module)))
        return false;
    QFile modules(QStringLiteral("/proc/modules"));
    if (!modules.open(QIODevice::ReadOnly))
        return false;
    const QByteArray prefix = module.toUtf8() + ' ';
    for (const QByteArray &line : modules.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return false;
    }
    return true;
}

} // namespace

ReleaseFlow::ReleaseFlow(ReleaseRequest request, StepSink onStep)
    : m_request(std::move(request)), m_onStep(std::move(onStep))
{
    m_result.module = m_request.module;
}

ReleaseResult ReleaseFlow::run()
{
    bool unloaded = false;
    if (check() && clearChosenHolders() && lastResort(&unloaded) && (unloaded || unload()))
        verify();
    return m_result;
}

ReleaseStep ReleaseFlow::step(StepKind kind, StepOutcome outcome, StepCode code,
                              const QStringList &args) const
{
    ReleaseStep s;
    s.kind = kind;
    s.outcome = outcome;
    s.target = m_request.module;
    s.code = code;
    s.args = args;
    return s;
}

bool ReleaseFlow::report(ReleaseStep s)
{
    s.refcountAfter = currentRefcount(m_request.module);
    m_result.steps << s;
    if (m_onStep)
        m_onStep(s);
    return s.outcome == StepOutcome::Done || s.outcome == StepOutcome::Skipped;
}

bool ReleaseFlow::check()
{
    const QString &module = m_request.module;
    const Snapshot snapshot = readLocalSnapshot({.modinfo = false, .builtin = true});
    const ModuleInfo *info = snapshot.find(module);
    const auto refuse = [this](StepCode code, const QStringList &args = {}) {
        return report(step(StepKind::Check, StepOutcome::Refused, code, args));
    };
    // Built-in code with parameters (printk, ...) has /sys/module/NAME too,
    // though modules.builtin does not list it.
    const bool builtIn = moduleKnown(snapshot, module) ||
                         QFileInfo::exists(QStringLiteral("/sys/module/%1").arg(module));
    if (!info)
        return refuse(builtIn ? StepCode::BuiltIn : StepCode::NotLoaded);
    if (!snapshot.support.unloadable)
        return refuse(StepCode::NoUnloadSupport);
    if (info->state == ModuleState::Coming)
        return refuse(StepCode::Coming);
    if (info->state != ModuleState::Live)
        return refuse(StepCode::Going);
    if (info->permanent)
        return refuse(StepCode::Permanent);
    if (info->refcount != m_request.confirmedRefcount)
        return refuse(StepCode::CountChanged, {QString::number(info->refcount),
                                               QString::number(m_request.confirmedRefcount)});
    for (const HolderToClear &entry : std::as_const(m_request.clear)) {
        if (const std::optional<ReleaseStep> refusal = refuseToClear(entry))
            return report(*refusal);
    }
    return report(step(StepKind::Check, StepOutcome::Done, StepCode::Checked,
                       {QString::number(info->refcount)}));
}

bool ReleaseFlow::clearChosenHolders()
{
    for (const HolderToClear &entry : std::as_const(m_request.clear)) {
        // Re-scan first: a holder gone meanwhile is not an error.
        const CurrentHolders now = currentHolders(m_request.module, m_request.evidence);
        ReleaseStep s;
        if (now.ok && !stillHolds(entry.holder, now.report.holders)) {
            s = step(StepKind::ClearHolder, StepOutcome::Skipped, StepCode::HolderGone);
            s.target = holderTarget(entry.holder);
        } else {
            s = clearHolder(m_request.module, entry);
        }
        if (!report(s))
            return false;
    }
    return true;
}

bool ReleaseFlow::lastResort(bool *unloaded)
{
    if (currentRefcount(m_request.module) <= 0)
        return true;
    switch (m_request.lastResort) {
    case LastResort::None:
        return true;
    case LastResort::DropLeaked:
        return dropLeaked();
    case LastResort::KernelForce:
        *unloaded = kernelForce();
        return *unloaded;
    }
    return true;
}

bool ReleaseFlow::dropLeaked()
{
    const QString &module = m_request.module;
    for (int attempt = 1;; ++attempt) {
        const CurrentHolders now = currentHolders(module, m_request.evidence);
        if (!now.ok || !now.exact.available)
            return report(step(StepKind::DropLeaked, StepOutcome::Failed, StepCode::DropFailed,
                               {now.exact.error.isEmpty() ? QStringLiteral("no holder report")
                                                          : now.exact.error}));
        const int unattributed = now.report.unattributed;
        if (unattributed == 0)
            return report(
                step(StepKind::DropLeaked, StepOutcome::Skipped, StepCode::NothingToDrop));
        if (unattributed != m_request.confirmedUnattributed)
            return report(step(
                StepKind::DropLeaked, StepOutcome::Refused, StepCode::UnattributedChanged,
                {QString::number(unattributed), QString::number(m_request.confirmedUnattributed)}));
        // Only what the recording proves leaked, against the count and the
        // holders found now: the client's word is not evidence.
        const DropDecision gate = decideDrop(now.report, m_request.evidence);
        if (!gate.allowed)
            return report(
                step(StepKind::DropLeaked, StepOutcome::Refused, gate.refusal, gate.args));
        const int count = now.report.refcount;
        const DropResult drop = dropUnattributedReferences(module, count, count - gate.drop);
        if (drop.ok)
            return report(step(StepKind::DropLeaked, StepOutcome::Done, StepCode::Dropped,
                               {QString::number(gate.drop), QString::number(drop.countBefore),
                                QString::number(drop.countAfter)}));
        // A get or put met the compare-and-swap: nothing changed; look again.
        if (drop.errorCode != DropStale || attempt == kDropAttempts)
            return report(step(StepKind::DropLeaked, StepOutcome::Failed, StepCode::DropFailed,
                               {drop.error}));
    }
}

bool ReleaseFlow::kernelForce()
{
    const QString &module = m_request.module;
    const auto refuse = [this](StepCode code, const QStringList &args = {}) {
        report(step(StepKind::KernelForce, StepOutcome::Refused, code, args));
        return false;
    };
    if (!readLocalSnapshot({.modinfo = false, .builtin = false}).support.forceUnload)
        return refuse(StepCode::ForceUnsupported);
    const CurrentHolders now = currentHolders(module, m_request.evidence);
    if (!now.ok || !now.exact.available)
        return refuse(
            StepCode::ForceFailed,
            {now.exact.error.isEmpty() ? QStringLiteral("no holder report") : now.exact.error});
    if (now.report.unattributed > 0)
        return refuse(StepCode::ForceUnattributed, {QString::number(now.report.unattributed)});
    // A file a process holds, or one no thread of the module lets go, would
    // be closed after the module is freed and call into freed code.
    const qsizetype unsafe =
        std::count_if(now.report.holders.cbegin(), now.report.holders.cend(),
                      [](const Holder &h) { return h.refs > 0 && !h.ownThread; });
    if (unsafe > 0 || now.report.holders.isEmpty())
        return refuse(StepCode::ForceOpenFiles, {QString::number(unsafe)});
    const HelperOutcome forced = forceUnload(module);
    if (!forced.ok) {
        report(step(StepKind::KernelForce, StepOutcome::Failed, StepCode::ForceFailed,
                    {forced.error}));
        return false;
    }
    return report(step(StepKind::KernelForce, StepOutcome::Done, StepCode::ForceUnloaded,
                       {QString::number(now.report.refcount)}));
}

bool ReleaseFlow::unload()
{
    const AgentReply reply = unloadModule(m_request.module);
    if (reply.ok)
        return report(step(StepKind::Unload, StepOutcome::Done, StepCode::Unloaded));
    return report(
        step(StepKind::Unload, StepOutcome::Failed, StepCode::UnloadFailed, {reply.errorMessage}));
}

void ReleaseFlow::verify()
{
    const QString &module = m_request.module;
    m_result.released = moduleGone(module);
    if (m_result.released) {
        report(step(StepKind::Verify, StepOutcome::Done, StepCode::Gone));
        return;
    }
    const Snapshot snapshot = readLocalSnapshot({.modinfo = false, .builtin = false});
    const ModuleInfo *info = snapshot.find(module);
    report(step(StepKind::Verify, StepOutcome::Failed, StepCode::StillLoaded,
                {moduleStateName(info ? info->state : ModuleState::Unknown),
                 QString::number(info ? info->refcount : -1)}));
}

AgentReply releaseModule(const QJsonObject &params,
                         const std::function<bool(const QByteArray &)> &notify)
{
    ReleaseRequest request;
    QString error;
    if (!releaseRequestFromJson(params, &request, &error))
        return AgentReply::failure(errorcode::BadRequest, QStringLiteral("release: %1").arg(error));
    ReleaseFlow flow(request, [&notify](const ReleaseStep &s) {
        notify(encodeNotification({agentevent::ReleaseStep, releaseStepToJson(s)}));
    });
    return AgentReply::success(releaseResultToJson(flow.run()));
}

} // namespace refscope
