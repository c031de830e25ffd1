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
#include "release/verifiedprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <tuple>

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

// The holder of the agent's own re-scan that the client's entry means: the
// same kind and path and, for a process's file, the client's pid among its
// processes (its fds, when they overlap, tell two opens of one path in one
// process apart). Only which holder comes from the client: the pids, fds and
// paths acted on are the re-scan's.
std::optional<Holder> rescanned(const Holder &chosen, const QList<Holder> &now)
{
    std::optional<Holder> match;
    for (const Holder &h : now) {
        if (h.kind != chosen.kind || h.path != chosen.path)
            continue;
        if (h.kind == HolderKind::Mount || h.kind == HolderKind::Module)
            return h;
        if (chosen.pid <= 0 || (h.pid != chosen.pid && !h.sharedWith.contains(chosen.pid)))
            continue;
        const bool fdsOverlap =
            h.pid == chosen.pid && std::any_of(chosen.fds.cbegin(), chosen.fds.cend(),
                                               [&](int fd) { return h.fds.contains(fd); });
        if (fdsOverlap)
            return h;
        if (!match)
            match = h;
    }
    return match;
}

// The start times of the holder's processes, read right after the scan
// that found them. A pid whose start time changed across the scan
// (`before`, read just ahead of it) named two processes meanwhile, so
// which one the scan saw is unknown: it is left out, never signalled.
QList<ScannedProcess> scannedProcesses(const Holder &holder, const QHash<int, qint64> &before)
{
    QList<ScannedProcess> processes;
    for (const int pid : QList<int>{holder.pid} + holder.sharedWith) {
        const qint64 start = processStartTime(pid);
        if (start < 0 || (before.contains(pid) && before.value(pid) != start))
            continue;
        processes.append({pid, start});
    }
    return processes;
}

// The same holders: what a reference taken or swapped between two scans
// changes.
bool sameHolders(const QList<Holder> &a, const QList<Holder> &b)
{
    const auto key = [](const Holder &h) {
        return std::make_tuple(int(h.kind), h.pid, h.fds, h.sharedWith, h.path, h.refs,
                               h.ownThread);
    };
    if (a.size() != b.size())
        return false;
    QList<decltype(key(a.first()))> ka, kb;
    for (const Holder &h : a)
        ka << key(h);
    for (const Holder &h : b)
        kb << key(h);
    std::sort(ka.begin(), ka.end());
    std::sort(kb.begin(), kb.end());
    return ka == kb;
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
        // Re-scan first: a holder gone meanwhile is not an error. The start
        // times of the pids the client named, read before the scan, show a
        // number reused while it ran.
        QHash<int, qint64> before;
        for (const int pid : QList<int>{entry.holder.pid} + entry.holder.sharedWith)
            before.insert(pid, processStartTime(pid));
        const CurrentHolders now = currentHolders(m_request.module, m_request.evidence);
        if (!now.ok) {
            ReleaseStep s = step(StepKind::ClearHolder, StepOutcome::Failed, StepCode::ClearFailed,
                                 {QStringLiteral("the module's holders could not be read again "
                                                 "right before clearing them")});
            s.target = holderTarget(entry.holder);
            return report(s);
        }
        const std::optional<Holder> holder = rescanned(entry.holder, now.report.holders);
        if (!holder) {
            ReleaseStep s = step(StepKind::ClearHolder, StepOutcome::Skipped, StepCode::HolderGone);
            s.target = holderTarget(entry.holder);
            if (!report(s))
                return false;
            continue;
        }
        const QList<ScannedProcess> processes = scannedProcesses(*holder, before);
        // The rule again, on the holder as found now: a pid it shares with
        // init or the agent shows only here.
        const HolderToClear found{*holder, entry.action};
        if (const std::optional<ReleaseStep> refusal = refuseToClear(found))
            return report(*refusal);
        if (!report(clearHolder(m_request.module, found, processes)))
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
    // Only the helper sees a file in flight (no file table has it): without
    // its answer, forcing would be a guess.
    if (!now.ok || !now.exact.available)
        return refuse(
            StepCode::ForceUnchecked,
            {now.exact.error.isEmpty() ? QStringLiteral("no holder report") : now.exact.error});
    if (now.exact.inFlight > 0)
        return refuse(StepCode::ForceInFlight, {QString::number(now.exact.inFlight)});
    if (now.report.unattributed > 0)
        return refuse(StepCode::ForceUnattributed, {QString::number(now.report.unattributed)});
    // A file a process holds, or one no thread of the module lets go, would
    // be closed after the module is freed and call into freed code.
    const qsizetype unsafe =
        std::count_if(now.report.holders.cbegin(), now.report.holders.cend(),
                      [](const Holder &h) { return h.refs > 0 && !h.ownThread; });
    if (unsafe > 0 || now.report.holders.isEmpty())
        return refuse(StepCode::ForceOpenFiles, {QString::number(unsafe)});
    // The last look: the state, the count and the exact holders once more,
    // against the scan the checks above judged. A reference taken or
    // swapped since is one the force would leave pointing at freed code.
    const CurrentHolders last = currentHolders(module, m_request.evidence);
    if (!last.ok || !last.exact.available)
        return refuse(
            StepCode::ForceUnchecked,
            {last.exact.error.isEmpty() ? QStringLiteral("no holder report") : last.exact.error});
    if (last.exact.inFlight > 0)
        return refuse(StepCode::ForceInFlight, {QString::number(last.exact.inFlight)});
    const int scanned = now.report.refcount;
    if (last.report.refcount != scanned || last.report.unattributed > 0 ||
        !sameHolders(last.report.holders, now.report.holders))
        return refuse(StepCode::ForceRaced,
                      {QString::number(last.report.refcount), QString::number(scanned)});
    // The helper compares the state, the count and the files in flight a
    // last time, then delete_module follows at once.
    ForceLook look;
    const HelperOutcome forced = forceUnload(module, scanned, &look);
    if (look.refused) {
        if (look.inFlight > 0)
            return refuse(StepCode::ForceInFlight, {QString::number(look.inFlight)});
        return refuse(StepCode::ForceRaced,
                      {QString::number(look.refcount), QString::number(scanned)});
    }
    if (!forced.ok) {
        report(step(StepKind::KernelForce, StepOutcome::Failed, StepCode::ForceFailed,
                    {forced.error}));
        return false;
    }
    return report(step(StepKind::KernelForce, StepOutcome::Done, StepCode::ForceUnloaded,
                       {QString::number(scanned)}));
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
    return releaseModule(request, notify);
}

AgentReply releaseModule(const ReleaseRequest &request,
                         const std::function<bool(const QByteArray &)> &notify)
{
    ReleaseFlow flow(request, [&notify](const ReleaseStep &s) {
        notify(encodeNotification({agentevent::ReleaseStep, releaseStepToJson(s)}));
    });
    return AgentReply::success(releaseResultToJson(flow.run()));
}

} // namespace refscope
