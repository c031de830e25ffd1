// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope's polkit actions against a real polkitd in ONE lab guest (Debian's
// 6.1 kernel, this machine's polkit 122): test users that a rules file
// grants or denies start refscope-agent through the setuid pkexec. pkexec
// picks org.refscope.inspect or org.refscope.release by the agent's first
// argument; a denied user is told "not authorized" and changes nothing,
// the granted user reads as root and releases a leaked module. Each user
// tries every method in every mode of the agent (only what the mode serves
// and polkit grants is answered), arguments beyond the mode, the lab mode
// under pkexec, and injecting requests into another of its processes'
// agent through /proc; refscope-cli flight status says when polkit refuses
// org.refscope.flight; the kernel log stays clean.
// The agent, the CLI and the policy are the ones the refscope and
// refscope-helper-dkms packages installed on this machine (the
// package_install fixture), which the guest sees: what users get.
#include "guestshell.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "polkitguest.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace refscope {

class TestPolkit : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    std::unique_ptr<PolkitGuest> m_polkit;
    const QString m_agent = QStringLiteral(REFSCOPE_INSTALLED_AGENT);
    const QString m_cli = QStringLiteral(REFSCOPE_INSTALLED_CLI);
    const QString kEvidence = QStringLiteral("/tmp/leaky_ref-evidence.rscope");
    const QString m_probe = QStringLiteral(REFSCOPE_POLKIT_SNAPSHOT_PROBE);

    // pkexec AGENT MODE as user, with the agent's stdin at its end (the
    // agent then exits 0 at once): pkexec's own exit code tells polkit's
    // answer, 127 for "not authorized".
    GuestResult pkexecAgent(const QString &user, const QString &mode)
    {
        return m_polkit->runAs(user, QStringLiteral("pkexec %1 %2 </dev/null").arg(m_agent, mode));
    }

    int lsmodCount(const QString &module)
    {
        const GuestResult r = m_guest->run(
            QStringLiteral("awk '$1 == \"%1\" { print $3 }' /proc/modules").arg(module));
        bool ok = false;
        const int count = r.out.trimmed().toInt(&ok);
        return ok ? count : -1;
    }

    // loads leaky_ref and leaks one reference, as its bug does
    void loadLeakyRef()
    {
        const QString ko =
            QFileInfo(labExampleModules().first()).absolutePath() + QStringLiteral("/leaky_ref.ko");
        // Recorded as root while it loads and leaks: the evidence a drop
        // needs, readable by the users who then ask for the release.
        const GuestResult load = m_guest->run(
            QStringLiteral("%1 record -o %2 --modules leaky_ref -- sh -c 'insmod %3 && "
                           "{ echo oops > /proc/leaky_ref || true; }' && chmod 644 %2")
                .arg(m_cli, kEvidence, ko),
            120000);
        QVERIFY2(load.ok(), qPrintable(load.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 1);
    }

    // A module that is not loaded: a release agent for it serves its one
    // release (refused at "check": nothing changes) and exits.
    const QString kAbsent = QStringLiteral("refscope_absent");
    const QString kInjected = QStringLiteral("/run/refscope-injected");

    // Every method, as the lines a client would write after hello; the
    // release comes last but for shutdown, since a release agent ends with it.
    QList<QPair<QString, QJsonObject>> everyMethod() const
    {
        return {
            {QStringLiteral("snapshot"), {}},
            {QStringLiteral("holders"), {{QStringLiteral("module"), kAbsent}}},
            {QStringLiteral("trace.start"), {{QStringLiteral("modules"), QJsonArray{kAbsent}}}},
            {QStringLiteral("trace.stop"), {}},
            {QStringLiteral("module.load"),
             {{QStringLiteral("path"), QStringLiteral("/nonexistent/refscope_absent.ko")}}},
            {QStringLiteral("module.unload"), {{QStringLiteral("name"), kAbsent}}},
            {QStringLiteral("lab.exec"),
             {{QStringLiteral("argv"), QJsonArray{QStringLiteral("touch"), kInjected}}}},
            {QStringLiteral("release"),
             {{QStringLiteral("module"), kAbsent},
              {QStringLiteral("confirmed_refcount"), 0},
              {QStringLiteral("confirmed_unattributed"), 0},
              {QStringLiteral("last_resort"), QStringLiteral("none")}}},
            {QStringLiteral("shutdown"), {}},
        };
    }

    // pkexec AGENT MODE... as user, fed hello and then every method: the
    // replies by method ("unanswered" when the agent had ended), and
    // pkexec's exit code.
    QMap<QString, QString> everyMethodAs(const QString &user, const QStringList &mode,
                                         int *exitCode)
    {
        QStringList lines{QStringLiteral(
            R"({"id":1,"method":"hello","params":{"protocol":1,"client":"tst_polkit"}})")};
        const auto methods = everyMethod();
        for (qsizetype i = 0; i < methods.size(); ++i)
            lines << QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("id"), int(i + 2)},
                                          {QStringLiteral("method"), methods[i].first},
                                          {QStringLiteral("params"), methods[i].second}})
                    .toJson(QJsonDocument::Compact));
        const QString script = QStringLiteral("cat <<'EOF' | pkexec %1 %2\n%3\nEOF")
                                   .arg(m_agent, mode.join(u' '), lines.join(u'\n'));
        const GuestResult r = m_polkit->runAs(user, script, 120000);
        *exitCode = r.exitCode;
        QMap<QString, QString> answers;
        for (const auto &[method, params] : methods)
            answers.insert(method, QStringLiteral("unanswered"));
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject reply = QJsonDocument::fromJson(line.toUtf8()).object();
            const int id = reply.value(QLatin1String("id")).toInt();
            if (id < 2 || id - 2 >= methods.size())
                continue;
            answers[methods[id - 2].first] =
                reply.contains(QLatin1String("result"))
                    ? QStringLiteral("result")
                    : reply.value(QLatin1String("error")).toObject().value("code").toString();
        }
        return answers;
    }

    // The installed agent's opens of a helper file and its module loads
    // (finit_module; init_module for DKMS's .ko.xz, which it decompresses
    // itself) in the last installedAgentHolders(), as strace -y shows them.
    QString m_finitModule;

    // The installed agent, run as root in the guest after `setup` (a mount
    // in the guest's own namespace, undone afterwards) and with the helper
    // unloaded, answers `holders` for a loaded module; its result.
    QJsonObject installedAgentHolders(const QString &setup)
    {
        // (Plain literals: moc does not read raw strings.)
        const QString script =
            QStringLiteral(
                "rmmod refscope_helper 2>/dev/null\n"
                "m=$(awk 'NR == 1 { print $1 }' /proc/modules)\n"
                "undo() { umount /usr/lib/modules/$(uname -r)/updates/dkms 2>/dev/null; }\n"
                "(%1) || { undo; exit 1; }\n"
                "printf '%s\\n' "
                "'{\"id\":1,\"method\":\"hello\",\"params\":{\"protocol\":1,\"client\":\"test\"}}' "
                "'{\"id\":2,\"method\":\"holders\",\"params\":{\"module\":\"'$m'\"}}' "
                "'{\"id\":3,\"method\":\"shutdown\"}' |\n"
                "    strace -f -qq -y -e trace=openat,finit_module,init_module -o /tmp/finit.log "
                "%2 "
                "--inspect "
                ">/tmp/agent.out\n"
                "status=$?\n"
                "undo\n"
                "cat /tmp/agent.out\n"
                "grep -e 'init_module(' -e 'refscope_helper.ko' /tmp/finit.log | sed 's/^/finit: "
                "/'\n"
                "exit $status\n")
                .arg(setup, m_agent);
        const GuestResult r = m_guest->run(script, 120000);
        if (!r.ok())
            qWarning().noquote() << r.describe();
        m_finitModule.clear();
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("finit: ")))
                m_finitModule += line.mid(7) + u'\n';
        }
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject reply = QJsonDocument::fromJson(line.toUtf8()).object();
            if (reply.value(QLatin1String("id")).toInt() == 2)
                return reply.value(QLatin1String("result")).toObject();
        }
        qWarning().noquote() << "no holders reply:" << r.describe();
        return {};
    }

    GuestResult releaseAs(const QString &user)
    {
        return m_polkit->runAs(
            user,
            QStringLiteral("%1 release leaky_ref --drop-leaked --trace %2 --yes 2>&1")
                .arg(m_cli, kEvidence),
            180000);
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 850); // the ctest timeout is 900 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_polkit = std::make_unique<PolkitGuest>(m_guest.get());
        const QString setup = m_polkit->start(m_agent);
        QVERIFY2(setup.isEmpty(), qPrintable(setup));
    }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    // rsinspector may inspect but not release: pkexec asks for the action
    // the agent's first argument names, whichever polkitd lists first.
    void pkexecPicksTheActionByTheFirstArgument()
    {
        const GuestResult inspect =
            pkexecAgent(PolkitGuest::inspector, QStringLiteral("--inspect"));
        QVERIFY2(inspect.ok(), qPrintable(inspect.describe()));
        QVERIFY(m_polkit->checkedActions().contains(
            QStringLiteral("org.refscope.inspect rsinspector")));
        const GuestResult release =
            pkexecAgent(PolkitGuest::inspector, QStringLiteral("--release leaky_ref"));
        QCOMPARE(release.exitCode, 127);
        QVERIFY(m_polkit->checkedActions().contains(
            QStringLiteral("org.refscope.release rsinspector")));
        // Without an argument no RefScope action applies: pkexec falls back
        // to its generic org.freedesktop.policykit.exec, which the rules
        // leave to its defaults (an administrator's password, and there is
        // no authentication agent here).
        QVERIFY(pkexecAgent(PolkitGuest::inspector, QString()).exitCode == 127);
    }

    // Each user, each mode, every method: pkexec refuses the modes polkit
    // does not grant (127, no reply at all); an agent polkit let start
    // answers what its mode serves and unknown_method to the rest; a
    // release agent serves its one release and is gone.
    void everyMethodInEveryMode_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("mode");
        QTest::addColumn<bool>("granted");
        const QStringList inspect{QStringLiteral("--inspect")};
        const QStringList release{QStringLiteral("--release"), kAbsent};
        const QStringList lab{QStringLiteral("--lab")};
        for (const QString &user :
             {PolkitGuest::granted, PolkitGuest::inspector, PolkitGuest::denied}) {
            for (const QStringList &mode : {inspect, release, lab}) {
                const bool granted = (mode == inspect && user != PolkitGuest::denied) ||
                                     (mode == release && user == PolkitGuest::granted);
                QTest::addRow("%s %s", qPrintable(user), qPrintable(mode.first()))
                    << user << mode << granted;
            }
        }
    }

    void everyMethodInEveryMode()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, mode);
        QFETCH(bool, granted);
        int exitCode = -1;
        const QMap<QString, QString> answers = everyMethodAs(user, mode, &exitCode);
        const QString seen = [&] {
            QStringList all;
            for (auto it = answers.begin(); it != answers.end(); ++it)
                all << it.key() + u'=' + it.value();
            return all.join(QStringLiteral(", "));
        }();
        if (!granted) {
            // polkit said no (for --lab no RefScope action applies at all:
            // pkexec's generic one wants an administrator): nothing ran.
            QCOMPARE(exitCode, 127);
            for (const QString &answer : answers)
                QCOMPARE(answer, QStringLiteral("unanswered"));
            return;
        }
        QVERIFY2(exitCode == 0, qPrintable(seen));
        QStringList served;
        if (mode.first() == QLatin1String("--inspect"))
            served = {"snapshot", "holders", "trace.start", "trace.stop", "shutdown"};
        else
            served = {"snapshot", "holders", "release"};
        for (auto it = answers.begin(); it != answers.end(); ++it) {
            if (mode.first() == QLatin1String("--release") && it.key() == QLatin1String("shutdown"))
                QVERIFY2(it.value() == QLatin1String("unanswered"), qPrintable(seen));
            else if (served.contains(it.key()))
                QVERIFY2(it.value() != QLatin1String("unknown_method") &&
                             it.value() != QLatin1String("unanswered"),
                         qPrintable(it.key() + QStringLiteral(": ") + seen));
            else
                QVERIFY2(it.value() == QLatin1String("unknown_method"),
                         qPrintable(it.key() + QStringLiteral(": ") + seen));
        }
        QCOMPARE(answers.value(QStringLiteral("snapshot")), QStringLiteral("result"));
        if (mode.first() == QLatin1String("--release"))
            QCOMPARE(answers.value(QStringLiteral("release")), QStringLiteral("result"));
        QVERIFY(!m_guest->run(QStringLiteral("test -e ") + kInjected).ok());
    }

    // Arguments beyond the one mode polkit authorised are refused by the
    // agent (exit 2) before it reads a line, and --lab refuses pkexec and
    // sudo even inside the lab guest.
    void extraArgumentsAndTheLabModeAreRefused()
    {
        for (const QString &args :
             {QStringLiteral("--inspect --lab"), QStringLiteral("--inspect extra"),
              QStringLiteral("--release leaky_ref --lab"), QStringLiteral("--release")}) {
            const GuestResult r = pkexecAgent(PolkitGuest::granted, args);
            QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("refscope-agent: ")),
                     qPrintable(args + u'\n' + r.describe()));
        }
        const GuestResult lab = pkexecAgent(PolkitGuest::granted, QStringLiteral("--lab"));
        QCOMPARE(lab.exitCode, 127);
        // As root in the guest, as pkexec and sudo would leave it: refused.
        for (const QString &env : {QStringLiteral("PKEXEC_UID=2901"),
                                   QStringLiteral("SUDO_UID=2901 SUDO_USER=rsgranted")}) {
            const GuestResult r =
                m_guest->run(QStringLiteral("env %1 %2 --lab </dev/null").arg(env, m_agent));
            QVERIFY2(r.exitCode == 2 && r.err.contains(QLatin1String("--lab is refused")),
                     qPrintable(env + u'\n' + r.describe()));
        }
        // The release agent of one module refuses another one's release.
        const GuestResult other = m_polkit->runAs(
            PolkitGuest::granted,
            QStringLiteral("printf '%s\\n' '{\"id\":1,\"method\":\"hello\",\"params\":"
                           "{\"protocol\":1}}' '{\"id\":2,\"method\":\"release\",\"params\":"
                           "{\"module\":\"leaky_ref\",\"confirmed_refcount\":1,"
                           "\"confirmed_unattributed\":1,\"last_resort\":\"none\"}}' | "
                           "pkexec %1 --release %2")
                .arg(m_agent, kAbsent));
        QVERIFY2(other.ok() && other.out.contains(QLatin1String("\"wrong_module\"")),
                 qPrintable(other.describe()));
    }

    // The GUI keeps its inspect agent, and the write end of the agent's
    // stdin, for the whole session. Another process of the same user tries
    // to write requests into it through /proc/<pid>/fd: with the client
    // dumpable (as it was) that works and the agent obeys, with RefScope's
    // client it fails and the agent never sees a line.
    void sameUserCannotInjectIntoTheAgent_data()
    {
        QTest::addColumn<bool>("unprotected");
        QTest::newRow("unprotected client (the attack is real)") << true;
        QTest::newRow("RefScope's client") << false;
    }

    void sameUserCannotInjectIntoTheAgent()
    {
        QFETCH(bool, unprotected);
        const QString dir = QStringLiteral("/tmp/rs-inject");
        const QString script =
            QStringLiteral(R"sh(rm -rf %1; mkdir %1
%2 --hold %1/go %3 %4 >%1/probe.out 2>&1 &
probe=$!
for i in $(seq 600); do grep -q '^holding' %1/probe.out && break; sleep 0.1; done
grep '^holding' %1/probe.out
pid=$(sed -n 's/^holding pid=\([0-9]*\).*/\1/p' %1/probe.out)
echo "listing: $(ls /proc/$pid/fd 2>&1 | head -c 200 | tr '\n' ' ')"
# What an attacker would do: every fd that is the write end of a pipe
# (when /proc shows it) or, when /proc will not say, every fd blindly.
for n in $(seq 0 63); do
    if target=$(readlink /proc/$pid/fd/$n 2>/dev/null); then
        flags=$(sed -n 's/^flags:[[:space:]]*//p' /proc/$pid/fdinfo/$n)
        case $target in pipe:*) ;; *) continue ;; esac
        [ $((0$flags & 3)) -eq 1 ] || continue
    fi
    if printf '%s\n' '{"id":901,"method":"hello","params":{"protocol":1}}' \
        '{"id":902,"method":"shutdown"}' 2>/dev/null >>/proc/$pid/fd/$n; then
        echo "wrote fd $n"
    fi
done
sleep 1
touch %1/go
wait $probe
echo "probe exit $?"
cat %1/probe.out
)sh")
                .arg(dir, m_probe, unprotected ? QStringLiteral("--dumpable") : QString(), m_agent);
        const GuestResult r = m_polkit->runAs(PolkitGuest::granted, script, 120000);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        if (unprotected) {
            QVERIFY2(r.out.contains(QLatin1String("dumpable=1")), qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QLatin1String("wrote fd")), qPrintable(r.describe()));
            // The agent obeyed the injected shutdown: it exited cleanly
            // (status 0) while its client still held it.
            QVERIFY2(r.out.contains(QLatin1String("failed The root agent stopped")) &&
                         r.out.contains(QLatin1String("exited with code 0")) &&
                         !r.out.contains(QLatin1String("after ok")),
                     qPrintable(r.describe()));
        } else {
            QVERIFY2(r.out.contains(QLatin1String("dumpable=0")), qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QLatin1String("Permission denied")), qPrintable(r.describe()));
            QVERIFY2(!r.out.contains(QLatin1String("wrote fd")), qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QLatin1String("after ok")), qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QLatin1String("probe exit 0")), qPrintable(r.describe()));
        }
    }

    void deniedUserIsNotAuthorized()
    {
        const GuestResult direct = pkexecAgent(PolkitGuest::denied, QStringLiteral("--inspect"));
        QCOMPARE(direct.exitCode, 127);
        QVERIFY2(direct.err.contains(QLatin1String("Not authorized")), qPrintable(direct.err));
        // What the GUI's "as root" source tells the user.
        const GuestResult probe = m_polkit->runAs(PolkitGuest::denied, m_probe + u' ' + m_agent);
        QCOMPARE(probe.exitCode, 1);
        QVERIFY2(probe.out.contains(QLatin1String("not authorized")), qPrintable(probe.describe()));
    }

    void grantedUserInspectsAsRoot()
    {
        const GuestResult probe = m_polkit->runAs(PolkitGuest::granted, m_probe + u' ' + m_agent);
        QVERIFY2(probe.ok(), qPrintable(probe.describe()));
        QVERIFY2(probe.out.startsWith(QLatin1String("ok uid=0 modules=")),
                 qPrintable(probe.describe()));
        QVERIFY(probe.out.section(u'=', 2).trimmed().toInt() > 0);
    }

    void deniedUserCannotRelease()
    {
        loadLeakyRef();
        const GuestResult release = releaseAs(PolkitGuest::denied);
        QVERIFY2(!release.ok(), qPrintable(release.describe()));
        QVERIFY2(release.out.contains(QLatin1String("not authorized"), Qt::CaseInsensitive),
                 qPrintable(release.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 1); // loaded, count unchanged
    }

    // A user asked for a password who closes the dialog: pkexec says 126,
    // the GUI says so plainly, and nothing happens to the module.
    void dismissedAuthenticationChangesNothing()
    {
        const GuestResult inspect =
            m_polkit->runAs(PolkitGuest::asked, m_probe + QStringLiteral(" --dismiss ") + m_agent);
        QCOMPARE(inspect.exitCode, 1);
        QVERIFY2(inspect.out.startsWith(QLatin1String("failed ")) &&
                     inspect.out.contains(QLatin1String("authentication dismissed")),
                 qPrintable(inspect.describe()));
        QVERIFY2(inspect.out.contains(QLatin1String("asked org.refscope.inspect")),
                 qPrintable(inspect.describe()));
        const GuestResult release =
            m_polkit->runAs(PolkitGuest::asked,
                            m_probe + QStringLiteral(" --dismiss --release leaky_ref ") + m_agent);
        QVERIFY2(release.out.contains(QLatin1String("exit 126")), qPrintable(release.describe()));
        QVERIFY2(release.out.contains(QLatin1String("asked org.refscope.release")),
                 qPrintable(release.describe()));
        // The dialog's message names the module the agent would release.
        QVERIFY2(release.out.contains(QLatin1String("--release leaky_ref)")),
                 qPrintable(release.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 1); // loaded, count unchanged
    }

    // refscope-cli flight status as a user: through pkexec refscope-agent
    // --flight, org.refscope.flight. rsinspector may inspect but not that:
    // polkit's refusal in one plain sentence, nothing read; rsgranted reads
    // the recorder's state (not running in this guest), also as JSON.
    void flightStatusRefusedSaysSo()
    {
        const QString flightDir = QStringLiteral("/sys/kernel/tracing/instances/refscope-flight");
        QVERIFY(!m_guest->run(QStringLiteral("test -d ") + flightDir).ok());
        for (const QString &user : {PolkitGuest::inspector, PolkitGuest::denied}) {
            const GuestResult refused =
                m_polkit->runAs(user, m_cli + QStringLiteral(" flight status"));
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.out.isEmpty(), qPrintable(refused.describe()));
            QCOMPARE(refused.err.trimmed(),
                     QStringLiteral("refscope-cli flight: polkit did not allow you to read the "
                                    "flight recorder (its action org.refscope.flight), so nothing "
                                    "was read. Ask an administrator for that permission, or run "
                                    "sudo refscope-cli flight status"));
            QVERIFY(
                m_polkit->checkedActions().contains(QStringLiteral("org.refscope.flight ") + user));
        }
        const GuestResult granted =
            m_polkit->runAs(PolkitGuest::granted, m_cli + QStringLiteral(" flight status"));
        QVERIFY2(granted.ok() &&
                     granted.out.startsWith(QLatin1String("flight recorder: not running")),
                 qPrintable(granted.describe()));
        const GuestResult json =
            m_polkit->runAs(PolkitGuest::granted, m_cli + QStringLiteral(" flight status --json"));
        QVERIFY2(json.ok(), qPrintable(json.describe()));
        const QJsonObject status = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY2(status.contains(QLatin1String("running")) &&
                     !status.value(QLatin1String("running")).toBool(),
                 qPrintable(json.out));
        QVERIFY(!m_guest->run(QStringLiteral("test -d ") + flightDir).ok());
    }

    // refscope-cli flight save as a user, through the same agent: root
    // starts the recorder and an rmmod of loop fails while a shell keeps
    // /dev/loop-control open. rsinspector is refused and nothing is taken
    // out of the kernel; rsgranted saves the frozen history to a session
    // file that opens again.
    void flightSaveAsUser()
    {
        QVERIFY(m_guest->run(QStringLiteral("modprobe loop")).ok());
        const GuestResult start =
            m_guest->run(QStringLiteral("%1 flight start --buffer-kb 64").arg(m_cli));
        QVERIFY2(start.ok(), qPrintable(start.describe()));
        auto stop = qScopeGuard([&] { m_guest->run(m_cli + QStringLiteral(" flight stop")); });
        const GuestResult rmmod = m_guest->run(QStringLiteral(
            "exec 3</dev/loop-control; exec 4</dev/loop-control; exec 4<&-; rmmod loop"));
        QVERIFY2(!rmmod.ok() && rmmod.err.contains(QLatin1String("in use")),
                 qPrintable(rmmod.describe()));
        const QString saved = QStringLiteral("/tmp/polkit-flight.rscope");
        const GuestResult refused = m_polkit->runAs(
            PolkitGuest::inspector, m_cli + QStringLiteral(" flight save -o ") + saved);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.trimmed(),
                 QStringLiteral("refscope-cli flight: polkit did not allow you to read the "
                                "flight recorder (its action org.refscope.flight), so nothing "
                                "was read. Ask an administrator for that permission, or run "
                                "sudo refscope-cli flight save -o FILE"));
        QVERIFY(!m_guest->run(QStringLiteral("test -e ") + saved).ok());
        const GuestResult granted = m_polkit->runAs(
            PolkitGuest::granted,
            QStringLiteral("cd /tmp && %1 flight save -o %2 && %1 report %2").arg(m_cli, saved));
        QVERIFY2(granted.ok() &&
                     granted.out.contains(
                         QStringLiteral(
                             "module events before the failed unload; session file written to ") +
                         saved) &&
                     granted.out.contains(QLatin1String("loop")),
                 qPrintable(granted.describe()));
        // Read once: the kernel no longer keeps it.
        const GuestResult again =
            m_polkit->runAs(PolkitGuest::granted,
                            m_cli + QStringLiteral(" flight save -o /tmp/polkit-again.rscope"));
        QVERIFY2(!again.ok() && again.err.contains(QLatin1String("no failed unload")),
                 qPrintable(again.describe()));
        stop.dismiss();
        QVERIFY(m_guest->run(m_cli + QStringLiteral(" flight stop && rm -f ") + saved).ok());
        QVERIFY(m_guest->waitForLsmod(QStringLiteral("loop"), 0));
        QVERIFY(m_guest->run(QStringLiteral("rmmod loop")).ok());
    }

    void grantedUserReleases()
    {
        const GuestResult release = releaseAs(PolkitGuest::granted);
        QVERIFY2(release.ok(), qPrintable(release.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), -1); // gone
        QVERIFY(!m_guest->run(QStringLiteral("test -e /sys/module/leaky_ref")).ok());
    }

    // The installed agent never loads the helper built in the build tree,
    // which the guest sees as this machine does: with DKMS's directory for
    // the guest's kernel hidden it says how to install the helper, and with
    // that directory someone else owns it refuses DKMS's file too.
    void installedAgentRefusesAHelperOutsideRootsPlaces()
    {
        QVERIFY(m_guest
                    ->run(QStringLiteral("test -f " REFSCOPE_BINARY_DIR
                                         "/kmod/$(uname -r)/refscope_helper/refscope_helper.ko"))
                    .ok()); // there is one to refuse
        const QString hide = QStringLiteral(
            "mount -t tmpfs -o mode=0755 none /usr/lib/modules/$(uname -r)/updates/dkms");
        QJsonObject holders = installedAgentHolders(hide);
        QVERIFY(!holders.value(QLatin1String("exact_available")).toBool());
        QCOMPARE(holders.value(QLatin1String("exact_error_sentence"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("helper_not_installed"));
        QVERIFY2(holders.value(QLatin1String("exact_error"))
                     .toString()
                     .contains(QLatin1String("apt install refscope-helper-dkms")),
                 qPrintable(holders.value(QLatin1String("exact_error")).toString()));
        QVERIFY2(!m_finitModule.contains(QLatin1String("init_module(")), qPrintable(m_finitModule));

        // DKMS's place, but a directory on the way is not root's.
        const QString foreign = QStringLiteral(
            "d=/usr/lib/modules/$(uname -r)/updates/dkms && mount -t tmpfs -o mode=0755,uid=65534 "
            "none $d && cp " REFSCOPE_BINARY_DIR
            "/kmod/$(uname -r)/refscope_helper/refscope_helper.ko $d/");
        holders = installedAgentHolders(foreign);
        QVERIFY(!holders.value(QLatin1String("exact_available")).toBool());
        QCOMPARE(holders.value(QLatin1String("exact_error_sentence"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("helper_untrusted"));
        QVERIFY2(holders.value(QLatin1String("exact_error"))
                     .toString()
                     .contains(QLatin1String("is owned by uid 65534, not root")),
                 qPrintable(holders.value(QLatin1String("exact_error")).toString()));
        QVERIFY2(!m_finitModule.contains(QLatin1String("init_module(")), qPrintable(m_finitModule));
    }

    void installedAgentLoadsDkmsHelper()
    {
        const QJsonObject holders = installedAgentHolders(QStringLiteral("true"));
        QVERIFY2(holders.value(QLatin1String("exact_available")).toBool(),
                 qPrintable(holders.value(QLatin1String("exact_error")).toString()));
        const GuestResult release = m_guest->run(QStringLiteral("uname -r"));
        const QString dkms = QStringLiteral("</usr/lib/modules/%1/updates/dkms/refscope_helper.ko")
                                 .arg(release.out.trimmed());
        QVERIFY2(m_finitModule.contains(dkms) &&
                     m_finitModule.trimmed().endsWith(QLatin1String("= 0")) &&
                     m_finitModule.contains(QLatin1String("init_module(")),
                 qPrintable(m_finitModule));
        QVERIFY(m_guest->run(QStringLiteral("rmmod refscope_helper")).ok());
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestPolkit)
#include "tst_polkit.moc"
