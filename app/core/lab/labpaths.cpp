// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labpaths.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

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

QString exampleDir()
{
    for (const QString &dir : {QStringLiteral(REFSCOPE_LAB_BUILD_EXAMPLES_DIR),
                               QStringLiteral(REFSCOPE_LAB_INSTALL_DIR "/examples")}) {
        if (!QDir(dir).entryList({QStringLiteral("*.ko")}, QDir::Files).isEmpty())
            return dir;
    }
    return {};
}

} // namespace

QString labBootScript()
{
    return firstExisting({QStringLiteral(REFSCOPE_LAB_SOURCE_DIR "/boot-guest.sh"),
                          QStringLiteral(REFSCOPE_LAB_INSTALL_DIR "/boot-guest.sh")},
                         false);
}

QString labKernelRelease()
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
    return releases.isEmpty() ? QString() : releases.last();
}

QString labDefaultAgent()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return firstExisting({appDir + QStringLiteral("/refscope-agent"),
                          QStringLiteral(REFSCOPE_LAB_INSTALLED_AGENT),
                          QStringLiteral(REFSCOPE_LAB_BUILD_AGENT)},
                         true);
}

QStringList labExampleModules()
{
    const QString dir = exampleDir();
    if (dir.isEmpty())
        return {};
    QStringList paths;
    for (const QString &name :
         QDir(dir).entryList({QStringLiteral("*.ko")}, QDir::Files, QDir::Name))
        paths << QDir(dir).absoluteFilePath(name);
    return paths;
}

QString labExampleHelper(const QString &name)
{
    const QString dir = exampleDir();
    return dir.isEmpty() ? QString() : firstExisting({dir + u'/' + name}, true);
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
