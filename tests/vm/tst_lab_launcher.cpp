// SPDX-License-Identifier: GPL-3.0-or-later
// LabMachine's life cycle on the real lab guest: plain errors for what can
// be checked before booting, a timed-out boot, an agent that dies, a clean
// stop, and never a QEMU left behind (also when the owning process is killed).
#include "lab/labmachine.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace refscope {

namespace {

constexpr char kOrphanVariable[] = "REFSCOPE_LAB_TEST_ORPHAN_CACHE";

// QEMUs booted with this initramfs cache directory (their -initrd is in it).
int qemusUsing(const QString &cacheDir)
{
    int count = 0;
    for (const QString &pid :
         QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray args = cmdline.readAll(); // empty for zombies
        if (args.startsWith("qemu-system") && args.contains(cacheDir.toUtf8()))
            ++count;
    }
    return count;
}

bool waitForNoQemu(const QString &cacheDir, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (qemusUsing(cacheDir) > 0 && !deadline.hasExpired())
        QTest::qWait(100);
    return qemusUsing(cacheDir) == 0;
}

} // namespace

class TestLabLauncher : public QObject {
    Q_OBJECT

    QTemporaryDir m_cache; // our own initramfs cache tells our QEMUs apart

    LabOptions options() const
    {
        LabOptions o;
        o.cacheDir = m_cache.path();
        o.lifetimeLimitS = 300; // a safety net should a test go wrong
        return o;
    }

    // Starts a guest that must fail. Returns failed()'s reason when failed()
    // and stopped() came once each and no QEMU of ours is left; otherwise
    // what went wrong, in angle brackets.
    QString failureOf(const LabOptions &o) const
    {
        LabMachine lab;
        QSignalSpy failed(&lab, &LabMachine::failed);
        QSignalSpy stopped(&lab, &LabMachine::stopped);
        lab.start(o);
        if (lab.waitForReady(90000))
            return QStringLiteral("<the guest became ready>");
        if (!lab.waitForStopped(15000))
            return QStringLiteral("<the guest did not stop>");
        if (stopped.isEmpty())
            stopped.wait(5000); // queued when the options were refused
        if (failed.size() != 1 || stopped.size() != 1)
            return QStringLiteral("<failed() %1 times, stopped() %2 times>")
                .arg(failed.size())
                .arg(stopped.size());
        if (!waitForNoQemu(m_cache.path(), 5000))
            return QStringLiteral("<a QEMU was left behind>");
        return failed.first().first().toString();
    }

private slots:
    void initTestCase()
    {
        const QString missing = labTestPrerequisites();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QVERIFY(m_cache.isValid());
    }

    void missingKernelIsAPlainError()
    {
        LabOptions o = options();
        o.kernelRelease = QStringLiteral("9.9.9-nonexistent");
        QCOMPARE(failureOf(o),
                 QStringLiteral("Kernel 9.9.9-nonexistent is not installed here (there is no "
                                "/boot/vmlinuz-9.9.9-nonexistent)."));
    }

    void missingAgentIsAPlainError()
    {
        LabOptions o = options();
        o.agentPath = QStringLiteral("/nonexistent/refscope-agent");
        const QString reason = failureOf(o);
        QVERIFY2(reason.contains(QLatin1String("does not exist or is not executable")),
                 qPrintable(reason));
    }

    void agentThatExitsIsReported()
    {
        // `sh --lab` fails at once with an error on stderr: the guest boots,
        // the "agent" dies, and the reason reaches the caller.
        LabOptions o = options();
        o.agentPath = QStringLiteral("/bin/sh");
        const QString reason = failureOf(o);
        QVERIFY2(reason.contains(QLatin1String("exited before answering")) &&
                     reason.contains(QLatin1String("Illegal option")),
                 qPrintable(reason));
    }

    void bootTimeoutKillsTheGuest()
    {
        LabOptions o = options();
        o.bootTimeoutMs = 1500;
        const QString reason = failureOf(o);
        QVERIFY2(reason.contains(QLatin1String("within 1 s")), qPrintable(reason));
    }

    void bootsStopsAndMeasures()
    {
        LabMachine lab;
        QSignalSpy failed(&lab, &LabMachine::failed);
        QSignalSpy stopped(&lab, &LabMachine::stopped);
        lab.start(options());
        QVERIFY2(lab.waitForReady(90000),
                 failed.isEmpty() ? "no reason" : qPrintable(failed.first().first().toString()));
        qInfo("boot to a ready agent: %lld ms", lab.bootDurationMs());
        const QJsonObject hello = lab.agent()->helloResult();
        QVERIFY(hello.value(QLatin1String("lab")).toBool());
        QCOMPARE(hello.value(QLatin1String("uid")).toInt(-1), 0);
        QVERIFY(lab.consoleLog().contains(QLatin1String("refscope-lab: running the command")));
        lab.stop();
        QVERIFY(lab.waitForStopped(10000));
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(waitForNoQemu(m_cache.path(), 5000));
    }

    void destructorStopsARunningGuest()
    {
        {
            LabMachine lab;
            lab.start(options());
            QVERIFY(lab.waitForReady(90000));
            QCOMPARE(qemusUsing(m_cache.path()), 1);
        }
        QVERIFY(waitForNoQemu(m_cache.path(), 5000));
    }

    void guestDiesWithItsOwner()
    {
        // A child process owns a booting guest and is killed with SIGKILL:
        // no destructor runs, yet QEMU must go too.
        QProcess owner;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kOrphanVariable), m_cache.path());
        owner.setProcessEnvironment(env);
        owner.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(owner.waitForStarted());
        QDeadlineTimer deadline(30000);
        while (qemusUsing(m_cache.path()) == 0 && !deadline.hasExpired())
            QTest::qWait(100);
        QCOMPARE(qemusUsing(m_cache.path()), 1);
        ::kill(pid_t(owner.processId()), SIGKILL);
        QVERIFY(owner.waitForFinished(5000));
        QVERIFY(waitForNoQemu(m_cache.path(), 5000));
    }
};

// The owner process of guestDiesWithItsOwner: boots and waits to be killed.
int runOwner(const QString &cacheDir)
{
    LabMachine lab;
    LabOptions o;
    o.cacheDir = cacheDir;
    o.lifetimeLimitS = 120;
    lab.start(o);
    lab.waitForReady(120000);
    return 1;
}

} // namespace refscope

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString ownerCache = qEnvironmentVariable(refscope::kOrphanVariable);
    if (!ownerCache.isEmpty())
        return refscope::runOwner(ownerCache);
    refscope::TestLabLauncher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lab_launcher.moc"
