// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/kmodreader.h"

#include "inventory/kernelsupport.h"
#include "inventory/kmodcontext.h"
#include "inventory/sysmodule.h"

#include <QDateTime>
#include <QFile>
#include <QHash>

#include <libkmod.h>

#include <memory>
#include <optional>

namespace refscope {

namespace {

struct ModuleDeleter {
    void operator()(kmod_module *mod) const { kmod_module_unref(mod); }
};
struct ModuleListDeleter {
    void operator()(kmod_list *list) const { kmod_module_unref_list(list); }
};
struct InfoListDeleter {
    void operator()(kmod_list *list) const { kmod_module_info_free_list(list); }
};
using Module = std::unique_ptr<kmod_module, ModuleDeleter>;
using ModuleList = std::unique_ptr<kmod_list, ModuleListDeleter>;
using InfoList = std::unique_ptr<kmod_list, InfoListDeleter>;

QString moduleName(const kmod_module *mod)
{
    return QString::fromUtf8(kmod_module_get_name(mod));
}

// The modinfo fields RefScope shows, from the .ko file libkmod resolves for
// the module (or modules.builtin.modinfo for a built-in one).
void fillModinfo(const kmod_module *mod, ModuleInfo &info)
{
    kmod_list *raw = nullptr;
    if (kmod_module_get_info(mod, &raw) < 0)
        return;
    const InfoList list(raw);
    for (const kmod_list *e = raw; e; e = kmod_list_next(raw, e)) {
        const QByteArray key = kmod_module_info_get_key(e);
        const QString value = QString::fromUtf8(kmod_module_info_get_value(e));
        if (key == "version")
            info.version = value;
        else if (key == "srcversion")
            info.srcversion = value;
        else if (key == "signer")
            info.signer = value;
        else if (key == "description")
            info.description = value;
        else if (key == "license")
            info.license = value;
    }
}

QStringList holderNames(const kmod_module *mod)
{
    QStringList names;
    const ModuleList holders(kmod_module_get_holders(mod));
    for (const kmod_list *e = holders.get(); e; e = kmod_list_next(holders.get(), e)) {
        const Module holder(kmod_module_get_module(e));
        names.append(moduleName(holder.get()));
    }
    names.sort();
    return names;
}

std::optional<ModuleState> loadedState(const kmod_module *mod)
{
    switch (kmod_module_get_initstate(mod)) {
    case KMOD_MODULE_LIVE:
        return ModuleState::Live;
    case KMOD_MODULE_COMING:
        return ModuleState::Coming;
    case KMOD_MODULE_GOING:
        return ModuleState::Going;
    default:
        // -ENOENT: unloaded since the listing. KMOD_MODULE_BUILTIN cannot
        // happen for a module /proc/modules listed.
        return std::nullopt;
    }
}

// One loaded module, or nothing when it went away while being read: every
// libkmod call fails with ENOENT once /sys/module/<name> is gone, and the
// final check catches an unload that happened between two reads.
std::optional<ModuleInfo> readModule(kmod_module *mod, const QSet<QString> &permanent,
                                     const SnapshotOptions &options)
{
    ModuleInfo info;
    info.name = moduleName(mod);
    const std::optional<ModuleState> state = loadedState(mod);
    const long size = kmod_module_get_size(mod);
    if (!state || size < 0)
        return std::nullopt;
    info.state = *state;
    info.size = size;
    // -1 is real: a going module's count after its last reference was
    // dropped. Below that it is -errno: /sys/module/<m>/refcnt exists only
    // with CONFIG_MODULE_UNLOAD, and a kernel without it keeps no count.
    const int refcount = kmod_module_get_refcnt(mod);
    info.refcount = refcount >= -1 ? refcount : 0;
    info.permanent = permanent.contains(info.name);
    info.holders = holderNames(mod);
    if (options.parameters) {
        info.taints = readModuleTaints(info.name);
        info.params = readModuleParams(info.name);
    }
    if (options.modinfo) {
        if (const char *path = kmod_module_get_path(mod))
            info.path = QString::fromUtf8(path);
        fillModinfo(mod, info);
    }
    if (!moduleStillLoaded(info.name))
        return std::nullopt;
    return info;
}

QList<ModuleInfo> readLoadedModules(kmod_ctx *ctx, const SnapshotOptions &options)
{
    QList<ModuleInfo> modules;
    kmod_list *raw = nullptr;
    if (kmod_module_new_from_loaded(ctx, &raw) < 0)
        return modules;
    const ModuleList loaded(raw);
    // libkmod has no accessor for "permanent" (init without exit): the kernel
    // shows it only as "[permanent]" in /proc/modules' used-by column, so
    // that one fact is read from there.
    const QSet<QString> permanent = readPermanentModules();
    // /proc/modules is a seq_file read in several read()s, each under the
    // module mutex only while it lasts: a module loaded or freed between
    // two of them shifts the list, so one line can come twice (seen in the
    // lab during an insmod/rmmod loop). A name is kept once.
    QSet<QString> present;
    for (const kmod_list *e = raw; e; e = kmod_list_next(raw, e)) {
        const Module mod(kmod_module_get_module(e));
        std::optional<ModuleInfo> info = readModule(mod.get(), permanent, options);
        if (info && !present.contains(info->name)) {
            present.insert(info->name);
            modules.append(*info);
        }
    }
    // A module that vanished mid-read may still be named as a holder.
    for (ModuleInfo &m : modules)
        m.holders.removeIf([&](const QString &h) { return !present.contains(h); });
    fillDependsFromHolders(modules);
    std::sort(modules.begin(), modules.end(),
              [](const ModuleInfo &a, const ModuleInfo &b) { return a.name < b.name; });
    return modules;
}

} // namespace

QString moduleNameOfFile(const QString &path)
{
    const KmodContext ctx = openKmodContext();
    kmod_module *raw = nullptr;
    if (!ctx || kmod_module_new_from_path(ctx.get(), QFile::encodeName(path).constData(), &raw) < 0)
        return {};
    const Module mod(raw);
    kmod_list *info = nullptr;
    if (kmod_module_get_info(mod.get(), &info) < 0)
        return {};
    const InfoList list(info);
    for (const kmod_list *e = info; e; e = kmod_list_next(info, e)) {
        if (qstrcmp(kmod_module_info_get_key(e), "name") == 0)
            return QString::fromUtf8(kmod_module_info_get_value(e));
    }
    return moduleName(mod.get());
}

void fillDependsFromHolders(QList<ModuleInfo> &modules)
{
    QHash<QString, QStringList> depends;
    for (const ModuleInfo &m : modules) {
        for (const QString &holder : m.holders)
            depends[holder].append(m.name);
    }
    for (ModuleInfo &m : modules) {
        m.depends = depends.value(m.name);
        m.depends.sort();
    }
}

QHash<QString, QString> builtinDescriptions(const QByteArray &modinfo)
{
    QHash<QString, QString> descriptions;
    for (const QByteArray &entry : modinfo.split('\0')) {
        const qsizetype dot = entry.indexOf('.');
        if (dot > 0 && entry.mid(dot + 1).startsWith("description="))
            descriptions.insert(QString::fromUtf8(entry.left(dot)),
                                QString::fromUtf8(entry.mid(dot + 1 + qstrlen("description="))));
    }
    return descriptions;
}

QList<BuiltinModule> readBuiltinModules(const QString &modulesDir)
{
    QList<BuiltinModule> builtin;
    QFile list(modulesDir + QStringLiteral("/modules.builtin"));
    if (!list.open(QIODevice::ReadOnly))
        return builtin;
    // Descriptions come from modules.builtin.modinfo, read once here:
    // libkmod's kmod_module_get_info() rescans that file in tiny reads for
    // every module (about 145,000 pread calls for Debian's 186 built-ins),
    // which took minutes over the lab guest's 9p root.
    QFile modinfo(modulesDir + QStringLiteral("/modules.builtin.modinfo"));
    const QHash<QString, QString> descriptions =
        builtinDescriptions(modinfo.open(QIODevice::ReadOnly) ? modinfo.readAll() : QByteArray());
    // Lines are paths such as "kernel/fs/ext4/ext4.ko"; the module's name is
    // the file's base name, with the kernel's '_' for '-'.
    for (const QByteArray &line : list.readAll().split('\n')) {
        const QByteArray path = line.trimmed();
        if (!path.endsWith(".ko"))
            continue;
        BuiltinModule b;
        b.name =
            normalizeModuleName(QString::fromUtf8(path.mid(path.lastIndexOf('/') + 1).chopped(3)));
        b.description = descriptions.value(b.name);
        builtin.append(b);
    }
    std::sort(builtin.begin(), builtin.end(),
              [](const BuiltinModule &a, const BuiltinModule &b) { return a.name < b.name; });
    return builtin;
}

Snapshot readLocalSnapshot(const SnapshotOptions &options, kmod_ctx *kmod)
{
    Snapshot snapshot;
    snapshot.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    snapshot.kernelRelease = runningKernelRelease();
    // Whoever reads it through an agent elsewhere (the lab, a remote host)
    // says so on its side: here it is the machine this code runs on.
    snapshot.origin = localOrigin();
    snapshot.support = readKernelModuleSupport();
    if (snapshot.support.loadable) {
        KmodContext own;
        if (!kmod) {
            own = openKmodContext();
            kmod = own.get();
        }
        if (kmod)
            snapshot.modules = readLoadedModules(kmod, options);
    }
    if (options.builtin)
        snapshot.builtin =
            readBuiltinModules(QStringLiteral("/lib/modules/") + snapshot.kernelRelease);
    return snapshot;
}

} // namespace refscope
