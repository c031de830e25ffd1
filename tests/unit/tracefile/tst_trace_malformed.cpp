// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input gives a clear message, never a crash: missing, empty and
// foreign files, and copies of the real recordings truncated or corrupted
// at many places.
#include "tracecmdreport.h"

#include "events/eventcsv.h"
#include "events/perfettoexport.h"
#include "recording/recording.h"
#include "tracefile/childcheck.h"
#include "tracefile/tracefilelayout.h"

#include <QBuffer>
#include <QFileInfo>

#include <csignal>
#include <unistd.h>

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace refscope;

class TestTraceMalformed : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void explainsWhatIsWrong_data();
    void explainsWhatIsWrong();
    void survivesTruncation_data();
    void survivesTruncation();
    void survivesCorruption_data();
    void survivesCorruption();
    void survivesCorruptPages_data();
    void survivesCorruptPages() { survivesCorruption(); }
    void fileChangedSinceLoadingIsNoBlankDetails();
    void fileRecordedAgainWhileItsDetailsAreOpen();
    void hangingCheckGetsASecondChild();

private:
    QString write(const QString &name, const QByteArray &bytes);
    static QByteArray recording(const char *name);
    QTemporaryDir m_dir;
};

void TestTraceMalformed::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Uncompressed pages are walked in place in the mapped file: an
    // uncompressed copy of a real recording to corrupt them in.
    QString error;
    QVERIFY2(
        runTraceCmd({"convert", "-i", QStringLiteral(REFSCOPE_TRACES_DIR "/loop-with-stacks.dat"),
                     "--compression", "none", "-o", m_dir.filePath(QStringLiteral("none.dat"))},
                    &error),
        qPrintable(error));
}

QString TestTraceMalformed::write(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

QByteArray TestTraceMalformed::recording(const char *name)
{
    QFile file(QStringLiteral(REFSCOPE_TRACES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(file.fileName()));
    return file.readAll();
}

void TestTraceMalformed::explainsWhatIsWrong_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nothing-here.dat"))
                             << QStringLiteral("no such file");
    QTest::newRow("directory") << m_dir.path() << QStringLiteral("not a regular file");
    QTest::newRow("empty") << write(QStringLiteral("empty.dat"), {})
                           << QStringLiteral("the file is empty");
    QTest::newRow("text") << write(QStringLiteral("notes.txt"), "module_get loop refcnt=2\n")
                          << QStringLiteral("not a trace-cmd data file");
    QTest::newRow("future version")
        << write(QStringLiteral("v9.dat"), QByteArray("\x17\x08\x44tracing9\0", 12) + "xxxx")
        << QStringLiteral("version 9 is not supported");
    QTest::newRow("header only") << write(QStringLiteral("head.dat"),
                                          recording("loop-open-close.dat").left(14))
                                 << QStringLiteral("ends inside its header");
}

void TestTraceMalformed::explainsWhatIsWrong()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!openRecording(path, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.startsWith(path), qPrintable(error));
}

void TestTraceMalformed::survivesTruncation_data()
{
    QTest::addColumn<QString>("path");
    const QByteArray whole = recording("loop-with-stacks.dat");
    // Every byte of the fixed header, then ever larger steps through the
    // metadata and the event data.
    QList<qsizetype> cuts;
    for (qsizetype at = 1; at < 64; ++at)
        cuts << at;
    for (qsizetype at = 64; at < whole.size(); at = at * 5 / 4 + 7)
        cuts << at;
    cuts << whole.size() - 1;
    for (qsizetype at : cuts) {
        const QString name = QStringLiteral("cut-%1.dat").arg(at);
        QTest::newRow(qPrintable(name)) << write(name, whole.left(at));
    }
}

void TestTraceMalformed::survivesTruncation()
{
    QFETCH(QString, path);
    QString error;
    const auto store = openRecording(path, &error);
    QVERIFY2(store || error.startsWith(path), qPrintable(error));
}

void TestTraceMalformed::survivesCorruption_data()
{
    QTest::addColumn<QString>("path");
    const QByteArray whole = recording("loop-with-stacks.dat");
    QRandomGenerator random(7);
    for (int i = 0; i < 150; ++i) {
        QByteArray copy = whole;
        // A burst of garbage somewhere, biased towards the metadata at the
        // start where a bad length or offset does the most harm.
        const qsizetype at = i % 2 ? random.bounded(qsizetype(8192)) : random.bounded(copy.size());
        for (int k = 0; k < 8 && at + k < copy.size(); ++k)
            copy[at + k] = char(random.bounded(256));
        const QString name = QStringLiteral("corrupt-%1-at-%2.dat").arg(i).arg(at);
        QTest::newRow(qPrintable(name)) << write(name, copy);
    }
}

void TestTraceMalformed::survivesCorruptPages_data()
{
    QTest::addColumn<QString>("path");
    QFile file(m_dir.filePath(QStringLiteral("none.dat")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    TraceFileLayout layout;
    QString error;
    QVERIFY2(readTraceFileLayout(reinterpret_cast<const uchar *>(whole.constData()), whole.size(),
                                 &layout, &error),
             qPrintable(error));
    QVERIFY(!layout.compressed && !layout.cpus.isEmpty());
    QRandomGenerator random(13);
    for (int i = 0; i < 120; ++i) {
        const TraceFileLayout::CpuData &cpu = layout.cpus[i % layout.cpus.size()];
        if (cpu.size == 0)
            continue;
        QByteArray copy = whole;
        // Half of the bursts hit a page header (timestamp, commit), the
        // others anywhere among the events.
        const quint64 page = random.bounded(cpu.size / layout.pageSize) * layout.pageSize;
        const quint64 within = i % 2 ? random.bounded(16) : random.bounded(layout.pageSize);
        const qsizetype at = qsizetype(cpu.fileOffset + page + within);
        for (int k = 0; k < 8 && at + k < copy.size(); ++k)
            copy[at + k] = char(random.bounded(256));
        const QString name = QStringLiteral("page-%1-at-%2.dat").arg(i).arg(at);
        QTest::newRow(qPrintable(name)) << write(name, copy);
    }
}

void TestTraceMalformed::survivesCorruption()
{
    QFETCH(QString, path);
    QString error;
    const auto store = openRecording(path, &error);
    QVERIFY2(store || error.startsWith(path), qPrintable(error));
    if (store)
        for (std::size_t i = 0; i < store->size(); i += 97)
            store->details(i);
}

// The details (pid, command, call site) are read back from the file on
// demand: once it changed under the loaded recording, exports say so and
// write nothing, rather than blanks that read as pid 0.
void TestTraceMalformed::fileChangedSinceLoadingIsNoBlankDetails()
{
    const QString path = write(QStringLiteral("changing.dat"), recording("loop-open-close.dat"));
    QString error;
    const auto store = openRecording(path, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->detailsProblem().isEmpty());

    // Recorded again to the same name (trace-cmd record truncates it)
    // before any details were asked for.
    write(QStringLiteral("changing.dat"), recording("loop-with-stacks.dat"));
    const QString json = m_dir.filePath(QStringLiteral("changed.json"));
    error = savePerfettoJson(*store, json);
    QVERIFY2(error.contains(QStringLiteral("changed since it was loaded")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("pids, commands and call sites")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(json));
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    QVERIFY(!writeEventsCsv(*store, &csv).isEmpty());
    QVERIFY(csv.data().size() < 100); // the header at most
}

// The details were being read (libtracecmd has the file open and mapped)
// when the file was recorded again under the same name: nothing more is
// read from it, rather than the new file's records taken for the old ones.
void TestTraceMalformed::fileRecordedAgainWhileItsDetailsAreOpen()
{
    const QString path = write(QStringLiteral("open.dat"), recording("loop-with-stacks.dat"));
    QString error;
    const auto store = openRecording(path, &error);
    QVERIFY2(store, qPrintable(error));
    const EventDetails before = store->details(store->size() / 2);
    QVERIFY(before.pid > 0);
    QVERIFY(store->detailsProblem().isEmpty());

    write(QStringLiteral("open.dat"), recording("loop-open-close.dat"));
    QThread::msleep(30); // the next read after a pause looks at the file first
    const EventDetails after = store->details(store->size() / 2);
    QCOMPARE(after.pid, 0);
    QVERIFY(after.comm.isEmpty());
    QVERIFY2(store->detailsProblem().contains(QStringLiteral("changed since it was loaded")),
             qPrintable(store->detailsProblem()));
    for (std::size_t i = 0; i < store->size(); i += 997)
        QCOMPARE(store->details(i).pid, 0);
    const QString json = m_dir.filePath(QStringLiteral("recorded-again.json"));
    QVERIFY(!savePerfettoJson(*store, json).isEmpty());
    QVERIFY(!QFileInfo::exists(json));
}

// A check child that hangs once (as one forked while another thread held
// the allocator's lock under AddressSanitizer did) gets a second child; one
// that always hangs, crashes or fails is refused.
void TestTraceMalformed::hangingCheckGetsASecondChild()
{
    const QString marker = m_dir.filePath(QStringLiteral("first-child-was-here"));
    const QByteArray markerPath = QFile::encodeName(marker);
    const auto hangsOnce = [&markerPath] {
        if (::access(markerPath.constData(), F_OK) == 0)
            return 0;
        QFile touched(QFile::decodeName(markerPath));
        touched.open(QIODevice::WriteOnly);
        touched.close();
        for (;;)
            ::pause();
    };
    QVERIFY(survivesInChild(hangsOnce, 300));
    QVERIFY(QFileInfo::exists(marker));
    QVERIFY(!survivesInChild(
        [] {
            for (;;)
                ::pause();
            return 0;
        },
        200));
    QVERIFY(!survivesInChild([] { return 3; }, 5000));
    QVERIFY(!survivesInChild(
        [] {
            ::raise(SIGKILL); // as a crash ends it, without QtTest's report
            return 0;
        },
        5000));
    QVERIFY(survivesInChild([] { return 0; }, 5000));
}

QTEST_GUILESS_MAIN(TestTraceMalformed)
#include "tst_trace_malformed.moc"
