// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's modes: its argument parsing, the one table of what each mode
// serves (and that PROTOCOL.md and --help say the same), the lab mode's
// refusals, and the real agent binary refusing bad arguments and answering
// only its mode's methods (no root needed: every method here is refused, or
// read only).
#include "protocol/agentmode.h"
#include "protocol/methods.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace refscope;

namespace {

const QString kAgent = QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent");

const QStringList kAllMethods = {
    agentmethod::Hello,      agentmethod::Snapshot,     agentmethod::Holders,
    agentmethod::TraceStart, agentmethod::TraceStop,    agentmethod::Release,
    agentmethod::ModuleLoad, agentmethod::ModuleUnload, agentmethod::LabExec,
    agentmethod::Shutdown,   agentmethod::FlightStatus, agentmethod::FlightRead};

struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

Run runAgent(const QStringList &args, const QByteArray &input = {},
             const QStringList &extraEnv = {})
{
    QProcess agent;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &var :
         {QStringLiteral("PKEXEC_UID"), QStringLiteral("SUDO_UID"), QStringLiteral("SUDO_USER")})
        env.remove(var);
    for (const QString &pair : extraEnv)
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    agent.setProcessEnvironment(env);
    agent.start(kAgent, args);
    agent.write(input);
    agent.closeWriteChannel();
    if (!agent.waitForFinished(20000))
        agent.kill();
    return {agent.exitCode(), agent.readAllStandardOutput(), agent.readAllStandardError()};
}

QByteArray request(int id, const QString &method, const QJsonObject &params = {})
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("method"), method},
                                     {QStringLiteral("params"), params}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

const QByteArray kHello =
    request(1, agentmethod::Hello,
            {{QStringLiteral("protocol"), 1}, {QStringLiteral("client"), QStringLiteral("test")}});

QList<QJsonObject> replies(const QByteArray &out)
{
    QList<QJsonObject> list;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            list << QJsonDocument::fromJson(line).object();
    }
    return list;
}

QString errorCode(const QJsonObject &reply)
{
    return reply.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

} // namespace

class TestAgentMode : public QObject {
    Q_OBJECT
private slots:
    void parsesExactlyOneMode_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("module");
        const int inspect = int(AgentMode::Inspect), release = int(AgentMode::Release),
                  lab = int(AgentMode::Lab), flight = int(AgentMode::Flight);
        QTest::newRow("inspect") << QStringList{"--inspect"} << true << inspect << QString();
        QTest::newRow("release") << QStringList{"--release", "leaky-ref"} << true << release
                                 << QStringLiteral("leaky_ref");
        QTest::newRow("lab") << QStringList{"--lab"} << true << lab << QString();
        QTest::newRow("flight") << QStringList{"--flight"} << true << flight << QString();
        QTest::newRow("flight extra") << QStringList{"--flight", "loop"} << false << 0 << QString();
        QTest::newRow("none") << QStringList{} << false << 0 << QString();
        QTest::newRow("inspect lab")
            << QStringList{"--inspect", "--lab"} << false << 0 << QString();
        QTest::newRow("lab inspect")
            << QStringList{"--lab", "--inspect"} << false << 0 << QString();
        QTest::newRow("release lab")
            << QStringList{"--release", "--lab"} << false << 0 << QString();
        QTest::newRow("release no module") << QStringList{"--release"} << false << 0 << QString();
        QTest::newRow("release two")
            << QStringList{"--release", "a", "b"} << false << 0 << QString();
        QTest::newRow("release path")
            << QStringList{"--release", "../x"} << false << 0 << QString();
        QTest::newRow("release long")
            << QStringList{"--release", QString(56, u'a')} << false << 0 << QString();
        QTest::newRow("release 55")
            << QStringList{"--release", QString(55, u'a')} << true << release << QString(55, u'a');
        QTest::newRow("inspect extra") << QStringList{"--inspect", "x"} << false << 0 << QString();
        QTest::newRow("mode not first") << QStringList{"x", "--inspect"} << false << 0 << QString();
        QTest::newRow("unknown") << QStringList{"--root"} << false << 0 << QString();
        QTest::newRow("help extra") << QStringList{"--help", "--lab"} << false << 0 << QString();
        QTest::newRow("lab help") << QStringList{"--lab", "--help"} << false << 0 << QString();
    }

    void parsesExactlyOneMode()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, ok);
        QFETCH(int, mode);
        QFETCH(QString, module);
        const AgentArguments parsed = parseAgentArguments(args);
        QCOMPARE(parsed.error.isEmpty(), ok);
        if (!ok)
            return;
        QCOMPARE(int(parsed.mode), mode);
        QCOMPARE(parsed.module, module);
        QCOMPARE(parseAgentArguments(agentArgumentsFor(parsed.mode, parsed.module)).mode,
                 parsed.mode);
    }

    void helpAndVersionStandAlone()
    {
        QVERIFY(parseAgentArguments({"--help"}).help);
        QVERIFY(parseAgentArguments({"--version"}).version);
    }

    // The table: read only for inspect, one module's release for release,
    // and the powers that are root for whoever drives the agent (module.*,
    // lab.exec) only in the lab.
    void theTable()
    {
        const QStringList inspect = {"hello",       "snapshot",   "holders",
                                     "trace.start", "trace.stop", "shutdown"};
        const QStringList release = {"hello", "snapshot", "holders", "release", "shutdown"};
        // The flight recorder's history is its own grant: nothing else.
        const QStringList flight = {"hello", "flight.status", "flight.read", "shutdown"};
        for (const QString &method : kAllMethods) {
            QCOMPARE(agentModeServes(AgentMode::Inspect, method), inspect.contains(method));
            QCOMPARE(agentModeServes(AgentMode::Release, method), release.contains(method));
            QCOMPARE(agentModeServes(AgentMode::Flight, method), flight.contains(method));
            QVERIFY(agentModeServes(AgentMode::Lab, method));
        }
        for (const AgentMode mode :
             {AgentMode::Inspect, AgentMode::Release, AgentMode::Flight, AgentMode::Lab})
            QVERIFY(!agentModeServes(mode, QStringLiteral("no.such.method")));
        QCOMPARE(agentModeInfo(AgentMode::Inspect).polkitAction,
                 QLatin1String("org.refscope.inspect"));
        QCOMPARE(agentModeInfo(AgentMode::Release).polkitAction,
                 QLatin1String("org.refscope.release"));
        QCOMPARE(agentModeInfo(AgentMode::Flight).polkitAction,
                 QLatin1String("org.refscope.flight"));
        QVERIFY(agentModeInfo(AgentMode::Lab).polkitAction.isEmpty());
    }

    // PROTOCOL.md's table of modes says what the code's table says.
    void protocolDocumentMatchesTheTable()
    {
        QFile doc(QStringLiteral(REFSCOPE_SOURCE_DIR "/app/core/protocol/PROTOCOL.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        for (const AgentModeInfo &info : agentModes()) {
            const QRegularExpression row(QStringLiteral("^\\| `%1[^`]*` \\|[^|]*\\|([^|]*)\\|")
                                             .arg(QRegularExpression::escape(info.flag)),
                                         QRegularExpression::MultilineOption);
            const QRegularExpressionMatch match = row.match(text);
            QVERIFY2(match.hasMatch(), qPrintable(QString(info.flag)));
            QStringList documented;
            static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
            for (auto it = code.globalMatch(match.captured(1)); it.hasNext();)
                documented << it.next().captured(1);
            QStringList expected;
            for (const QLatin1String &method : info.methods)
                expected << method;
            QCOMPARE(documented, expected);
        }
    }

    void labOnlyInTheLabGuestAndNeverUnderPkexecOrSudo()
    {
        const QByteArray lab = "console=ttyS0 quiet refscope.lab=1 no_timer_check\n";
        QVERIFY(labModeRefusal(lab, false, false).isEmpty());
        QVERIFY(!labModeRefusal(lab, true, false).isEmpty());
        QVERIFY(!labModeRefusal(lab, false, true).isEmpty());
        QVERIFY(!labModeRefusal("BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro quiet\n", false, false)
                     .isEmpty());
        QVERIFY(!labModeRefusal("refscope.lab=10 xrefscope.lab=1\n", false, false).isEmpty());
    }

    // The binary: bad arguments exit 2 with a message, before reading a line.
    void agentRefusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("none") << QStringList{};
        QTest::newRow("inspect lab") << QStringList{"--inspect", "--lab"};
        QTest::newRow("extra") << QStringList{"--inspect", "--verbose"};
        QTest::newRow("release without module") << QStringList{"--release"};
        QTest::newRow("release extra") << QStringList{"--release", "loop", "--lab"};
        QTest::newRow("unknown") << QStringList{"--root"};
    }

    void agentRefusesBadArguments()
    {
        QFETCH(QStringList, args);
        const Run run = runAgent(args, kHello);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("refscope-agent: "), run.err.constData());
    }

    // This machine is no lab guest: --lab refuses to start, and says why.
    void agentRefusesTheLabOutsideTheLab()
    {
        QFile cmdline(QStringLiteral("/proc/cmdline"));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        if (cmdline.readAll().contains(kLabKernelMarker.data()))
            QSKIP("running inside the lab guest");
        Run run = runAgent({"--lab"}, kHello);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("lab guest"), run.err.constData());
        run = runAgent({"--lab"}, kHello, {"PKEXEC_UID=1000"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("pkexec"), run.err.constData());
    }

    void helpListsTheTable()
    {
        const Run run = runAgent({"--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(agentModesHelp().toUtf8()));
    }

    // Every method against an inspect agent (as this user: nothing here
    // changes anything): the ones outside its mode are unknown_method.
    void inspectAgentServesOnlyItsMethods()
    {
        QByteArray input = kHello;
        int id = 2;
        for (const QString &method :
             {QString(agentmethod::ModuleLoad), QString(agentmethod::ModuleUnload),
              QString(agentmethod::LabExec), QString(agentmethod::Release)})
            input += request(id++, method, {{QStringLiteral("module"), QStringLiteral("x")}});
        input += request(id++, agentmethod::Snapshot);
        const QList<QJsonObject> r = replies(runAgent({"--inspect"}, input).out);
        QCOMPARE(r.size(), 6);
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(errorCode(r[i]), QStringLiteral("unknown_method"));
        QVERIFY(r[5].contains(QLatin1String("result")));
        QCOMPARE(r[0].value("result").toObject().value("mode").toString(),
                 QStringLiteral("inspect"));
    }

    // A flight agent: the recorder's state (as this user, tracefs is not
    // readable: "not running") and nothing of the other modes.
    void flightAgentServesOnlyTheRecorder()
    {
        QByteArray input = kHello;
        int id = 2;
        for (const QString &method : {QString(agentmethod::Snapshot), QString(agentmethod::Holders),
                                      QString(agentmethod::TraceStart),
                                      QString(agentmethod::LabExec), QString(agentmethod::Release)})
            input += request(id++, method, {{QStringLiteral("module"), QStringLiteral("x")}});
        input += request(id++, agentmethod::FlightStatus);
        const Run run = runAgent(agentArgumentsFor(AgentMode::Flight), input);
        const QList<QJsonObject> r = replies(run.out);
        QCOMPARE(r.size(), 7);
        QCOMPARE(r[0].value("result").toObject().value("mode").toString(),
                 QStringLiteral("flight"));
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(errorCode(r[i]), QStringLiteral("unknown_method"));
        QVERIFY2(r[6].value("result").toObject().contains(QLatin1String("running")),
                 run.out.constData());
    }

    // A release agent: holders and release of its module only, one
    // release, then it exits; tracing and the lab's methods are refused.
    void releaseAgentServesOneReleaseOfItsModule()
    {
        const QString module = QStringLiteral("refscope_no_such_module");
        QByteArray input = kHello;
        input += request(2, agentmethod::TraceStart);
        input += request(3, agentmethod::LabExec);
        input += request(4, agentmethod::Holders, {{"module", "loop"}});
        input += request(5, agentmethod::Release, {{"module", "loop"}});
        const QJsonObject release{{"module", module},
                                  {"confirmed_refcount", 0},
                                  {"confirmed_unattributed", 0},
                                  {"last_resort", "none"}};
        input += request(6, agentmethod::Release, release);
        input += request(7, agentmethod::Release, release);
        input += request(8, agentmethod::Snapshot);
        const Run run = runAgent(agentArgumentsFor(AgentMode::Release, module), input);
        QCOMPARE(run.exitCode, 0);
        const QList<QJsonObject> r = replies(run.out);
        // The agent ended after the release's reply (and its notification).
        QList<QJsonObject> answers;
        for (const QJsonObject &reply : r) {
            if (reply.contains(QLatin1String("id")))
                answers << reply;
        }
        QCOMPARE(answers.size(), 6);
        QCOMPARE(errorCode(answers[1]), QStringLiteral("unknown_method"));
        QCOMPARE(errorCode(answers[2]), QStringLiteral("unknown_method"));
        QCOMPARE(errorCode(answers[3]), QStringLiteral("wrong_module"));
        QCOMPARE(errorCode(answers[4]), QStringLiteral("wrong_module"));
        QCOMPARE(answers[5].value("id").toInt(), 6);
        QVERIFY(answers[5].contains(QLatin1String("result")));
    }
};

QTEST_GUILESS_MAIN(TestAgentMode)
#include "tst_agentmode.moc"
