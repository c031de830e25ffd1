// SPDX-License-Identifier: GPL-3.0-or-later
// The one rule of the force release: which ClearAction may clear which
// holder. The GUI offers only these actions, the CLI's --close-holders picks
// from them, and the agent re-checks every action a client asks for against
// the same rule before it touches anything.
//
// The rule, safest first:
//  - an open file or socket of a process: close just its fds through the
//    helper kernel module (the process is stopped meanwhile and keeps
//    running), or end the process (and the forked processes sharing the
//    file); a file that is only mapped has no fd to close;
//  - init (pid 1) is never stopped nor ended, nor is any holder it shares;
//  - a mount: umount it; a user module: unload it first;
//  - a kernel thread: nothing. Signals neither stop nor end it, and only the
//    code that started it can make it let go of its files;
//  - an open file no process has (the kernel keeps it, or the module's own
//    thread does): nothing from user space.
#pragma once

#include "release/releaserequest.h"

#include <QList>

#include <optional>

namespace refscope {

// Why a holder cannot be cleared at all, or not by one action.
enum class ClearBlock {
    None,             // allowed
    NoTarget,         // the holder names no path, mount point or module to act on
    KernelThread,     // a kernel thread: signals neither stop nor end it
    KernelObject,     // a qdisc, rule, swap area, crypto transform or BPF link: its undo step
    OwnThread,        // an open file no process has, kept by the module's own thread
    NoProcess,        // an open file no process has
    ProtectedProcess, // init holds it (or shares it): never stopped nor ended
    NoFds,            // close_fds asked for a file that is only mapped
    WrongKind,        // the action does not apply to this kind of holder
};

// The actions that can clear `holder`, the least drastic first; empty when
// nothing from user space can.
QList<ClearAction> allowedActions(const Holder &holder);
// The least drastic allowed action; none when nothing can clear the holder.
std::optional<ClearAction> defaultAction(const Holder &holder);
bool isAllowed(const Holder &holder, ClearAction action);

// Why allowedActions(holder) is empty; None when it is not.
ClearBlock whyNotClearable(const Holder &holder);

struct ClearRefusal {
    ClearBlock block = ClearBlock::None;
    int pid = -1; // ProtectedProcess: the pid that is never signalled
};
// Why `action` may not clear `holder`; nothing when it may.
std::optional<ClearRefusal> refusalReason(const Holder &holder, ClearAction action);

// Whether clearing `holder` brings the count down: it accounts for a
// reference, or it is a further mount point of a counted superblock (each
// must go before the superblock lets go).
bool needsClearing(const Holder &holder);

// Every holder of `report` that needs clearing and can be cleared, each the
// least drastic way: what "clear every holder" means.
QList<HolderToClear> defaultClearList(const HolderReport &report);

} // namespace refscope
