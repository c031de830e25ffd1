// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/builtinmodulemodel.h"
#include "models/moduledetailsmodel.h"
#include "testsnapshots.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace refscope;
using namespace refscope::test;

static QString value(const ModuleDetailsModel &model, ModuleDetailsModel::Field field)
{
    return model.index(field, ModuleDetailsModel::Value).data().toString();
}

class TestModuleDetailsModel : public QObject {
    Q_OBJECT
private slots:
    void showsEveryFieldOfTheSelectedModule()
    {
        ModuleDetailsModel details;
        QAbstractItemModelTester tester(&details,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModuleInfo loop = module("loop", 2, {"refscope_demo"}, {});
        loop.description = "Loopback device support";
        loop.path = "/lib/modules/6.1.0-56-amd64/kernel/drivers/block/loop.ko";
        loop.params = {{"max_loop", "0", true}, {"secret", {}, false}};
        details.setSnapshot(snapshot({loop, module("refscope_demo", 0, {}, {"loop"})}));
        QCOMPARE(details.rowCount(), 0);

        details.setModuleName("loop");
        QVERIFY(details.isLoaded());
        QCOMPARE(details.rowCount(), int(ModuleDetailsModel::FieldCount));
        QCOMPARE(value(details, ModuleDetailsModel::Refcount), QString("2"));
        QCOMPARE(value(details, ModuleDetailsModel::Description), loop.description);
        QCOMPARE(value(details, ModuleDetailsModel::Path), loop.path);
        QCOMPARE(details.index(ModuleDetailsModel::Holders, ModuleDetailsModel::Value)
                     .data(ModuleDetailsModel::LinksRole)
                     .toStringList(),
                 QStringList({"refscope_demo"}));
        QCOMPARE(details.params()->rowCount(), 2);
        QCOMPARE(details.params()->index(1, ModuleParamsModel::Value).data().toString(),
                 QString("(readable by root only)"));
    }

    void refreshUpdatesInPlaceAndFollowsUnload()
    {
        ModuleDetailsModel details;
        QAbstractItemModelTester tester(&details,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        details.setSnapshot(snapshot({module("tun", 1)}));
        details.setModuleName("tun");
        QSignalSpy reset(&details, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&details, &QAbstractItemModel::dataChanged);
        QSignalSpy moduleChanged(&details, &ModuleDetailsModel::moduleChanged);

        details.setSnapshot(snapshot({module("tun", 3)}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(value(details, ModuleDetailsModel::Refcount), QString("3"));

        details.setSnapshot(snapshot({module("tun", 3)}));
        QCOMPARE(moduleChanged.count(), 1); // nothing changed, nothing said

        details.setSnapshot(snapshot({}));
        QVERIFY(!details.isLoaded());
        QCOMPARE(details.moduleName(), QString("tun"));
        QCOMPARE(details.rowCount(), 0);

        details.setSnapshot(snapshot({module("tun", 0)}));
        QVERIFY(details.isLoaded());
        QCOMPARE(reset.count(), 0);
    }

    void parameterValuesUpdateWithoutReset()
    {
        ModuleDetailsModel details;
        ModuleInfo loop = module("loop");
        loop.params = {{"max_loop", "0", true}, {"max_part", "0", true}};
        details.setSnapshot(snapshot({loop}));
        details.setModuleName("loop");
        QSignalSpy reset(details.params(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(details.params(), &QAbstractItemModel::dataChanged);
        loop.params[1].value = "8";
        details.setSnapshot(snapshot({loop}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(details.params()->index(1, ModuleParamsModel::Value).data().toString(),
                 QString("8"));
    }

    void unloadVerdictNamesWhatStandsInTheWay_data()
    {
        QTest::addColumn<ModuleInfo>("module");
        QTest::addColumn<QString>("verdict");
        ModuleInfo permanent = module("no_exit");
        permanent.permanent = true;
        ModuleInfo coming = module("slow_init");
        coming.state = ModuleState::Coming;
        QTest::newRow("free") << module("loop") << "yes";
        QTest::newRow("holders") << module("libcrc32c", 2, {"nf_tables", "nf_conntrack"})
                                 << "used by 2 module";
        QTest::newRow("permanent") << permanent << "no exit function";
        QTest::newRow("coming") << coming << "initialising";
        QTest::newRow("references") << module("count_demo", 2) << "2 reference";
    }

    void unloadVerdictNamesWhatStandsInTheWay()
    {
        QFETCH(ModuleInfo, module);
        QFETCH(QString, verdict);
        ModuleDetailsModel details;
        details.setSnapshot(snapshot({module}));
        details.setModuleName(module.name);
        const QString shown = value(details, ModuleDetailsModel::Unload);
        QVERIFY2(shown.contains(verdict), qPrintable(shown));
    }

    void kernelWithoutUnloadSupport()
    {
        Snapshot s = snapshot({module("loop")});
        s.support.unloadable = false;
        ModuleDetailsModel details;
        details.setSnapshot(s);
        details.setModuleName("loop");
        QVERIFY(value(details, ModuleDetailsModel::Unload).contains("CONFIG_MODULE_UNLOAD"));
    }

    void dashNameSelectsTheModule()
    {
        ModuleDetailsModel details;
        details.setSnapshot(snapshot({module("snd_hda_intel")}));
        details.setModuleName("snd-hda-intel");
        QVERIFY(details.isLoaded());
        QCOMPARE(details.moduleName(), QString("snd_hda_intel"));
    }

    void builtinModulesHaveTheirOwnTable()
    {
        BuiltinModuleModel builtin;
        QAbstractItemModelTester tester(&builtin,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Snapshot s = snapshot({});
        builtin.setModules(s.builtin);
        QCOMPARE(builtin.rowCount(), 1);
        QCOMPARE(builtin.index(0, BuiltinModuleModel::Name).data().toString(), QString("ext4"));
        QSignalSpy reset(&builtin, &QAbstractItemModel::modelReset);
        builtin.setModules(s.builtin);
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModuleDetailsModel)
#include "tst_moduledetailsmodel.moc"
