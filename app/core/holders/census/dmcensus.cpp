// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/dmcensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/dm-ioctl.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace refscope {

namespace {

template <typename T> bool readAt(const QByteArray &buffer, qsizetype offset, T *out)
{
    if (offset < 0 || offset + qsizetype(sizeof(T)) > buffer.size())
        return false;
    std::memcpy(out, buffer.constData() + offset, sizeof(T));
    return true;
}

// The header's fields, up to its `data` tail: an answer with no payload
// ends there (data_size 305, less than the struct's 312).
bool readHeader(const QByteArray &buffer, dm_ioctl *header)
{
    *header = {};
    if (buffer.size() < qsizetype(offsetof(dm_ioctl, data)))
        return false;
    std::memcpy(header, buffer.constData(), offsetof(dm_ioctl, data));
    return true;
}

// The payload the kernel wrote after the header: [data_start, data_size).
bool payload(const QByteArray &buffer, QByteArray *out)
{
    dm_ioctl header = {};
    if (!readHeader(buffer, &header) || header.data_size > buffer.size() ||
        (header.flags & DM_BUFFER_FULL_FLAG))
        return false;
    // A device with no table gets no payload: data_size stays at the
    // header's end, before the data_start we asked for.
    out->clear();
    if (header.data_size > header.data_start)
        *out = buffer.mid(header.data_start, header.data_size - header.data_start);
    return true;
}

// A NUL-terminated string at offset, no further than end.
QString cString(const QByteArray &data, qsizetype offset, qsizetype end)
{
    end = std::min(end, data.size());
    if (offset >= end)
        return {};
    const char *start = data.constData() + offset;
    const void *nul = std::memchr(start, 0, end - offset);
    return QString::fromUtf8(start, nul ? static_cast<const char *>(nul) - start : end - offset);
}

void setOk(bool *ok, bool value)
{
    if (ok)
        *ok = value;
}

} // namespace

QList<DmDevice> parseDmDeviceList(const QByteArray &buffer, bool *ok)
{
    QList<DmDevice> devices;
    QByteArray data;
    setOk(ok, payload(buffer, &data));
    if (!ok || *ok) {
        qsizetype offset = 0;
        // struct dm_name_list: dev, next (from this entry), name; an empty
        // list is one entry with dev 0.
        while (offset + qsizetype(offsetof(dm_name_list, name)) <= data.size()) {
            dm_name_list entry = {};
            std::memcpy(&entry, data.constData() + offset, offsetof(dm_name_list, name));
            if (entry.dev == 0)
                break;
            const qsizetype end = entry.next ? offset + entry.next : data.size();
            devices.append({cString(data, offset + offsetof(dm_name_list, name), end), entry.dev});
            if (!entry.next)
                break;
            if (entry.next < offsetof(dm_name_list, name)) {
                setOk(ok, false);
                break;
            }
            offset += entry.next;
        }
    }
    return devices;
}

QList<DmTarget> parseDmTargets(const QByteArray &buffer, bool *ok)
{
    QList<DmTarget> targets;
    QByteArray data;
    dm_ioctl header = {};
    const bool read = payload(buffer, &data) && readHeader(buffer, &header);
    setOk(ok, read);
    if (!read)
        return targets;
    // DM_TABLE_STATUS: each dm_target_spec's `next` counts from the first
    // spec, not from itself (dm-ioctl.h).
    qsizetype offset = 0;
    for (quint32 i = 0; i < header.target_count; ++i) {
        dm_target_spec spec = {};
        if (!readAt(data, offset, &spec)) {
            setOk(ok, false);
            break;
        }
        const qsizetype end = i + 1 < header.target_count ? qsizetype(spec.next) : data.size();
        targets.append({spec.sector_start, spec.length,
                        QString::fromUtf8(spec.target_type,
                                          strnlen(spec.target_type, sizeof spec.target_type)),
                        cString(data, offset + sizeof(dm_target_spec), end)});
        if (qsizetype(spec.next) <= offset && i + 1 < header.target_count) {
            setOk(ok, false);
            break;
        }
        offset = spec.next;
    }
    return targets;
}

QList<quint64> parseDmDeps(const QByteArray &buffer, bool *ok)
{
    QList<quint64> devices;
    QByteArray data;
    dm_target_deps deps = {};
    const bool read = payload(buffer, &data) && (data.isEmpty() || readAt(data, 0, &deps));
    setOk(ok, read);
    if (!read || data.isEmpty())
        return devices;
    for (quint32 i = 0; i < deps.count; ++i) {
        quint64 dev = 0;
        if (!readAt(data, qsizetype(offsetof(dm_target_deps, dev) + i * sizeof dev), &dev)) {
            setOk(ok, false);
            break;
        }
        devices.append(dev);
    }
    return devices;
}

namespace {

// The kernel's huge_encode_dev, as DM ioctls carry device numbers.
dev_t decodeDev(quint64 dev)
{
    const unsigned major = (dev & 0xfff00) >> 8;
    const unsigned minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
    return makedev(major, minor);
}

// One ioctl on the control device, its buffer grown until the answer fits:
// 0 or the errno.
int dmCall(int fd, unsigned long request, const QString &name, quint32 flags, QByteArray *out,
           QString *error)
{
    for (qsizetype size = 16384; size <= 4 * 1024 * 1024; size *= 4) {
        QByteArray buffer(size, '\0');
        dm_ioctl header = {};
        header.version[0] = DM_VERSION_MAJOR;
        header.version[1] = 0;
        header.version[2] = 0;
        header.data_size = quint32(size);
        header.data_start = sizeof(dm_ioctl);
        header.flags = flags;
        const QByteArray utf8 = name.toUtf8();
        std::memcpy(header.name, utf8.constData(),
                    std::min<size_t>(utf8.size(), sizeof header.name - 1));
        std::memcpy(buffer.data(), &header, sizeof header);
        if (::ioctl(fd, request, buffer.data()) != 0) {
            const int err = errno;
            *error = QString::fromLocal8Bit(std::strerror(err));
            return err;
        }
        std::memcpy(&header, buffer.constData(), sizeof header);
        if (!(header.flags & DM_BUFFER_FULL_FLAG)) {
            *out = buffer;
            return 0;
        }
    }
    *error = QStringLiteral("the answer does not fit in 4 MiB");
    return ENOBUFS;
}

QString number(dev_t dev)
{
    return QStringLiteral("%1:%2").arg(::major(dev)).arg(::minor(dev));
}

} // namespace

void addDeviceMapperHolders(ModuleOwners &owners, Census &census)
{
    // Opening the control device without dm_mod would load it.
    if (!owners.loaded().contains(QStringLiteral("dm_mod")))
        return;
    const QString kind = QStringLiteral("dm");
    const int fd = ::open("/dev/mapper/control", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        census.markUnchecked(kind, QStringLiteral("/dev/mapper/control: ") +
                                       QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    QByteArray buffer;
    QString error;
    bool ok = true;
    QList<DmDevice> devices;
    if (dmCall(fd, DM_LIST_DEVICES, {}, 0, &buffer, &error) == 0)
        devices = parseDmDeviceList(buffer, &ok);
    else
        ok = false;
    for (const DmDevice &device : std::as_const(devices)) {
        const QString undo = QStringLiteral("dmsetup remove ") + device.name;
        const QString mapped = QStringLiteral("/dev/mapper/") + device.name;
        auto add = [&](const QString &module, const QString &path, int refs,
                       const QList<HolderSentence> &rule, const QString &undoStep) {
            Holder h;
            h.kind = HolderKind::DeviceMapper;
            h.path = path;
            h.refs = refs;
            h.source = HolderSource::Inferred;
            h.undo = undoStep;
            setHolderRule(h, rule);
            census.holders[module].append(h);
        };
        const QString dmMod = owners.aliasModule(QStringLiteral("dm_mod"));
        if (!dmMod.isEmpty())
            add(dmMod, QStringLiteral("%1 (mapped device)").arg(mapped), 1,
                {{HolderSentenceCode::DmMappedDevice, {mapped}}}, undo);
        // The live table, then the inactive one (loaded, not yet resumed),
        // which holds its targets and devices as a live table does: measured
        // on 6.1 and 6.12, a flakey table loaded into a device created
        // without one holds dm_flakey once and its loop device once. The
        // devices are the mapped device's (dm_get_table_device), opened once
        // for both tables. ENXIO: removed meanwhile.
        QSet<quint64> devicesOpen;
        bool parsed = true;
        for (const bool inactive : {false, true}) {
            const quint32 query = inactive ? DM_QUERY_INACTIVE_TABLE_FLAG : 0;
            if (const int err = dmCall(fd, DM_TABLE_STATUS, device.name,
                                       DM_STATUS_TABLE_FLAG | query, &buffer, &error)) {
                ok = ok && err == ENXIO;
                break;
            }
            dm_ioctl header = {};
            if (inactive &&
                (!readHeader(buffer, &header) || !(header.flags & DM_INACTIVE_PRESENT_FLAG)))
                break;
            // Clearing the inactive table lets its own references go and
            // leaves the device and its live table.
            const QString tableUndo =
                inactive ? QStringLiteral("dmsetup clear ") + device.name : undo;
            const QString table = inactive ? QStringLiteral(", inactive table") : QString();
            QHash<QString, int> perType; // target type -> targets, in table order
            QStringList types;
            for (const DmTarget &t : parseDmTargets(buffer, &parsed)) {
                if (!perType.contains(t.type))
                    types << t.type;
                ++perType[t.type];
            }
            ok = ok && parsed;
            for (const QString &type : std::as_const(types)) {
                // dm_get_target_type loads a missing type as "dm-TYPE"; the
                // types dm_mod registers itself have no module of their own.
                static const QStringList builtIn{
                    QStringLiteral("linear"), QStringLiteral("striped"), QStringLiteral("error")};
                QString alias = builtIn.contains(type) ? QStringLiteral("dm_mod")
                                                       : QStringLiteral("dm-") + type;
                const QString module = owners.aliasModule(alias);
                if (module.isEmpty())
                    continue;
                add(module, QStringLiteral("%1 (%2 target%3)").arg(mapped, type, table),
                    perType.value(type), {{HolderSentenceCode::DmTarget, {mapped, type, alias}}},
                    tableUndo);
            }
            if (const int err = dmCall(fd, DM_TABLE_DEPS, device.name, query, &buffer, &error)) {
                ok = ok && err == ENXIO;
                break;
            }
            for (const quint64 encoded : parseDmDeps(buffer, &parsed)) {
                if (devicesOpen.contains(encoded))
                    continue; // the live table's already
                devicesOpen.insert(encoded);
                const dev_t dev = decodeDev(encoded);
                Attribution owner = owners.blockDevice(dev);
                if (!owner.found())
                    continue;
                owner.rule.prepend({HolderSentenceCode::DmMember, {mapped, number(dev)}});
                add(owner.module,
                    QStringLiteral("%1 (device %2%3)").arg(mapped, number(dev), table), 1,
                    owner.rule, tableUndo);
            }
        }
        ok = ok && parsed;
    }
    ::close(fd);
    if (!ok)
        census.markUnchecked(kind, error.isEmpty()
                                       ? QStringLiteral("unexpected answer from the DM ioctls")
                                       : QStringLiteral("DM ioctl: ") + error);
}

} // namespace refscope
