// SPDX-License-Identifier: GPL-3.0-or-later
// Two or more snapshots side by side ("targets": this machine, the lab
// guest, a saved file, later remote hosts): one row per module name found
// in any of them, and per target whether it is loaded there and what
// lsmod and modinfo say about it. A field differs when the targets that
// have the module loaded disagree on it; "loaded" differs when some have
// it and others do not. Plain data: the CLI prints it, CompareModel shows it.
#pragma once

#include "inventory/moduleinfo.h"

#include <QJsonObject>

#include <optional>

namespace refscope {

struct CompareTarget {
    QString label; // how the user named it: "local", a file name, "lab:6.12…"
    Snapshot snapshot;
};

// The compared facts, in column order.
enum class CompareField { Loaded, Version, Srcversion, Refcount, Holders, Taints, Params };
inline constexpr int kCompareFieldCount = 7;
QString compareFieldName(CompareField field); // "loaded", "version", ... (JSON keys)

struct CompareRow {
    QString module;
    QList<std::optional<ModuleInfo>> perTarget; // one per target; empty where not loaded
    quint32 differing = 0;                      // bit (1 << int(CompareField))

    bool differs() const { return differing != 0; }
    bool differs(CompareField field) const { return differing & (1u << int(field)); }
};

struct SnapshotComparison {
    QList<CompareTarget> targets;
    QList<CompareRow> rows; // sorted by module name

    int differingRows() const;
};

SnapshotComparison compareSnapshots(const QList<CompareTarget> &targets);

// The text of one field for one module as lsmod and modinfo would show it:
// "yes"/"no", refcount as a number, holders comma-separated, params
// "name=value" space-separated ("name=?" for one only root may read).
// Empty for fields of a module not loaded.
QString compareFieldText(const std::optional<ModuleInfo> &module, CompareField field);

// The JSON of refscope-cli compare --json (documented in PROTOCOL.md,
// "Comparison object"). onlyDifferent leaves out the rows that agree.
QJsonObject comparisonToJson(const SnapshotComparison &comparison, bool onlyDifferent);

} // namespace refscope
