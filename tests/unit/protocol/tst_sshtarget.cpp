// SPDX-License-Identifier: GPL-3.0-or-later
// SshTarget: parsing [USER@]HOST[:PORT], the ssh command line (nothing may
// prompt on the protocol channel), the remote command run by real shells
// here, and the plain words for each way ssh fails.
#include "protocol/sshtarget.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <unistd.h>

namespace refscope {

namespace {

struct ShellResult {
    int exitCode = -1;
    QString out, err;
};

// What the target's login shell does with the remote command: `SHELL -c`.
ShellResult runAsLoginShell(const QString &shell, const QString &command)
{
    QProcess p;
    p.start(shell, {QStringLiteral("-c"), command});
    p.waitForFinished(20000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

AgentClient::EndInfo ended(int exitCode, const QString &stderrText, bool greeted = false)
{
    AgentClient::EndInfo end;
    end.processEnded = true;
    end.exitCode = exitCode;
    end.stderrTail = stderrText;
    end.greeted = greeted;
    end.reason = QStringLiteral("the agent (ssh) exited with code %1").arg(exitCode);
    return end;
}

} // namespace

class TestSshTarget : public QObject {
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("name");
        QTest::newRow("host") << "server"
                              << ""
                              << "server" << 0 << "server";
        QTest::newRow("user, port") << "root@10.0.0.5:2222"
                                    << "root"
                                    << "10.0.0.5" << 2222 << "root@10.0.0.5:2222";
        QTest::newRow("ipv6, port") << "admin@[fe80::1%eth0]:22"
                                    << "admin"
                                    << "fe80::1%eth0" << 22 << "admin@[fe80::1%eth0]:22";
        QTest::newRow("ipv6") << "::1"
                              << ""
                              << "::1" << 0 << "::1";
    }
    void parses()
    {
        QFETCH(QString, text);
        SshTarget target;
        QString error;
        QVERIFY2(parseSshTarget(text, &target, &error), qPrintable(error));
        QTEST(target.user, "user");
        QTEST(target.host, "host");
        QTEST(target.port, "port");
        QTEST(target.name(), "name");
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("an ssh option") << "-oProxyCommand=sh";
        QTest::newRow("a space") << "my host";
        QTest::newRow("a shell word") << "host;reboot";
        QTest::newRow("empty user") << "@host";
        QTest::newRow("port 0") << "host:0";
        QTest::newRow("port too big") << "host:70000";
        QTest::newRow("port not a number") << "host:ssh";
        QTest::newRow("unclosed bracket") << "[::1:22";
    }
    void refuses()
    {
        QFETCH(QString, text);
        SshTarget target;
        QString error;
        QVERIFY(!parseSshTarget(text, &target, &error));
        QVERIFY(!error.isEmpty());
    }

    void refusesAnAgentPathAShellWouldRead()
    {
        SshTarget target;
        target.host = QStringLiteral("server");
        target.agentPath = QStringLiteral("/opt/refscope agent");
        QVERIFY(!target.check().isEmpty());
        target.agentPath = QStringLiteral("relative/refscope-agent");
        QVERIFY(!target.check().isEmpty());
        target.agentPath = QStringLiteral("/opt/x/$(reboot)");
        QVERIFY(!target.check().isEmpty());
        target.agentPath = QStringLiteral("/opt/refscope/libexec/refscope-agent");
        QVERIFY(target.check().isEmpty());
    }

    void commandLineNeverPrompts()
    {
        SshTarget target;
        QString error;
        QVERIFY(parseSshTarget(QStringLiteral("admin@server:2222"), &target, &error));
        target.configFile = QStringLiteral("/tmp/cfg");
        const QStringList args = target.arguments(AgentMode::Release, QStringLiteral("count_demo"));
        QCOMPARE(target.program(), QStringLiteral("ssh"));
        QVERIFY(args.contains(QStringLiteral("-T")));
        QVERIFY(args.contains(QStringLiteral("BatchMode=yes")));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-p")) + 1), QStringLiteral("2222"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-l")) + 1), QStringLiteral("admin"));
        QCOMPARE(args.at(args.indexOf(QStringLiteral("-F")) + 1), QStringLiteral("/tmp/cfg"));
        // The host after "--": nothing the user typed can be an ssh option.
        const qsizetype dashes = args.indexOf(QStringLiteral("--"));
        QCOMPARE(args.at(dashes + 1), QStringLiteral("server"));
        QCOMPARE(args.size(), dashes + 3);
        QVERIFY(args.last().endsWith(sshDefaultAgent() + QStringLiteral(" --release count_demo")));
    }

    // The remote command as the target's login shell runs it: sh and bash
    // here (the same script must also survive fish and csh: no quote,
    // backslash or '!' inside it).
    void remoteCommandRunsInRealShells_data()
    {
        QTest::addColumn<QString>("shell");
        for (const char *shell : {"sh", "bash", "dash"})
            if (!QStandardPaths::findExecutable(QLatin1String(shell)).isEmpty())
                QTest::newRow(shell) << QString::fromLatin1(shell);
    }
    void remoteCommandRunsInRealShells()
    {
        QFETCH(QString, shell);
        SshTarget target;
        target.host = QStringLiteral("server");
        target.privilege = SshPrivilege::Root;
        const QString script = target.remoteCommand(AgentMode::Inspect);
        QVERIFY(!script
                     .mid(script.indexOf(u'\'') + 1,
                          script.lastIndexOf(u'\'') - script.indexOf(u'\'') - 1)
                     .contains(QRegularExpression(QStringLiteral("[!'\\\\]"))));

        // /bin/echo stands in for the agent: it prints its mode.
        target.agentPath = QStringLiteral("/bin/echo");
        ShellResult r = runAsLoginShell(shell, target.remoteCommand(AgentMode::Inspect));
        if (geteuid() == 0) {
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out.trimmed(), QStringLiteral("--inspect"));
        } else {
            QCOMPARE(r.exitCode, 126);
            QVERIFY2(r.err.contains(QLatin1String("refscope-ssh: not-root")), qPrintable(r.err));
            AgentClient::EndInfo end = ended(r.exitCode, r.err);
            QVERIFY(sshEndReason(target, end).contains(QLatin1String("not as root")));
        }
        target.agentPath = QStringLiteral("/nonexistent/refscope-agent");
        r = runAsLoginShell(shell, target.remoteCommand(AgentMode::Inspect));
        QCOMPARE(r.exitCode, 127);
        QVERIFY(
            sshEndReason(target, ended(r.exitCode, r.err))
                .startsWith(QLatin1String("refscope-agent is not installed on server (there is no "
                                          "/nonexistent/refscope-agent there)")));
    }

    void plainReasons_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrText");
        QTest::addColumn<bool>("greeted");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown host key")
            << 255
            << "No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict "
               "checking.\nHost key verification failed.\n"
            << false << "The host key of server is not known here yet";
        QTest::newRow("changed host key")
            << 255
            << "@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
               "Host key verification failed.\n"
            << false << "The host key of server has changed";
        QTest::newRow("login refused") << 255 << "root@server: Permission denied (publickey).\n"
                                       << false
                                       << "server refused the login (root@server: Permission "
                                          "denied (publickey))";
        QTest::newRow("refused")
            << 255 << "ssh: connect to host server port 22: Connection refused\n"
            << false << "Cannot reach server: connect to host server port 22: Connection refused.";
        QTest::newRow("no such host")
            << 255 << "ssh: Could not resolve hostname server: Name or service not known\n"
            << false
            << "Cannot reach server: Could not resolve hostname server: Name or service not known.";
        QTest::newRow("dropped") << 255 << "Connection to server closed by remote host.\n"
                                 << true
                                 << "The connection to server dropped: Connection to server "
                                    "closed by remote host.";
        QTest::newRow("network gone") << 255 << "Timeout, server server not responding.\n"
                                      << true << "The connection to server dropped";
        QTest::newRow("sudo wants a password")
            << 1 << "sudo: a password is required\n"
            << false << "sudo on server asks for a password before it starts the agent";
        QTest::newRow("sudo refuses")
            << 1 << "Sorry, user admin is not allowed to execute '/x' as root on server.\n"
            << false << "sudo on server does not allow you to run";
        QTest::newRow("pkexec has no agent")
            << 127 << "Error executing command as another user: No authentication agent found.\n"
            << false << "pkexec on server would ask for a password";
        // What pkexec says where no polkitd or system bus runs (the lab guest).
        QTest::newRow("pkexec without polkit")
            << 127
            << "Error getting authority: Error initializing authority: Could not connect: No "
               "such file or directory\n"
            << false
            << "pkexec on server could not reach polkit (Error getting authority: Error "
               "initializing authority: Could not connect: No such file or directory): the "
               "polkit service and the system D-Bus must run there";
    }
    void plainReasons()
    {
        QFETCH(int, exitCode);
        QFETCH(QString, stderrText);
        QFETCH(bool, greeted);
        QFETCH(QString, expected);
        SshTarget target;
        target.host = QStringLiteral("server");
        const QString reason = sshEndReason(target, ended(exitCode, stderrText, greeted));
        QVERIFY2(reason.startsWith(expected), qPrintable(reason));
    }

    // The commands the sentences tell the user to run reach the host as
    // RefScope does: ssh takes no HOST:PORT, and known_hosts names a host on
    // another port "[HOST]:PORT".
    void sentencesNameCommandsThatWork()
    {
        SshTarget target;
        QString error;
        QVERIFY(parseSshTarget(QStringLiteral("root@127.0.0.1:2222"), &target, &error));
        QCOMPARE(target.commandLine(), QStringLiteral("ssh -p 2222 root@127.0.0.1"));
        QCOMPARE(target.knownHostsName(), QStringLiteral("[127.0.0.1]:2222"));
        const QString changed = sshEndReason(
            target,
            ended(255, QStringLiteral("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!\n")));
        QVERIFY2(changed.contains(QLatin1String("\"ssh-keygen -R [127.0.0.1]:2222\"")) &&
                     changed.contains(QLatin1String("\"ssh -p 2222 root@127.0.0.1\"")),
                 qPrintable(changed));
        target.configFile = QStringLiteral("/home/me/my ssh config");
        const QString refused = sshEndReason(
            target, ended(255, QStringLiteral("root@127.0.0.1: Permission denied (publickey).\n")));
        QVERIFY2(refused.contains(QLatin1String(
                     "ssh-copy-id -F '/home/me/my ssh config' -p 2222 root@127.0.0.1")),
                 qPrintable(refused));
        SshTarget plain;
        QVERIFY(parseSshTarget(QStringLiteral("server"), &plain, &error));
        QCOMPARE(plain.commandLine(), QStringLiteral("ssh server"));
        QCOMPARE(plain.knownHostsName(), QStringLiteral("server"));
        const QString unknown =
            sshEndReason(plain, ended(255, QStringLiteral("Host key verification failed.\n")));
        QVERIFY2(unknown.contains(QLatin1String("\"ssh server\"")), qPrintable(unknown));
    }

    void handshakeAndStop()
    {
        SshTarget target;
        target.host = QStringLiteral("server");
        AgentClient::EndInfo mismatch;
        mismatch.handshakeError = QStringLiteral("protocol_mismatch");
        QVERIFY(sshEndReason(target, mismatch)
                    .startsWith(
                        QLatin1String("refscope-agent on server speaks another protocol version")));
        AgentClient::EndInfo killed = ended(0, {}, true);
        killed.crashed = true;
        QCOMPARE(sshEndReason(target, killed),
                 QStringLiteral("The connection to server was ended (ssh was stopped)."));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestSshTarget)
#include "tst_sshtarget.moc"
