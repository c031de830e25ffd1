// SPDX-License-Identifier: GPL-3.0-or-later
// What the kernel exposes about a loaded module outside libkmod's API:
// /sys/module/<name>/{taint,parameters/*} and /proc/modules' "[permanent]".
#pragma once

#include "inventory/moduleinfo.h"

#include <QSet>

namespace refscope {

// The taint letters of a loaded module ("OE"), empty when untainted.
QString readModuleTaints(const QString &name);

// Every parameter under /sys/module/<name>/parameters, sorted by name.
// A parameter whose file cannot be read (0600 when not root, or write-only)
// has readable = false and an empty value.
QList<ModuleParam> readModuleParams(const QString &name);

// Names of the loaded modules that /proc/modules marks "[permanent]".
QSet<QString> readPermanentModules();

// Whether /proc/modules-style text marks the module on `line` permanent.
// Returns the module's name in *name.
bool procModulesLineIsPermanent(const QByteArray &line, QString *name);

// Whether the module is still loaded (its /sys/module/<name>/initstate is there).
bool moduleStillLoaded(const QString &name);

} // namespace refscope
