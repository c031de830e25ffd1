// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releaserequest.h"

#include <iterator>

namespace refscope {

namespace {

// The protocol's names, in enumerator order: index = the enumerator's value.
const char *const clearActionNames[] = {"terminate", "close_fds", "umount", "unload_module"};
const char *const lastResortNames[] = {"none", "drop_leaked", "kernel_force"};
const char *const stepKindNames[] = {"check",        "clear_holder", "drop_leaked",
                                     "kernel_force", "unload",       "verify"};
const char *const stepOutcomeNames[] = {"done", "failed", "refused", "skipped"};

struct CodeEntry {
    const char *name;
    int arguments;
};

// In StepCode's order.
const CodeEntry stepCodes[] = {
    {"checked", 1},
    {"not_loaded", 0},
    {"built_in", 0},
    {"coming", 0},
    {"going", 0},
    {"permanent", 0},
    {"no_unload_support", 0},
    {"count_changed", 2},
    {"protected_process", 1},
    {"wrong_action", 2},
    {"terminated", 1},
    {"killed", 1},
    {"fds_closed", 1},
    {"unmounted", 0},
    {"holder_module_unloaded", 0},
    {"holder_gone", 0},
    {"clear_failed", 1},
    {"dropped", 3},
    {"unattributed_changed", 2},
    {"nothing_to_drop", 0},
    {"drop_failed", 1},
    {"force_unsupported", 0},
    {"force_open_files", 1},
    {"force_unattributed", 1},
    {"force_unloaded", 1},
    {"force_failed", 1},
    {"unloaded", 0},
    {"unload_failed", 1},
    {"gone", 0},
    {"still_loaded", 2},
    {"no_recording", 2},
    {"recording_lacks_module", 2},
    {"recording_lost_events", 2},
    {"recording_stale", 3},
    {"kinds_unchecked", 2},
    {"not_proven_leaked", 3},
    {"force_in_flight", 1},
    {"force_raced", 2},
    {"force_unchecked", 1},
};
static_assert(std::size(stepCodes) == size_t(StepCode::ForceUnchecked) + 1);

// Empty for a value outside the table (a cast from a wrong number).
template <typename Enum, typename Entry, size_t N>
const Entry *entryOf(const Entry (&table)[N], Enum value)
{
    const auto index = size_t(value);
    return index < N ? &table[index] : nullptr;
}

QString text(const char *const *name)
{
    return name ? QString::fromLatin1(*name) : QString();
}

} // namespace

QString clearActionName(ClearAction action)
{
    return text(entryOf(clearActionNames, action));
}

QString lastResortName(LastResort resort)
{
    return text(entryOf(lastResortNames, resort));
}

QString stepKindName(StepKind kind)
{
    return text(entryOf(stepKindNames, kind));
}

QString stepOutcomeName(StepOutcome outcome)
{
    return text(entryOf(stepOutcomeNames, outcome));
}

QString stepCodeName(StepCode code)
{
    const CodeEntry *entry = entryOf(stepCodes, code);
    return entry ? QString::fromLatin1(entry->name) : QString();
}

int stepCodeArgumentCount(StepCode code)
{
    const CodeEntry *entry = entryOf(stepCodes, code);
    return entry ? entry->arguments : 0;
}

} // namespace refscope
