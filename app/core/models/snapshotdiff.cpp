// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/snapshotdiff.h"

#include <QHash>

#include <algorithm>

namespace refscope {

ModuleFields changedFields(const ModuleInfo &before, const ModuleInfo &after)
{
    ModuleFields fields;
    fields.setFlag(ModuleField::Size, before.size != after.size);
    fields.setFlag(ModuleField::Refcount, before.refcount != after.refcount);
    fields.setFlag(ModuleField::State, before.state != after.state);
    fields.setFlag(ModuleField::Permanent, before.permanent != after.permanent);
    fields.setFlag(ModuleField::Taints, before.taints != after.taints);
    fields.setFlag(ModuleField::Holders, before.holders != after.holders);
    fields.setFlag(ModuleField::Depends, before.depends != after.depends);
    fields.setFlag(ModuleField::Params, before.params != after.params);
    fields.setFlag(ModuleField::FileInfo,
                   before.version != after.version || before.srcversion != after.srcversion ||
                       before.signer != after.signer || before.description != after.description ||
                       before.license != after.license || before.path != after.path);
    return fields;
}

bool SnapshotDiff::isEmpty() const
{
    return loaded.isEmpty() && unloaded.isEmpty() && changed.isEmpty() && !kernelChanged &&
           !builtinChanged;
}

static QHash<QString, const ModuleInfo *> indexByName(const Snapshot &snapshot)
{
    QHash<QString, const ModuleInfo *> index;
    index.reserve(snapshot.modules.size());
    // A name listed twice keeps its first entry, as Snapshot::find does.
    for (const ModuleInfo &m : snapshot.modules)
        if (!index.contains(m.name))
            index.insert(m.name, &m);
    return index;
}

SnapshotDiff diffSnapshots(const Snapshot &before, const Snapshot &after)
{
    SnapshotDiff diff;
    diff.kernelChanged =
        before.kernelRelease != after.kernelRelease || before.support != after.support;
    diff.builtinChanged = before.builtin != after.builtin;

    // Snapshots promise modules sorted by name, but one read from a file or
    // another agent may not keep that promise: look names up instead.
    const QHash<QString, const ModuleInfo *> old = indexByName(before);
    const QHash<QString, const ModuleInfo *> now = indexByName(after);
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const ModuleInfo *previous = old.value(it.key());
        if (!previous) {
            diff.loaded.append(it.key());
            continue;
        }
        const ModuleFields fields = changedFields(*previous, *it.value());
        if (fields)
            diff.changed.append({it.key(), fields});
    }
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!now.contains(it.key()))
            diff.unloaded.append(it.key());
    }
    diff.loaded.sort();
    diff.unloaded.sort();
    std::sort(diff.changed.begin(), diff.changed.end(),
              [](const ModuleChange &a, const ModuleChange &b) { return a.name < b.name; });
    return diff;
}

} // namespace refscope
