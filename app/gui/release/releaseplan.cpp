// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releaseplan.h"

#include "holders/holdersteps.h"
#include "release/dropgate.h"
#include "release/releaserules.h"
#include "release/releasesteptext.h"

namespace refscope {

ReleasePlan::ReleasePlan(const HolderReport &report, const KernelModuleSupport &support)
    : m_report(report), m_support(support), m_choices(report.holders.size())
{
    for (int i = 0; i < m_choices.size(); ++i) {
        if (const std::optional<ClearAction> gentlest = defaultAction(report.holders.at(i)))
            m_choices[i].action = *gentlest;
    }
}

QList<ClearAction> ReleasePlan::actionsFor(int holder) const
{
    if (holder < 0 || holder >= m_report.holders.size())
        return {};
    return allowedActions(m_report.holders.at(holder));
}

QString ReleasePlan::whyNotClearable(int holder) const
{
    if (holder < 0 || holder >= m_report.holders.size())
        return {};
    switch (refscope::whyNotClearable(m_report.holders.at(holder))) {
    case ClearBlock::None:
        return {};
    case ClearBlock::OwnThread:
        return tr("The module's own kernel thread keeps this open file: only the module's exit "
                  "lets it go, which the kernel's forced unload runs.");
    case ClearBlock::KernelObject:
        return tr("A kernel object holds this reference, not a process: run %1 and refresh.")
            .arg(m_report.holders.at(holder).undo);
    case ClearBlock::KernelThread:
        return tr("A kernel thread cannot be ended from user space: it lets go when the code "
                  "that started it stops it.");
    case ClearBlock::ProtectedProcess:
        return tr("Init (pid 1) has this open file: RefScope never stops or ends init.");
    case ClearBlock::NoProcess:
    case ClearBlock::NoTarget:
    case ClearBlock::NoFds:
    case ClearBlock::WrongKind:
        break;
    }
    return tr("No process has this open file: the kernel keeps it, and nothing in user space "
              "can close it.");
}

bool ReleasePlan::isChecked(int holder) const
{
    return holder >= 0 && holder < m_choices.size() && m_choices.at(holder).checked;
}

void ReleasePlan::setChecked(int holder, bool checked)
{
    if (actionsFor(holder).isEmpty())
        return;
    m_choices[holder].checked = checked;
    revalidateLastResort();
}

ClearAction ReleasePlan::action(int holder) const
{
    return holder >= 0 && holder < m_choices.size() ? m_choices.at(holder).action
                                                    : ClearAction::Terminate;
}

void ReleasePlan::setAction(int holder, ClearAction action)
{
    if (actionsFor(holder).contains(action))
        m_choices[holder].action = action;
}

void ReleasePlan::setTypedName(const QString &typed)
{
    m_typed = typed;
    revalidateLastResort();
}

bool ReleasePlan::nameConfirmed() const
{
    // Exactly the kernel's name: "leaky-ref" for leaky_ref is not a match,
    // the user must read what they are about to change.
    return !m_report.module.isEmpty() && m_typed == m_report.module;
}

QString ReleasePlan::whyNotOffered(LastResort resort) const
{
    switch (resort) {
    case LastResort::None:
        return {};
    case LastResort::DropLeaked: {
        if (m_report.unattributed <= 0)
            return tr("Every reference is attributed to a holder: there is nothing to drop.");
        const DropDecision gate = decideDrop(m_report, m_evidence);
        if (!gate.allowed) {
            ReleaseStep refusal;
            refusal.code = gate.refusal;
            refusal.args = gate.args;
            refusal.target = m_report.module;
            return releaseStepText(refusal);
        }
        break;
    }
    case LastResort::KernelForce: {
        if (!m_support.forceUnload)
            return tr("This kernel was built without CONFIG_MODULE_FORCE_UNLOAD.");
        if (m_report.unattributed > 0)
            return tr("%n reference(s) RefScope could not attribute could be put later, into "
                      "freed memory.",
                      nullptr, m_report.unattributed);
        for (int i = 0; i < m_report.holders.size(); ++i) {
            if (!isChecked(i) && !m_report.holders.at(i).ownThread)
                return tr("Holders left alone would call into the freed module later: tick every "
                          "holder the module's exit does not end.");
        }
        break;
    }
    }
    return {};
}

QString ReleasePlan::whyNotAvailable(LastResort resort) const
{
    if (resort == LastResort::None)
        return {};
    const QString whyNot = whyNotOffered(resort);
    if (!whyNot.isEmpty())
        return whyNot;
    if (!nameConfirmed())
        return tr("Type the module's name, %1, to unlock the last resort.").arg(m_report.module);
    return {};
}

bool ReleasePlan::setLastResort(LastResort resort)
{
    if (!whyNotAvailable(resort).isEmpty())
        return false;
    m_lastResort = resort;
    return true;
}

void ReleasePlan::revalidateLastResort()
{
    if (!whyNotAvailable(m_lastResort).isEmpty())
        m_lastResort = LastResort::None;
}

QString ReleasePlan::preselect()
{
    for (int i = 0; i < m_choices.size(); ++i)
        setChecked(i, true);
    const int remaining = remainingRefs();
    if (remaining == 0)
        return {};
    for (int i = 0; i < m_choices.size(); ++i)
        setChecked(i, false);
    return tr("Nothing is ticked: even with every holder RefScope can clear, %n reference(s) "
              "would remain and the kernel would refuse to unload %1. Tick holders and try anyway, "
              "or type the module's name for a last resort.",
              nullptr, remaining)
        .arg(m_report.module);
}

int ReleasePlan::remainingRefs() const
{
    int remaining = m_report.refcount;
    for (int i = 0; i < m_report.holders.size(); ++i) {
        const Holder &h = m_report.holders.at(i);
        // The forced unload runs the module's exit, which ends its own threads.
        if (isChecked(i) || (m_lastResort == LastResort::KernelForce && h.ownThread))
            remaining -= h.refs;
    }
    if (m_lastResort == LastResort::DropLeaked)
        remaining -= m_report.unattributed;
    return std::max(0, remaining);
}

void ReleasePlan::setEvidence(const std::optional<LeakEvidence> &evidence)
{
    m_evidence = evidence;
    revalidateLastResort();
}

ReleaseRequest ReleasePlan::request() const
{
    ReleaseRequest request;
    request.evidence = m_evidence;
    request.module = m_report.module;
    request.confirmedRefcount = m_report.refcount;
    request.confirmedUnattributed = m_report.unattributed;
    for (int i = 0; i < m_report.holders.size(); ++i) {
        if (isChecked(i))
            request.clear.append({m_report.holders.at(i), action(i)});
    }
    request.lastResort = m_lastResort;
    return request;
}

QString ReleasePlan::actionName(ClearAction action)
{
    switch (action) {
    case ClearAction::Terminate:
        return tr("Terminate the process");
    case ClearAction::CloseFds:
        return tr("Close just those fds");
    case ClearAction::Umount:
        return tr("Unmount");
    case ClearAction::UnloadModule:
        return tr("Unload the holder module");
    }
    return {};
}

QString ReleasePlan::lastResortTitle(LastResort resort)
{
    switch (resort) {
    case LastResort::None:
        return tr("No last resort: only unload");
    case LastResort::DropLeaked:
        return tr("Drop the leaked references");
    case LastResort::KernelForce:
        return tr("The kernel's forced unload");
    }
    return {};
}

QString ReleasePlan::lastResortRisk(LastResort resort)
{
    switch (resort) {
    case LastResort::None:
        return tr("Nothing is forced: the kernel refuses to unload while references remain.");
    case LastResort::DropLeaked:
        return tr("Offered only when the timeline's recording proves every unattributed "
                  "reference leaked: the module took it on itself and never put it back, with no "
                  "holder behind it. RefScope's helper module then lowers the count by exactly "
                  "those, and only if the count has not changed. The kernel is marked tainted "
                  "(R).");
    case LastResort::KernelForce:
        return tr("The kernel frees the module even though references remain (delete_module "
                  "with O_TRUNC). Whatever still holds one and uses it later jumps into freed "
                  "memory and can crash the whole machine. RefScope offers it only where the "
                  "module's own exit lets the remaining references go. The kernel is marked "
                  "tainted (R).");
    }
    return {};
}

QString ReleasePlan::holderSentence(int holder) const
{
    const Holder &h = m_report.holders.at(holder);
    const QString process = tr("pid %1 (%2)").arg(h.pid).arg(h.comm);
    switch (action(holder)) {
    case ClearAction::Terminate: {
        QStringList pids{QString::number(h.pid)};
        for (const int pid : h.sharedWith)
            pids << QString::number(pid);
        return tr("End %1 with SIGTERM, then SIGKILL if it outlives the grace period (pid(s) "
                  "%2), so it lets go of %3.")
            .arg(process, pids.join(QLatin1String(", ")), h.path);
    }
    case ClearAction::CloseFds:
        return tr("Close %1 of %2 (%3); the process keeps running.")
            .arg(describeFds(h.fds, TextLanguage::Display), process, h.path);
    case ClearAction::Umount:
        return tr("Unmount %1.").arg(h.path);
    case ClearAction::UnloadModule:
        return tr("Unload the module %1, which uses %2.").arg(h.path, m_report.module);
    }
    return {};
}

QStringList ReleasePlan::summary() const
{
    const QString module = m_report.module;
    QStringList steps{tr("Check that %1 still has %n reference(s), as shown here; if the count "
                         "changed, stop without changing anything.",
                         nullptr, m_report.refcount)
                          .arg(module)};
    for (int i = 0; i < m_report.holders.size(); ++i) {
        if (isChecked(i))
            steps << holderSentence(i);
    }
    switch (m_lastResort) {
    case LastResort::None:
        break;
    case LastResort::DropLeaked:
        steps << tr("Drop the %n reference(s) the recording proves leaked, only if still that "
                    "many; the kernel is tainted (R).",
                    nullptr, m_report.unattributed);
        break;
    case LastResort::KernelForce:
        steps << tr("Force %1 out with the kernel's forced unload; the kernel is tainted (R).")
                     .arg(module);
        break;
    }
    if (m_lastResort != LastResort::KernelForce)
        steps << tr("Unload %1 (delete_module).").arg(module);
    steps << tr("Verify that %1 is gone.").arg(module);
    const int remaining = remainingRefs();
    if (remaining > 0)
        steps << tr("Warning: %n reference(s) would remain, so the kernel will refuse to unload "
                    "%1.",
                    nullptr, remaining)
                     .arg(module);
    return steps;
}

} // namespace refscope
