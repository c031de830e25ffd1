// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli compare against the lab guest: it boots the guest itself,
// reads its modules, and sets them beside a snapshot saved on the other
// kernel (tests/fixtures/guest-examples-6.12.json, the examples loaded on
// 6.12). What one kernel builds in and the other loads as a module (virtio
// on 6.12) shows as a difference, and the guest's side names its origin.
#include "lab/labpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestCompareLab : public QObject {
    Q_OBJECT
private slots:
    void labAgainstSavedSnapshot();
    void twoLiveGuests();
};

void TestCompareLab::labAgainstSavedSnapshot()
{
    const QString release = qEnvironmentVariable("REFSCOPE_LAB_KERNEL");
    QVERIFY2(release.startsWith(QLatin1String("6.1.")), qPrintable(release));
    QProcess cli;
    cli.start(QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli"),
              {QStringLiteral("compare"), QStringLiteral("lab:") + release,
               QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples-6.12.json"),
               QStringLiteral("--json"), QStringLiteral("--only-different")});
    QVERIFY(cli.waitForFinished(240000));
    const QByteArray err = cli.readAllStandardError();
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, err);
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();

    const QJsonArray targets = json.value(QLatin1String("targets")).toArray();
    QCOMPARE(targets.size(), 2);
    const QJsonObject lab = targets.at(0).toObject();
    QCOMPARE(lab.value(QLatin1String("label")).toString(), QStringLiteral("lab:") + release);
    QCOMPARE(lab.value(QLatin1String("kernel")).toString(), release);
    const QJsonObject origin = lab.value(QLatin1String("origin")).toObject();
    QCOMPARE(origin.value(QLatin1String("kind")).toString(), QStringLiteral("lab"));
    QCOMPARE(origin.value(QLatin1String("kernel")).toString(), release);
    QVERIFY(!origin.value(QLatin1String("kernel_version")).toString().isEmpty());
    // Captured before snapshots recorded their origin.
    QVERIFY(!targets.at(1).toObject().contains(QLatin1String("origin")));

    QHash<QString, QJsonObject> modules;
    for (const QJsonValue &m : json.value(QLatin1String("modules")).toArray())
        modules.insert(m.toObject().value(QLatin1String("name")).toString(), m.toObject());
    const auto loadedOn = [&](const QString &module, int target) {
        return modules.value(module)
            .value(QLatin1String("targets"))
            .toArray()
            .at(target)
            .toObject()
            .value(QLatin1String("loaded"))
            .toBool();
    };
    // 6.1 loads virtio as modules; 6.12 builds them in.
    for (const char *name : {"virtio", "virtio_ring", "virtio_pci"}) {
        const QString module = QLatin1String(name);
        QVERIFY2(modules.contains(module), name);
        QCOMPARE(modules.value(module).value(QLatin1String("differs")).toArray(),
                 QJsonArray{"loaded"});
        QVERIFY(loadedOn(module, 0));
        QVERIFY(!loadedOn(module, 1));
    }
    // The examples are loaded in the saved snapshot only: a fresh guest has none.
    QVERIFY(!loadedOn(QStringLiteral("count_demo"), 0));
    QVERIFY(loadedOn(QStringLiteral("count_demo"), 1));
    // 9p is loaded alike on both (the guest's root): --only-different leaves it out.
    QVERIFY(!modules.contains(QStringLiteral("9p")));
    QVERIFY(json.value(QLatin1String("modules_compared")).toInt() >
            json.value(QLatin1String("modules_differing")).toInt());
}

// Two guests at once, one per lab kernel, both live: the same comparison
// with nothing saved beforehand.
void TestCompareLab::twoLiveGuests()
{
    const QString release = qEnvironmentVariable("REFSCOPE_LAB_KERNEL");
    QString other;
    for (const QString &kernel : refscope::labBootableKernels()) {
        if (kernel.startsWith(QLatin1String("6.12.")) && !kernel.contains(QLatin1String("-rt")))
            other = kernel;
    }
    if (other.isEmpty())
        QSKIP("no 6.12 kernel is installed for the lab (.ci/install-deps installs one)");
    QProcess cli;
    cli.start(QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli"),
              {QStringLiteral("compare"), QStringLiteral("lab:") + release,
               QStringLiteral("lab:") + other, QStringLiteral("--json"),
               QStringLiteral("--only-different")});
    QVERIFY(cli.waitForFinished(240000));
    const QByteArray err = cli.readAllStandardError();
    QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, err);
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    const QJsonArray targets = json.value(QLatin1String("targets")).toArray();
    QCOMPARE(targets.size(), 2);
    const QStringList kernels{release, other};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject origin =
            targets.at(i).toObject().value(QLatin1String("origin")).toObject();
        QCOMPARE(origin.value(QLatin1String("kind")).toString(), QStringLiteral("lab"));
        QCOMPARE(origin.value(QLatin1String("kernel")).toString(), kernels.at(i));
    }
    QHash<QString, QJsonObject> modules;
    for (const QJsonValue &m : json.value(QLatin1String("modules")).toArray())
        modules.insert(m.toObject().value(QLatin1String("name")).toString(), m.toObject());
    for (const char *name : {"virtio", "virtio_ring", "virtio_pci"}) {
        const QJsonArray sides =
            modules.value(QLatin1String(name)).value(QLatin1String("targets")).toArray();
        QVERIFY2(sides.size() == 2, name);
        QVERIFY2(sides.at(0).toObject().value(QLatin1String("loaded")).toBool(), name);
        QVERIFY2(!sides.at(1).toObject().value(QLatin1String("loaded")).toBool(), name);
    }
    QVERIFY(!modules.contains(QStringLiteral("9p")));
    qInfo("%d modules compared, %d differ", json.value(QLatin1String("modules_compared")).toInt(),
          json.value(QLatin1String("modules_differing")).toInt());
}

QTEST_GUILESS_MAIN(TestCompareLab)
#include "tst_compare_lab.moc"
