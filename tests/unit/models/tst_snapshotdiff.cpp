// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/snapshotdiff.h"
#include "testsnapshots.h"

#include <QTest>

using namespace refscope;
using namespace refscope::test;

class TestSnapshotDiff : public QObject {
    Q_OBJECT
private slots:
    void identicalSnapshotsHaveNoDiff()
    {
        const Snapshot s = snapshot({module("loop"), module("fuse", 1)});
        QVERIFY(diffSnapshots(s, s).isEmpty());
    }

    void emptyToFullLoadsEverything()
    {
        const SnapshotDiff d = diffSnapshots({}, snapshot({module("tun"), module("loop")}));
        QCOMPARE(d.loaded, QStringList({"loop", "tun"}));
        QVERIFY(d.unloaded.isEmpty());
        QVERIFY(d.changed.isEmpty());
        QVERIFY(d.kernelChanged);
    }

    void loadedUnloadedAndChanged()
    {
        const Snapshot before = snapshot({module("loop"), module("fuse"), module("tun")});
        ModuleInfo fuse = module("fuse", 2);
        fuse.taints = "OE";
        const Snapshot after = snapshot({module("loop"), fuse, module("vfat", 0, {}, {"fat"})});
        const SnapshotDiff d = diffSnapshots(before, after);
        QCOMPARE(d.loaded, QStringList({"vfat"}));
        QCOMPARE(d.unloaded, QStringList({"tun"}));
        QCOMPARE(d.changed.size(), 1);
        QCOMPARE(d.changed.first().name, QString("fuse"));
        QCOMPARE(d.changed.first().fields, ModuleField::Refcount | ModuleField::Taints);
        QVERIFY(!d.kernelChanged);
        QVERIFY(!d.builtinChanged);
    }

    void everyFieldIsCompared_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("size") << int(ModuleField::Size);
        QTest::newRow("refcount") << int(ModuleField::Refcount);
        QTest::newRow("state") << int(ModuleField::State);
        QTest::newRow("permanent") << int(ModuleField::Permanent);
        QTest::newRow("taints") << int(ModuleField::Taints);
        QTest::newRow("holders") << int(ModuleField::Holders);
        QTest::newRow("depends") << int(ModuleField::Depends);
        QTest::newRow("params") << int(ModuleField::Params);
        QTest::newRow("file") << int(ModuleField::FileInfo);
    }

    void everyFieldIsCompared()
    {
        QFETCH(int, field);
        const ModuleInfo before = module("snd_pcm", 1, {"snd_hda_codec"}, {"snd"});
        ModuleInfo after = before;
        switch (ModuleField(field)) {
        case ModuleField::Size:
            after.size += 1;
            break;
        case ModuleField::Refcount:
            after.refcount += 1;
            break;
        case ModuleField::State:
            after.state = ModuleState::Going;
            break;
        case ModuleField::Permanent:
            after.permanent = true;
            break;
        case ModuleField::Taints:
            after.taints = "O";
            break;
        case ModuleField::Holders:
            after.holders.append("snd_seq");
            break;
        case ModuleField::Depends:
            after.depends.clear();
            break;
        case ModuleField::Params:
            after.params.append({"preallocate_dma", "1", true});
            break;
        case ModuleField::FileInfo:
            after.srcversion = "ABCDEF";
            break;
        }
        QCOMPARE(changedFields(before, after), ModuleFields(ModuleField(field)));
    }

    void anotherKernelAndBuiltinListAreNoticed()
    {
        const Snapshot before = snapshot({module("loop")});
        Snapshot after = before;
        after.kernelRelease = "6.1.0-57-amd64";
        after.builtin.clear();
        const SnapshotDiff d = diffSnapshots(before, after);
        QVERIFY(d.kernelChanged);
        QVERIFY(d.builtinChanged);
        QVERIFY(d.loaded.isEmpty() && d.unloaded.isEmpty() && d.changed.isEmpty());
    }

    void unsortedInputAndDuplicateNames()
    {
        Snapshot after;
        after.modules = {module("tun"), module("loop", 3), module("loop", 5)};
        const SnapshotDiff d = diffSnapshots(snapshot({module("loop")}), after);
        QCOMPARE(d.loaded, QStringList({"tun"}));
        // The first "loop" counts, as Snapshot::find returns it.
        QCOMPARE(d.changed.size(), 1);
        QCOMPARE(d.changed.first().fields, ModuleFields(ModuleField::Refcount));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
