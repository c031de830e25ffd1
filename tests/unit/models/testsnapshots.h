// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots built in code for the model tests: the models only see plain
// data, so these need no kernel. Real snapshots captured from the lab
// guest are in tests/fixtures and used by the GUI tests.
#pragma once

#include "inventory/moduleinfo.h"

#include <algorithm>

namespace refscope::test {

inline ModuleInfo module(const QString &name, int refcount = 0, const QStringList &holders = {},
                         const QStringList &depends = {})
{
    ModuleInfo m;
    m.name = name;
    m.size = 4096 * (name.size() + 1);
    m.refcount = refcount;
    m.state = ModuleState::Live;
    m.holders = holders;
    m.depends = depends;
    return m;
}

inline Snapshot snapshot(QList<ModuleInfo> modules)
{
    std::sort(modules.begin(), modules.end(),
              [](const ModuleInfo &a, const ModuleInfo &b) { return a.name < b.name; });
    Snapshot s;
    s.kernelRelease = QStringLiteral("6.1.0-56-amd64");
    s.support = {true, true, false};
    s.modules = modules;
    s.builtin = {{QStringLiteral("ext4"), QStringLiteral("Fourth Extended Filesystem")}};
    s.takenAtMs = 1763780000000;
    return s;
}

} // namespace refscope::test
