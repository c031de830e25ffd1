// SPDX-License-Identifier: GPL-3.0-or-later
// The guest's own views of its modules, /proc/modules and lsmod, parsed so
// the vm tests can hold RefScope's snapshots against them.
#pragma once

#include "inventory/moduleinfo.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace refscope {

struct KernelModuleLine {
    int refcount = 0;
    QStringList holders; // sorted
    bool permanent = false;
    QString state; // "live", "coming", "going" as the snapshot spells them
};

// name -> what /proc/modules says about it; malformed lines set *error.
QMap<QString, KernelModuleLine> parseProcModules(const QString &text, QString *error);
// name -> lsmod's "Used" number and "by" list (no states).
QMap<QString, KernelModuleLine> parseLsmod(const QString &text, QString *error);

// Empty when every module agrees on refcount, holders, state and permanence
// (lsmod knows no state nor permanence); otherwise one line per difference.
QString compareWithProcModules(const Snapshot &snapshot,
                               const QMap<QString, KernelModuleLine> &proc);
QString compareWithLsmod(const Snapshot &snapshot, const QMap<QString, KernelModuleLine> &lsmod);

} // namespace refscope
