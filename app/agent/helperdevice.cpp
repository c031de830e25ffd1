#include "helperdevice.h"

#include "inventory/moduleinfo.h"
#include "refscope_helper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/module.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <tuple>
#include <unistd.h>

namespace refscope {

namespace {

const QString helperName = QStringLiteral(REFSCOPE_HELPER_DEVICE);
const QString devicePath = QStringLiteral("/dev/" REFSCOPE_HELPER_DEVICE);

QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

QString kernelRelease()
{
    utsname name{};
    return uname(&name) == 0 ? QString::fromLocal8Bit(name.release) : QString();
}

// DKMS's build for the running kernel first (it matches it and is signed
// with DKMS's key), else the one built here for the lab's kernel.
QString helperModuleFile()
{
    const QDir dkms(QStringLiteral("/lib/modules/%1/updates/dkms").arg(kernelRelease()));
    const QStringList installed =
        dkms.entryList({helperName + QStringLiteral(".ko*")}, QDir::Files, QDir::Name);
    if (!installed.isEmpty())
        return dkms.absoluteFilePath(installed.first());
    return QStringLiteral(REFSCOPE_HELPER_BUILD_KO);
}

bool signaturesEnforced()
{
    QFile enforce(QStringLiteral("/sys/module/module/parameters/sig_enforce"));
    QFile lockdown(QStringLiteral("/sys/kernel/security/lockdown"));
    const bool sigEnforce = enforce.open(QIODevice::ReadOnly) && enforce.readAll().startsWith('Y');
    const bool lockedDown =
        lockdown.open(QIODevice::ReadOnly) && !lockdown.readAll().contains("[none]");
    return sigEnforce || lockedDown;
}

QString loadFailure(const QString &path, int error)
{
    switch (error) {
    case ENOENT:
        return QStringLiteral(
                   "RefScope's helper module is neither installed nor built (%1 does not exist): "
                   "install it with DKMS (dkms install refscope_helper/1.0) or build the "
                   "kmod-helper target")
            .arg(path);
    case EKEYREJECTED:
    case EPERM:
        if (error == EKEYREJECTED || (geteuid() == 0 && signaturesEnforced()))
            return QStringLiteral(
                       "the kernel loads only signed modules here (Secure Boot lockdown or "
                       "module.sig_enforce) and refused %1: install the helper with DKMS, which "
                       "signs "
                       "it with its key, and enroll that key once with `mokutil --import "
                       "/var/lib/dkms/mok.pub` (then reboot and confirm it in the MOK manager)")
                .arg(path);
        return QStringLiteral("loading RefScope's helper module needs root (CAP_SYS_MODULE)");
    case ENOEXEC:
    case EINVAL:
        return QStringLiteral("%1 was built for another kernel than the running %2: install "
                              "the helper with DKMS so it is built for this kernel")
            .arg(path, kernelRelease());
    default:
        return QStringLiteral("the kernel refused to load %1: %2 (the kernel log may say more)")
            .arg(path, errnoText(error));
    }
}

// Loads the helper unless it is loaded; empty on success, else why not.
QString ensureHelperLoaded()
{
    if (QFileInfo::exists(QStringLiteral("/sys/module/%1/initstate").arg(helperName)))
        return {};
    const QString path = helperModuleFile();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return loadFailure(path, errno);
    // DKMS may compress what it installs; the kernel decompresses on request.
    const bool compressed = !path.endsWith(QLatin1String(".ko"));
    const long rc = syscall(SYS_finit_module, fd, "", compressed ? MODULE_INIT_COMPRESSED_FILE : 0);
    const int error = errno;
    ::close(fd);
    return rc == 0 || error == EEXIST ? QString() : loadFailure(path, error);
}

// An open handle on the helper's device (which pins the helper), loading
// the helper first when needed.
class HelperHandle {
public:
    HelperHandle()
    {
        m_error = ensureHelperLoaded();
        if (!m_error.isEmpty())
            return;
        m_fd = ::open(QFile::encodeName(devicePath).constData(), O_RDWR | O_CLOEXEC);
        if (m_fd < 0) {
            m_error = QStringLiteral("cannot open %1: %2").arg(devicePath, errnoText(errno));
            return;
        }
        __u32 version = 0;
        if (::ioctl(m_fd, REFSCOPE_HELPER_IOC_VERSION, &version) != 0 ||
            version != REFSCOPE_HELPER_ABI_VERSION)
            m_error = QStringLiteral("the loaded refscope_helper speaks interface version %1, "
                                     "this RefScope needs %2: unload it (rmmod refscope_helper) "
                                     "so the matching one is loaded")
                          .arg(version)
                          .arg(REFSCOPE_HELPER_ABI_VERSION);
    }
    ~HelperHandle()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    HelperHandle(const HelperHandle &) = delete;
    HelperHandle &operator=(const HelperHandle &) = delete;

    QString error() const { return m_error; }
    int ioctl(unsigned long request, void *argument) const
    {
        return ::ioctl(m_fd, request, argument) == 0 ? 0 : errno;
    }

private:
    int m_fd = -1;
    QString m_error;
};

// The module name as the request carries it; false when it cannot be one.
bool copyName(const QString &module, char (&name)[REFSCOPE_HELPER_NAME_LEN])
{
    const QByteArray bytes = normalizeModuleName(module).toUtf8();
    if (bytes.isEmpty() || bytes.size() >= REFSCOPE_HELPER_NAME_LEN || bytes.contains('\0') ||
        bytes.contains('/'))
        return false;
    std::memset(name, 0, sizeof(name));
    std::memcpy(name, bytes.constData(), size_t(bytes.size()));
    return true;
}

QString moduleError(const QString &module, int error)
{
    switch (error) {
    case ENOENT:
        return QStringLiteral("module %1 is not loaded").arg(module);
    case ENXIO:
        return QStringLiteral("%1 is built into the kernel: it has no reference count").arg(module);
    case ESRCH:
        return QStringLiteral("%1 is being removed").arg(module);
    case EPERM:
        return QStringLiteral("asking RefScope's helper module needs root");
    default:
        return QStringLiteral("RefScope's helper module failed: %1").arg(errnoText(error));
    }
}

QString ownerRule(quint32 owners)
{
    static const QList<std::pair<quint32, const char *>> fields = {
        {REFSCOPE_HELPER_OWNER_FOPS, "file->f_op->owner"},
        {REFSCOPE_HELPER_OWNER_CDEV, "inode->i_cdev->owner"},
        {REFSCOPE_HELPER_OWNER_BDEV, "bdev->bd_disk->fops->owner"},
        {REFSCOPE_HELPER_OWNER_SOCK_OPS, "sock->ops->owner"},
        {REFSCOPE_HELPER_OWNER_SOCK_PROTO, "sk->sk_prot_creator->owner"},
        {REFSCOPE_HELPER_OWNER_NETLINK, "the netlink protocol's module"},
        {REFSCOPE_HELPER_OWNER_FS_TYPE, "sb->s_type->owner"},
    };
    QStringList matched;
    for (const auto &[bit, field] : fields) {
        if (owners & bit)
            matched << QLatin1String(field);
    }
    return QStringLiteral("exact: ") + matched.join(QLatin1String(" + "));
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

Holder holderFrom(const refscope_helper_holder &entry)
{
    Holder holder;
    holder.source = HolderSource::Exact;
    holder.pid = entry.pid;
    holder.comm = QString::fromLocal8Bit(entry.comm, int(strnlen(entry.comm, sizeof(entry.comm))));
    holder.path = QString::fromLocal8Bit(entry.path, int(strnlen(entry.path, sizeof(entry.path))));
    holder.refs = int(entry.refs);
    holder.rule = ownerRule(entry.owners);
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
        holder.rule += QStringLiteral("; in no process's file table: a kernel thread or the "
                                      "kernel keeps it after its process closed it");
    return holder;
}

// One Holder per open file or superblock: the lowest pid carries its fds and
// references, the other pids sharing it (fork) are listed in sharedWith.
QList<Holder> groupHolders(QList<refscope_helper_holder> entries)
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
        holders << holderFrom(entry);
        if (entry.fd >= 0)
            holders.last().fds << entry.fd;
        const QString device = QStringLiteral("%1:%2").arg(entry.dev_major).arg(entry.dev_minor);
        if (entry.kind == REFSCOPE_HELPER_KIND_MOUNT && mounts.contains(device)) {
            holders.last().rule += QStringLiteral(" (%1)").arg(holders.last().path);
            holders.last().path = mounts.value(device).join(QLatin1String(", "));
        }
    }
    return holders;
}

} // namespace

ExactHolders readExactHolders(const QString &module)
{
    ExactHolders result;
    refscope_helper_holders_request request{};
    if (!copyName(module, request.name)) {
        result.error = QStringLiteral("%1 is not a module name").arg(module);
        return result;
    }
    const HelperHandle helper;
    result.error = helper.error();
    if (!result.error.isEmpty())
        return result;
    // Holders come and go while the helper looks: ask again with room for
    // what it found, a few times.
    QList<refscope_helper_holder> entries(256);
    for (int attempt = 0; attempt < 4; ++attempt) {
        request.holders = quint64(quintptr(entries.data()));
        request.capacity = quint32(entries.size());
        if (const int error = helper.ioctl(REFSCOPE_HELPER_IOC_HOLDERS, &request)) {
            result.error = moduleError(module, error);
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
    result.holders = groupHolders(entries);
    return result;
}

DropResult dropUnexplainedReferences(const QString &module, int expectedCount, int explainedRefs)
{
    DropResult result;
    refscope_helper_drop_request request{};
    if (!copyName(module, request.name) || explainedRefs < 0 || explainedRefs >= expectedCount) {
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
        result.error = moduleError(module, error);
        return result;
    }
}

} // namespace refscope
