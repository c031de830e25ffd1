// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope's polkit actions against a real polkitd in ONE lab guest (Debian's
// 6.1 kernel, this machine's polkit 122): test users that a rules file
// grants or denies start refscope-agent through the setuid pkexec. pkexec
// picks org.refscope.inspect or org.refscope.release by the agent's first
// argument; a denied user is told "not authorized" and changes nothing,
// the granted user reads as root and releases a leaked module; the kernel
// log stays clean.
#include "guestshell.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "polkitguest.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QFileInfo>
#include <QtTest>

namespace refscope {

class TestPolkit : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    std::unique_ptr<PolkitGuest> m_polkit;
    const QString m_agent = QStringLiteral(REFSCOPE_AGENT);
    const QString m_cli = QStringLiteral(REFSCOPE_CLI);
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
        const QString setup =
            m_polkit->start(QStringLiteral(REFSCOPE_BINARY_DIR "/polkit/org.refscope.policy"),
                            QStringLiteral(REFSCOPE_INSTALLED_AGENT), m_agent);
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
            pkexecAgent(PolkitGuest::inspector, QStringLiteral("--release"));
        QCOMPARE(release.exitCode, 127);
        QVERIFY(m_polkit->checkedActions().contains(
            QStringLiteral("org.refscope.release rsinspector")));
        // Without an argument no RefScope action applies: pkexec falls back
        // to its generic org.freedesktop.policykit.exec, which the rules
        // leave to its defaults (an administrator's password, and there is
        // no authentication agent here).
        QVERIFY(pkexecAgent(PolkitGuest::inspector, QString()).exitCode == 127);
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
        const GuestResult release = m_polkit->runAs(
            PolkitGuest::asked, m_probe + QStringLiteral(" --dismiss --release ") + m_agent);
        QVERIFY2(release.out.contains(QLatin1String("exit 126")), qPrintable(release.describe()));
        QVERIFY2(release.out.contains(QLatin1String("asked org.refscope.release")),
                 qPrintable(release.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), 1); // loaded, count unchanged
    }

    void grantedUserReleases()
    {
        const GuestResult release = releaseAs(PolkitGuest::granted);
        QVERIFY2(release.ok(), qPrintable(release.describe()));
        QCOMPARE(lsmodCount(QStringLiteral("leaky_ref")), -1); // gone
        QVERIFY(!m_guest->run(QStringLiteral("test -e /sys/module/leaky_ref")).ok());
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
