// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli --ssh against the lab guest, in ONE guest: the guest gets a
// network card forwarding a free port on 127.0.0.1 to its port 22, and runs
// an sshd this test starts with a host key made for this run in a tmpfs
// (root login by key only). The test logs in with a key of its own, its own
// known_hosts and ssh configuration (-F), and the build tree's agent on the
// target (--ssh-agent). Snapshot, why, record, guard and release over SSH answer
// as the same commands run inside the guest; a killed ssh (while the agent
// captures or scans) or a dropped connection leaves no refscope-agent
// behind; an unknown or changed host key, a refused login, a missing agent
// and another protocol version get their plain messages.
#include "guestshell.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "protocol/methods.h"
#include "protocol/sshtarget.h"
#include "sources/sshsnapshotsource.h"
#include "testlab.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <unistd.h>

namespace refscope {

namespace {

const QString kCli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");
const QString kAgent = QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent");
const QString kOtherProtocolAgent =
    QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/vm/ssh-other-protocol-agent.sh");
// The guest's sshd keeps everything in a tmpfs: the guest's root is the
// host's, read-only.
const QString kSshDir = QStringLiteral("/run/refscope-test-ssh");

struct HostResult {
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit code %1\n%2%3").arg(exitCode).arg(out, err);
    }
};

HostResult runHere(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {-1, {}, QStringLiteral("%1 did not finish in time").arg(program)};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

int freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

// name -> "refcount state" of every module of a snapshot's JSON.
QMap<QString, QString> moduleStates(const QJsonObject &snapshot)
{
    QMap<QString, QString> states;
    for (const QJsonValue &m : snapshot.value(QLatin1String("modules")).toArray()) {
        const QJsonObject o = m.toObject();
        states.insert(o.value(QLatin1String("name")).toString(),
                      QStringLiteral("%1 %2")
                          .arg(o.value(QLatin1String("refcount")).toInt())
                          .arg(o.value(QLatin1String("state")).toString()));
    }
    return states;
}

// What a holder report says, without its wording: the counts and each
// holder's kind, pid, refs and source.
QStringList reportShape(const QJsonObject &report)
{
    QStringList shape{
        QStringLiteral("refcount %1").arg(report.value(QLatin1String("refcount")).toInt()),
        QStringLiteral("unattributed %1").arg(report.value(QLatin1String("unattributed")).toInt()),
        QStringLiteral("exact %1").arg(report.value(QLatin1String("exact_available")).toBool())};
    for (const QJsonValue &h : report.value(QLatin1String("holders")).toArray()) {
        const QJsonObject o = h.toObject();
        shape << QStringLiteral("%1 pid %2 refs %3 %4")
                     .arg(o.value(QLatin1String("kind")).toString())
                     .arg(o.value(QLatin1String("pid")).toInt())
                     .arg(o.value(QLatin1String("refs")).toInt())
                     .arg(o.value(QLatin1String("source")).toString());
    }
    return shape;
}

// Each step of a release result as "kind outcome code".
QStringList releaseShape(const QJsonObject &result)
{
    QStringList shape{
        QStringLiteral("released %1").arg(result.value(QLatin1String("released")).toBool())};
    for (const QJsonValue &s : result.value(QLatin1String("steps")).toArray()) {
        const QJsonObject o = s.toObject();
        shape << QStringLiteral("%1 %2 %3")
                     .arg(o.value(QLatin1String("kind")).toString(),
                          o.value(QLatin1String("outcome")).toString(),
                          o.value(QLatin1String("code")).toString());
    }
    return shape;
}

// A module's line of `refscope-cli report --json`: gets, puts, final count.
QString reportLine(const QJsonObject &report, const QString &module)
{
    const QJsonObject m =
        report.value(QLatin1String("modules")).toObject().value(module).toObject();
    if (m.isEmpty())
        return QStringLiteral("no %1 in %2")
            .arg(module, QString::fromUtf8(QJsonDocument(report).toJson()));
    return QStringLiteral("gets %1 puts %2 final %3")
        .arg(m.value(QLatin1String("gets")).toInteger())
        .arg(m.value(QLatin1String("puts")).toInteger())
        .arg(m.value(QLatin1String("final_refcount")).toInteger());
}

} // namespace

class TestSsh : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_countDemo;

    GuestResult sh(const QString &script, int timeoutMs = 120000)
    {
        return m_guest->run(script, timeoutMs);
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    // An ssh configuration of this test's own: host "lab" is the guest.
    void writeConfig(const QString &name, const QString &key, const QString &knownHosts)
    {
        QFile config(file(name));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Host lab\n"
                                    "  HostName 127.0.0.1\n"
                                    "  Port %1\n"
                                    "  User root\n"
                                    "  IdentityFile %2\n"
                                    "  IdentitiesOnly yes\n"
                                    "  IdentityAgent none\n"
                                    "  UserKnownHostsFile %3\n"
                                    "  GlobalKnownHostsFile /dev/null\n"
                                    "  StrictHostKeyChecking yes\n")
                         .arg(m_port)
                         .arg(file(key), file(knownHosts))
                         .toUtf8());
    }
    QStringList sshOptions(const QString &config = QStringLiteral("config"),
                           const QString &agent = kAgent) const
    {
        return {QStringLiteral("--ssh"),        QStringLiteral("lab"),
                QStringLiteral("--ssh-config"), file(config),
                QStringLiteral("--ssh-agent"),  agent};
    }
    HostResult cli(const QStringList &args, const QString &config = QStringLiteral("config"),
                   const QString &agent = kAgent)
    {
        return runHere(kCli, sshOptions(config, agent) + args);
    }
    SshTarget target() const
    {
        SshTarget t;
        t.host = QStringLiteral("lab");
        t.configFile = file(QStringLiteral("config"));
        t.agentPath = kAgent;
        return t;
    }
    // How many refscope-agent processes of mode run in the guest.
    int guestAgents(const QString &mode)
    {
        const GuestResult r = sh(QStringLiteral("for p in $(pgrep -x refscope-agent); do tr '\\0' "
                                                "' ' </proc/$p/cmdline; echo; done "
                                                "| grep -c -- '%1' || true")
                                     .arg(mode));
        return r.out.trimmed().toInt();
    }
    bool waitForGuestAgents(const QString &mode, int count, int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (guestAgents(mode) != count) {
            if (deadline.hasExpired())
                return false;
            QThread::msleep(300);
        }
        return true;
    }
    bool captureInstanceExists()
    {
        return sh(QStringLiteral("test -d /sys/kernel/tracing/instances/refscope")).ok();
    }
    // This process's ssh child (the AgentClient's), -1 when none.
    static qint64 sshChild()
    {
        const HostResult r = runHere(QStringLiteral("pgrep"),
                                     {QStringLiteral("-P"), QString::number(getpid()),
                                      QStringLiteral("-x"), QStringLiteral("ssh")},
                                     10000);
        bool ok = false;
        const qint64 pid = r.out.section(u'\n', 0, 0).trimmed().toLongLong(&ok);
        return ok ? pid : -1;
    }
    void insmodCountDemo()
    {
        const GuestResult r = sh(QStringLiteral("insmod %1").arg(m_countDemo));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_port = freePort();
        QVERIFY(m_port > 0);
        LabOptions options;
        options.sshPort = m_port;
        const QString error = bootTestLab(m_lab, 850, options); // the ctest timeout is 900 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        for (const QString &ko : labExampleModules())
            if (ko.endsWith(QLatin1String("/count_demo.ko")))
                m_countDemo = ko;
        QVERIFY(!m_countDemo.isEmpty());

        // This test's keys: the one the guest lets in, another it does not.
        for (const char *key : {"id", "other_id"}) {
            const HostResult keygen = runHere(
                QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                 QStringLiteral("-N"), QString(), QStringLiteral("-f"), file(QLatin1String(key))});
            QVERIFY2(keygen.exitCode == 0, qPrintable(keygen.describe()));
        }
        QFile publicKey(file(QStringLiteral("id.pub")));
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        const QString authorized = QString::fromUtf8(publicKey.readAll()).trimmed();

        // sshd in the guest: host key made now, root by key only, no PAM.
        // StrictModes off: the tmpfs under /run is world-writable above it.
        const GuestResult sshd = sh(
            QStringLiteral("set -e; d=%1; mkdir -p $d /run/sshd; chmod 700 $d\n"
                           "ssh-keygen -q -t ed25519 -N '' -f $d/host_key\n"
                           "echo '%2' > $d/authorized_keys\n"
                           "printf '%s\\n' 'Port 22' 'HostKey %1/host_key' 'PidFile %1/sshd.pid' "
                           "'AuthorizedKeysFile %1/authorized_keys' "
                           "'PermitRootLogin prohibit-password' 'PasswordAuthentication no' "
                           "'KbdInteractiveAuthentication no' 'UsePAM no' 'StrictModes no' "
                           "> $d/sshd_config\n"
                           "/usr/sbin/sshd -f $d/sshd_config -E $d/sshd.log\n"
                           "cut -d' ' -f1,2 $d/host_key.pub")
                .arg(kSshDir, authorized));
        QVERIFY2(sshd.ok(), qPrintable(sshd.describe()));
        const QString hostKey = sshd.out.trimmed();
        QVERIFY(hostKey.startsWith(QLatin1String("ssh-ed25519 ")));
        const auto writeFile = [this](const QString &name, const QString &text) {
            QFile f(file(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        };
        writeFile(QStringLiteral("known_hosts"),
                  QStringLiteral("[127.0.0.1]:%1 %2\n").arg(m_port).arg(hostKey));
        writeFile(QStringLiteral("no_known_hosts"), {});
        // Another key for the same host and port: what a changed key looks like.
        QFile otherHostKey(file(QStringLiteral("other_id.pub")));
        QVERIFY(otherHostKey.open(QIODevice::ReadOnly));
        writeFile(
            QStringLiteral("changed_known_hosts"),
            QStringLiteral("[127.0.0.1]:%1 %2\n")
                .arg(m_port)
                .arg(QString::fromUtf8(otherHostKey.readAll()).section(u' ', 0, 1).trimmed()));
        writeConfig(QStringLiteral("config"), QStringLiteral("id"), QStringLiteral("known_hosts"));
        writeConfig(QStringLiteral("config_unknown"), QStringLiteral("id"),
                    QStringLiteral("no_known_hosts"));
        writeConfig(QStringLiteral("config_changed"), QStringLiteral("id"),
                    QStringLiteral("changed_known_hosts"));
        writeConfig(QStringLiteral("config_other_key"), QStringLiteral("other_id"),
                    QStringLiteral("known_hosts"));
    }

    void cleanup() { m_guest->endHeld(); }

    void cleanupTestCase()
    {
        const QString problems = m_guest ? m_guest->kernelLogProblems() : QString();
        if (m_guest)
            sh(QStringLiteral("kill $(cat %1/sshd.pid) 2>/dev/null; true").arg(kSshDir));
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void snapshotMatchesTheGuests()
    {
        const HostResult remote = cli({QStringLiteral("snapshot"), QStringLiteral("--json")});
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.describe()));
        const GuestResult local = sh(kCli + QStringLiteral(" snapshot --json"));
        QVERIFY2(local.ok(), qPrintable(local.describe()));
        const QJsonObject remoteJson = jsonOf(remote.out);
        QCOMPARE(remoteJson.value(QLatin1String("kernel")).toString(), m_lab.kernelRelease());
        QCOMPARE(moduleStates(remoteJson), moduleStates(jsonOf(local.out)));
        QVERIFY(moduleStates(remoteJson).contains(QStringLiteral("virtio_net")));
        // The table too, and no agent stays behind after the command.
        const HostResult table = cli({QStringLiteral("snapshot")});
        QVERIFY2(table.exitCode == 0 && table.out.contains(QLatin1String("virtio_net")),
                 qPrintable(table.describe()));
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
    }

    // The window's source for `refscope --ssh`: one snapshot, named after
    // the host (the window's title and status bar show the description).
    void snapshotSourceReadsTheHost()
    {
        SshSnapshotSource source(target());
        QCOMPARE(source.description(), QStringLiteral("lab over SSH"));
        QSignalSpy ready(&source, &SnapshotSource::snapshotReady);
        QSignalSpy failed(&source, &SnapshotSource::failed);
        source.refresh();
        QVERIFY2(ready.wait(60000),
                 failed.isEmpty() ? "no snapshot" : qPrintable(failed.first().first().toString()));
        const auto snapshot = ready.first().first().value<Snapshot>();
        QCOMPARE(snapshot.kernelRelease, m_lab.kernelRelease());
        QVERIFY(source.agent()->isConnected());
        QCOMPARE(source.agent()->helloResult().value(QLatin1String("uid")).toInt(-1), 0);
    }

    void whyMatchesTheGuests()
    {
        insmodCountDemo();
        m_guest->hold(QStringLiteral("exec 3</dev/count_demo; exec sleep 600"));
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 2));
        const HostResult remote =
            cli({QStringLiteral("why"), QStringLiteral("count_demo"), QStringLiteral("--json")});
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.describe()));
        const GuestResult local = sh(kCli + QStringLiteral(" why count_demo --json"));
        QVERIFY2(local.ok(), qPrintable(local.describe()));
        const QStringList shape = reportShape(jsonOf(remote.out));
        qInfo("why over ssh: %s", qPrintable(shape.join(QStringLiteral("; "))));
        QCOMPARE(shape, reportShape(jsonOf(local.out)));
        QVERIFY(shape.contains(QStringLiteral("exact 1")));
        const HostResult text = cli({QStringLiteral("why"), QStringLiteral("count_demo")});
        QVERIFY2(text.exitCode == 0 && text.out.contains(QLatin1String("count_demo: used 2")),
                 qPrintable(text.describe()));
    }

    void recordMatchesTheGuests()
    {
        m_guest->endHeld();
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 0));
        // The command runs here; it opens the guest's device three times
        // through an ssh of its own.
        const QString opens = QStringLiteral("for i in 1 2 3; do : </dev/count_demo; done");
        const QString session = file(QStringLiteral("remote.rscope"));
        const HostResult remote = cli(
            {QStringLiteral("record"), QStringLiteral("-o"), session, QStringLiteral("--modules"),
             QStringLiteral("count_demo"), QStringLiteral("--"), QStringLiteral("ssh"),
             QStringLiteral("-F"), file(QStringLiteral("config")), QStringLiteral("lab"), opens});
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.describe()));
        const HostResult remoteReport =
            runHere(kCli, {QStringLiteral("report"), session, QStringLiteral("--json")});
        QVERIFY2(remoteReport.exitCode == 0, qPrintable(remoteReport.describe()));

        const GuestResult local =
            sh(QStringLiteral("%1 record -o /tmp/local.rscope --modules count_demo -- sh -c '%2' "
                              "&& %1 report /tmp/local.rscope --json")
                   .arg(kCli, opens));
        QVERIFY2(local.ok(), qPrintable(local.describe()));
        const QString line = reportLine(jsonOf(remoteReport.out), QStringLiteral("count_demo"));
        qInfo("record over ssh: %s", qPrintable(line));
        QCOMPARE(line, reportLine(jsonOf(local.out.mid(local.out.indexOf(u'{'))),
                                  QStringLiteral("count_demo")));
        QCOMPARE(line, QStringLiteral("gets 6 puts 6 final 0"));
    }

    // guard over ssh: the counts before and after are the guest agent's
    // snapshots; a balanced loop passes, a file left open fails (status 3)
    // with count_demo's open named.
    void guardJudgesTheGuestsCounts()
    {
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 0));
        const QString config = file(QStringLiteral("config"));
        const QString opens = QStringLiteral("for i in 1 2 3; do : </dev/count_demo; done");
        HostResult r =
            cli({QStringLiteral("guard"), QStringLiteral("--modules"), QStringLiteral("count_demo"),
                 QStringLiteral("--"), QStringLiteral("ssh"), QStringLiteral("-F"), config,
                 QStringLiteral("lab"), opens});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QLatin1String("count_demo: 0 -> 0  ok")), qPrintable(r.out));

        const QString leave =
            QStringLiteral("sleep 600 </dev/count_demo >/dev/null 2>&1 & echo $! > /tmp/held");
        r = cli({QStringLiteral("guard"), QStringLiteral("--json"), QStringLiteral("--modules"),
                 QStringLiteral("count_demo"), QStringLiteral("--"), QStringLiteral("ssh"),
                 QStringLiteral("-F"), config, QStringLiteral("lab"), leave});
        sh(QStringLiteral("kill $(cat /tmp/held)"));
        QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
        const QJsonObject module =
            jsonOf(r.out).value(QLatin1String("modules")).toArray().first().toObject();
        QCOMPARE(module.value(QLatin1String("before")).toInt(), 0);
        QCOMPARE(module.value(QLatin1String("after")).toInt(), 2);
        const QJsonArray sites = module.value(QLatin1String("outstanding")).toArray();
        QStringList named;
        for (const QJsonValue &site : sites)
            named << site.toObject().value(QLatin1String("call_site")).toString();
        qInfo("guard over ssh: %s", qPrintable(named.join(QStringLiteral("; "))));
        QVERIFY2(named.join(u' ').contains(QLatin1String("count_demo_open")), qPrintable(r.out));
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 0));
    }

    void releaseMatchesTheGuests()
    {
        QCOMPARE(m_guest->lsmodCount(QStringLiteral("count_demo")), 0);
        const HostResult remote = cli({QStringLiteral("release"), QStringLiteral("count_demo"),
                                       QStringLiteral("--yes"), QStringLiteral("--json")});
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.describe()));
        QCOMPARE(m_guest->lsmodCount(QStringLiteral("count_demo")), -1);
        insmodCountDemo();
        const GuestResult local = sh(kCli + QStringLiteral(" release count_demo --yes --json"));
        QVERIFY2(local.ok(), qPrintable(local.describe()));
        const QStringList shape = releaseShape(jsonOf(remote.out));
        qInfo("release over ssh: %s", qPrintable(shape.join(QStringLiteral("; "))));
        QCOMPARE(shape, releaseShape(jsonOf(local.out)));
        QVERIFY(waitForGuestAgents(QStringLiteral("--release"), 0));
    }

    // ssh killed while the agent captures, and while it scans for holders:
    // the agent reads the end of its input (or fails to write) and exits,
    // removing the capture's tracefs instance.
    void killedSshLeavesNoAgent_data()
    {
        QTest::addColumn<bool>("capturing");
        QTest::newRow("capture running") << true;
        QTest::newRow("holders scan") << false;
    }
    void killedSshLeavesNoAgent()
    {
        QFETCH(bool, capturing);
        insmodCountDemo();
        AgentClient client;
        startSshAgent(&client, target(), AgentMode::Inspect);
        QVERIFY(client.waitForHello(60000));
        QCOMPARE(guestAgents(QStringLiteral("--inspect")), 1);
        QSignalSpy gone(&client, &AgentClient::disconnected);
        if (capturing) {
            const AgentReply started = client.callSync(agentmethod::TraceStart, {}, 60000);
            QVERIFY2(started.ok, qPrintable(started.errorMessage));
            QVERIFY(captureInstanceExists());
            // Keep its reader busy: module events while ssh goes.
            m_guest->hold(QStringLiteral("while :; do : </dev/count_demo; done"));
        } else {
            client.call(agentmethod::Holders,
                        {{QStringLiteral("module"), QStringLiteral("count_demo")}},
                        [](const AgentReply &) {});
        }
        const qint64 ssh = sshChild();
        QVERIFY(ssh > 0);
        QCOMPARE(::kill(pid_t(ssh), SIGKILL), 0);
        QVERIFY(gone.wait(30000));
        qInfo("the client says: %s", qPrintable(gone.first().first().toString()));
        QVERIFY2(gone.first().first().toString().contains(QLatin1String("lab")),
                 qPrintable(gone.first().first().toString()));
        QVERIFY2(waitForGuestAgents(QStringLiteral("--inspect"), 0),
                 "a refscope-agent outlived its ssh");
        QVERIFY(!captureInstanceExists());
        m_guest->endHeld();
        QVERIFY(sh(QStringLiteral("rmmod count_demo")).ok());
    }

    void plainMessages_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown host key")
            << QStringLiteral("config_unknown") << kAgent
            << QStringLiteral("The host key of lab is not known here yet");
        QTest::newRow("changed host key") << QStringLiteral("config_changed") << kAgent
                                          << QStringLiteral("The host key of lab has changed");
        QTest::newRow("login refused") << QStringLiteral("config_other_key") << kAgent
                                       << QStringLiteral("lab refused the login");
        QTest::newRow("no agent") << QStringLiteral("config")
                                  << QStringLiteral("/usr/libexec/no-such-refscope-agent")
                                  << QStringLiteral("refscope-agent is not installed on lab");
        QTest::newRow("other protocol")
            << QStringLiteral("config") << kOtherProtocolAgent
            << QStringLiteral("refscope-agent on lab speaks another protocol version");
    }
    void plainMessages()
    {
        QFETCH(QString, config);
        QFETCH(QString, agent);
        QFETCH(QString, expected);
        const HostResult r = cli({QStringLiteral("snapshot")}, config, agent);
        qInfo("%s", qPrintable(r.err.trimmed()));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.describe()));
    }

    // The guest's sshd for this connection dies (its monitor and session):
    // the client says the connection dropped, and the agent is gone.
    void droppedConnection()
    {
        AgentClient client;
        startSshAgent(&client, target(), AgentMode::Inspect);
        QVERIFY(client.waitForHello(60000));
        QSignalSpy gone(&client, &AgentClient::disconnected);
        // [y]: the pattern must not match this shell's own command line.
        const GuestResult kill = sh(QStringLiteral("pkill -KILL -f 'sshd: roo[t]'"));
        QVERIFY2(kill.ok(), qPrintable(kill.describe()));
        // lab.exec's wait runs the event loop: the end may be in already.
        QVERIFY(!gone.isEmpty() || gone.wait(30000));
        const QString reason = gone.first().first().toString();
        qInfo("dropped: %s", qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("The connection to lab dropped")),
                 qPrintable(reason));
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestSsh)
#include "tst_ssh.moc"
