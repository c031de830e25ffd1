// SPDX-License-Identifier: GPL-3.0-or-later
// What changed between two snapshots of the same machine. The module table
// turns a diff into row inserts, removes and dataChanged so that a refresh
// never resets the view (selection and scroll position survive).
#pragma once

#include "inventory/moduleinfo.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

namespace refscope {

// The parts of a ModuleInfo that a refresh can change, one flag each.
enum class ModuleField {
    Size = 1 << 0,
    Refcount = 1 << 1,
    State = 1 << 2,
    Permanent = 1 << 3,
    Taints = 1 << 4,
    Holders = 1 << 5,
    Depends = 1 << 6,
    Params = 1 << 7,
    // version, srcversion, signer, description, license, path: what modinfo read
    // from the .ko file, which changes when the file is replaced on disk.
    FileInfo = 1 << 8,
};
Q_DECLARE_FLAGS(ModuleFields, ModuleField)
Q_DECLARE_OPERATORS_FOR_FLAGS(ModuleFields)

// Which fields of one module differ between two readings of it.
ModuleFields changedFields(const ModuleInfo &before, const ModuleInfo &after);

struct ModuleChange {
    QString name;
    ModuleFields fields;
    bool operator==(const ModuleChange &o) const = default;
};

struct SnapshotDiff {
    QStringList loaded;          // in the new snapshot only, sorted by name
    QStringList unloaded;        // in the old snapshot only, sorted by name
    QList<ModuleChange> changed; // in both, with different fields, sorted by name
    bool kernelChanged = false;  // release or module support differ: another machine
    bool builtinChanged = false;

    bool isEmpty() const;
};

SnapshotDiff diffSnapshots(const Snapshot &before, const Snapshot &after);

} // namespace refscope
