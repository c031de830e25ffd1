// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot JSON codec: round trips, and a clear message for each kind
// of bad input.
#include "inventory/kmodreader.h"
#include "inventory/snapshotjson.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace refscope;

namespace {

Snapshot sampleSnapshot()
{
    Snapshot s;
    s.kernelRelease = QStringLiteral("6.1.0-56-amd64");
    s.takenAtMs = 1763780000123;
    s.support = {true, true, true};
    ModuleInfo fat;
    fat.name = QStringLiteral("fat");
    fat.size = 90112;
    fat.refcount = 1;
    fat.state = ModuleState::Live;
    fat.holders = {QStringLiteral("vfat")};
    fat.params = {{QStringLiteral("a_param"), QStringLiteral("1"), true},
                  {QStringLiteral("secret"), {}, false}};
    fat.srcversion = QStringLiteral("0123456789ABCDEF");
    fat.signer = QStringLiteral("Debian Secure Boot CA");
    fat.license = QStringLiteral("GPL");
    fat.description = QStringLiteral("FAT filesystem support");
    fat.path = QStringLiteral("/lib/modules/6.1.0-56-amd64/kernel/fs/fat/fat.ko");
    ModuleInfo vfat;
    vfat.name = QStringLiteral("vfat");
    vfat.size = 24576;
    vfat.state = ModuleState::Going;
    vfat.refcount = -1;
    vfat.permanent = true;
    vfat.taints = QStringLiteral("OE");
    vfat.depends = {QStringLiteral("fat")};
    s.modules = {fat, vfat};
    s.builtin = {{QStringLiteral("crc32c_generic"),
                  QStringLiteral("CRC32c (Castagnoli) calculations wrapper for lib/crc32c")}};
    return s;
}

QString parseError(const QJsonObject &json)
{
    Snapshot s;
    QString error;
    if (snapshotFromJson(json, &s, &error))
        return QStringLiteral("(accepted)");
    return error;
}

QJsonObject withModuleField(const QString &key, const QJsonValue &value)
{
    QJsonObject json = snapshotToJson(sampleSnapshot());
    QJsonArray modules = json.value(QLatin1String("modules")).toArray();
    QJsonObject first = modules.at(0).toObject();
    if (value.isUndefined())
        first.remove(key);
    else
        first.insert(key, value);
    modules.replace(0, first);
    json.insert(QStringLiteral("modules"), modules);
    return json;
}

} // namespace

// The same moment's /proc/modules (captured right after the JSON): every
// module, its lsmod numbers, holders, state and permanence must agree.
void compareWithProcModules(const Snapshot &s, const QString &procModulesFile)
{
    QFile file(procModulesFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(procModulesFile));
    const QHash<QString, ModuleState> states{{"Live", ModuleState::Live},
                                             {"Loading", ModuleState::Coming},
                                             {"Unloading", ModuleState::Going}};
    qsizetype lines = 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 5)
            continue;
        ++lines;
        const QString name = QString::fromLatin1(f[0]);
        const ModuleInfo *m = s.find(name);
        QVERIFY2(m, qPrintable(procModulesFile + ": " + name + " missing from the snapshot"));
        const QString where = procModulesFile + ": " + name;
        QStringList users = QString::fromLatin1(f[3]).split(u',', Qt::SkipEmptyParts);
        const bool permanent = users.removeAll("[permanent]") > 0;
        users.removeAll("-");
        users.sort();
        QCOMPARE(m->holders, users);
        QCOMPARE(m->permanent, permanent);
        QCOMPARE(m->refcount, f[2].toInt());
        QVERIFY2(m->state == states.value(QString::fromLatin1(f[4]), ModuleState::Unknown),
                 qPrintable(where));
        // lsmod (libkmod) shows /sys/module/<m>/coresize; /proc/modules adds
        // the init sections, which a live module has already freed.
        if (m->state == ModuleState::Live)
            QCOMPARE(m->size, f[1].toLongLong());
        else
            QVERIFY2(m->size <= f[1].toLongLong(), qPrintable(where));
    }
    QCOMPARE(s.modules.size(), lines);
}

class TestSnapshotJson : public QObject {
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const Snapshot original = sampleSnapshot();
        const QByteArray text = QJsonDocument(snapshotToJson(original)).toJson();
        Snapshot parsed;
        QString error;
        QVERIFY2(snapshotFromJson(QJsonDocument::fromJson(text).object(), &parsed, &error),
                 qPrintable(error));
        QCOMPARE(parsed, original);
    }

    void documentedKeys()
    {
        const QJsonObject json = snapshotToJson(sampleSnapshot());
        QStringList top = json.keys();
        QCOMPARE(top, (QStringList{"builtin", "kernel", "modules", "support", "taken_at_ms"}));
        const QJsonObject fat = json.value(QLatin1String("modules")).toArray().at(0).toObject();
        QCOMPARE(fat.keys(), (QStringList{"depends", "description", "holders", "license", "name",
                                          "params", "path", "permanent", "refcount", "signer",
                                          "size", "srcversion", "state", "taints", "version"}));
        QVERIFY(
            fat.value(QLatin1String("params")).toObject().value(QLatin1String("secret")).isNull());
        QCOMPARE(json.value(QLatin1String("support")).toObject().keys(),
                 (QStringList{"force_unload", "loadable", "unloadable"}));
    }

    void dashedNamesAreNormalized()
    {
        QJsonObject json = withModuleField(QStringLiteral("name"), QStringLiteral("snd-hda-intel"));
        Snapshot s;
        QString error;
        QVERIFY2(snapshotFromJson(json, &s, &error), qPrintable(error));
        QVERIFY(s.find(QStringLiteral("snd_hda_intel")));
        QVERIFY(s.find(QStringLiteral("snd-hda-intel")));
        QCOMPARE(normalizeModuleName(QStringLiteral(" nf-conntrack ")),
                 QStringLiteral("nf_conntrack"));
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing name") << withModuleField("name", QJsonValue::Undefined)
                                      << "modules[0].name: must be a string";
        QTest::newRow("empty name")
            << withModuleField("name", "") << "modules[0].name: must not be empty";
        QTest::newRow("negative size")
            << withModuleField("size", -4096) << "modules[0].size: must not be negative";
        QTest::newRow("size as string")
            << withModuleField("size", "4096") << "modules[0].size: must be an integer";
        QTest::newRow("fractional refcount")
            << withModuleField("refcount", 1.5) << "modules[0].refcount: must be an integer";
        QTest::newRow("refcount below -1")
            << withModuleField("refcount", -2) << "modules[0].refcount: must be at least -1";
        QTest::newRow("bad state")
            << withModuleField("state", "sleeping")
            << "modules[0].state: must be live, coming or going, not \"sleeping\"";
        QTest::newRow("permanent not bool")
            << withModuleField("permanent", 1) << "modules[0].permanent: must be true or false";
        QTest::newRow("holders not array")
            << withModuleField("holders", "vfat")
            << "modules[0].holders: must be an array of module names";
        QTest::newRow("param number") << withModuleField("params", QJsonObject{{"x", 3}})
                                      << "modules[0].params.x: must be a string or null";
        QJsonObject noSupport = snapshotToJson(sampleSnapshot());
        noSupport.remove("support");
        QTest::newRow("missing support") << noSupport << "support: must be an object";
        QJsonObject twice = snapshotToJson(sampleSnapshot());
        QJsonArray modules = twice.value("modules").toArray();
        modules.append(modules.at(0));
        twice.insert("modules", modules);
        QTest::newRow("duplicate module") << twice << "modules[2].name: \"fat\" appears twice";
        QJsonObject modulesNotArray = snapshotToJson(sampleSnapshot());
        modulesNotArray.insert("modules", QJsonObject{});
        QTest::newRow("modules not array") << modulesNotArray << "modules: must be an array";
        QJsonObject moduleNotObject = snapshotToJson(sampleSnapshot());
        moduleNotObject.insert("modules", QJsonArray{QJsonObject{}, 7});
        QTest::newRow("module not object") << moduleNotObject << "modules[1]: must be an object";
        QJsonObject builtinNotObject = snapshotToJson(sampleSnapshot());
        builtinNotObject.insert("builtin", QJsonArray{"ext4"});
        QTest::newRow("builtin not object") << builtinNotObject << "builtin[0]: must be an object";
        QTest::newRow("empty object") << QJsonObject{} << "kernel: must be a string";
    }

    void rejectsBadInput()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, error);
        QCOMPARE(parseError(json), error);
    }

    // A snapshot says where it was read: this machine's uname, kept
    // through the JSON whole, as a saved file and a session carry it.
    void originRoundTrips()
    {
        const Snapshot local = readLocalSnapshot({.modinfo = false, .builtin = false});
        QCOMPARE(local.origin.kind, OriginKind::Local);
        QVERIFY(!local.origin.host.isEmpty());
        QCOMPARE(local.origin.kernelRelease, local.kernelRelease);
        QVERIFY(!local.origin.kernelVersion.isEmpty());
        const QJsonObject json = snapshotToJson(local);
        const QJsonObject origin = json.value(QLatin1String("origin")).toObject();
        QCOMPARE(origin.value(QLatin1String("kind")).toString(), QStringLiteral("local"));
        QCOMPARE(origin.value(QLatin1String("host")).toString(), local.origin.host);
        Snapshot parsed;
        QString error;
        QVERIFY2(snapshotFromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(),
                                  &parsed, &error),
                 qPrintable(error));
        QCOMPARE(parsed, local);
        QCOMPARE(parsed.origin, local.origin);

        // A remote target (an SSH host) keeps the label the user gave it.
        Snapshot remote = sampleSnapshot();
        remote.origin = local.origin;
        remote.origin.kind = OriginKind::Remote;
        remote.origin.target = QStringLiteral("root@build-box");
        QVERIFY(snapshotFromJson(snapshotToJson(remote), &parsed, &error));
        QCOMPARE(parsed.origin, remote.origin);
        QVERIFY(originText(parsed.origin).contains(QLatin1String("root@build-box")));
    }

    // The fixtures were captured before snapshots recorded their origin:
    // they open all the same, and say the origin was not recorded.
    void oldFilesHaveNoOrigin()
    {
        for (const char *name : {"guest-examples.json", "guest-examples-6.12.json"}) {
            QFile file(QStringLiteral(REFSCOPE_FIXTURES_DIR "/") + QLatin1String(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
            QVERIFY(!json.contains(QLatin1String("origin")));
            Snapshot s;
            QString error;
            QVERIFY2(snapshotFromJson(json, &s, &error), qPrintable(error));
            QVERIFY(!s.origin.isRecorded());
            QCOMPARE(originText(s.origin), QStringLiteral("origin not recorded"));
            // Written again, it still has none: nothing is made up.
            QVERIFY(!snapshotToJson(s).contains(QLatin1String("origin")));
        }
    }

    // trace-cmd's uname option, as in tests/data/traces/loop-open-close.dat.
    void originFromTraceUname()
    {
        const Origin o =
            refscope::originFromTraceUname(QStringLiteral("Linux (none) 6.1.0-56-amd64 x86_64"));
        QCOMPARE(o.kind, OriginKind::Trace);
        QCOMPARE(o.host, QStringLiteral("(none)"));
        QCOMPARE(o.kernelRelease, QStringLiteral("6.1.0-56-amd64"));
        QCOMPARE(o.machine, QStringLiteral("x86_64"));
        QVERIFY(!refscope::originFromTraceUname(QString()).isRecorded());
    }

    // Snapshots that refscope-cli snapshot --json printed inside the lab
    // guest on Debian's real 6.1 and 6.12 kernels (tests/fixtures/capture-fixtures.sh):
    // NAME.json beside NAME.proc-modules.txt, read right after it.
    void parsesRealGuestFixtures()
    {
        const QDir dir(QStringLiteral(REFSCOPE_FIXTURES_DIR));
        const QString suffix = QStringLiteral(".proc-modules.txt");
        const QStringList captures = dir.entryList({QLatin1Char('*') + suffix}, QDir::Files);
        QVERIFY2(!captures.isEmpty(), "no snapshot fixtures in tests/fixtures");
        for (const QString &capture : captures) {
            const QString name = capture.chopped(suffix.size()) + QStringLiteral(".json");
            QFile file(dir.filePath(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            Snapshot s;
            QString error;
            QVERIFY2(snapshotFromJson(QJsonDocument::fromJson(file.readAll()).object(), &s, &error),
                     qPrintable(name + QStringLiteral(": ") + error));
            QVERIFY2(s.support.loadable, qPrintable(name));
            compareWithProcModules(s, dir.filePath(capture));
            // holders and depends are each other's inverse.
            for (const ModuleInfo &m : s.modules) {
                for (const QString &holder : m.holders) {
                    const ModuleInfo *h = s.find(holder);
                    QVERIFY2(h && h->depends.contains(m.name),
                             qPrintable(name + u':' + m.name + u'/' + holder));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshotjson.moc"
