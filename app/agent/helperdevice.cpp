// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/helperdevice.h"

#include "agent/helperhandle.h"
#include "holders/holdertext.h"

#include <QFile>
#include <QMap>

#include <algorithm>
#include <cerrno>
#include <tuple>

namespace refscope {

namespace {

// The struct fields that named the module, "file->f_op->owner + ...".
QString ownerFields(quint32 owners)
{
    static const QList<std::pair<quint32, const char *>> fields = {
        {REFSCOPE_HELPER_OWNER_FOPS, "file->f_op->owner"},
        {REFSCOPE_HELPER_OWNER_CDEV, "inode->i_cdev->owner"},
        {REFSCOPE_HELPER_OWNER_BDEV, "bdev->bd_disk->fops->owner"},
        {REFSCOPE_HELPER_OWNER_SOCK_OPS, "sock->ops->owner"},
        {REFSCOPE_HELPER_OWNER_SOCK_PROTO, "sk->sk_prot_creator->owner"},
        {REFSCOPE_HELPER_OWNER_NETLINK, "the netlink protocol's module"},
        {REFSCOPE_HELPER_OWNER_FS_TYPE, "sb->s_type->owner"},
        {REFSCOPE_HELPER_OWNER_ALG_TYPE, "alg_sk(sk)->type->owner"},
    };
    QStringList matched;
    for (const auto &[bit, field] : fields) {
        if (owners & bit)
            matched << QLatin1String(field);
    }
    return matched.join(QLatin1String(" + "));
}

// The helper walks the filesystem types from sysfs on (its comment says why);
// /proc/filesystems lists them all, so the two counts show a missed one.
int registeredFilesystemCount()
{
    QFile filesystems(QStringLiteral("/proc/filesystems"));
    return filesystems.open(QIODevice::ReadOnly) ? int(filesystems.readAll().count('\n')) : 0;
}

// Mount points by device ("major:minor"), from this process's mountinfo.
QMap<QString, QStringList> mountPointsByDevice()
{
    QMap<QString, QStringList> points;
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return points;
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 4) // mountinfo escapes spaces in paths as \040
            points[QString::fromLatin1(fields.at(2))]
                << QString::fromLocal8Bit(fields.at(4))
                       .replace(QLatin1String("\\040"), QLatin1String(" "));
    }
    return points;
}

Holder holderFrom(const refscope_helper_holder &entry, quint32 ownThreads)
{
    Holder holder;
    holder.source = HolderSource::Exact;
    holder.pid = entry.pid;
    holder.comm = QString::fromLocal8Bit(entry.comm, int(strnlen(entry.comm, sizeof(entry.comm))));
    holder.path = QString::fromLocal8Bit(entry.path, int(strnlen(entry.path, sizeof(entry.path))));
    holder.refs = int(entry.refs);
    setHolderRule(holder, {{HolderSentenceCode::ExactOwners, {ownerFields(entry.owners)}}});
    switch (entry.kind) {
    case REFSCOPE_HELPER_KIND_SOCKET:
        holder.kind = HolderKind::Socket;
        break;
    case REFSCOPE_HELPER_KIND_MOUNT:
        holder.kind = HolderKind::Mount;
        break;
    case REFSCOPE_HELPER_KIND_KTHREAD:
        holder.kind = HolderKind::Kthread;
        break;
    default:
        holder.kind = HolderKind::File;
    }
    if (entry.flags & REFSCOPE_HELPER_FLAG_NO_FD_TABLE)
        addHolderRulePart(holder, {HolderSentenceCode::NoFileTable, {}});
    if (entry.flags & REFSCOPE_HELPER_FLAG_IN_FLIGHT)
        addHolderRulePart(holder, {HolderSentenceCode::InFlight, {}});
    // Only af_netlink's release (built in) runs when such a file goes: it
    // puts the module's reference and calls no module code. A file in
    // flight looks the same but is no thread's: the module's exit never
    // lets it go.
    holder.ownThread = (entry.flags & REFSCOPE_HELPER_FLAG_NO_FD_TABLE) &&
                       !(entry.flags & REFSCOPE_HELPER_FLAG_IN_FLIGHT) &&
                       entry.owners == REFSCOPE_HELPER_OWNER_NETLINK && ownThreads > 0;
    if (holder.ownThread)
        addHolderRulePart(holder, {HolderSentenceCode::OwnThreads, {QString::number(ownThreads)}});
    return holder;
}

// One Holder per open file or superblock: the lowest pid carries its fds and
// references, the other pids sharing it (fork) are listed in sharedWith.
QList<Holder> groupHolders(QList<refscope_helper_holder> entries, quint32 ownThreads)
{
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return std::tie(a.object_id, a.pid, a.fd) < std::tie(b.object_id, b.pid, b.fd);
    });
    const QMap<QString, QStringList> mounts = mountPointsByDevice();
    QList<Holder> holders;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const refscope_helper_holder &entry = entries.at(i);
        if (i > 0 && entries.at(i - 1).object_id == entry.object_id) {
            Holder &holder = holders.last();
            if (entry.pid == holder.pid)
                holder.fds << entry.fd;
            else if (!holder.sharedWith.contains(entry.pid))
                holder.sharedWith << entry.pid;
            continue;
        }
        holders << holderFrom(entry, ownThreads);
        if (entry.fd >= 0)
            holders.last().fds << entry.fd;
        const QString device = QStringLiteral("%1:%2").arg(entry.dev_major).arg(entry.dev_minor);
        if (entry.kind == REFSCOPE_HELPER_KIND_MOUNT && mounts.contains(device)) {
            Holder &mount = holders.last();
            QList<HolderSentence> rule = mount.ruleSentences;
            rule.first() = {HolderSentenceCode::ExactSuperblock,
                            {ownerFields(entry.owners), mount.path}};
            setHolderRule(mount, rule);
            mount.path = mounts.value(device).join(QLatin1String(", "));
        }
    }
    return holders;
}

} // namespace

ExactHolders readExactHolders(const QString &module)
{
    ExactHolders result;
    refscope_helper_holders_request request{};
    const HelperHandle helper;
    result.error = readyToAsk(module, request.name, helper);
    result.why = helper.why();
    if (!result.error.isEmpty())
        return result;
    // Holders come and go while the helper looks: ask again with room for
    // what it found, a few times.
    QList<refscope_helper_holder> entries(256);
    for (int attempt = 0; attempt < 4; ++attempt) {
        request.holders = quint64(quintptr(entries.data()));
        request.capacity = quint32(entries.size());
        if (const int error = helper.ioctl(REFSCOPE_HELPER_IOC_HOLDERS, &request)) {
            result.error = helperModuleError(module, error);
            return result;
        }
        if (request.total <= request.count)
            break;
        entries.resize(qMin<qsizetype>(request.total + 64, REFSCOPE_HELPER_MAX_HOLDERS));
    }
    if (request.total > request.count) {
        result.error = QStringLiteral("%1 has more holders than RefScope's helper module "
                                      "reports at once (%2 found, %3 at most)")
                           .arg(module)
                           .arg(request.total)
                           .arg(REFSCOPE_HELPER_MAX_HOLDERS);
        return result;
    }
    entries.resize(request.count);
    result.available = true;
    const int listed = registeredFilesystemCount();
    if (int(request.filesystems) < listed)
        result.error = QStringLiteral("RefScope's helper module checked the superblocks of %1 "
                                      "of the %2 filesystem types: mounts holding %3 may be "
                                      "missing")
                           .arg(request.filesystems)
                           .arg(listed)
                           .arg(module);
    result.refcount = request.refcount;
    result.ownThreads = int(request.own_threads);
    result.inFlight = int(request.in_flight);
    result.holders = groupHolders(entries, request.own_threads);
    return result;
}

DropResult dropUnattributedReferences(const QString &module, int expectedCount, int explainedRefs)
{
    DropResult result;
    refscope_helper_drop_request request{};
    if (!copyHelperName(module, request.name) || explainedRefs < 0 ||
        explainedRefs >= expectedCount) {
        result.errorCode = errorcode::BadRequest;
        result.error = QStringLiteral("nothing to drop: %1 is not a module name, or its %2 "
                                      "reference(s) are all explained (%3)")
                           .arg(module)
                           .arg(expectedCount)
                           .arg(explainedRefs);
        return result;
    }
    request.expected = expectedCount;
    request.explained = explainedRefs;
    const HelperHandle helper;
    if (!helper.error().isEmpty()) {
        result.errorCode = errorcode::Failed;
        result.error = helper.error();
        return result;
    }
    const int error = helper.ioctl(REFSCOPE_HELPER_IOC_DROP, &request);
    result.countBefore = request.before;
    result.countAfter = request.after;
    result.ok = error == 0;
    switch (error) {
    case 0:
        return result;
    case ESTALE:
    case EAGAIN:
        result.errorCode = DropStale;
        result.error = QStringLiteral("%1's count is %2, not the %3 you confirmed: nothing was "
                                      "changed; look at its holders again")
                           .arg(module)
                           .arg(request.before)
                           .arg(expectedCount);
        return result;
    case EBUSY:
        result.errorCode = errorcode::Busy;
        result.error = QStringLiteral("%1 is not live (still initialising or being removed): "
                                      "only a live module's references can be dropped")
                           .arg(module);
        return result;
    case EINVAL:
        result.errorCode = errorcode::BadRequest;
        result.error =
            QStringLiteral("RefScope's helper module refuses to drop %1's references").arg(module);
        return result;
    default:
        result.errorCode = error == ENOENT ? QString(errorcode::NotFound) : errorcode::Failed;
        result.error = helperModuleError(module, error);
        return result;
    }
}

} // namespace refscope
