// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/helperhandle.h"

#include "holders/holdertext.h"
#include "inventory/moduleinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/module.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
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
// with DKMS's key), else the one built here for the running kernel
// (kmod/CMakeLists.txt builds one per kernel: build/kmod/RELEASE/...).
QString helperModuleFile()
{
    const QString release = kernelRelease();
    const QDir dkms(QStringLiteral("/lib/modules/%1/updates/dkms").arg(release));
    const QStringList installed =
        dkms.entryList({helperName + QStringLiteral(".ko*")}, QDir::Files, QDir::Name);
    if (!installed.isEmpty())
        return dkms.absoluteFilePath(installed.first());
    return QStringLiteral(REFSCOPE_HELPER_BUILD_KMOD_DIR "/%1/refscope_helper/refscope_helper.ko")
        .arg(release);
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

HolderSentence loadFailure(const QString &path, int error)
{
    switch (error) {
    case ENOENT:
        return {HolderSentenceCode::HelperNotInstalled, {path}};
    case EKEYREJECTED:
    case EPERM:
        if (error == EKEYREJECTED || (geteuid() == 0 && signaturesEnforced()))
            return {HolderSentenceCode::HelperUnsigned, {path}};
        return {HolderSentenceCode::HelperNeedsRoot, {}};
    case ENOEXEC:
    case EINVAL:
        return {HolderSentenceCode::HelperWrongKernel, {path, kernelRelease()}};
    default:
        return {HolderSentenceCode::HelperLoadRefused, {path, errnoText(error)}};
    }
}

// Loads the helper unless it is loaded; nothing on success, else why not.
std::optional<HolderSentence> ensureHelperLoaded()
{
    if (QFileInfo::exists(QStringLiteral("/sys/module/%1/initstate").arg(helperName)))
        return std::nullopt;
    const QString path = helperModuleFile();
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return loadFailure(path, errno);
    // DKMS may compress what it installs; the kernel decompresses on request.
    const bool compressed = !path.endsWith(QLatin1String(".ko"));
    const long rc = syscall(SYS_finit_module, fd, "", compressed ? MODULE_INIT_COMPRESSED_FILE : 0);
    const int error = errno;
    ::close(fd);
    if (rc == 0 || error == EEXIST)
        return std::nullopt;
    return loadFailure(path, error);
}

} // namespace

QString HelperHandle::error() const
{
    return m_why ? holderSentenceText(*m_why, {}, TextLanguage::English) : QString();
}

HelperHandle::HelperHandle()
{
    m_why = ensureHelperLoaded();
    if (m_why)
        return;
    m_fd = ::open(QFile::encodeName(devicePath).constData(), O_RDWR | O_CLOEXEC);
    if (m_fd < 0) {
        m_why = {HolderSentenceCode::HelperUnopenable, {devicePath, errnoText(errno)}};
        return;
    }
    __u32 version = 0;
    if (::ioctl(m_fd, REFSCOPE_HELPER_IOC_VERSION, &version) != 0 ||
        version != REFSCOPE_HELPER_ABI_VERSION)
        m_why = {HolderSentenceCode::HelperWrongVersion,
                 {QString::number(version), QString::number(REFSCOPE_HELPER_ABI_VERSION)}};
}

HelperHandle::~HelperHandle()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

int HelperHandle::ioctl(unsigned long request, void *argument) const
{
    return ::ioctl(m_fd, request, argument) == 0 ? 0 : errno;
}

bool copyHelperName(const QString &module, char (&name)[REFSCOPE_HELPER_NAME_LEN])
{
    const QByteArray bytes = normalizeModuleName(module).toUtf8();
    if (bytes.isEmpty() || bytes.size() >= REFSCOPE_HELPER_NAME_LEN || bytes.contains('\0') ||
        bytes.contains('/'))
        return false;
    std::memset(name, 0, sizeof(name));
    std::memcpy(name, bytes.constData(), size_t(bytes.size()));
    return true;
}

QString helperModuleError(const QString &module, int error)
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

QString readyToAsk(const QString &module, char (&name)[REFSCOPE_HELPER_NAME_LEN],
                   const HelperHandle &helper)
{
    if (!copyHelperName(module, name))
        return QStringLiteral("%1 is not a module name").arg(module);
    return helper.error();
}

} // namespace refscope
