// SPDX-License-Identifier: GPL-3.0-or-later
// Force release: what the user asked the agent to do to unload a module
// that something holds, and what the agent did, step by step. The agent
// sends structured codes and arguments, never only prose: releasesteptext.h
// renders them in the reader's language. The protocol's "release" method
// (app/core/protocol/PROTOCOL.md) carries these as JSON (releasejson.h).
#pragma once

#include "events/outstandingrefs.h"
#include "holders/holder.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace refscope {

// How one chosen holder is cleared.
enum class ClearAction {
    Terminate,   // SIGTERM the holding pids (pid and sharedWith), SIGKILL after a grace period
    CloseFds,    // close exactly those fds in that process through the helper kernel module
    Umount,      // umount the mount point (the holder's path)
    UnloadModule // unload the user module (the holder's path) first
};
// The protocol's name of each value (PROTOCOL.md, "Force release"); the
// JSON readers find values by these names.
QString clearActionName(ClearAction action); // "terminate", "close_fds", "umount", "unload_module"

struct HolderToClear {
    Holder holder; // as the holders report listed it
    ClearAction action = ClearAction::Terminate;
    bool operator==(const HolderToClear &o) const = default;
};

// What to do when references remain after the chosen holders are cleared.
enum class LastResort {
    None,       // just try delete_module, which then fails with the reason
    DropLeaked, // the helper drops the unattributed references a recording proves leaked
                // (compare-and-swap); refused without that evidence
    KernelForce // delete_module(O_TRUNC) where CONFIG_MODULE_FORCE_UNLOAD allows it, only
                // when the module's own exit lets the remaining references go
};
QString lastResortName(LastResort resort); // "none", "drop_leaked", "kernel_force"

// What a recording says about one module's outstanding gets: the only
// evidence on which a reference is dropped (dropgate.h).
struct LeakEvidence {
    QString recording;           // its file name, for the messages
    bool moduleRecorded = false; // it has events of the module
    int recordedCount = -1;      // lsmod's count at the module's last event in it; -1 unloaded
    qint64 lostEvents = 0;       // events the recording lost (any module)
    QList<OutstandingGet> gets;  // since the module's last load in it, else since its start
    // For the reader only, never for dropping (a count cannot pair a put
    // with its get): the module's gets and puts per call site as the kernel
    // counted them over the whole capture, when the recording has them, and
    // what its losses mean for the counts ("" without loss).
    std::optional<QList<CallSiteCount>> kernelSites;
    QString lostNote;
    bool operator==(const LeakEvidence &o) const = default;
};

struct ReleaseRequest {
    QString module;
    int confirmedRefcount = 0;     // lsmod's count the user saw and confirmed
    int confirmedUnattributed = 0; // the report's unattributed count the user saw
    QList<HolderToClear> clear;
    LastResort lastResort = LastResort::None;
    // DropLeaked: the recording's outstanding gets; the agent classifies
    // them itself and refuses the drop without them.
    std::optional<LeakEvidence> evidence;
    bool operator==(const ReleaseRequest &o) const = default;
};

enum class StepKind { Check, ClearHolder, DropLeaked, KernelForce, Unload, Verify };
QString stepKindName(StepKind kind); // "check", "clear_holder", ...

enum class StepOutcome { Done, Failed, Refused, Skipped };
QString stepOutcomeName(StepOutcome outcome); // "done", "failed", "refused", "skipped"

// Why a step ended as it did. Each code takes a fixed number of arguments
// (stepCodeArgumentCount), filled into its sentence in releasesteptext.cpp.
enum class StepCode {
    // Check
    Checked,          // refcount
    NotLoaded,        //
    BuiltIn,          //
    Coming,           //
    Going,            //
    Permanent,        //
    NoUnloadSupport,  //
    CountChanged,     // count now, count confirmed
    ProtectedProcess, // pid (init, the agent or its client: never signalled)
    WrongAction,      // action name, holder kind name
    // ClearHolder
    Terminated,           // pids
    Killed,               // pids (still there after the grace period: SIGKILL)
    FdsClosed,            // fds
    Unmounted,            // (the target is the mount point)
    HolderModuleUnloaded, // (the target is the user module)
    HolderGone,           // (the holder no longer holds the module)
    ClearFailed,          // reason
    // DropLeaked
    Dropped,             // references dropped, count before, count after
    UnattributedChanged, // unattributed now, unattributed confirmed
    NothingToDrop,       //
    DropFailed,          // reason
    // KernelForce
    ForceUnsupported,  //
    ForceOpenFiles,    // holders left that a process or the kernel keeps
    ForceUnattributed, // references RefScope could not attribute
    ForceUnloaded,     // references the module's exit let go
    ForceFailed,       // reason
    // Unload
    Unloaded,     //
    UnloadFailed, // reason
    // Verify
    Gone,        //
    StillLoaded, // state, count
    // DropLeaked, refused by the gate (dropgate.h)
    NoRecording,          // module, the record command
    RecordingLacksModule, // recording, module
    RecordingLostEvents,  // recording, events lost
    RecordingStale,       // recording, count at its end, count now
    KindsUnchecked,       // unattributed, the kinds not checked
    NotProvenLeaked,      // unattributed, proven leaked, what took the others
    // KernelForce, refused by the last look before delete_module
    ForceInFlight,  // places in unix sockets' queues holding a file of the module
    ForceRaced,     // count now, count at the scan (its holders changed meanwhile)
    ForceUnchecked, // why files in flight could not be checked
};
QString stepCodeName(StepCode code); // "checked", "count_changed", ...
int stepCodeArgumentCount(StepCode code);

struct ReleaseStep {
    StepKind kind = StepKind::Check;
    StepOutcome outcome = StepOutcome::Done;
    QString target; // what the step acted on: the module, "pid 812 (cat)", a mount point
    StepCode code = StepCode::Checked;
    QStringList args;       // stepCodeArgumentCount(code) values, plain (numbers, names, reasons)
    int refcountAfter = -1; // lsmod's count after the step; -1 when the module is gone
    bool operator==(const ReleaseStep &o) const = default;
};

struct ReleaseResult {
    QString module;
    bool released = false; // verified gone: neither in /sys/module nor in /proc/modules
    QList<ReleaseStep> steps;
    bool operator==(const ReleaseResult &o) const = default;
};

} // namespace refscope
