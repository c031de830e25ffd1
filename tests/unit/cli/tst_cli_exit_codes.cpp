// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli's exit statuses are the ones its --help lists: 0 success,
// 1 no such module or a file that cannot be read, 2 a bad command line;
// each failure says why on stderr and nothing on stdout.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCliExitCodes : public QObject {
    Q_OBJECT
private slots:
    void helpListsEveryStatus();
    void exitStatus_data();
    void exitStatus();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };
    static Run cli(const QStringList &arguments);
    QTemporaryDir m_dir;
};

TestCliExitCodes::Run TestCliExitCodes::cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// What the statuses below check is what --help promises.
void TestCliExitCodes::helpListsEveryStatus()
{
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString text = QString::fromUtf8(help.out);
    const qsizetype at = text.indexOf(QLatin1String("Exit status:\n"));
    QVERIFY2(at >= 0, help.out);
    // The lines of each status, its continuation lines joined.
    QMap<int, QString> statuses;
    int current = -1;
    static const QRegularExpression status(QStringLiteral("^  (\\d)  (.*)$"));
    for (const QString &line : text.mid(at).split(u'\n').mid(1)) {
        if (const QRegularExpressionMatch m = status.match(line); m.hasMatch()) {
            current = m.captured(1).toInt();
            statuses[current] = m.captured(2);
        } else if (current >= 0 && line.startsWith(QLatin1String("     "))) {
            statuses[current] += u' ' + line.trimmed();
        }
    }
    QCOMPARE(statuses.keys(), (QList<int>{0, 1, 2, 3, 4, 5}));
    QVERIFY2(statuses[0].startsWith(QLatin1String("success")), qPrintable(statuses[0]));
    for (const char *why : {"no such module", "a file that cannot be read"})
        QVERIFY2(statuses[1].contains(QLatin1String(why)), qPrintable(statuses[1]));
    QVERIFY2(statuses[2].contains(QLatin1String("bad command line")), qPrintable(statuses[2]));
    // guard's own: a count that did not come back, COMMAND's failure, both.
    for (int code : {3, 4, 5})
        QVERIFY2(statuses[code].startsWith(QLatin1String("guard:")), qPrintable(statuses[code]));
}

void TestCliExitCodes::exitStatus_data()
{
    QVERIFY(m_dir.isValid());
    // A file that is no recording: its name says what it is not.
    const QString notATrace = m_dir.filePath(QStringLiteral("notes.dat"));
    QFile notes(notATrace);
    QVERIFY(notes.open(QIODevice::WriteOnly) && notes.write("not a recording\n") > 0);
    notes.close();
    const QString trace = QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat");

    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");

    // 0: success.
    QTest::newRow("help") << QStringList{"--help"} << 0 << QString();
    QTest::newRow("version") << QStringList{"--version"} << 0 << QString();
    QTest::newRow("guard --help") << QStringList{"guard", "--help"} << 0 << QString();
    QTest::newRow("report") << QStringList{"report", trace} << 0 << QString();
    QTest::newRow("report --json") << QStringList{"report", trace, "--json"} << 0 << QString();
    QTest::newRow("snapshot --json") << QStringList{"snapshot", "--json"} << 0 << QString();
    const QString examples61 = QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json");
    const QString examples612 = QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples-6.12.json");
    QTest::newRow("compare two files, differing")
        << QStringList{"compare", examples61, examples612} << 0 << QString();
    QTest::newRow("compare --json --only-different")
        << QStringList{"compare", examples61, examples612, "--json", "--only-different"} << 0
        << QString();
    QTest::newRow("compare a session with a snapshot")
        << QStringList{"compare", QStringLiteral(REFSCOPE_TRACES_DIR "/leaky-ref-leak.rscope"),
                       examples61}
        << 0 << QString();
    QTest::newRow("compare a file with this machine")
        << QStringList{"compare", examples61, "local"} << 0 << QString();

    // 1: no such module.
    QTest::newRow("why, no such module")
        << QStringList{"why", "no_such_module_here"} << 1 << QStringLiteral("refscope-cli why: ");
    QTest::newRow("why --json, no such module")
        << QStringList{"why", "no-such-module-here", "--json"} << 1
        << QStringLiteral("refscope-cli why: ");

    // 1: a file that cannot be read.
    QTest::newRow("report, missing file") << QStringList{"report", "/nonexistent/refscope.dat"} << 1
                                          << QStringLiteral("/nonexistent/refscope.dat");
    QTest::newRow("report, not a recording") << QStringList{"report", notATrace} << 1 << notATrace;
    QTest::newRow("report, a directory")
        << QStringList{"report", m_dir.path()} << 1 << QStringLiteral("refscope-cli: ");
    QTest::newRow("compare, missing file")
        << QStringList{"compare", examples61, "/nonexistent/refscope.json"} << 1
        << QStringLiteral("/nonexistent/refscope.json");
    QTest::newRow("compare, not a snapshot") << QStringList{"compare", notATrace, examples61} << 1
                                             << QStringLiteral("refscope-cli compare: ");
    // Refused before any guest starts.
    QTest::newRow("compare, a lab kernel not installed")
        << QStringList{"compare", "lab:0.0.1-not-installed", examples61} << 1
        << QStringLiteral("lab:0.0.1-not-installed: ");
    QTest::newRow("why --trace, missing file")
        << QStringList{"why", "loop", "--trace", "/nonexistent/refscope.dat"} << 1
        << QStringLiteral("/nonexistent/refscope.dat");

    // 2: a bad command line, whatever the command.
    const QString usage = QStringLiteral("(see refscope-cli --help)");
    QTest::newRow("no command") << QStringList{} << 2 << usage;
    QTest::newRow("unknown command") << QStringList{"unload", "loop"} << 2 << usage;
    QTest::newRow("snapshot, unknown option") << QStringList{"snapshot", "--xml"} << 2 << usage;
    QTest::newRow("graph without --dot") << QStringList{"graph"} << 2 << usage;
    QTest::newRow("why without a module") << QStringList{"why", "--json"} << 2 << usage;
    QTest::newRow("guard without a command") << QStringList{"guard", "--json"} << 2 << usage;
    QTest::newRow("guard, unknown option")
        << QStringList{"guard", "--stacks", "--", "true"} << 2 << usage;
    QTest::newRow("guard --keep without a file")
        << QStringList{"guard", "--keep", "--", "true"} << 2 << usage;
    QTest::newRow("why --trace without a file")
        << QStringList{"why", "loop", "--trace"} << 2 << usage;
    QTest::newRow("report without a file") << QStringList{"report", "--json"} << 2 << usage;
    QTest::newRow("record without a command")
        << QStringList{"record", "-o", m_dir.filePath(QStringLiteral("s.rscope"))} << 2 << usage;
    QTest::newRow("compare one target") << QStringList{"compare", examples61} << 2 << usage;
    QTest::newRow("compare, unknown option")
        << QStringList{"compare", examples61, examples612, "--csv"} << 2 << usage;
    // Told before anything is asked of the kernel, as root too.
    QTest::newRow("flight without a subcommand") << QStringList{"flight"} << 2 << usage;
    QTest::newRow("flight, unknown subcommand") << QStringList{"flight", "arm"} << 2 << usage;
    QTest::newRow("flight start, unknown option")
        << QStringList{"flight", "start", "--forever"} << 2 << usage;
    QTest::newRow("flight start, buffer too small")
        << QStringList{"flight", "start", "--buffer-kb", "1"} << 2 << usage;
    QTest::newRow("flight save without a file") << QStringList{"flight", "save"} << 2 << usage;
    QTest::newRow("flight stop, extra argument")
        << QStringList{"flight", "stop", "now"} << 2 << usage;
    QTest::newRow("release without a module") << QStringList{"release", "--yes"} << 2 << usage;
    QTest::newRow("release, two last resorts")
        << QStringList{"release", "loop", "--drop-leaked", "--kernel-force"} << 2 << usage;
}

void TestCliExitCodes::exitStatus()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    const Run run = cli(arguments);
    QVERIFY2(run.exitCode == exitCode, qPrintable(QStringLiteral("exit %1, expected %2; stderr: %3")
                                                      .arg(run.exitCode)
                                                      .arg(exitCode)
                                                      .arg(QString::fromUtf8(run.err))));
    if (exitCode == 0) {
        QVERIFY(!run.out.isEmpty());
        return;
    }
    QVERIFY2(run.out.isEmpty(), run.out);
    QVERIFY2(QString::fromUtf8(run.err).contains(stderrHas), run.err);
}

QTEST_GUILESS_MAIN(TestCliExitCodes)
#include "tst_cli_exit_codes.moc"
