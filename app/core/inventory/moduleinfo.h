// SPDX-License-Identifier: GPL-3.0-or-later
// The facts RefScope knows about one loaded kernel module, as read from the
// running kernel (libkmod, /sys/module) at one moment. Plain data: the
// readers fill it, the models and the protocol carry it.
#pragma once

#include "inventory/origin.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace refscope {

// The kernel's enum module_state as /sys/module/<name>/initstate shows it.
enum class ModuleState { Live, Coming, Going, Unknown };

QString moduleStateName(ModuleState state); // "live", "coming", "going", "unknown"
ModuleState moduleStateFromName(const QString &name);

struct ModuleParam {
    QString name;
    QString value;        // empty when unreadable
    bool readable = true; // false for parameters only root may read (0600)
    bool operator==(const ModuleParam &o) const = default;
};

struct ModuleInfo {
    QString name;     // the kernel's name: underscores, never dashes
    qint64 size = 0;  // bytes, as lsmod prints: /sys/module/<name>/coresize. /proc/modules
                      // adds the init sections, so it shows more while a module is coming
    int refcount = 0; // lsmod's "Used" number (module_refcount()), not the raw atomic
    ModuleState state = ModuleState::Unknown;
    bool permanent = false; // has init but no exit function: can never unload
    QString taints;         // taint letters, e.g. "OE"; empty when untainted
    QStringList holders;    // modules using this one (/sys/module/<name>/holders)
    QStringList depends;    // modules this one uses (the inverse of holders)
    QList<ModuleParam> params;
    // From modinfo of the module file on disk; empty when the file is gone.
    QString version;
    QString srcversion;
    QString signer;
    QString description;
    QString license; // "GPL", "GPL v2", "Dual BSD/GPL"...; empty in snapshots from before it
    QString path;    // the .ko file libkmod resolved, if any
    bool operator==(const ModuleInfo &o) const = default;
};

// A module compiled into the kernel image (modules.builtin).
struct BuiltinModule {
    QString name;
    QString description;
    bool operator==(const BuiltinModule &o) const = default;
};

// Whether this kernel can load and unload modules at all. A kernel built
// without CONFIG_MODULES has no /proc/modules; one without
// CONFIG_MODULE_UNLOAD can load but never unload.
struct KernelModuleSupport {
    bool loadable = false;    // CONFIG_MODULES
    bool unloadable = false;  // CONFIG_MODULE_UNLOAD
    bool forceUnload = false; // CONFIG_MODULE_FORCE_UNLOAD
    bool operator==(const KernelModuleSupport &o) const = default;
};

// Every loaded module at one moment, plus what the kernel supports.
struct Snapshot {
    QString kernelRelease; // uname -r of the machine read
    KernelModuleSupport support;
    QList<ModuleInfo> modules; // sorted by name
    QList<BuiltinModule> builtin;
    qint64 takenAtMs = 0; // wall clock, ms since the epoch
    Origin origin;        // where it was read; not recorded in older files

    const ModuleInfo *find(const QString &name) const; // accepts '-' or '_'
    bool operator==(const Snapshot &o) const = default;
};

// Module names use '_' in the kernel, while users and modprobe also write
// '-': "snd-hda-intel" and "snd_hda_intel" are the same module.
QString normalizeModuleName(const QString &name);

} // namespace refscope
