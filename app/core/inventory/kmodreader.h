// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the running kernel's modules through libkmod (the library lsmod and
// modinfo use) plus the few /sys/module and /proc/modules facts libkmod has
// no accessor for.
#pragma once

#include "inventory/kmodcontext.h"
#include "inventory/moduleinfo.h"

#include <QHash>

namespace refscope {

// What to read beyond the loaded modules' kernel-side state (names, sizes,
// counts, state, holders, taints, params), which is always read.
struct SnapshotOptions {
    // version/srcversion/signer/description/path: libkmod opens every
    // module's .ko file for these.
    bool modinfo = true;
    // The built-in modules and their descriptions.
    bool builtin = true;
    // Each module's parameters and taint flags: a sysfs read per parameter
    // of every module, which a holders answer (the count, state and users
    // of one module) does not need.
    bool parameters = true;
};

// Every loaded module of the running kernel at this moment, its built-in
// modules and its module support. Never fails: a kernel without loadable
// modules gives support.loadable == false and empty lists, and a module
// unloaded while it is being read is simply left out. kmod: a context to
// read through (openKmodContext()), when the caller has one for more than
// this read; else the snapshot opens its own.
Snapshot readLocalSnapshot(const SnapshotOptions &options = {}, kmod_ctx *kmod = nullptr);

// Every module in modules.builtin of the given modules directory
// (/lib/modules/<release>), with its description from modules.builtin.modinfo.
// Empty when that directory has no modules.builtin.
QList<BuiltinModule> readBuiltinModules(const QString &modulesDir);

// The name a .ko file will have once loaded (its modinfo "name", else its
// file name), or an empty string when the file is not a module.
QString moduleNameOfFile(const QString &path);

// description per module name from the contents of modules.builtin.modinfo
// ("name.key=value" entries separated by NUL bytes).
QHash<QString, QString> builtinDescriptions(const QByteArray &modinfo);

// holders -> depends: module A depends on B exactly when A is among B's
// holders. Fills every module's `depends`, sorted.
void fillDependsFromHolders(QList<ModuleInfo> &modules);

} // namespace refscope
