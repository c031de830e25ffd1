// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing snapshots of different machines, on snapshots captured in the
// lab guest on Debian's 6.1 and 6.12 kernels (tests/fixtures): the modules
// one kernel builds in or never loads, a holder that changed between them,
// and the comparison as a table model and as JSON.
#include "compare/comparetargets.h"
#include "compare/snapshotcompare.h"
#include "models/comparemodel.h"
#include "sources/filesnapshotsource.h"

#include <QJsonArray>
#include <QTest>

using namespace refscope;

namespace {

CompareTarget fixture(const char *name)
{
    CompareTarget target;
    target.label = QLatin1String(name);
    QString error;
    if (!FileSnapshotSource::readFile(QStringLiteral(REFSCOPE_FIXTURES_DIR "/") +
                                          QLatin1String(name),
                                      &target.snapshot, &error))
        qFatal("%s", qPrintable(error));
    return target;
}

const CompareRow *rowOf(const SnapshotComparison &c, const QString &module)
{
    for (const CompareRow &row : c.rows)
        if (row.module == module)
            return &row;
    return nullptr;
}

QStringList differingModules(const SnapshotComparison &c)
{
    QStringList names;
    for (const CompareRow &row : c.rows)
        if (row.differs())
            names << row.module;
    return names;
}

} // namespace

class TestSnapshotCompare : public QObject {
    Q_OBJECT
private slots:
    // The examples loaded on 6.1 and on 6.12: 6.12 builds virtio and fuse
    // in and loads overlay; netfs is held by fscache on 6.1, by 9pnet on 6.12.
    void targetSpecs()
    {
        QString error;
        auto lab = parseTargetSpec(QStringLiteral("lab:6.1.0-57-amd64"), &error);
        QVERIFY(lab);
        QCOMPARE(lab->kind, TargetSpec::Kind::Lab);
        QCOMPARE(lab->argument, QStringLiteral("6.1.0-57-amd64"));
        auto ssh = parseTargetSpec(QStringLiteral("ssh:me@testbox:2222"), &error);
        QVERIFY(ssh);
        QCOMPARE(ssh->kind, TargetSpec::Kind::Ssh);
        QCOMPARE(ssh->argument, QStringLiteral("me@testbox:2222"));
        QCOMPARE(ssh->label, QStringLiteral("ssh:me@testbox:2222"));
        // A malformed host is refused with ssh's parser's reason, not read as a file.
        QVERIFY(!parseTargetSpec(QStringLiteral("ssh:"), &error));
        QVERIFY(!error.isEmpty());
        auto file = parseTargetSpec(QStringLiteral("/tmp/box.json"), &error);
        QVERIFY(file);
        QCOMPARE(file->kind, TargetSpec::Kind::File);
        QCOMPARE(file->label, QStringLiteral("box.json"));
    }

    void examplesAcrossKernels()
    {
        const SnapshotComparison c =
            compareSnapshots({fixture("guest-examples.json"), fixture("guest-examples-6.12.json")});
        QCOMPARE(c.targets.size(), 2);
        QCOMPARE(c.rows.size(), 23); // every module of either, once
        QCOMPARE(differingModules(c),
                 (QStringList{"fscache", "fuse", "netfs", "overlay", "virtio", "virtio_console",
                              "virtio_pci", "virtio_pci_legacy_dev", "virtio_pci_modern_dev",
                              "virtio_ring"}));
        QCOMPARE(c.differingRows(), 10);

        const CompareRow *overlay = rowOf(c, QStringLiteral("overlay"));
        QVERIFY(overlay);
        QVERIFY(!overlay->perTarget.at(0) && overlay->perTarget.at(1));
        QCOMPARE(overlay->differing, 1u << int(CompareField::Loaded));

        const CompareRow *netfs = rowOf(c, QStringLiteral("netfs"));
        QVERIFY(netfs);
        QCOMPARE(netfs->differing, 1u << int(CompareField::Holders));
        QCOMPARE(compareFieldText(netfs->perTarget.at(0), CompareField::Holders),
                 QStringLiteral("9p,fscache"));
        QCOMPARE(compareFieldText(netfs->perTarget.at(1), CompareField::Holders),
                 QStringLiteral("9p,9pnet"));

        // The examples themselves are the same module on both kernels.
        for (const char *same : {"count_demo", "leaky_ref", "stuck_netlink", "loop", "tun"}) {
            const CompareRow *row = rowOf(c, QLatin1String(same));
            QVERIFY2(row && !row->differs(), same);
        }
        const CompareRow *countDemo = rowOf(c, QStringLiteral("count_demo"));
        QCOMPARE(compareFieldText(countDemo->perTarget.at(0), CompareField::Params),
                 QStringLiteral("self_ref=Y"));
        QCOMPARE(compareFieldText(countDemo->perTarget.at(0), CompareField::Taints),
                 QStringLiteral("OE"));
        QCOMPARE(compareFieldText(countDemo->perTarget.at(1), CompareField::Refcount),
                 QStringLiteral("2"));
        // A module's modinfo version differs where one kernel does not load it.
        const CompareRow *virtioPci = rowOf(c, QStringLiteral("virtio_pci"));
        QCOMPARE(compareFieldText(virtioPci->perTarget.at(0), CompareField::Srcversion),
                 QStringLiteral("2526A0E335FCA2331138131"));
        QCOMPARE(compareFieldText(virtioPci->perTarget.at(1), CompareField::Srcversion), QString());
        QCOMPARE(virtioPci->differing, 1u << int(CompareField::Loaded));
    }

    // Three targets: the 6.1 guest before and after loading the examples,
    // and the 6.12 one. A field differs only among the targets that load it.
    void threeTargets()
    {
        const SnapshotComparison c =
            compareSnapshots({fixture("guest-stock.json"), fixture("guest-examples.json"),
                              fixture("guest-stock-6.12.json")});
        QCOMPARE(c.targets.size(), 3);
        const CompareRow *loop = rowOf(c, QStringLiteral("loop"));
        QVERIFY(loop && loop->differs(CompareField::Loaded));
        QVERIFY(!loop->differs(CompareField::Params)); // loaded on one target only
        const CompareRow *p9 = rowOf(c, QStringLiteral("9p"));
        QVERIFY(p9 && !p9->differs());
        // The stock 6.1 and 6.12 guests: 4 modules alike, the rest on one side.
        const SnapshotComparison stock =
            compareSnapshots({fixture("guest-stock.json"), fixture("guest-stock-6.12.json")});
        QCOMPARE(stock.rows.size(), 12);
        QCOMPARE(
            differingModules(stock),
            (QStringList{"fscache", "netfs", "overlay", "virtio", "virtio_console", "virtio_pci",
                         "virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio_ring"}));
    }

    void sameSnapshotHasNoDifferences()
    {
        const SnapshotComparison c = compareSnapshots(
            {fixture("guest-many-modules.json"), fixture("guest-many-modules.json")});
        QVERIFY(c.rows.size() > 200);
        QCOMPARE(c.differingRows(), 0);
    }

    void json()
    {
        const SnapshotComparison c =
            compareSnapshots({fixture("guest-examples.json"), fixture("guest-examples-6.12.json")});
        const QJsonObject all = comparisonToJson(c, false);
        QCOMPARE(all.keys(),
                 (QStringList{"modules", "modules_compared", "modules_differing", "targets"}));
        QCOMPARE(all.value(QLatin1String("modules")).toArray().size(), 23);
        QCOMPARE(all.value(QLatin1String("modules_differing")).toInt(), 10);
        const QJsonArray targets = all.value(QLatin1String("targets")).toArray();
        QCOMPARE(targets.at(1).toObject().value(QLatin1String("kernel")).toString(),
                 QStringLiteral("6.12.118+deb12-amd64"));
        // Captured before origins were recorded: no origin object.
        QVERIFY(!targets.at(0).toObject().contains(QLatin1String("origin")));

        const QJsonArray differing =
            comparisonToJson(c, true).value(QLatin1String("modules")).toArray();
        QCOMPARE(differing.size(), 10);
        QJsonObject netfs;
        for (const QJsonValue &m : differing)
            if (m.toObject().value(QLatin1String("name")).toString() == QLatin1String("netfs"))
                netfs = m.toObject();
        QCOMPARE(netfs.value(QLatin1String("differs")).toArray(), QJsonArray{"holders"});
        const QJsonArray per = netfs.value(QLatin1String("targets")).toArray();
        QCOMPARE(per.size(), 2);
        QCOMPARE(per.at(1).toObject().value(QLatin1String("holders")).toArray(),
                 (QJsonArray{"9p", "9pnet"}));
        QJsonObject overlay;
        for (const QJsonValue &m : differing)
            if (m.toObject().value(QLatin1String("name")).toString() == QLatin1String("overlay"))
                overlay = m.toObject();
        QCOMPARE(overlay.value(QLatin1String("targets")).toArray().at(0).toObject(),
                 (QJsonObject{{"loaded", false}}));
    }

    void model()
    {
        CompareModel model;
        model.setComparison(compareSnapshots(
            {fixture("guest-examples.json"), fixture("guest-examples-6.12.json")}));
        QCOMPARE(model.rowCount(), 23);
        QCOMPARE(model.columnCount(), 1 + 2 * kCompareFieldCount);
        QCOMPARE(
            model.headerData(model.columnOf(1, CompareField::Holders), Qt::Horizontal).toString(),
            QStringLiteral("B · Used by"));
        QVERIFY(model
                    .headerData(model.columnOf(0, CompareField::Loaded), Qt::Horizontal,
                                Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("origin not recorded")));
        model.setOnlyDifferent(true);
        QCOMPARE(model.rowCount(), 10);
        int netfsRow = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 0).data().toString() == QLatin1String("netfs"))
                netfsRow = r;
        QVERIFY(netfsRow >= 0);
        QVERIFY(model.index(netfsRow, 0).data(CompareModel::DiffersRole).toBool());
        QVERIFY(model.index(netfsRow, model.columnOf(1, CompareField::Holders))
                    .data(CompareModel::DiffersRole)
                    .toBool());
        QVERIFY(!model.index(netfsRow, model.columnOf(1, CompareField::Refcount))
                     .data(CompareModel::DiffersRole)
                     .toBool());
        QCOMPARE(model.index(netfsRow, model.columnOf(0, CompareField::Holders)).data().toString(),
                 QStringLiteral("9p,fscache"));
        model.setOnlyDifferent(false);
        QCOMPARE(model.rowCount(), 23);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotCompare)
#include "tst_snapshotcompare.moc"
