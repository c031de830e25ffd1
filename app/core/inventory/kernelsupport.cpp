// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/kernelsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <sys/utsname.h>

namespace refscope {

namespace {

bool configEnabled(const QByteArray &config, const QByteArray &option)
{
    const QByteArray wanted = option + "=y";
    for (const QByteArray &line : config.split('\n')) {
        if (line.trimmed() == wanted)
            return true;
    }
    return false;
}

// The kernel's build configuration: Debian installs it as
// /boot/config-<release>; kernels built with CONFIG_IKCONFIG_PROC expose it
// as /proc/config.gz instead. gzip(1) decompresses that one, because Qt has
// no gzip reader and the core library links no compression library.
QByteArray readKernelConfig(const QString &release)
{
    QFile boot(QStringLiteral("/boot/config-") + release);
    if (boot.open(QIODevice::ReadOnly))
        return boot.readAll();
    if (!QFile::exists(QStringLiteral("/proc/config.gz")))
        return {};
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), QStringLiteral("/proc/config.gz")});
    if (!gzip.waitForFinished(5000) || gzip.exitStatus() != QProcess::NormalExit ||
        gzip.exitCode() != 0)
        return {};
    return gzip.readAllStandardOutput();
}

// Without the configuration, /sys/module/<m>/refcnt still tells whether
// unloading was built in: the kernel creates that attribute only under
// CONFIG_MODULE_UNLOAD. Forced unloading leaves no such trace, so it is
// reported as unavailable: claiming it would be the worse mistake.
bool loadedModulesHaveRefcnt()
{
    const QStringList names =
        QDir(QStringLiteral("/sys/module")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const QString dir = QStringLiteral("/sys/module/") + name;
        if (QFile::exists(dir + QStringLiteral("/initstate")))
            return QFile::exists(dir + QStringLiteral("/refcnt"));
    }
    return false;
}

} // namespace

QString runningKernelRelease()
{
    struct utsname names {};
    if (uname(&names) != 0)
        return {};
    return QString::fromLocal8Bit(names.release);
}

KernelModuleSupport moduleSupportFromConfig(const QByteArray &config)
{
    KernelModuleSupport support;
    support.unloadable = configEnabled(config, "CONFIG_MODULE_UNLOAD");
    support.forceUnload = support.unloadable && configEnabled(config, "CONFIG_MODULE_FORCE_UNLOAD");
    return support;
}

KernelModuleSupport readKernelModuleSupport()
{
    // A kernel without CONFIG_MODULES has no /proc/modules, and then the
    // unload options are moot even if a stale config says otherwise.
    if (!QFile::exists(QStringLiteral("/proc/modules")))
        return {};
    const QByteArray config = readKernelConfig(runningKernelRelease());
    KernelModuleSupport support;
    if (!config.isEmpty())
        support = moduleSupportFromConfig(config);
    else
        support.unloadable = loadedModulesHaveRefcnt();
    support.loadable = true;
    return support;
}

} // namespace refscope
