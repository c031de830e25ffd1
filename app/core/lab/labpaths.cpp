// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labpaths.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/utsname.h>

namespace refscope {

namespace {

// REFSCOPE_LAB_* come from app/lab/CMakeLists.txt (build tree and install
// locations of the agent and the example modules).
QString firstExisting(const QStringList &candidates, bool executable)
{
    for (const QString &path : candidates) {
        const QFileInfo info(path);
        if (info.isFile() && (!executable || info.isExecutable()))
            return info.absoluteFilePath();
    }
    return {};
}

QString exampleDir(const QString &release)
{
    for (const QString &dir :
         {QStringLiteral(REFSCOPE_LAB_BUILD_KMOD_DIR "/%1/examples").arg(release),
          QStringLiteral(REFSCOPE_LAB_INSTALL_DIR "/examples/%1").arg(release)}) {
        if (!QDir(dir).entryList({QStringLiteral("*.ko")}, QDir::Files).isEmpty())
            return dir;
    }
    return {};
}

QString runningRelease()
{
    utsname name{};
    return uname(&name) == 0 ? QString::fromLocal8Bit(name.release) : QString();
}

// Debian's generic flavour: the lab's default, which the vm tests run on.
bool isGeneric(const QString &release)
{
    return !release.contains(QLatin1String("-rt-")) && !release.contains(QLatin1String("-cloud-"));
}

} // namespace

QString labBootScript()
{
    return firstExisting({QStringLiteral(REFSCOPE_LAB_SOURCE_DIR "/boot-guest.sh"),
                          QStringLiteral(REFSCOPE_LAB_INSTALL_DIR "/boot-guest.sh")},
                         false);
}

QStringList labBootableKernels()
{
    QStringList releases;
    for (const QString &image :
         QDir(QStringLiteral("/boot")).entryList({QStringLiteral("vmlinuz-*")}, QDir::Files)) {
        const QString release = image.mid(int(qstrlen("vmlinuz-")));
        if (QFileInfo(QStringLiteral("/lib/modules/%1/kernel").arg(release)).isDir())
            releases.append(release);
    }
    // Numeric order, like boot-guest.sh's `ls -v`: 6.1.0-100 is newer than 6.1.0-56.
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(releases.begin(), releases.end(), numeric);
    return releases;
}

QString labKernelRelease()
{
    const QString chosen = qEnvironmentVariable("REFSCOPE_LAB_KERNEL");
    if (!chosen.isEmpty())
        return chosen;
    QString newest, newestWithHeaders;
    for (const QString &release : labBootableKernels()) {
        if (!isGeneric(release))
            continue;
        newest = release;
        if (QFileInfo::exists(QStringLiteral("/lib/modules/%1/build/Makefile").arg(release)))
            newestWithHeaders = release;
    }
    return newestWithHeaders.isEmpty() ? newest : newestWithHeaders;
}

QString labDefaultAgent()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return firstExisting({appDir + QStringLiteral("/refscope-agent"),
                          QStringLiteral(REFSCOPE_LAB_INSTALLED_AGENT),
                          QStringLiteral(REFSCOPE_LAB_BUILD_AGENT)},
                         true);
}

QString labModuleRelease()
{
    const QString chosen = qEnvironmentVariable("REFSCOPE_LAB_KERNEL");
    if (!chosen.isEmpty())
        return chosen;
    // The lab guest runs its kernel; a machine whose own kernel has modules
    // built here (a Debian host) is taken at its word too.
    const QString running = runningRelease();
    if (QFileInfo(QStringLiteral(REFSCOPE_LAB_BUILD_KMOD_DIR "/%1").arg(running)).isDir() ||
        QFileInfo(QStringLiteral(REFSCOPE_LAB_INSTALL_DIR "/examples/%1").arg(running)).isDir())
        return running;
    return labKernelRelease();
}

QStringList labExampleModules(const QString &release)
{
    const QString dir = exampleDir(release.isEmpty() ? labModuleRelease() : release);
    if (dir.isEmpty())
        return {};
    QStringList paths;
    for (const QString &name :
         QDir(dir).entryList({QStringLiteral("*.ko")}, QDir::Files, QDir::Name))
        paths << QDir(dir).absoluteFilePath(name);
    return paths;
}

QString labModuleBuildError(const QString &release, const QString &part)
{
    QFile failed(QStringLiteral(REFSCOPE_LAB_BUILD_KMOD_DIR "/%1/%2.failed").arg(release, part));
    if (release.isEmpty() || !failed.open(QIODevice::ReadOnly))
        return {};
    // The compiler's first error says it; the whole output stays in the file.
    const QStringList lines = QString::fromUtf8(failed.readAll()).trimmed().split(u'\n');
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("error")))
            return line.trimmed() + QStringLiteral(" (%1)").arg(failed.fileName());
    }
    return lines.last().trimmed() + QStringLiteral(" (%1)").arg(failed.fileName());
}

QString labExampleHelper(const QString &name)
{
    return firstExisting({QStringLiteral(REFSCOPE_LAB_BUILD_KMOD_DIR "/bin/") + name,
                          QStringLiteral(REFSCOPE_LAB_INSTALL_DIR "/examples/") + name},
                         true);
}

QString labInvisiblePrefix(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const char *prefix : {"/run/", "/dev/", "/proc/", "/sys/"}) {
        if (absolute.startsWith(QLatin1String(prefix)))
            return QLatin1String(prefix).chopped(1);
    }
    return {};
}

} // namespace refscope
