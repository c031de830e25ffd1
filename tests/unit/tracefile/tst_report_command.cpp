// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli report FILE [--json] on a real recording: the JSON's keys
// (events, lost_events, and per module gets, puts, loads, frees, first and
// last timestamp, final count), counts as trace-cmd report gives them,
// clear failures.
#include "tracecmdreport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestReportCommand : public QObject {
    Q_OBJECT
private slots:
    void printsTheReportAsJson();
    void printsATable();
    void failsClearly();

private:
    struct Run {
        int exitCode;
        QByteArray out, err;
    };
    static Run cli(const QStringList &arguments);
};

TestReportCommand::Run TestReportCommand::cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli"), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestReportCommand::printsTheReportAsJson()
{
    const QString path = QStringLiteral(REFSCOPE_TRACES_DIR "/three-modules-1.6M.dat");
    const Run run = cli({QStringLiteral("report"), path, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.keys(), (QStringList{"events", "lost_events", "modules", "origin"}));
    // trace-cmd wrote the lab guest's uname into the file's header.
    QCOMPARE(json.value("origin").toObject(), (QJsonObject{{"kind", "trace"},
                                                           {"host", "(none)"},
                                                           {"kernel", "6.1.0-56-amd64"},
                                                           {"machine", "x86_64"}}));
    QCOMPARE(json.value("events").toInteger(), 1600000);
    QCOMPARE(json.value("lost_events").toInteger(), 0);
    QString error;
    const auto counts = countPerModule(traceCmdReport(path, &error));
    const QJsonObject modules = json.value("modules").toObject();
    QCOMPARE(modules.keys(), (QStringList{"fuse", "loop", "tun"}));
    for (const QString &name : modules.keys()) {
        const QJsonObject m = modules.value(name).toObject();
        QCOMPARE(m.keys(), (QStringList{"final_refcount", "first_ts", "frees", "gets", "last_ts",
                                        "loads", "puts"}));
        QCOMPARE(m.value("gets").toInteger(), counts[name].gets);
        QCOMPARE(m.value("puts").toInteger(), counts[name].puts);
        QCOMPARE(m.value("loads").toInteger(), 0);
        QCOMPARE(m.value("frees").toInteger(), 0);
        QCOMPARE(m.value("final_refcount").toInt(), counts[name].lastRefcnt - 1);
        QVERIFY(m.value("first_ts").toInteger() < m.value("last_ts").toInteger());
    }
    // tun takes two references per open (the file and its socket).
    QCOMPARE(modules.value("tun").toObject().value("gets").toInteger(), 400000);
    QCOMPARE(modules.value("loop").toObject().value("first_ts").toInteger(), 9040989080ll);
}

void TestReportCommand::printsATable()
{
    const Run run =
        cli({QStringLiteral("report"), QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("100000 module events, 0 lost"), run.out);
    QVERIFY2(
        run.out.startsWith("Origin: recorded by trace-cmd · host (none) · kernel 6.1.0-56-amd64\n"),
        run.out);
    QVERIFY2(run.out.contains("loop"), run.out);
}

void TestReportCommand::failsClearly()
{
    const Run missing = cli({QStringLiteral("report"), QStringLiteral("/nonexistent.dat")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("/nonexistent.dat: no such file"), missing.err);
    const Run noFile = cli({QStringLiteral("report"), QStringLiteral("--json")});
    QCOMPARE(noFile.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_report_command.moc"
