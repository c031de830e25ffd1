// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/perfettoexport.h"
#include "events/tracereport.h"
#include "recording/recording.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace refscope;

class TestPerfettoExport : public QObject {
    Q_OBJECT
private slots:
    void exportOfARealRecordingParsesAndCounts_data()
    {
        QTest::addColumn<QString>("trace");
        QTest::newRow("loop-open-close") << QStringLiteral("loop-open-close.dat");
        QTest::newRow("loop-with-stacks") << QStringLiteral("loop-with-stacks.dat");
    }

    void exportOfARealRecordingParsesAndCounts()
    {
        QFETCH(QString, trace);
        QString error;
        const auto store = openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/") + trace, &error);
        QVERIFY2(store, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.json"));
        QCOMPARE(savePerfettoJson(*store, path), QString());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parse);
        QVERIFY2(parse.error == QJsonParseError::NoError, qPrintable(parse.errorString()));
        const QJsonArray events = document.object().value(QStringLiteral("traceEvents")).toArray();

        const TraceReport report = summarizeTrace(*store);
        std::map<QString, qint64> instants; // by "module/kind"
        std::map<int, QString> processNames;
        std::map<int, int> lastCount; // by process
        qint64 counters = 0;
        qint64 previousTs = -1;
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            const QString ph = event.value(QStringLiteral("ph")).toString();
            const int pid = event.value(QStringLiteral("pid")).toInt();
            if (ph == QLatin1String("M")) {
                if (event.value(QStringLiteral("name")).toString() == QLatin1String("process_name"))
                    processNames[pid] = event.value(QStringLiteral("args"))
                                            .toObject()
                                            .value(QStringLiteral("name"))
                                            .toString();
                continue;
            }
            // Microseconds, in the recording's order.
            const qint64 ts = qint64(event.value(QStringLiteral("ts")).toDouble() * 1000 + 0.5);
            QVERIFY(ts >= previousTs);
            previousTs = ts;
            const QJsonObject args = event.value(QStringLiteral("args")).toObject();
            if (ph == QLatin1String("C")) {
                ++counters;
                lastCount[pid] = args.value(QStringLiteral("refcount")).toInt();
            } else {
                QCOMPARE(ph, QStringLiteral("i"));
                QVERIFY(args.contains(QStringLiteral("call_site")));
                QVERIFY(!args.value(QStringLiteral("comm")).toString().isEmpty());
                QCOMPARE(event.value(QStringLiteral("tid")).toInt(),
                         args.value(QStringLiteral("pid")).toInt());
                ++instants[args.value(QStringLiteral("module")).toString() + u'/' +
                           event.value(QStringLiteral("name")).toString()];
            }
        }
        qint64 total = 0;
        for (const auto &[key, count] : instants)
            total += count;
        QCOMPARE(total, report.events);
        QCOMPARE(total, qint64(store->size()));
        QVERIFY(counters > 0);
        QVERIFY(!report.modules.isEmpty());
        for (const ModuleTraceSummary &module : report.modules) {
            QCOMPARE(instants[module.module + QStringLiteral("/module_get")], module.gets);
            QCOMPARE(instants[module.module + QStringLiteral("/module_put")], module.puts);
            // The counter track ends at the recording's own final count.
            const int pid = store->findModule(module.module) + 1;
            QCOMPARE(processNames[pid], QStringLiteral("module ") + module.module);
            QVERIFY(module.finalRefcount);
            QCOMPARE(lastCount[pid], *module.finalRefcount);
        }
    }

    void timestampsAreMicrosecondsOfTheRecordingClock()
    {
        QString error;
        const auto store =
            openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"), &error);
        QVERIFY2(store, qPrintable(error));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        // Stopped after the first chunk: what was written is a prefix.
        QVERIFY(!writePerfettoJson(*store, &buffer, [](int) { return false; }).isEmpty());
        const QByteArray text = buffer.data();
        const qint64 ns = store->timestampNs(0);
        const QByteArray ts = "\"ts\":" + QByteArray::number(ns / 1000) + '.' +
                              QByteArray::number(ns % 1000).rightJustified(3, '0');
        QVERIFY2(text.contains(ts), ts.constData());
    }

    void failedSaveLeavesTheFileAlone()
    {
        QString error;
        const auto store =
            openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"), &error);
        QVERIFY2(store, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.json"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        const QString message = savePerfettoJson(*store, path, [](int) { return false; });
        QVERIFY(message.contains(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old"));
        // No directory to write to: a sentence naming the file.
        const QString missing = dir.filePath(QStringLiteral("no/such/dir/events.json"));
        QVERIFY(savePerfettoJson(*store, missing).contains(missing));
    }
};

QTEST_GUILESS_MAIN(TestPerfettoExport)
#include "tst_perfettoexport.moc"
