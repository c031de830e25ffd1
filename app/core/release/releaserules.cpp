// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releaserules.h"

namespace refscope {

namespace {

// Gentlest first: closing fds leaves the process running.
constexpr ClearAction kActions[] = {ClearAction::CloseFds, ClearAction::Terminate,
                                    ClearAction::Umount, ClearAction::UnloadModule};

// The first of the holder's pids that must never be stopped nor ended:
// init, or a pid that makes no sense (0 is the idle task).
int protectedPid(const Holder &holder)
{
    for (const int pid : QList<int>{holder.pid} + holder.sharedWith) {
        if (pid <= 1)
            return pid;
    }
    return -1;
}

ClearRefusal refused(ClearBlock block, int pid = -1)
{
    return {block, pid};
}

} // namespace

std::optional<ClearRefusal> refusalReason(const Holder &holder, ClearAction action)
{
    if (holder.path.isEmpty())
        return refused(ClearBlock::NoTarget);
    switch (action) {
    case ClearAction::Umount:
        if (holder.kind != HolderKind::Mount)
            return refused(ClearBlock::WrongKind);
        return std::nullopt;
    case ClearAction::UnloadModule:
        if (holder.kind != HolderKind::Module)
            return refused(ClearBlock::WrongKind);
        return std::nullopt;
    case ClearAction::Terminate:
    case ClearAction::CloseFds:
        // Terminate ends the processes; CloseFds stops them (SIGSTOP) while
        // the helper closes the fds.
        break;
    }
    if (holder.kind == HolderKind::Kthread)
        return refused(ClearBlock::KernelThread);
    // The census's kernel objects are removed by the user's own tool (tc,
    // nft, swapoff...), named in the holder's undo step: RefScope does not
    // delete them itself.
    if (isKernelObjectKind(holder.kind))
        return refused(ClearBlock::KernelObject);
    if (holder.kind != HolderKind::File && holder.kind != HolderKind::Socket)
        return refused(ClearBlock::WrongKind);
    if (holder.ownThread)
        return refused(ClearBlock::OwnThread);
    if (holder.pid <= 0)
        return refused(ClearBlock::NoProcess);
    if (const int pid = protectedPid(holder); pid >= 0)
        return refused(ClearBlock::ProtectedProcess, pid);
    if (action == ClearAction::CloseFds && holder.fds.isEmpty())
        return refused(ClearBlock::NoFds);
    return std::nullopt;
}

bool isAllowed(const Holder &holder, ClearAction action)
{
    return !refusalReason(holder, action).has_value();
}

QList<ClearAction> allowedActions(const Holder &holder)
{
    QList<ClearAction> actions;
    for (const ClearAction action : kActions) {
        if (isAllowed(holder, action))
            actions << action;
    }
    return actions;
}

std::optional<ClearAction> defaultAction(const Holder &holder)
{
    const QList<ClearAction> actions = allowedActions(holder);
    if (actions.isEmpty())
        return std::nullopt;
    return actions.first();
}

ClearBlock whyNotClearable(const Holder &holder)
{
    if (!allowedActions(holder).isEmpty())
        return ClearBlock::None;
    // Terminate is refused for the holder itself, never only for its fds:
    // its refusal is the reason nothing can clear it.
    const std::optional<ClearRefusal> refusal = refusalReason(holder, ClearAction::Terminate);
    return refusal ? refusal->block : ClearBlock::WrongKind;
}

bool needsClearing(const Holder &holder)
{
    return holder.refs > 0 || holder.kind == HolderKind::Mount;
}

QList<HolderToClear> defaultClearList(const HolderReport &report)
{
    QList<HolderToClear> clear;
    for (const Holder &holder : report.holders) {
        if (!needsClearing(holder))
            continue;
        if (const std::optional<ClearAction> action = defaultAction(holder))
            clear.append({holder, *action});
    }
    return clear;
}

} // namespace refscope
