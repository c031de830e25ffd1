// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/helperhandle.h"

#include "agent/rootownedfile.h"

#include "holders/holdertext.h"
#include "inventory/moduleinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/module.h>
#include <lzma.h>
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

bool g_buildTreeAllowed = false;

// The lab (the agent's --lab, in its disposable guest) and a program that
// itself runs from the build tree (whoever can write the build tree can
// change that program too) may load the helper built there. An installed
// program never does: its build tree's path is compiled in, and whoever
// can write that directory would choose the kernel code root loads.
bool buildTreeTrusted()
{
    if (g_buildTreeAllowed)
        return true;
    const QString self = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
    return self.startsWith(QStringLiteral(REFSCOPE_HELPER_BUILD_DIR "/"));
}

// Where DKMS installs the helper for the running kernel (the
// refscope-helper-dkms package runs DKMS), compressed or not.
QString dkmsModuleFile(const QString &release)
{
    const QDir dkms(QStringLiteral("/lib/modules/%1/updates/dkms").arg(release));
    const QStringList installed =
        dkms.entryList({helperName + QStringLiteral(".ko*")}, QDir::Files, QDir::Name);
    return dkms.absoluteFilePath(installed.isEmpty() ? helperName + QStringLiteral(".ko")
                                                     : installed.first());
}

// The helper's file opened for finit_module, or why not. Outside the lab
// only DKMS's copy, and only when root alone could have written it and
// every directory above it. In the lab the build tree's comes first (the
// one just built, kmod/CMakeLists.txt: build/kmod/RELEASE/...), then DKMS's.
struct HelperFile {
    QString path;
    int fd = -1;
    std::optional<HolderSentence> why;
};

HelperFile openHelperModuleFile()
{
    const QString release = kernelRelease();
    if (buildTreeTrusted()) {
        const QString built =
            QStringLiteral(REFSCOPE_HELPER_BUILD_KMOD_DIR "/%1/refscope_helper/refscope_helper.ko")
                .arg(release);
        const int fd = ::open(QFile::encodeName(built).constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            return {built, fd, std::nullopt};
    }
    const QString path = dkmsModuleFile(release);
    const RootOwnedOpen opened = openRootOwnedFile(path);
    if (opened.ok())
        return {path, opened.fd, std::nullopt};
    if (!opened.unsafe.isEmpty())
        return {path, -1,
                HolderSentence{HolderSentenceCode::HelperUntrusted, {path, opened.unsafe}}};
    return {path, -1, loadFailure(path, opened.error)};
}

// The kernel's own xz decoder reads only what the kernel's build writes
// (xz --check=crc32); DKMS compresses with xz's default CRC64 check, which
// finit_module refuses (EINVAL, seen on Debian's 6.12). So an .xz module is
// decompressed here, from the checked descriptor, and loaded from memory;
// the signature DKMS appended before compressing stays in the image.
std::optional<QByteArray> xzDecompressed(int fd)
{
    QByteArray in;
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        in.append(chunk, n);
    }
    constexpr qsizetype kLimit = qsizetype(256) << 20; // far beyond any module
    lzma_stream stream = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&stream, UINT64_MAX, 0) != LZMA_OK)
        return std::nullopt;
    QByteArray out(in.size() * 4 + 4096, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<const uint8_t *>(in.constData());
    stream.avail_in = size_t(in.size());
    lzma_ret ret = LZMA_OK;
    while (ret == LZMA_OK) {
        if (qsizetype(stream.total_out) == out.size()) {
            if (out.size() >= kLimit)
                break;
            out.resize(out.size() * 2);
        }
        stream.next_out = reinterpret_cast<uint8_t *>(out.data()) + stream.total_out;
        stream.avail_out = size_t(out.size()) - size_t(stream.total_out);
        ret = lzma_code(&stream, LZMA_FINISH);
    }
    out.resize(qsizetype(stream.total_out));
    lzma_end(&stream);
    if (ret != LZMA_STREAM_END)
        return std::nullopt;
    return out;
}

// Loads the helper unless it is loaded; nothing on success, else why not.
std::optional<HolderSentence> ensureHelperLoaded()
{
    if (QFileInfo::exists(QStringLiteral("/sys/module/%1/initstate").arg(helperName)))
        return std::nullopt;
    const HelperFile file = openHelperModuleFile();
    if (file.why)
        return file.why;
    const QString &path = file.path;
    const int fd = file.fd;
    long rc = -1;
    int error = 0;
    if (path.endsWith(QLatin1String(".xz"))) {
        const std::optional<QByteArray> image = xzDecompressed(fd);
        rc = image ? syscall(SYS_init_module, image->constData(), size_t(image->size()), "") : -1;
        error = image ? errno : ENOEXEC;
    } else {
        // DKMS may compress what it installs (zstd, gzip); the kernel
        // decompresses those on request.
        const bool compressed = !path.endsWith(QLatin1String(".ko"));
        rc = syscall(SYS_finit_module, fd, "", compressed ? MODULE_INIT_COMPRESSED_FILE : 0);
        error = errno;
    }
    ::close(fd);
    if (rc == 0 || error == EEXIST)
        return std::nullopt;
    return loadFailure(path, error);
}

} // namespace

void setHelperFromBuildTree(bool allowed)
{
    g_buildTreeAllowed = allowed;
}

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
