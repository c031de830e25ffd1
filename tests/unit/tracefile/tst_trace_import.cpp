// SPDX-License-Identifier: GPL-3.0-or-later
// trace.dat import against trace-cmd report on the real recordings from the
// lab's 6.1 guest: same events in the same order, same counts, same final
// refcounts, whatever the file's version and compression.
#include "tracecmdreport.h"

#include "events/tracereport.h"
#include "recording/recording.h"
#include "tracefile/ringbufferpage.h"
#include "tracefile/tracefilereader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace refscope;

class TestTraceImport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesTraceCmdReport_data();
    void matchesTraceCmdReport();
    void bothReadersAgree_data() { matchesTraceCmdReport_data(); }
    void bothReadersAgree();
    void readsDetailsAndStacksBack();
    void readsDetailsAnywhereInALargeFile();
    void knowsTheKernelsPageFormat();
    void namesTheRecordingMachine_data() { matchesTraceCmdReport_data(); }
    void namesTheRecordingMachine();

private:
    QTemporaryDir m_dir;
    QString trace(const char *name) const { return QStringLiteral(REFSCOPE_TRACES_DIR "/") + name; }
};

void TestTraceImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    // Other shapes of the same real recordings: uncompressed version 7 and
    // the older version 6 format.
    for (const char *name : {"loop-open-close", "loop-with-stacks"}) {
        const QString in = trace(name) + QStringLiteral(".dat");
        QVERIFY2(runTraceCmd({"convert", "-i", in, "--compression", "none", "-o",
                              m_dir.filePath(QStringLiteral("%1-v7-none.dat").arg(name))},
                             &error),
                 qPrintable(error));
        QVERIFY2(runTraceCmd({"convert", "-i", in, "--file-version", "6", "--compression", "none",
                              "-o", m_dir.filePath(QStringLiteral("%1-v6.dat").arg(name))},
                             &error),
                 qPrintable(error));
    }
}

void TestTraceImport::matchesTraceCmdReport_data()
{
    QTest::addColumn<QString>("path");
    for (const char *name : {"loop-open-close", "loop-with-stacks", "three-modules-1.6M"})
        QTest::newRow(name) << trace(name) + QStringLiteral(".dat");
    for (const char *name : {"loop-open-close", "loop-with-stacks"}) {
        for (const char *variant : {"v7-none", "v6"}) {
            const QString file = QStringLiteral("%1-%2.dat").arg(name, variant);
            QTest::newRow(qPrintable(file)) << m_dir.filePath(file);
        }
    }
}

void TestTraceImport::matchesTraceCmdReport()
{
    QFETCH(QString, path);
    QString error;
    const auto store = openRecording(path, &error);
    QVERIFY2(store, qPrintable(error));
    const QList<ReportedEvent> reported = traceCmdReport(path, &error);
    QVERIFY2(!reported.isEmpty(), qPrintable(error));

    QCOMPARE(store->size(), std::size_t(reported.size()));
    for (qsizetype i = 0; i < reported.size(); ++i) {
        const ReportedEvent &expected = reported[i];
        const ModuleEvent event = store->event(i);
        const auto where = QStringLiteral("event %1").arg(i).toUtf8();
        QVERIFY2(event.timestampNs == expected.timestampNs, where);
        QVERIFY2(event.cpu == expected.cpu, where);
        QVERIFY2(moduleEventKindName(event.kind) == expected.event, where);
        QVERIFY2(event.module == expected.module, where);
        // The store holds lsmod's number, one below the raw refcnt.
        QVERIFY2(event.refcount == (expected.refcnt < 0 ? -1 : expected.refcnt - 1), where);
    }

    const TraceReport report = summarizeTrace(*store);
    const auto counts = countPerModule(reported);
    QCOMPARE(report.events, qint64(reported.size()));
    QCOMPARE(report.modules.size(), counts.size());
    for (const ModuleTraceSummary &m : report.modules) {
        QVERIFY(counts.contains(m.module));
        const ReportedCounts &c = counts[m.module];
        QCOMPARE(m.gets, c.gets);
        QCOMPARE(m.puts, c.puts);
        QCOMPARE(m.loads, c.loads);
        QCOMPARE(m.frees, c.frees);
        QVERIFY(m.finalRefcount);
        QCOMPARE(*m.finalRefcount, c.lastRefcnt - 1);
    }
}

// The fast path and libtracecmd (which reads files with shifted timestamps
// or several buffers) give the same store and the same details.
void TestTraceImport::bothReadersAgree()
{
    QFETCH(QString, path);
    QString error;
    const auto fast = readTraceFile(path, &error);
    QVERIFY2(fast, qPrintable(error));
    const auto slow = readTraceFile(path, &error, {}, TraceReader::Libtracecmd);
    QVERIFY2(slow, qPrintable(error));
    QCOMPARE(fast->size(), slow->size());
    for (std::size_t i = 0; i < fast->size(); ++i) {
        const ModuleEvent a = fast->event(i);
        const ModuleEvent b = slow->event(i);
        QVERIFY(a.timestampNs == b.timestampNs && a.cpu == b.cpu && a.kind == b.kind &&
                a.module == b.module && a.refcount == b.refcount);
    }
    QCOMPARE(fast->lostEventCount(), slow->lostEventCount());
    // The fast path reads a file in segments on several threads, each with
    // its own checkpoints: details are found again anywhere, so check
    // events spread over the whole file, the last one included.
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < fast->size(); i += std::max<std::size_t>(1, fast->size() / 200))
        indices.push_back(i);
    indices.push_back(fast->size() - 1);
    for (const std::size_t i : indices) {
        QCOMPARE(fast->details(i).text, slow->details(i).text);
        QCOMPARE(fast->details(i).stack, slow->details(i).stack);
    }
}

void TestTraceImport::readsDetailsAndStacksBack()
{
    QString error;
    const auto store = openRecording(trace("loop-with-stacks.dat"), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->size(), std::size_t(4000));
    // Recorded by a python3 loop opening and closing /dev/loop-control.
    const EventDetails get = store->details(0);
    QCOMPARE(get.comm, QStringLiteral("python3"));
    QVERIFY(get.pid > 0);
    QCOMPARE(get.text, QStringLiteral("loop call_site=misc_open refcnt=2"));
    QVERIFY(get.callSiteName.startsWith(QStringLiteral("misc_open+0x")));
    QVERIFY(!get.stack.isEmpty());
    QVERIFY(get.stack.join(u'\n').contains(QStringLiteral("try_module_get (")));
    const EventDetails put = store->details(3999);
    QCOMPARE(put.text, QStringLiteral("loop call_site=__fput refcnt=1"));
    QVERIFY(put.stack.join(u'\n').contains(QStringLiteral("module_put (")));
    QCOMPARE(store->details(4000).comm, QString());
}

void TestTraceImport::readsDetailsAnywhereInALargeFile()
{
    QString error;
    const auto store = openRecording(trace("three-modules-1.6M.dat"), &error);
    QVERIFY2(store, qPrintable(error));
    // Indices on both CPUs, near and far from the per-CPU checkpoints.
    for (std::size_t i : {std::size_t(0), std::size_t(1), std::size_t(255), std::size_t(257),
                          std::size_t(777777), store->size() / 2 + 3, store->size() - 1}) {
        const ModuleEvent event = store->event(i);
        const EventDetails details = store->details(i);
        const QString expected = QStringLiteral("%1 call_site=").arg(event.module);
        QVERIFY2(details.text.startsWith(expected), qPrintable(details.text));
        QVERIFY2(details.text.endsWith(QStringLiteral("refcnt=%1").arg(event.refcount + 1)),
                 qPrintable(details.text));
        QVERIFY(details.stack.isEmpty());
    }
}

// The fast path reads pages itself only when the file's header_page and
// header_event describe the layout it knows; a file describing another
// layout goes through libtracecmd, with the same result here.
void TestTraceImport::knowsTheKernelsPageFormat()
{
    QFile file(m_dir.filePath(QStringLiteral("loop-open-close-v6.dat")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    // In a version 6 file both descriptions follow their names as text,
    // each after an 8-byte size.
    const auto description = [&bytes](const char *name) {
        const qsizetype at = bytes.indexOf(QByteArray(name) + '\0');
        const quint64 size = qFromLittleEndian<quint64>(bytes.constData() + at + strlen(name) + 1);
        return bytes.mid(at + strlen(name) + 9, qsizetype(size));
    };
    const QByteArray page = description("header_page");
    const QByteArray event = description("header_event");
    QVERIFY(isKnownRingBufferFormat(page, event, 8));
    QVERIFY(!isKnownRingBufferFormat(page, event, 4));
    QByteArray otherEvent = event;
    otherEvent.replace("27 bits", "26 bits");
    QVERIFY(otherEvent != event);
    QVERIFY(!isKnownRingBufferFormat(page, otherEvent, 8));

    QString error;
    const auto expected = readTraceFile(file.fileName(), &error);
    QVERIFY2(expected, qPrintable(error));
    bytes.replace(event, otherEvent);
    QFile other(m_dir.filePath(QStringLiteral("other-page-format.dat")));
    QVERIFY(other.open(QIODevice::WriteOnly) && other.write(bytes) == bytes.size());
    other.close();
    const auto store = readTraceFile(other.fileName(), &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->size(), expected->size());
    for (std::size_t i = 0; i < store->size(); i += 101)
        QVERIFY(store->timestampNs(i) == expected->timestampNs(i) &&
                store->refcount(i) == expected->refcount(i));
}

// trace-cmd keeps the recording machine's uname in every version of the
// file (the lab guest's: no host name, Debian's 6.1.0-56 kernel).
void TestTraceImport::namesTheRecordingMachine()
{
    QFETCH(QString, path);
    const Origin origin = traceFileOrigin(path);
    QCOMPARE(origin.kind, OriginKind::Trace);
    QCOMPARE(origin.host, QStringLiteral("(none)"));
    QCOMPARE(origin.kernelRelease, QStringLiteral("6.1.0-56-amd64"));
    QCOMPARE(origin.machine, QStringLiteral("x86_64"));
    Origin opened;
    QString error;
    QVERIFY2(openRecording(path, &error, {}, &opened), qPrintable(error));
    QCOMPARE(opened, origin);
    QVERIFY(!traceFileOrigin(QStringLiteral("/nonexistent/trace.dat")).isRecorded());
}

QTEST_GUILESS_MAIN(TestTraceImport)
#include "tst_trace_import.moc"
