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
// and another protocol version get their plain messages. As ordinary users
// of the guest (kUsersDir): through sudo with README's NOPASSWD line (and
// auto) snapshot and why answer as root's, the agent runs as root for the
// user, a killed ssh leaves no agent behind sudo; sudo wanting a password,
// a user sudo does not know, root asked of a user and pkexec without polkit
// get their sentences at once; pkexec with polkitd and a rule for the user
// works. The window too: the Compare window adds the guest as an SSH host
// through its "An SSH host…" dialog, beside this machine; the main window as
// `refscope --ssh root@127.0.0.1:PORT` starts it shows the guest's modules
// and holders, says when the connection drops and connects again on
// Refresh; a changed host key is its plain sentence on the window's page;
// rsudo@127.0.0.1:PORT through sudo shows the guest's modules (screenshots
// in build/tests/vm/ssh-window).
#include "compare/comparewindow.h"
#include "guestshell.h"
#include "inventory/kmodreader.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "models/comparemodel.h"
#include "models/modulelistmodel.h"
#include "protocol/agentclient.h"
#include "protocol/methods.h"
#include "protocol/sshtarget.h"
#include "settings/uilanguage.h"
#include "settings/usersettings.h"
#include "sources/filesnapshotsource.h"
#include "sources/sshsnapshotsource.h"
#include "testlab.h"
#include "window/mainwindow.h"
#include "window/targetlist.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <csignal>
#include <unistd.h>

namespace refscope {

namespace {

const QString kCli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");
const QString kAgent = QStringLiteral(REFSCOPE_BINARY_DIR "/app/agent/refscope-agent");
const QString kOtherProtocolAgent =
    QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/vm/ssh-other-protocol-agent.sh");
const QString kScreenshots = QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/ssh-window");
// The guest's sshd keeps everything in a tmpfs: the guest's root is the
// host's, read-only.
const QString kSshDir = QStringLiteral("/run/refscope-test-ssh");
// Ordinary users of the guest only: copies of /etc/passwd, shadow, group and
// sudoers.d in a tmpfs, bound over the read-only originals. rsudo may start
// exactly the agent without a password (README's sudoers line), rspass only
// with a password, rsplain not at all.
const QString kUsersDir = QStringLiteral("/run/refscope-test-users");

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
        // The address too, for the window's root@127.0.0.1:PORT (the
        // command line's -p and -l come before HostName, Port and User).
        config.write(QStringLiteral("Host lab 127.0.0.1\n"
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
    // The guest as an ordinary user logs in (ssh -l overrides the
    // configuration's User root).
    SshTarget userTarget(const QString &user, SshPrivilege privilege) const
    {
        SshTarget t = target();
        t.user = user;
        t.privilege = privilege;
        return t;
    }
    HostResult userCli(const QString &user, const QString &privilege, const QStringList &args)
    {
        return runHere(kCli,
                       QStringList{QStringLiteral("--ssh"), user + QStringLiteral("@lab"),
                                   QStringLiteral("--ssh-config"), file(QStringLiteral("config")),
                                   QStringLiteral("--ssh-agent"), kAgent,
                                   QStringLiteral("--ssh-privilege"), privilege} +
                           args);
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
    // What the window's user types: the guest as ssh reaches it, by address.
    QString destination(const QString &user = QStringLiteral("root")) const
    {
        return QStringLiteral("%1@127.0.0.1:%2").arg(user).arg(m_port);
    }
    SshTarget windowTarget(const QString &config = QStringLiteral("config"),
                           const QString &user = QStringLiteral("root")) const
    {
        SshTarget t;
        t.configFile = file(config);
        t.agentPath = kAgent;
        QString error;
        if (!parseSshTarget(destination(user), &t, &error))
            qFatal("%s", qPrintable(error));
        return t;
    }
    static void screenshot(QWidget *widget, const QString &name)
    {
        QDir().mkpath(kScreenshots);
        const QString path = QDir(kScreenshots).filePath(name);
        QVERIFY2(widget->grab().save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
    void insmodCountDemo()
    {
        const GuestResult r = sh(QStringLiteral("insmod %1").arg(m_countDemo));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
    }

    // The agent started over ssh (as root, or through sudo), then ssh
    // killed: no agent may stay in the guest, nor the capture's instance.
    void killSshUnderTheAgent(const SshTarget &sshTarget, bool capturing)
    {
        insmodCountDemo();
        AgentClient client;
        startSshAgent(&client, sshTarget, AgentMode::Inspect);
        QVERIFY(client.waitForHello(60000));
        QCOMPARE(client.helloResult().value(QLatin1String("uid")).toInt(-1), 0);
        QCOMPARE(guestAgents(QStringLiteral("--inspect")), 1);
        if (!sshTarget.user.isEmpty()) {
            // Root through sudo, for the user who logged in.
            const GuestResult who = sh(QStringLiteral(
                "for a in $(pgrep -x refscope-agent); do grep -qa -- --inspect /proc/$a/cmdline "
                "&& p=$a; done; grep '^Uid:' /proc/$p/status; "
                "tr '\\0' '\\n' </proc/$p/environ | grep '^SUDO_USER='; "
                "ps -o user=,args= -p $(ps -o ppid= -p $(ps -o ppid= -p $p))"));
            QVERIFY2(who.ok(), qPrintable(who.describe()));
            qInfo("%s", qPrintable(who.out.simplified()));
            QVERIFY2(who.out.contains(QRegularExpression(QStringLiteral("Uid:\\s+0\\s+0"))),
                     qPrintable(who.out));
            QVERIFY2(who.out.contains(QStringLiteral("SUDO_USER=%1").arg(sshTarget.user)),
                     qPrintable(who.out));
            // sudo's parent: the login's shell, running as the user.
            QVERIFY2(who.out.contains(
                         QRegularExpression(QStringLiteral("^%1\\s+sh -c").arg(sshTarget.user),
                                            QRegularExpression::MultilineOption)),
                     qPrintable(who.out));
        }
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

private slots:
    void initTestCase()
    {
        // The Compare window remembers the SSH hosts it read: not in the user's settings.
        QStandardPaths::setTestModeEnabled(true);
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
                           "'Match User rsudo,rspass,rsplain' "
                           "'AuthorizedKeysFile .ssh/authorized_keys' > $d/sshd_config\n"
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

        // The ordinary users, each with a home holding this test's key.
        // visudo -c: the drop-in parses and has sudo's owner and mode.
        const GuestResult users = sh(
            QStringLiteral(
                "set -e; u=%1; agent=%2; key='%3'\n"
                "mkdir -p $u/sudoers.d; chmod 755 $u $u/sudoers.d\n"
                "cp -p /etc/passwd /etc/shadow /etc/group $u/\n"
                "cp -p /etc/sudoers.d/* $u/sudoers.d/ 2>/dev/null || true\n"
                "n=4201; for name in rsudo rspass rsplain; do\n"
                "  echo \"$name:x:$n:$n:RefScope test user:$u/$name:/bin/sh\" >> $u/passwd\n"
                "  echo \"$name:*:20000:0:99999:7:::\" >> $u/shadow\n"
                "  echo \"$name:x:$n:\" >> $u/group\n"
                "  mkdir -p $u/$name/.ssh; echo \"$key\" > $u/$name/.ssh/authorized_keys\n"
                "  chmod 700 $u/$name $u/$name/.ssh; chown -R $n:$n $u/$name; n=$((n+1))\n"
                "done\n"
                "printf '%s\\n' \"rsudo ALL=(root) NOPASSWD: $agent\" \"rspass ALL=(root) $agent\" "
                "> $u/sudoers.d/refscope\n"
                "chown root:root $u/sudoers.d/refscope; chmod 0440 $u/sudoers.d/refscope\n"
                "for f in passwd shadow group; do mount --bind $u/$f /etc/$f; done\n"
                "mount --bind $u/sudoers.d /etc/sudoers.d\n"
                "visudo -c; id rsudo; sudo -V | head -1")
                .arg(kUsersDir, kAgent, authorized));
        QVERIFY2(users.ok(), qPrintable(users.describe()));
        qInfo("%s", qPrintable(users.out.trimmed()));
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
        killSshUnderTheAgent(target(), capturing);
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

    // An ordinary user whom sudo lets start exactly the agent without a
    // password: snapshot and why answer as the guest's own commands do.
    void sudoAnswersAsTheGuest()
    {
        insmodCountDemo();
        m_guest->hold(QStringLiteral("exec 3</dev/count_demo; exec sleep 600"));
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 2));
        const QString user = QStringLiteral("rsudo");
        const QString sudo = QStringLiteral("sudo");
        const HostResult remote =
            userCli(user, sudo, {QStringLiteral("snapshot"), QStringLiteral("--json")});
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.describe()));
        const GuestResult local = sh(kCli + QStringLiteral(" snapshot --json"));
        QVERIFY2(local.ok(), qPrintable(local.describe()));
        const QJsonObject remoteJson = jsonOf(remote.out);
        QCOMPARE(remoteJson.value(QLatin1String("kernel")).toString(), m_lab.kernelRelease());
        QCOMPARE(moduleStates(remoteJson), moduleStates(jsonOf(local.out)));
        QVERIFY(moduleStates(remoteJson).contains(QStringLiteral("count_demo")));

        const HostResult why = userCli(
            user, sudo,
            {QStringLiteral("why"), QStringLiteral("count_demo"), QStringLiteral("--json")});
        QVERIFY2(why.exitCode == 0, qPrintable(why.describe()));
        const GuestResult localWhy = sh(kCli + QStringLiteral(" why count_demo --json"));
        QVERIFY2(localWhy.ok(), qPrintable(localWhy.describe()));
        const QStringList shape = reportShape(jsonOf(why.out));
        qInfo("why through sudo: %s", qPrintable(shape.join(QStringLiteral("; "))));
        QCOMPARE(shape, reportShape(jsonOf(localWhy.out)));
        // The holder's open file is found: the agent reads other processes' fds, as root.
        QVERIFY(shape.contains(QStringLiteral("exact 1")));
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
        m_guest->endHeld();
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 0));
        QVERIFY(sh(QStringLiteral("rmmod count_demo")).ok());
    }

    // The agent through sudo runs as root for the user who logged in; ssh
    // killed under it leaves neither sudo's child nor the capture behind.
    void killedSshLeavesNoAgentThroughSudo_data() { killedSshLeavesNoAgent_data(); }
    void killedSshLeavesNoAgentThroughSudo()
    {
        QFETCH(bool, capturing);
        killSshUnderTheAgent(userTarget(QStringLiteral("rsudo"), SshPrivilege::Sudo), capturing);
    }

    // auto as an ordinary user: sudo -n, which rsudo's rule lets through.
    void autoPicksSudoForAUser()
    {
        const HostResult r = userCli(QStringLiteral("rsudo"), QStringLiteral("auto"),
                                     {QStringLiteral("snapshot"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(jsonOf(r.out).value(QLatin1String("kernel")).toString(), m_lab.kernelRelease());
        QVERIFY(moduleStates(jsonOf(r.out)).contains(QStringLiteral("virtio_net")));
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
    }

    // What sudo and pkexec refuse, in a plain sentence, at once (sudo -n
    // never waits for a password), with no agent left.
    void userRefusals_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("privilege");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sudo wants a password")
            << QStringLiteral("rspass") << QStringLiteral("sudo")
            << QStringLiteral("sudo on rspass@lab asks for a password");
        QTest::newRow("auto, sudo wants a password")
            << QStringLiteral("rspass") << QStringLiteral("auto")
            << QStringLiteral("sudo on rspass@lab asks for a password");
        // sudo -n asks for the password before it reads the rules: the
        // same answer, whose sentence says so.
        QTest::newRow("not in sudoers")
            << QStringLiteral("rsplain") << QStringLiteral("sudo")
            << QStringLiteral("sudo on rsplain@lab asks for a password before it starts the "
                              "agent (it asks also when it would not allow you at all)");
        QTest::newRow("root asked of a user")
            << QStringLiteral("rsudo") << QStringLiteral("root")
            << QStringLiteral("You log in on rsudo@lab as rsudo, not as root");
        QTest::newRow("pkexec without polkit")
            << QStringLiteral("rsudo") << QStringLiteral("pkexec")
            << QStringLiteral("pkexec on rsudo@lab could not reach polkit");
    }
    void userRefusals()
    {
        QFETCH(QString, user);
        QFETCH(QString, privilege);
        QFETCH(QString, expected);
        QElapsedTimer timer;
        timer.start();
        const HostResult r = userCli(user, privilege, {QStringLiteral("snapshot")});
        qInfo("%lld ms: %s", qlonglong(timer.elapsed()), qPrintable(r.err.trimmed()));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.describe()));
        QVERIFY2(timer.elapsed() < 60000, "waited for something");
        QCOMPARE(guestAgents(QStringLiteral("--inspect")), 0);
    }

    // Compare → Add → "An SSH host…": the dialog takes root@127.0.0.1:PORT
    // and the guest joins the table beside this machine, its count_demo
    // (not loaded here) highlighted.
    void compareWindowAddsTheGuest_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("onlyDifferences"); // the check box's text
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Only differences");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("仅显示差异");
    }
    void compareWindowAddsTheGuest()
    {
        QFETCH(QString, language);
        QFETCH(QString, onlyDifferences);
        QVERIFY(UiLanguage::install(language));
        insmodCountDemo();
        const CompareTarget here{QStringLiteral("this machine"),
                                 readLocalSnapshot({.modinfo = false, .builtin = false})};
        QVERIFY(!here.snapshot.find(QStringLiteral("count_demo")));
        CompareWindow window(here);
        // As the main window started with --ssh-config and --ssh-agent passes them on.
        window.setSshOptions(windowTarget());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.findChild<QCheckBox *>(QStringLiteral("onlyDifferences"))->text(),
                 onlyDifferences);
        QSignalSpy added(&window, &CompareWindow::targetAdded);
        QSignalSpy failed(&window, &CompareWindow::targetFailed);

        // The dialog the Add menu's action opens, answered as a user would.
        QAction *ssh = nullptr;
        for (QAction *action : window.addMenu()->actions())
            if (action->objectName() == QLatin1String("addSshHostAction"))
                ssh = action;
        QVERIFY(ssh);
        bool answered = false;
        QTimer answer;
        answer.setInterval(50);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            answer.stop();
            dialog->setTextValue(destination());
            screenshot(dialog, QStringLiteral("compare-ssh-dialog-%1.png").arg(language));
            answered = true;
            dialog->accept();
        });
        answer.start();
        ssh->trigger(); // returns once the dialog was answered
        QVERIFY(answered);
        QVERIFY(window.isReading());
        QVERIFY2(added.wait(60000) || !added.isEmpty(),
                 qPrintable(failed.value(0).value(0).toString()));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

        CompareModel *model = window.model();
        QCOMPARE(model->comparison().targets.size(), 2);
        const Snapshot &guest = model->comparison().targets.at(1).snapshot;
        QCOMPARE(guest.kernelRelease, m_lab.kernelRelease());
        QCOMPARE(guest.origin.kind, OriginKind::Remote);
        QCOMPARE(guest.origin.target, destination());
        const QString header =
            model->headerData(model->columnOf(1, CompareField::Loaded), Qt::Horizontal).toString();
        QVERIFY2(header.contains(m_lab.kernelRelease()), qPrintable(header));
        const QString origins =
            window.findChild<QLabel *>(QStringLiteral("compareOrigins"))->text();
        QVERIFY2(origins.contains(destination()), qPrintable(origins));
        QVERIFY(UserSettings().recentSshHosts().contains(destination()));

        // count_demo: loaded in the guest, not here; the cell is highlighted.
        const QAbstractItemModel *shown = window.table()->model();
        int countDemo = -1;
        for (int r = 0; r < shown->rowCount(); ++r)
            if (shown->index(r, 0).data().toString() == QLatin1String("count_demo"))
                countDemo = r;
        QVERIFY(countDemo >= 0);
        QVERIFY(!model->comparison().rows.at(countDemo).perTarget.at(0).has_value());
        QVERIFY(model->comparison().rows.at(countDemo).perTarget.at(1).has_value());
        const QModelIndex loaded =
            shown->index(countDemo, model->columnOf(1, CompareField::Loaded));
        QVERIFY(loaded.data(CompareModel::DiffersRole).toBool());
        QCOMPARE(loaded.data(Qt::BackgroundRole).value<QColor>(), QColor(0xff, 0xe0, 0x9e));
        QVERIFY(shown->index(countDemo, 0).data(Qt::FontRole).value<QFont>().bold());
        // Both sides' modules are there: the guest's all, this machine's all.
        QStringList names;
        for (int r = 0; r < shown->rowCount(); ++r)
            names << shown->index(r, 0).data().toString();
        for (const ModuleInfo &m : guest.modules)
            QVERIFY2(names.contains(m.name), qPrintable(m.name));
        for (const ModuleInfo &m : here.snapshot.modules)
            QVERIFY2(names.contains(m.name), qPrintable(m.name));
        qInfo("%s: %lld modules compared, %d differ", qPrintable(language),
              qlonglong(model->comparison().rows.size()), model->comparison().differingRows());

        window.setOnlyDifferent(true);
        window.resize(1900, 600);
        QTest::qWait(100);
        screenshot(&window, QStringLiteral("compare-ssh-%1.png").arg(language));

        // Removing the target closes ssh: no agent stays in the guest.
        window.removeTarget(1);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
        UiLanguage::install(QStringLiteral("en"));
        QVERIFY(sh(QStringLiteral("rmmod count_demo")).ok());
    }

    // `refscope --ssh root@127.0.0.1:PORT`, in process: the guest's
    // modules, the title naming the host and its kernel, the holder of
    // count_demo; then the connection drops (sshd's child killed in the
    // guest): a plain sentence, no agent left there; Refresh connects again.
    void mainWindowShowsTheGuest()
    {
        insmodCountDemo();
        const qint64 holder =
            m_guest->hold(QStringLiteral("exec 3</dev/count_demo; exec sleep 600"));
        QVERIFY(holder > 0);
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 2));
        auto owned = std::make_unique<MainWindow>();
        MainWindow &window = *owned;
        window.setSource(new SshSnapshotSource(windowTarget()));
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString title =
            QStringLiteral("%1 over SSH (kernel %2)").arg(destination(), m_lab.kernelRelease());
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), title, 60000);
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 1));
        const auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
        QVERIFY(table);
        QStringList names;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            names << table->model()->index(r, 0).data().toString();
        QVERIFY2(names.contains(QLatin1String("count_demo")) &&
                     names.contains(QLatin1String("virtio_net")),
                 qPrintable(names.join(u' ')));
        QVERIFY2(window.findChild<QLabel *>(QStringLiteral("sourceLabel"))
                     ->text()
                     .contains(destination()),
                 qPrintable(window.findChild<QLabel *>(QStringLiteral("sourceLabel"))->text()));

        window.selectModule(QStringLiteral("count_demo"));
        window.findChild<QAction *>(QStringLiteral("showHoldersAction"))->trigger();
        auto *holders = window.findChild<QTreeWidget *>(QStringLiteral("holdersTree"));
        QVERIFY(holders);
        const QString process = QStringLiteral("%1 (sleep)").arg(holder);
        const auto holderShown = [&] {
            for (int i = 0; i < holders->topLevelItemCount(); ++i)
                for (int c = 0; c < holders->columnCount(); ++c)
                    if (holders->topLevelItem(i)->text(c) == process)
                        return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(holderShown(), 60000);
        QTest::qWait(200);
        screenshot(&window, QStringLiteral("mainwindow-ssh-holders.png"));

        // A saved snapshot as a second target beside the host: its own
        // rows. Back on the host, without connecting again: its title, its
        // rows, count_demo selected and its holder shown at once.
        window.setSource(
            new FileSnapshotSource(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-stock-6.12.json")));
        const auto rowNames = [&] {
            QStringList shown;
            for (int r = 0; r < table->model()->rowCount(); ++r)
                shown << table->model()->index(r, ModuleListModel::Name).data().toString();
            return shown;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowNames().contains(QLatin1String("overlay")), 10000);
        QVERIFY(!rowNames().contains(QLatin1String("count_demo")));
        QCOMPARE(window.targets()->count(), 2);
        emit window.findChild<QComboBox *>(QStringLiteral("targetSwitcher"))->activated(0);
        QCOMPARE(window.windowTitle(), title);
        QVERIFY(rowNames().contains(QLatin1String("count_demo")));
        QCOMPARE(window.selectedModule(), QStringLiteral("count_demo"));
        QVERIFY(holderShown());
        QCOMPARE(guestAgents(QStringLiteral("--inspect")), 1);

        // The connection drops: sshd's process for it dies in the guest.
        const GuestResult kill = sh(QStringLiteral("pkill -KILL -f 'sshd: roo[t]'"));
        QVERIFY2(kill.ok(), qPrintable(kill.describe()));
        const QString dropped = QStringLiteral("The connection to %1 dropped").arg(destination());
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(dropped), 30000);
        qInfo("dropped: %s", qPrintable(window.statusBar()->currentMessage()));
        QVERIFY2(waitForGuestAgents(QStringLiteral("--inspect"), 0),
                 "a refscope-agent outlived its connection");
        // No refresh runs behind the user's back: the sentence stays.
        QTest::qWait(2500);
        QVERIFY2(window.statusBar()->currentMessage().contains(dropped),
                 qPrintable(window.statusBar()->currentMessage()));
        screenshot(&window, QStringLiteral("mainwindow-ssh-dropped.png"));

        // Refresh connects again and reads the guest.
        m_guest->endHeld();
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("count_demo"), 0));
        window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(guestAgents(QStringLiteral("--inspect")) == 1, 60000);
        // The snapshot read anew: the sentence about the drop goes.
        QTRY_VERIFY2_WITH_TIMEOUT(
            !window.statusBar()->currentMessage().contains(dropped),
            qPrintable(QStringLiteral("%1; reading %2; %3; connected %4")
                           .arg(window.statusBar()->currentMessage())
                           .arg(window.source()->isReading())
                           .arg(window.findChild<QLabel *>(QStringLiteral("refreshLabel"))->text())
                           .arg(window.source()->agent()->isConnected())),
            60000);
        QCOMPARE(window.windowTitle(), title);
        QVERIFY(window.statusBar()->currentMessage().isEmpty());
        // count_demo's count as the guest has it now, and refreshing goes on.
        const auto countOf = [&](const QString &module) {
            for (int r = 0; r < table->model()->rowCount(); ++r)
                if (table->model()->index(r, ModuleListModel::Name).data().toString() == module)
                    return table->model()->index(r, ModuleListModel::Refcount).data().toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(countOf(QStringLiteral("count_demo")), QStringLiteral("0"),
                                  30000);
        QCOMPARE(window.source()->autoRefreshInterval(), MainWindow::kRefreshIntervalMs);
        // Closing the window ends ssh, and the agent with it.
        owned.reset();
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
        QVERIFY(sh(QStringLiteral("rmmod count_demo")).ok());
    }

    // A changed host key: the window's page says so in plain words, with
    // the commands for this host on its port, and nothing is read.
    void hostKeyMismatchInTheWindow()
    {
        MainWindow window;
        window.setSource(new SshSnapshotSource(windowTarget(QStringLiteral("config_changed"))));
        window.resize(1100, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto *text = window.findChild<QLabel *>(QStringLiteral("messageText"));
        QVERIFY(text);
        const QString changed = QStringLiteral("The host key of %1 has changed").arg(destination());
        QTRY_VERIFY_WITH_TIMEOUT(text->text().contains(changed), 60000);
        const QString sentence = text->text();
        qInfo("%s", qPrintable(sentence));
        // What the user runs for this host: known_hosts names it [127.0.0.1]:PORT,
        // and ssh takes the port with -p.
        QVERIFY2(sentence.contains(QStringLiteral("ssh-keygen -R [127.0.0.1]:%1").arg(m_port)),
                 qPrintable(sentence));
        QVERIFY2(sentence.contains(QStringLiteral("ssh -F %1 -p %2 root@127.0.0.1")
                                       .arg(file(QStringLiteral("config_changed")))
                                       .arg(m_port)),
                 qPrintable(sentence));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("messageTitle"))->text(),
                 QStringLiteral("No snapshot"));
        QVERIFY(window.statusBar()->currentMessage().contains(changed));
        screenshot(&window, QStringLiteral("mainwindow-ssh-host-key-changed.png"));
        QCOMPARE(guestAgents(QStringLiteral("--inspect")), 0);

        // The Compare window says the same and adds no column.
        CompareWindow compare({QStringLiteral("this machine"), Snapshot{}});
        compare.setSshOptions(windowTarget(QStringLiteral("config_changed")));
        QSignalSpy failed(&compare, &CompareWindow::targetFailed);
        QVERIFY(compare.addSshHost(destination()));
        QVERIFY(failed.wait(60000));
        QVERIFY2(compare.problem().contains(changed), qPrintable(compare.problem()));
        QCOMPARE(compare.model()->comparison().targets.size(), 1);
    }

    // pkexec where polkit runs: the guest's system bus and polkitd (this
    // machine's, started in the guest for this case only) with a rule
    // letting rsudo run exactly the agent. snapshot answers as the guest's.
    void pkexecWithPolkitRunning()
    {
        const GuestResult start = sh(
            QStringLiteral(
                "set -e; r=%1/polkit-rules; mkdir -p $r /run/dbus\n"
                "cp /etc/polkit-1/rules.d/* $r/ 2>/dev/null || true\n"
                "printf '%s\\n' 'polkit.addRule(function(action, subject) {' "
                "'  if (action.id == \"org.freedesktop.policykit.exec\" &&' "
                "'      action.lookup(\"program\") == \"%2\" && subject.user == \"rsudo\")' "
                "'    return polkit.Result.YES;' '});' > $r/10-refscope-test.rules\n"
                "chmod 755 $r; chmod 644 $r/*\n"
                "mount --bind $r /etc/polkit-1/rules.d\n"
                "dbus-daemon --system --fork\n"
                "/usr/lib/polkit-1/polkitd --no-debug </dev/null >%1/polkitd.log 2>&1 &\n"
                "for i in $(seq 100); do\n"
                "  dbus-send --system --print-reply --dest=org.freedesktop.DBus / "
                "org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null "
                "| grep -q 'boolean true' && exit 0; sleep 0.2\n"
                "done; cat %1/polkitd.log; exit 1")
                .arg(kUsersDir, kAgent));
        if (!start.ok())
            QSKIP(qPrintable(
                QStringLiteral("polkitd did not start in the guest: %1").arg(start.describe())));
        const HostResult remote = userCli(QStringLiteral("rsudo"), QStringLiteral("pkexec"),
                                          {QStringLiteral("snapshot"), QStringLiteral("--json")});
        const GuestResult local = sh(kCli + QStringLiteral(" snapshot --json"));
        // Back to a guest without polkit for the cases after this one.
        const GuestResult stop =
            sh(QStringLiteral("pkill -x polkitd; kill $(cat /run/dbus/pid); rm -f /run/dbus/pid; "
                              "umount /etc/polkit-1/rules.d; cat %1/polkitd.log")
                   .arg(kUsersDir));
        qInfo("polkitd: %s", qPrintable(stop.out.trimmed()));
        QVERIFY2(remote.exitCode == 0, qPrintable(remote.describe()));
        QVERIFY2(local.ok(), qPrintable(local.describe()));
        QCOMPARE(moduleStates(jsonOf(remote.out)), moduleStates(jsonOf(local.out)));
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
    }

    // `refscope --ssh rsudo@127.0.0.1:PORT --ssh-privilege sudo`: the
    // window shows the guest's modules, read by the agent sudo started.
    void mainWindowThroughSudo()
    {
        SshTarget t = windowTarget(QStringLiteral("config"), QStringLiteral("rsudo"));
        t.privilege = SshPrivilege::Sudo;
        auto owned = std::make_unique<MainWindow>();
        MainWindow &window = *owned;
        window.setSource(new SshSnapshotSource(t));
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString title = QStringLiteral("%1 over SSH (kernel %2)")
                                  .arg(destination(QStringLiteral("rsudo")), m_lab.kernelRelease());
        QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(), title, 60000);
        QCOMPARE(window.source()->agent()->helloResult().value(QLatin1String("uid")).toInt(-1), 0);
        const auto *table = window.findChild<QTableView *>(QStringLiteral("moduleTable"));
        QVERIFY(table);
        QStringList names;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            names << table->model()->index(r, 0).data().toString();
        QVERIFY2(names.contains(QLatin1String("virtio_net")), qPrintable(names.join(u' ')));
        QTest::qWait(200);
        screenshot(&window, QStringLiteral("mainwindow-ssh-sudo.png"));
        owned.reset();
        QVERIFY(waitForGuestAgents(QStringLiteral("--inspect"), 0));
    }
};

} // namespace refscope

QTEST_MAIN(refscope::TestSsh)
#include "tst_ssh.moc"
