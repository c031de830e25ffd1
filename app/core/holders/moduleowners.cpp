// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/moduleowners.h"

#include "inventory/moduleinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libkmod.h>
#include <sys/sysmacros.h>

namespace refscope {

namespace {

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    // /proc files report size 0: read to the end rather than by size.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QByteArray> fieldsOf(const QByteArray &line)
{
    return line.simplified().split(' ');
}

// /proc/devices: "Character devices:" then "major name" lines, then
// "Block devices:" and its lines.
void readMajors(QHash<int, QString> &charMajors, QHash<int, QString> &blockMajors)
{
    QHash<int, QString> *section = nullptr;
    for (const QByteArray &line : readProcFile(QStringLiteral("/proc/devices")).split('\n')) {
        if (line.startsWith("Character"))
            section = &charMajors;
        else if (line.startsWith("Block"))
            section = &blockMajors;
        else if (const QList<QByteArray> f = fieldsOf(line); section && f.size() == 2)
            section->insert(f.at(0).toInt(), QString::fromUtf8(f.at(1)));
    }
}

} // namespace

QSet<QString> loadedModuleNames()
{
    QSet<QString> names;
    for (const QByteArray &line : readProcFile(QStringLiteral("/proc/modules")).split('\n')) {
        const int space = line.indexOf(' ');
        if (space > 0)
            names.insert(QString::fromUtf8(line.left(space)));
    }
    return names;
}

ModuleOwners::ModuleOwners(QSet<QString> loaded)
    : ModuleOwners(std::move(loaded), openKmodContext())
{
}

ModuleOwners::ModuleOwners(QSet<QString> loaded, KmodContext kmod)
    : m_loaded(std::move(loaded)), m_kmod(std::move(kmod))
{
    readMajors(m_charMajors, m_blockMajors);
    const QList<QByteArray> protocols =
        readProcFile(QStringLiteral("/proc/net/protocols")).split('\n');
    for (const QByteArray &line : protocols.mid(1)) {
        const QList<QByteArray> f = fieldsOf(line);
        if (f.size() > 7 && f.at(7) != "kernel")
            m_protocolModules.insert(QString::fromUtf8(f.at(0)), QString::fromUtf8(f.at(7)));
    }
    // "serial  /dev/ttyS  4  64-111  serial": name, prefix, major, minors, type.
    for (const QByteArray &line : readProcFile(QStringLiteral("/proc/tty/drivers")).split('\n')) {
        const QList<QByteArray> f = fieldsOf(line);
        if (f.size() < 5)
            continue;
        const QList<QByteArray> range = f.at(3).split('-');
        const int first = range.first().toInt();
        m_ttyDrivers.append({QString::fromUtf8(f.at(0)), f.at(2).toInt(), first,
                             range.size() == 2 ? range.at(1).toInt() : first});
    }
}

ModuleOwners::~ModuleOwners() = default;

QString ModuleOwners::loadedName(const QString &name) const
{
    const QString normalized = normalizeModuleName(name);
    return m_loaded.contains(normalized) ? normalized : QString();
}

QString ModuleOwners::aliasModule(const QString &alias)
{
    const auto cached = m_censusAliases.constFind(alias);
    if (cached != m_censusAliases.cend())
        return *cached;
    const QString owner = aliasOwner(alias);
    m_censusAliases.insert(alias, owner);
    return owner;
}

QString ModuleOwners::aliasOwner(const QString &alias)
{
    if (!m_kmod)
        return {};
    kmod_list *list = nullptr;
    if (kmod_module_new_from_lookup(m_kmod.get(), alias.toUtf8().constData(), &list) < 0)
        return {};
    QString owner;
    for (kmod_list *e = list; e && owner.isEmpty(); e = kmod_list_next(list, e)) {
        kmod_module *mod = kmod_module_get_module(e);
        owner = loadedName(QString::fromUtf8(kmod_module_get_name(mod)));
        kmod_module_unref(mod);
    }
    kmod_module_unref_list(list);
    return owner;
}

Attribution ModuleOwners::fromSysfsDriver(bool block, const QString &sysfsDevice)
{
    // A partition has no driver of its own: its disk (the parent) does.
    QString device = sysfsDevice;
    if (block && QFileInfo::exists(device + QStringLiteral("/partition")))
        device = QFileInfo(device).path();
    const QString module =
        QFileInfo(device + QStringLiteral("/device/driver/module")).canonicalFilePath();
    const QString owner = module.isEmpty() ? QString() : loadedName(QFileInfo(module).fileName());
    if (owner.isEmpty())
        return {};
    return {owner, {{HolderSentenceCode::SysfsDriver, {owner}}}};
}

Attribution ModuleOwners::resolveDevice(bool block, dev_t rdev)
{
    const int major = int(::major(rdev));
    const int minor = int(::minor(rdev));
    const QString type = block ? QStringLiteral("block") : QStringLiteral("char");
    const QString number = QStringLiteral("%1:%2").arg(major).arg(minor);
    const QString sysfs =
        QFileInfo(QStringLiteral("/sys/dev/%1/%2").arg(type, number)).canonicalFilePath();
    if (!sysfs.isEmpty()) {
        if (Attribution a = fromSysfsDriver(block, sysfs); a.found())
            return a;
    }
    const QString majorAlias = QStringLiteral("%1-major-%2-%3").arg(type).arg(major).arg(minor);
    if (const QString owner = aliasOwner(majorAlias); !owner.isEmpty())
        return {owner, {{HolderSentenceCode::ModulesAlias, {majorAlias}}}};
    if (!sysfs.isEmpty()) {
        for (const QByteArray &line : readProcFile(sysfs + QStringLiteral("/uevent")).split('\n')) {
            if (!line.startsWith("DEVNAME="))
                continue;
            const QString alias = QStringLiteral("devname:") + QString::fromUtf8(line.mid(8));
            if (const QString owner = aliasOwner(alias); !owner.isEmpty())
                return {owner, {{HolderSentenceCode::ModulesAlias, {alias}}}};
        }
        // Misc devices carry no driver link; one named after its module
        // (count_demo's /dev/count_demo) is the best evidence left.
        if (const QString owner = loadedName(QFileInfo(sysfs).fileName()); !owner.isEmpty())
            return {owner, {{HolderSentenceCode::SysfsNamed, {number, owner}}}};
    }
    if (!block) {
        for (const TtyDriver &tty : std::as_const(m_ttyDrivers)) {
            if (tty.major != major || minor < tty.firstMinor || minor > tty.lastMinor)
                continue;
            if (const QString owner = loadedName(tty.name); !owner.isEmpty())
                return {owner, {{HolderSentenceCode::TtyDriver, {tty.name}}}};
        }
    }
    const QString majorName = (block ? m_blockMajors : m_charMajors).value(major);
    if (const QString owner = loadedName(majorName); !owner.isEmpty())
        return {owner,
                {{HolderSentenceCode::ProcDevices, {type, QString::number(major), majorName}}}};
    return {};
}

Attribution ModuleOwners::charDevice(dev_t rdev)
{
    auto it = m_charCache.constFind(rdev);
    if (it == m_charCache.constEnd())
        it = m_charCache.insert(rdev, resolveDevice(false, rdev));
    return *it;
}

Attribution ModuleOwners::blockDevice(dev_t rdev)
{
    auto it = m_blockCache.constFind(rdev);
    if (it == m_blockCache.constEnd())
        it = m_blockCache.insert(rdev, resolveDevice(true, rdev));
    return *it;
}

Attribution ModuleOwners::socketProtocol(const QString &protocol)
{
    const QString owner = loadedName(m_protocolModules.value(protocol));
    if (owner.isEmpty())
        return {};
    return {owner, {{HolderSentenceCode::ProcNetProtocols, {protocol, owner}}}};
}

namespace {

// The netlink families a module registers (include/uapi/linux/netlink.h),
// for a module whose modules.alias line is missing: /proc/net/netlink's
// protocol column names the family, this the module that owns its sockets.
struct NetlinkFamily {
    int protocol;
    const char *name;
    const char *module;
};
const NetlinkFamily kNetlinkFamilies[] = {
    {4, "NETLINK_SOCK_DIAG", "sock_diag"},
    {6, "NETLINK_XFRM", "xfrm_user"},
    {8, "NETLINK_ISCSI", "scsi_transport_iscsi"},
    {12, "NETLINK_NETFILTER", "nfnetlink"},
    {17, "NETLINK_SCSITRANSPORT", "scsi_transport_fc"},
    {19, "NETLINK_CRYPTO", "crypto_user"},
    {20, "NETLINK_SMC", "smc"},
    {21, "NETLINK_RDMA", "ib_core"},
};

} // namespace

Attribution ModuleOwners::netlinkProtocol(int protocol)
{
    // MODULE_ALIAS_NET_PF_PROTO(PF_NETLINK, N) spells it "net-pf-16-proto-N".
    const QString alias = QStringLiteral("net-pf-16-proto-%1").arg(protocol);
    auto it = m_aliasCache.constFind(alias);
    if (it == m_aliasCache.constEnd()) {
        const QString owner = aliasOwner(alias);
        if (owner.isEmpty()) {
            for (const NetlinkFamily &family : kNetlinkFamilies) {
                const QString module = family.protocol == protocol
                                           ? loadedName(QString::fromLatin1(family.module))
                                           : QString();
                if (!module.isEmpty())
                    return *m_aliasCache.insert(
                        alias, Attribution{module,
                                           {{HolderSentenceCode::NetlinkFamily,
                                             {QString::number(protocol),
                                              QString::fromLatin1(family.name), module}}}});
            }
        }
        it = m_aliasCache.insert(alias, owner.isEmpty()
                                            ? Attribution{}
                                            : Attribution{owner,
                                                          {{HolderSentenceCode::NetlinkAlias,
                                                            {QString::number(protocol), alias}}}});
    }
    return *it;
}

Attribution ModuleOwners::filesystemType(const QString &type)
{
    // "fuse.sshfs": the kernel's type is the part before the dot.
    const QString kernelType = type.section(u'.', 0, 0);
    const QString alias = QStringLiteral("fs-") + kernelType;
    auto it = m_aliasCache.constFind(alias);
    if (it == m_aliasCache.constEnd()) {
        Attribution a;
        if (const QString owner = aliasOwner(alias); !owner.isEmpty())
            a = {owner, {{HolderSentenceCode::FsTypeAlias, {type, alias}}}};
        else if (const QString named = loadedName(kernelType); !named.isEmpty())
            a = {named, {{HolderSentenceCode::FsTypeNamed, {type}}}};
        it = m_aliasCache.insert(alias, a);
    }
    return *it;
}

Attribution ModuleOwners::anonInode(const QString &name)
{
    // Every Qt or GLib process holds an "[eventfd]": asked once per name.
    auto it = m_anonCache.constFind(name);
    if (it != m_anonCache.constEnd())
        return *it;
    // "kvm-vm", "kvm-vcpu:0", "[eventfd]": the module's own fops name the
    // inode, so the name's first word is the candidate.
    const auto separator = [](QChar c) { return c == u'-' || c == u':' || c == u'[' || c == u']'; };
    const auto first = std::find_if_not(name.cbegin(), name.cend(), separator);
    const QString head(first, std::find_if(first, name.cend(), separator) - first);
    const QString owner = loadedName(head);
    return *m_anonCache.insert(
        name, owner.isEmpty() ? Attribution{}
                              : Attribution{owner, {{HolderSentenceCode::AnonInodeNamed, {name}}}});
}

} // namespace refscope
