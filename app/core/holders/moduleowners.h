// SPDX-License-Identifier: GPL-3.0-or-later
// Which loaded module owns a device number, a socket protocol, a netlink
// protocol or a filesystem type, by the rules user space can check without
// the helper kernel module. Every answer names the rule it came from,
// because these are inferences: the kernel never says which module an open
// file pins.
#pragma once

#include "holders/holder.h"
#include "inventory/kmodcontext.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <memory>
#include <sys/types.h>

namespace refscope {

struct Attribution {
    QString module;             // empty: no loaded module owns it
    QList<HolderSentence> rule; // how the owner was found (holdertext.h renders it)
    bool found() const { return !module.isEmpty(); }
};

// The names of the loaded modules (/proc/modules' first column).
QSet<QString> loadedModuleNames();

class ModuleOwners {
public:
    // Only modules in `loaded` are answered: a module that is not loaded
    // holds no reference, whatever modules.alias says.
    explicit ModuleOwners(QSet<QString> loaded);
    // Resolving aliases through kmod, a context its caller opened (and may
    // have read the snapshot through: its indexes are mapped once).
    ModuleOwners(QSet<QString> loaded, KmodContext kmod);
    ~ModuleOwners();
    ModuleOwners(const ModuleOwners &) = delete;
    ModuleOwners &operator=(const ModuleOwners &) = delete;

    Attribution charDevice(dev_t rdev);
    Attribution blockDevice(dev_t rdev);
    // A socket's protocol as /proc/net/protocols names it ("TCP", "SCTP").
    Attribution socketProtocol(const QString &protocol);
    Attribution netlinkProtocol(int protocol);
    // Whether any loaded module owns a protocol in /proc/net/protocols:
    // when none does, only netlink sockets can hold a module.
    bool ownsSocketProtocols() const { return !m_protocolModules.isEmpty(); }
    // A mount's filesystem type ("fuse", "fuse.sshfs", "9p").
    Attribution filesystemType(const QString &type);
    // An anonymous inode's name ("kvm-vm", "[eventfd]").
    Attribution anonInode(const QString &name);
    // The loaded module that `alias` (a module name or a modules.alias
    // entry: "sch_sfq", "nft-expr-ct") resolves to, as request_module()
    // would; empty when none is loaded.
    QString aliasModule(const QString &alias);
    const QSet<QString> &loaded() const { return m_loaded; }

private:
    Attribution resolveDevice(bool block, dev_t rdev);
    Attribution fromSysfsDriver(bool block, const QString &sysfsDevice);
    // The loaded module libkmod resolves `alias` to (modules.alias globs included).
    QString aliasOwner(const QString &alias);
    QString loadedName(const QString &name) const;

    QSet<QString> m_loaded;
    // kmod matches aliases with their globs ("block-major-7-*"), so one
    // lookup per device number finds them; an unloaded match is useless,
    // hence the `loaded` filter.
    KmodContext m_kmod;
    QHash<quint64, Attribution> m_charCache;
    QHash<quint64, Attribution> m_blockCache;
    QHash<QString, Attribution> m_aliasCache;
    QHash<QString, Attribution> m_anonCache;
    QHash<QString, QString> m_censusAliases;   // anonymous inode name -> owner
    QHash<QString, QString> m_protocolModules; // /proc/net/protocols: name -> module column
    QHash<int, QString> m_charMajors;          // /proc/devices
    QHash<int, QString> m_blockMajors;
    struct TtyDriver {
        QString name;
        int major = 0;
        int firstMinor = 0;
        int lastMinor = 0;
    };
    QList<TtyDriver> m_ttyDrivers; // /proc/tty/drivers
};

} // namespace refscope
