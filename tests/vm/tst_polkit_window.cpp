// SPDX-License-Identifier: GPL-3.0-or-later
// The window's root actions against a real polkitd in ONE lab guest: for
// each polkit test user, the real refscope window runs offscreen as that
// user (its hidden --print-privileges hook) and shows, before anything is
// clicked, what polkit answers for "Read as root…" (org.refscope.inspect)
// and "Force release…" (org.refscope.release): normal when allowed, a lock
// when a password will be asked, disabled with the reason when refused,
// enabled with a note when polkit cannot be reached. polkit's own answer
// comes from pkcheck, asked as the same user. File → "Open the flight
// recorder's last seconds…" refused by polkit says so and does nothing
// else. Screenshots of the window,
// its Module menu and both tooltips go to
// build/tests/vm/polkit-window/USER-LANGUAGE.png, to be looked at.
#include "guestshell.h"
#include "lab/labmachine.h"
#include "polkitguest.h"
#include "protocol/polkitactions.h"
#include "testlab.h"

#include <QDir>
#include <QFile>
#include <QtTest>

namespace refscope {

namespace {

const QString kShotDir = QStringLiteral(REFSCOPE_BINARY_DIR "/tests/vm/polkit-window");

// pkcheck's exit code, as polkit's answer: 0 authorized, 1 not, 2 only
// after authentication (no interaction was allowed).
QString pkcheckAnswer(int code)
{
    switch (code) {
    case 0:
        return QStringLiteral("yes");
    case 1:
        return QStringLiteral("no");
    case 2:
        return QStringLiteral("challenge");
    }
    return QStringLiteral("pkcheck exit %1").arg(code);
}

// What an action shows for polkit's answer.
QString expectedState(const QString &answer)
{
    if (answer == QLatin1String("no"))
        return QStringLiteral("enabled=0 locked=0");
    if (answer == QLatin1String("challenge"))
        return QStringLiteral("enabled=1 locked=1");
    return QStringLiteral("enabled=1 locked=0"); // yes, unreachable
}

QString lineStartingWith(const QString &out, const QString &start)
{
    for (const QString &line : out.split(u'\n')) {
        if (line.startsWith(start))
            return line.mid(start.size());
    }
    return {};
}

} // namespace

class TestPolkitWindow : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    std::unique_ptr<PolkitGuest> m_polkit;
    const QString m_gui = QStringLiteral(REFSCOPE_GUI);

    // The window as user, offscreen, in `locale`; with a screenshot when
    // shot names the PNG to keep. env: more of the environment.
    // The environment of the window as user, offscreen, in locale.
    static QString windowEnvironment(const QString &user, const QString &locale,
                                     const QString &env = {})
    {
        return QStringLiteral("export QT_QPA_PLATFORM=offscreen LC_ALL=%1 HOME=/tmp/rshome-%2 "
                              "XDG_RUNTIME_DIR=/tmp/rsrun-%2 %3\n"
                              "mkdir -p $HOME $XDG_RUNTIME_DIR && chmod 700 $XDG_RUNTIME_DIR\n")
            .arg(locale, user, env);
    }

    // The window as user, offscreen, in `locale`, after pkcheck's answers;
    // with a screenshot when shot names the PNG to keep. env: more of the
    // environment.
    GuestResult probe(const QString &user, const QString &locale, const QString &shot,
                      const QString &env = {})
    {
        const QString guestPng = QStringLiteral("/tmp/rs-privileges-%1.png").arg(user);
        QString script =
            windowEnvironment(user, locale, env) +
            QStringLiteral("for a in %1 %2; do pkcheck --action-id $a --process $$ "
                           ">/dev/null 2>&1; echo \"pkcheck $a $?\"; done\n")
                .arg(QLatin1String(polkitaction::kInspect), QLatin1String(polkitaction::kRelease));
        if (shot.isEmpty()) {
            script += m_gui + QStringLiteral(" --print-privileges 2>/dev/null");
        } else {
            script += QStringLiteral("rm -f %1; %2 --privileges-screenshot %1 2>/dev/null && "
                                     "echo \"png $(base64 -w0 %1)\"")
                          .arg(guestPng, m_gui);
        }
        GuestResult result = m_polkit->runAs(user, script, 180000);
        if (!shot.isEmpty()) {
            const QByteArray png = QByteArray::fromBase64(
                lineStartingWith(result.out, QStringLiteral("png ")).toLatin1());
            QDir().mkpath(kShotDir);
            QFile file(kShotDir + u'/' + shot);
            if (!png.isEmpty() && file.open(QIODevice::WriteOnly))
                file.write(png);
            qInfo("screenshot %s (%lld bytes)", qPrintable(file.fileName()),
                  static_cast<long long>(png.size()));
        }
        return result;
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 850); // the ctest timeout is 900 s
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_polkit = std::make_unique<PolkitGuest>(m_guest.get());
        // The actions polkitd knows are the ones the refscope package installed.
        const QString setup = m_polkit->start(QStringLiteral(REFSCOPE_INSTALLED_AGENT));
        QVERIFY2(setup.isEmpty(), qPrintable(setup));
    }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void windowShowsPolkitsAnswer_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("inspect"); // what the rules file answers
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<bool>("shot");
        const QString en = QStringLiteral("C.UTF-8");
        const QString zh = QStringLiteral("zh_CN.UTF-8");
        QTest::newRow("granted") << PolkitGuest::granted << "yes"
                                 << "yes" << en << false;
        QTest::newRow("inspector") << PolkitGuest::inspector << "yes"
                                   << "no" << en << true;
        QTest::newRow("inspector-zh_CN") << PolkitGuest::inspector << "yes"
                                         << "no" << zh << true;
        QTest::newRow("denied") << PolkitGuest::denied << "no"
                                << "no" << en << false;
        // No rule: polkit's defaults, an administrator's password.
        QTest::newRow("asked") << PolkitGuest::asked << "challenge"
                               << "challenge" << en << true;
        QTest::newRow("asked-zh_CN") << PolkitGuest::asked << "challenge"
                                     << "challenge" << zh << true;
    }

    void windowShowsPolkitsAnswer()
    {
        QFETCH(QString, user);
        QFETCH(QString, inspect);
        QFETCH(QString, release);
        QFETCH(QString, locale);
        QFETCH(bool, shot);
        const QString lang = locale.startsWith(QLatin1String("C.")) ? QStringLiteral("en")
                                                                    : locale.section(u'.', 0, 0);
        const GuestResult r =
            probe(user, locale, shot ? QStringLiteral("%1-%2.png").arg(user, lang) : QString());
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        // polkit's own answer, as the rules file gives it.
        const QString inspectId = QLatin1String(polkitaction::kInspect);
        const QString releaseId = QLatin1String(polkitaction::kRelease);
        QCOMPARE(pkcheckAnswer(lineStartingWith(r.out, "pkcheck " + inspectId + u' ').toInt()),
                 inspect);
        QCOMPARE(pkcheckAnswer(lineStartingWith(r.out, "pkcheck " + releaseId + u' ').toInt()),
                 release);
        // What the window heard, and how it shows it.
        QCOMPARE(lineStartingWith(r.out, "polkit " + inspectId + u' '), inspect);
        QCOMPARE(lineStartingWith(r.out, "polkit " + releaseId + u' '), release);
        QCOMPARE(lineStartingWith(r.out, QStringLiteral("readAsRoot ")), expectedState(inspect));
        QVERIFY2(lineStartingWith(r.out, QStringLiteral("forceRelease "))
                     .startsWith(expectedState(release)),
                 qPrintable(r.out));
        if (release == QLatin1String("no"))
            QVERIFY2(lineStartingWith(r.out, QStringLiteral("tooltip forceRelease "))
                         .contains(releaseId),
                     qPrintable(r.out));
        if (shot)
            QVERIFY2(r.out.contains(QLatin1String("\npng ")), qPrintable(r.err));
    }

    // No system bus: polkit cannot be asked; both actions stay enabled
    // and say so (pkexec gives its own answer when clicked).
    void unreachablePolkitLeavesActionsEnabled()
    {
        const GuestResult r =
            probe(PolkitGuest::asked, QStringLiteral("C.UTF-8"), QString(),
                  QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent"));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(lineStartingWith(r.out, QStringLiteral("polkit org.refscope.inspect ")),
                 QStringLiteral("unreachable"));
        QCOMPARE(lineStartingWith(r.out, QStringLiteral("readAsRoot ")),
                 expectedState(QStringLiteral("unreachable")));
        QVERIFY2(lineStartingWith(r.out, QStringLiteral("forceRelease "))
                     .startsWith(expectedState(QStringLiteral("unreachable"))),
                 qPrintable(r.out));
        QVERIFY2(lineStartingWith(r.out, QStringLiteral("tooltip readAsRoot "))
                     .contains(QLatin1String("polkit could not be asked")),
                 qPrintable(r.out));
    }

    // The window follows polkit: a rule added while it runs (polkitd tells
    // of it, polkit-qt says configChanged) lifts the lock at once.
    void answersFollowRuleChanges()
    {
        const QString out = QStringLiteral("/tmp/rs-follow.out");
        const GuestResult start = m_polkit->runAs(
            PolkitGuest::asked, windowEnvironment(PolkitGuest::asked, QStringLiteral("C.UTF-8")) +
                                    QStringLiteral("%1 --follow-privileges </dev/null >%2 "
                                                   "2>/dev/null &")
                                        .arg(m_gui, out));
        QVERIFY2(start.ok(), qPrintable(start.describe()));
        // Until it shows its first answers, or gives up.
        const QString waitFor =
            QStringLiteral("for i in $(seq 1200); do [ $(grep -c '^tooltip forceRelease' %1) "
                           "-ge %2 ] && exit 0; grep -q '^failed' %1 && break; sleep 0.1; done; "
                           "cat %1; exit 1");
        GuestResult first = m_guest->run(waitFor.arg(out).arg(1), 180000);
        QVERIFY2(first.ok(), qPrintable(first.describe()));
        const QString rules = QStringLiteral("/etc/polkit-1/rules.d/05-refscope-follow.rules");
        const GuestResult rule = m_guest->run(
            QStringLiteral("printf '%s\\n' 'polkit.addRule(function(action, subject) {' "
                           "'if (subject.user == \"%1\" && action.id.indexOf(\"org.refscope.\") == "
                           "0) return polkit.Result.YES; });' >%2; chmod 644 %2")
                .arg(PolkitGuest::asked, rules));
        QVERIFY2(rule.ok(), qPrintable(rule.describe()));
        const GuestResult changed = m_guest->run(waitFor.arg(out).arg(2), 180000);
        m_guest->run(QStringLiteral("rm -f %1").arg(rules));
        QVERIFY2(changed.ok(), qPrintable(changed.describe()));
        const GuestResult all = m_guest->run(QStringLiteral("cat %1").arg(out));
        const QString before = all.out.section(QStringLiteral("changed\n"), 0, 0);
        const QString after = all.out.section(QStringLiteral("changed\n"), 1);
        QVERIFY2(!after.isEmpty(), qPrintable(all.out));
        QCOMPARE(lineStartingWith(before, QStringLiteral("readAsRoot ")),
                 expectedState(QStringLiteral("challenge")));
        QCOMPARE(lineStartingWith(after, QStringLiteral("polkit org.refscope.inspect ")),
                 QStringLiteral("yes"));
        QCOMPARE(lineStartingWith(after, QStringLiteral("readAsRoot ")),
                 expectedState(QStringLiteral("yes")));
    }

    // File → "Open the flight recorder's last seconds…" on this machine:
    // rsinspector may inspect but not read the flight recorder
    // (org.refscope.flight), so the window says polkit refused, in one
    // sentence, and nothing else happens (no recording, no agent left);
    // rsgranted gets through to the recorder, which is not running here.
    void flightRecorderRefusedSaysSoAlone()
    {
        const auto openAs = [this](const QString &user) {
            return m_polkit->runAs(
                user,
                windowEnvironment(user, QStringLiteral("C.UTF-8")) +
                    QStringLiteral(REFSCOPE_POLKIT_FLIGHT_PROBE " 2>/dev/null </dev/null"),
                180000);
        };
        const GuestResult refused = openAs(PolkitGuest::inspector);
        QVERIFY2(refused.ok(), qPrintable(refused.describe()));
        QVERIFY(
            m_polkit->checkedActions().contains(QStringLiteral("org.refscope.flight rsinspector")));
        const QString message = lineStartingWith(refused.out, QStringLiteral("message "));
        QCOMPARE(message, QStringLiteral("You are not allowed to read the flight recorder of this "
                                         "machine: polkit refused the permission "
                                         "(org.refscope.flight). Nothing was read. An "
                                         "administrator can grant it, or read it as root with "
                                         "sudo refscope-cli flight save -o FILE."));
        QCOMPARE(lineStartingWith(refused.out, QStringLiteral("store ")), QStringLiteral("0"));
        QCOMPARE(lineStartingWith(refused.out, QStringLiteral("agents ")), QStringLiteral("0"));
        QVERIFY(
            !m_guest->run(QStringLiteral("test -d /sys/kernel/tracing/instances/refscope-flight"))
                 .ok());

        const GuestResult granted = openAs(PolkitGuest::granted);
        QVERIFY2(granted.ok(), qPrintable(granted.describe()));
        QVERIFY2(lineStartingWith(granted.out, QStringLiteral("message "))
                     .startsWith(QLatin1String("The flight recorder is not running on this "
                                               "machine")),
                 qPrintable(granted.out));
        QCOMPARE(lineStartingWith(granted.out, QStringLiteral("store ")), QStringLiteral("0"));
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestPolkitWindow)
#include "tst_polkit_window.moc"
