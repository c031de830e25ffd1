// SPDX-License-Identifier: GPL-3.0-or-later
// The force release's first step for one holder the user chose: end the
// holding processes, close their fds through the helper kernel module,
// umount, or unload the holder module (PROTOCOL.md, "Force release").
#pragma once

#include "release/releaserequest.h"

#include <optional>

namespace refscope {

// Clears `entry` as a holder of `module`, which the caller re-scanned and
// found still holding it. Returns the step (kind ClearHolder) with its
// outcome; refcountAfter is left for the caller.
ReleaseStep clearHolder(const QString &module, const HolderToClear &entry);

// Empty when the release rule (release/releaserules.h) allows `entry`'s
// action on its holder and it touches nothing RefScope must never touch
// (pid 1, the agent, its client); else the refusal step.
std::optional<ReleaseStep> refuseToClear(const HolderToClear &entry);

// "pid 812 (cat)", "/mnt", "module ext4": what a step on the holder acts on.
QString holderTarget(const Holder &holder);

} // namespace refscope
