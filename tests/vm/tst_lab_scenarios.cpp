// SPDX-License-Identifier: GPL-3.0-or-later
// Every lab scenario, run through LabScenarios as the GUI's Run / Stop /
// Load / Unload buttons run it, in ONE guest of Debian's real 6.1 kernel:
// the agent's snapshot must show what each scenario's "what to watch" text
// promises, and unloading a module in use must come back as the agent's
// plain "busy" refusal.
#include "inventory/snapshotjson.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "lab/labscenarios.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QSet>
#include <QtTest>

#include <memory>

namespace refscope {

class TestLabScenarios : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<LabScenarios> m_scenarios;
    QSet<QString> m_covered; // scenario ids run so far

    // Runs one LabScenarios action to its end; its error, empty on success.
    QString act(const std::function<void(LabScenarios::Done)> &action)
    {
        bool finished = false;
        QString result;
        action([&](const QString &error) {
            finished = true;
            result = error;
        });
        if (!QTest::qWaitFor([&] { return finished; }, 90000))
            return QStringLiteral("no answer within 90 s");
        return result;
    }

    QString run(const QString &id)
    {
        m_covered.insert(id);
        return act([&](LabScenarios::Done done) { m_scenarios->run(id, done); });
    }
    QString stop(const QString &id)
    {
        return act([&](LabScenarios::Done done) { m_scenarios->stop(id, done); });
    }
    QString unload(const QString &module)
    {
        return act([&](LabScenarios::Done done) { m_scenarios->unloadModule(module, done); });
    }

    // The module as the agent sees it now; name empty when it is not loaded.
    ModuleInfo module(const QString &name)
    {
        const AgentReply reply = m_lab.agent()->callSync(QStringLiteral("snapshot"), {}, 60000);
        Snapshot snapshot;
        QString error;
        if (!reply.ok || !snapshotFromJson(reply.result.toObject(), &snapshot, &error))
            qWarning("snapshot failed: %s %s", qPrintable(reply.errorMessage), qPrintable(error));
        const ModuleInfo *found = snapshot.find(name);
        return found ? *found : ModuleInfo{};
    }

    // The agent's own refusal: code busy, and the module still there.
    void verifyBusy(const QString &name)
    {
        const AgentReply reply = m_lab.agent()->callSync(QStringLiteral("module.unload"),
                                                         {{QStringLiteral("name"), name}}, 30000);
        QCOMPARE(reply.errorCode, QString(errorcode::Busy));
        const QString message = unload(name);
        QVERIFY2(!message.isEmpty(), qPrintable(name));
        qInfo("%s: %s", qPrintable(name), qPrintable(message));
        QCOMPARE(module(name).name, name);
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 500); // the ctest timeout is 600 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_scenarios = std::make_unique<LabScenarios>(m_lab.agent());
    }

    void cleanupTestCase()
    {
        m_scenarios.reset();
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void procFileDoesNotPin()
    {
        QCOMPARE(run(QStringLiteral("testmod")), QString());
        const ModuleInfo testmod = module(QStringLiteral("testmod"));
        QCOMPARE(testmod.refcount, 0);
        QVERIFY(testmod.holders.isEmpty());
        QCOMPARE(unload(QStringLiteral("testmod")), QString());
        QVERIFY(module(QStringLiteral("testmod")).name.isEmpty());
    }

    void openDeviceHoldsTwo()
    {
        const QString id = QStringLiteral("count_demo");
        QCOMPARE(run(id), QString());
        QVERIFY(m_scenarios->hasBackground(id));
        QTRY_COMPARE_WITH_TIMEOUT(module(id).refcount, 2, 10000);
        QVERIFY(module(id).holders.isEmpty());
        verifyBusy(id);
        QCOMPARE(stop(id), QString());
        QVERIFY(!m_scenarios->hasBackground(id));
        // stop() waits for the holder to exit: no retry needed.
        QCOMPARE(module(id).refcount, 0);
        QCOMPARE(unload(id), QString());
    }

    void netlinkSocketStaysInKernelThread()
    {
        const QString id = QStringLiteral("stuck_netlink");
        QCOMPARE(run(id), QString());
        const ModuleInfo stuck = module(id);
        QCOMPARE(stuck.refcount, 1);
        QVERIFY(stuck.holders.isEmpty());
        verifyBusy(id);
    }

    void errorPathLeaksOnePerRun()
    {
        const QString id = QStringLiteral("leaky_ref");
        QCOMPARE(run(id), QString());
        QCOMPARE(module(id).refcount, 1);
        QCOMPARE(run(id), QString()); // loaded already: only the write again
        QCOMPARE(module(id).refcount, 2);
        QVERIFY(module(id).holders.isEmpty());
        verifyBusy(id);
    }

    void noExitIsPermanent()
    {
        const QString id = QStringLiteral("no_exit");
        QCOMPARE(run(id), QString());
        const ModuleInfo noExit = module(id);
        QVERIFY(noExit.permanent);
        QCOMPARE(noExit.refcount, 0);
        verifyBusy(id);
        // Load on a loaded module is refused in plain words too.
        const QString again =
            act([&](LabScenarios::Done done) { m_scenarios->loadExample(id, done); });
        QVERIFY2(again.contains(id), qPrintable(again));
    }

    void slowInitIsComing()
    {
        const QString id = QStringLiteral("slow_init");
        QCOMPARE(run(id), QString());
        QTRY_COMPARE_WITH_TIMEOUT(module(id).state, ModuleState::Coming, 20000);
        QCOMPARE(module(id).refcount, 1);
        verifyBusy(id);
        QCOMPARE(stop(id), QString());
        // Interrupted, init gives up and the kernel frees the module.
        QTRY_VERIFY_WITH_TIMEOUT(module(id).name.isEmpty(), 10000);
    }

    void exportUserIsHolder()
    {
        QCOMPARE(run(QStringLiteral("export_provider")), QString());
        const ModuleInfo provider = module(QStringLiteral("export_provider"));
        QCOMPARE(provider.refcount, 1);
        QCOMPARE(provider.holders, QStringList{QStringLiteral("export_consumer")});
        verifyBusy(QStringLiteral("export_provider"));
        QCOMPARE(unload(QStringLiteral("export_consumer")), QString());
        QCOMPARE(module(QStringLiteral("export_provider")).refcount, 0);
        QCOMPARE(unload(QStringLiteral("export_provider")), QString());
    }

    void devicesHeldOpen()
    {
        const QString id = QStringLiteral("devices");
        QCOMPARE(run(id), QString());
        // fuse is built into 6.12 (modprobe succeeds, no module to list):
        // only loop and tun have counts there.
        QStringList stock{QStringLiteral("loop"), QStringLiteral("tun")};
        if (!module(QStringLiteral("fuse")).name.isEmpty())
            stock << QStringLiteral("fuse");
        QVERIFY(module(QStringLiteral("loop")).refcount >= 1);
        QVERIFY(module(QStringLiteral("tun")).refcount >= 2);
        for (const QString &name : std::as_const(stock)) {
            QVERIFY(module(name).refcount >= 1);
            QVERIFY(module(name).holders.isEmpty());
            verifyBusy(name);
        }
        QCOMPARE(stop(id), QString());
        for (const QString &name : std::as_const(stock))
            QCOMPARE(module(name).refcount, 0);
    }

    void everyScenarioWasRun()
    {
        for (const LabScenario &scenario : LabScenarios::all())
            QVERIFY2(m_covered.contains(scenario.id), qPrintable(scenario.id));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestLabScenarios)
#include "tst_lab_scenarios.moc"
