// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releaseavailability.h"

#include "release/releasesteptext.h"

#include <algorithm>

namespace refscope {

namespace {

// The agent's own sentence for the check it would refuse with, so the
// window and the agent give the same reason.
ReleaseAvailability refusedAs(StepCode code, const QString &module)
{
    ReleaseStep step;
    step.kind = StepKind::Check;
    step.outcome = StepOutcome::Refused;
    step.target = module;
    step.code = code;
    return {false, releaseStepText(step)};
}

} // namespace

ReleaseAvailability ReleaseAvailability::of(const Snapshot &snapshot, const QString &module,
                                            ReleaseAgentOrigin origin, const QString &agentProblem)
{
    if (module.isEmpty())
        return {false, tr("Select a module to release.")};
    const ModuleInfo *info = snapshot.find(module);
    if (!info) {
        const QString name = normalizeModuleName(module);
        const bool builtin = std::any_of(snapshot.builtin.begin(), snapshot.builtin.end(),
                                         [&](const BuiltinModule &b) { return b.name == name; });
        return refusedAs(builtin ? StepCode::BuiltIn : StepCode::NotLoaded, name);
    }
    if (!snapshot.support.unloadable)
        return refusedAs(StepCode::NoUnloadSupport, info->name);
    if (info->permanent)
        return refusedAs(StepCode::Permanent, info->name);
    if (info->state == ModuleState::Coming)
        return refusedAs(StepCode::Coming, info->name);
    if (info->state == ModuleState::Going)
        return refusedAs(StepCode::Going, info->name);
    if (info->state != ModuleState::Live)
        return {false, tr("The state of %1 is unknown: nothing is done to it.").arg(info->name)};
    if (origin == ReleaseAgentOrigin::None)
        return {false, tr("A saved snapshot cannot be changed: open the lab, or read this "
                          "machine, to release %1.")
                           .arg(info->name)};
    if (!agentProblem.isEmpty())
        return {false, agentProblem};
    return {true, {}};
}

} // namespace refscope
