// SPDX-License-Identifier: GPL-3.0-or-later
// The force release's first step for one holder the user chose: end the
// holding processes, close their fds through the helper kernel module,
// umount, or unload the holder module (PROTOCOL.md, "Force release").
#pragma once

#include "release/releaserequest.h"

#include <optional>

namespace refscope {

// One process of a holder as the agent's own scan saw it: its start time
// (field 22 of /proc/PID/stat) tells it from a later process that got the
// same number.
struct ScannedProcess {
    int pid = -1;
    qint64 startTime = -1;
};

// Clears `entry` as a holder of `module`. `entry.holder` is the holder as
// the caller's own re-scan found it (never the client's copy), `processes`
// its pid and shared_with with the start times read right after that scan:
// only those processes are signalled, each through a pidfd matched to its
// start time. Returns the step (kind ClearHolder) with its outcome;
// refcountAfter is left for the caller.
ReleaseStep clearHolder(const QString &module, const HolderToClear &entry,
                        const QList<ScannedProcess> &processes);

// Empty when the release rule (release/releaserules.h) allows `entry`'s
// action on its holder and it touches nothing RefScope must never touch
// (pid 1, the agent, its client); else the refusal step.
std::optional<ReleaseStep> refuseToClear(const HolderToClear &entry);

// "pid 812 (cat)", "/mnt", "module ext4": what a step on the holder acts on.
QString holderTarget(const Holder &holder);

} // namespace refscope
