// SPDX-License-Identifier: GPL-3.0-or-later
// The local reader on the machine the tests run on. The build machine's
// kernel has no loadable modules, so readLocalSnapshot must say so cleanly;
// the parts that need a module-capable kernel run in the lab (tests/vm).
#include "inventory/kernelsupport.h"
#include "inventory/kmodreader.h"
#include "inventory/sysmodule.h"
#include "lab/labpaths.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace refscope;

namespace {

// Debian's 6.1 kernel package, installed on the build machine for the lab.
// The Debian kernel the lab boots, installed on this machine by the test command.
QString guestModulesDir()
{
    return QStringLiteral("/lib/modules/") + labKernelRelease();
}

} // namespace

class TestKmodReader : public QObject {
    Q_OBJECT
private slots:
    void localSnapshotMatchesThisKernel()
    {
        const Snapshot s = readLocalSnapshot();
        QCOMPARE(s.kernelRelease, runningKernelRelease());
        QVERIFY(s.takenAtMs > 0);
        const bool hasProcModules = QFile::exists(QStringLiteral("/proc/modules"));
        QCOMPARE(s.support.loadable, hasProcModules);
        if (!hasProcModules) {
            QVERIFY(s.modules.isEmpty());
            QCOMPARE(s.support.unloadable, false);
            QCOMPARE(s.support.forceUnload, false);
            return;
        }
        for (const ModuleInfo &m : s.modules) {
            QVERIFY(!m.name.contains(u'-'));
            QVERIFY(m.state != ModuleState::Unknown);
        }
    }

    void permanentComesFromProcModules()
    {
        QString name;
        QVERIFY(procModulesLineIsPermanent(
            "crc32c_intel 24576 1 [permanent], Live 0xffffffffc0321000", &name));
        QCOMPARE(name, QStringLiteral("crc32c_intel"));
        QVERIFY(procModulesLineIsPermanent("x 4096 2 y,z,[permanent], Live 0x0", &name));
        QVERIFY(!procModulesLineIsPermanent("fat 90112 1 vfat, Live 0xffffffffc0612000", &name));
        QCOMPARE(name, QStringLiteral("fat"));
        QVERIFY(!procModulesLineIsPermanent("loop 32768 0 - Live 0xffffffffc0600000", &name));
        QVERIFY(!procModulesLineIsPermanent("", &name));
    }

    void supportFromDebianConfig()
    {
        QFile config(QStringLiteral("/boot/config-") + labKernelRelease());
        QVERIFY2(config.open(QIODevice::ReadOnly),
                 "Debian's kernel config is not installed (apt install linux-image-amd64)");
        const KernelModuleSupport s = moduleSupportFromConfig(config.readAll());
        QCOMPARE(s.unloadable, true);
        QCOMPARE(s.forceUnload, true);
        QCOMPARE(s.loadable, false);
        QCOMPARE(moduleSupportFromConfig(
                     "# CONFIG_MODULE_UNLOAD is not set\nCONFIG_MODULE_FORCE_UNLOAD=y\n"),
                 KernelModuleSupport{});
    }

    void dependsAreTheInverseOfHolders()
    {
        QList<ModuleInfo> modules(3);
        modules[0].name = QStringLiteral("fat");
        modules[0].holders = {QStringLiteral("msdos"), QStringLiteral("vfat")};
        modules[1].name = QStringLiteral("vfat");
        modules[2].name = QStringLiteral("msdos");
        fillDependsFromHolders(modules);
        QCOMPARE(modules[0].depends, QStringList{});
        QCOMPARE(modules[1].depends, QStringList{QStringLiteral("fat")});
        QCOMPARE(modules[2].depends, QStringList{QStringLiteral("fat")});
    }

    void builtinModulesOfDebianKernel()
    {
        QVERIFY2(QFile::exists(guestModulesDir() + QStringLiteral("/modules.builtin")),
                 "Debian's kernel modules are not installed (apt install linux-image-amd64)");
        const QList<BuiltinModule> builtin = readBuiltinModules(guestModulesDir());
        QFile list(guestModulesDir() + QStringLiteral("/modules.builtin"));
        QVERIFY(list.open(QIODevice::ReadOnly));
        QCOMPARE(builtin.size(), list.readAll().count('\n'));
        qsizetype described = 0;
        for (const BuiltinModule &b : builtin) {
            QVERIFY(!b.name.isEmpty() && !b.name.contains(u'-'));
            described += b.description.isEmpty() ? 0 : 1;
        }
        QVERIFY2(described > builtin.size() / 2, qPrintable(QString::number(described)));
    }

    void builtinOfMissingReleaseIsEmpty()
    {
        QVERIFY(readBuiltinModules(QDir::tempPath() + QStringLiteral("/no-such-modules-dir"))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKmodReader)
#include "tst_kmodreader.moc"
