// SPDX-License-Identifier: GPL-3.0-or-later
// "Who holds it" on the real 6.1 kernel, in ONE lab guest: stock modules
// held through device files (loop, tun, fuse, one of them by forked
// children sharing an open file), a mount over a loop device (loop and
// ext4), an SCTP socket, module users, and every example module. For each
// module the agent's "holders" report names every holder the test started,
// its accounting closes against the guest's lsmod, and `refscope-cli why
// --json` run in the guest agrees with the agent.
#include "guestshell.h"
#include "holders/holderreportjson.h"
#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "procmodules.h"
#include "protocol/agentclient.h"
#include "testlab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace refscope {

namespace {

// What the test set up for one module, and what the report must say.
struct Expectation {
    QString module;
    QList<qint64> pids;      // processes holding it: each must be named
    QString mountPoint;      // a mount that must be listed (empty: none)
    QString holderModule;    // a user module that must be listed (empty: none)
    int unexplainedInferred; // the remainder when only inferred holders are known
    QString verdictOrSteps;  // a phrase the verdict or a step must contain
};

bool namesPid(const HolderReport &r, qint64 pid)
{
    return std::any_of(r.holders.cbegin(), r.holders.cend(), [&](const Holder &h) {
        return h.pid == pid || h.sharedWith.contains(int(pid));
    });
}

bool listsPath(const HolderReport &r, HolderKind kind, const QString &path)
{
    return std::any_of(r.holders.cbegin(), r.holders.cend(),
                       [&](const Holder &h) { return h.kind == kind && h.path == path; });
}

} // namespace

class TestHolders : public QObject {
    Q_OBJECT

    LabMachine m_lab;
    std::unique_ptr<GuestShell> m_guest;
    QString m_examples;
    const QString m_cli = QStringLiteral(REFSCOPE_BINARY_DIR "/app/cli/refscope-cli");
    QList<Expectation> m_expected;
    QList<qint64> m_tunOpeners; // the last one's open file is shared by three children

    GuestResult sh(const QString &script) { return m_guest->run(script); }

    qint64 start(const QString &script)
    {
        const qint64 pid = m_guest->start(script);
        if (pid <= 0)
            qFatal("could not start %s in the guest", qPrintable(script));
        return pid;
    }

    bool agentReport(const QString &module, HolderReport *report, bool *exact, QString *error)
    {
        const AgentReply reply = m_lab.agent()->callSync(
            QStringLiteral("holders"), {{QStringLiteral("module"), module}}, 60000);
        if (!reply.ok) {
            *error = QStringLiteral("holders %1: %2").arg(module, reply.errorMessage);
            return false;
        }
        *exact = reply.result.toObject().value(QLatin1String("exact_available")).toBool();
        return holderReportFromJson(reply.result.toObject(), report, error);
    }

    bool cliReport(const QString &module, HolderReport *report, QString *error)
    {
        // --inferred: as root the CLI would ask the helper module; this is
        // the answer without it.
        const GuestResult r = sh(m_cli + QStringLiteral(" why --json --inferred ") + module);
        if (!r.ok()) {
            *error = r.describe();
            return false;
        }
        return holderReportFromJson(QJsonDocument::fromJson(r.out.toUtf8()).object(), report,
                                    error);
    }

    int lsmodCount(const QString &module)
    {
        QString error;
        const auto lsmod = parseLsmod(sh(QStringLiteral("lsmod")).out, &error);
        return lsmod.contains(module) ? lsmod.value(module).refcount : -1;
    }

    // Empty when the report satisfies the expectation, else what is wrong.
    QString check(const Expectation &e, const HolderReport &r, bool exact)
    {
        QStringList problems;
        int sum = r.unattributed;
        for (const Holder &h : r.holders)
            sum += h.refs;
        if (sum != r.refcount)
            problems
                << QStringLiteral("refs + unattributed = %1, refcount %2").arg(sum).arg(r.refcount);
        const int lsmod = lsmodCount(e.module);
        if (r.refcount != lsmod)
            problems << QStringLiteral("refcount %1, lsmod %2").arg(r.refcount).arg(lsmod);
        for (const qint64 pid : e.pids) {
            if (!namesPid(r, pid))
                problems << QStringLiteral("pid %1 is not named").arg(pid);
        }
        if (!e.mountPoint.isEmpty() && !listsPath(r, HolderKind::Mount, e.mountPoint))
            problems << QStringLiteral("mount %1 is not listed").arg(e.mountPoint);
        if (!e.holderModule.isEmpty() && !listsPath(r, HolderKind::Module, e.holderModule))
            problems << QStringLiteral("user module %1 is not listed").arg(e.holderModule);
        if (exact ? r.unattributed > e.unexplainedInferred
                  : r.unattributed != e.unexplainedInferred)
            problems << QStringLiteral("unattributed %1, expected %2%3")
                            .arg(r.unattributed)
                            .arg(exact ? QStringLiteral("at most ") : QString())
                            .arg(e.unexplainedInferred);
        const QString text = r.verdict + u'\n' + r.steps.join(u'\n');
        if (!text.contains(e.verdictOrSteps))
            problems << QStringLiteral("\"%1\" not in:\n%2").arg(e.verdictOrSteps, text);
        if (problems.isEmpty())
            return {};
        return e.module + QStringLiteral(": ") + problems.join(QStringLiteral("; ")) +
               QStringLiteral("\n") +
               QString::fromUtf8(QJsonDocument(holderReportToJson(r)).toJson());
    }

private slots:
    void initTestCase()
    {
        const QString error = bootTestLab(m_lab, 800);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_guest = std::make_unique<GuestShell>(m_lab.agent());
        m_examples = QFileInfo(labExampleModules().first()).absolutePath();
        const QString send = labExampleHelper(QStringLiteral("stuck-netlink-send"));
        const GuestResult setup = sh(
            QStringLiteral(
                "set -e; modprobe loop; modprobe tun; modprobe fuse; modprobe ext4; modprobe sctp\n"
                "cd %1; insmod testmod.ko; insmod count_demo.ko; insmod no_exit.ko\n"
                "insmod export_provider.ko; insmod export_consumer.ko\n"
                "insmod leaky_ref.ko; ! echo oops 2>/dev/null > /proc/leaky_ref\n"
                "insmod stuck_netlink.ko; %2\n"
                "truncate -s 16M /tmp/holders.img; mkfs.ext4 -q -F /tmp/holders.img\n"
                "mkdir -p /tmp/holders-mnt; mount -t ext4 $(losetup -f --show "
                "/tmp/holders.img) /tmp/holders-mnt\n")
                .arg(m_examples, send));
        QVERIFY2(setup.ok(), qPrintable(setup.describe()));
        const qint64 loopControl = start(QStringLiteral("exec sleep 600 < /dev/loop-control"));
        // Four opens of their own, and one open shared by a parent and three
        // children: five open files, whatever order kcmp puts them in. Each
        // takes two references (its fops and its socket's proto), inference
        // counts one.
        QList<qint64> &tun = m_tunOpeners;
        for (int i = 0; i < 4; ++i)
            tun << start(QStringLiteral("exec sleep 600 < /dev/net/tun"));
        tun << start(QStringLiteral(
            "exec 3</dev/net/tun; sleep 600 & sleep 600 & sleep 600 & exec sleep 600"));
        // The parent and its child share one open file: one reference.
        // fuse is built into 6.12: no count there, nothing to explain.
        const bool fuseModule = !m_guest->builtIn(QStringLiteral("fuse"));
        const qint64 fuse =
            fuseModule ? start(QStringLiteral("exec 3</dev/fuse; sleep 600 & exec sleep 600")) : -1;
        const qint64 countDemo = start(QStringLiteral("exec sleep 600 < /dev/count_demo"));
        const qint64 sctp = start(QStringLiteral(
            "exec python3 -c 'import socket, time; s = socket.socket(socket.AF_INET, "
            "socket.SOCK_STREAM, socket.IPPROTO_SCTP); time.sleep(600)'"));
        // Held by its loader while "coming", till the guest powers off.
        start(QStringLiteral("exec insmod %1/slow_init.ko init_seconds=600").arg(m_examples));
        m_expected = {
            {"loop", {loopControl}, "/tmp/holders-mnt", {}, 0, "close fd 0 of pid"},
            // One open of /dev/net/tun takes 2 references (its file
            // operations and its socket protocol), and inference knows it.
            {"tun", tun, {}, {}, 0, "close fd 0 of pid"},
            {"fuse", {fuse}, {}, {}, 0, "share the same open file"},
            {"ext4", {}, "/tmp/holders-mnt", {}, 0, "umount /tmp/holders-mnt"},
            // sctp's own control sockets pin it (2 at rest), and an SCTP
            // socket takes 2 references where inference counts 1.
            {"sctp", {sctp}, {}, {}, 3, "close socket fd"},
            {"count_demo", {countDemo}, {}, {}, 1, "close fd 0 of pid"},
            {"export_provider", {}, {}, "export_consumer", 0, "rmmod export_consumer"},
            {"testmod", {}, {}, {}, 0, "Nothing holds testmod"},
            {"no_exit", {}, {}, {}, 0, "permanent"},
            {"leaky_ref", {}, {}, {}, 1, "no proof of a leak"},
            {"stuck_netlink", {}, {}, {}, 1, "kernel thread stuck_netlink/"},
            {"slow_init", {}, {}, {}, 1, "coming"},
        };
        if (!fuseModule)
            m_expected.removeIf(
                [](const Expectation &e) { return e.module == QLatin1String("fuse"); });
        // Wait until every holder is in place: the last opens and the SCTP
        // socket (python starts slowly under TCG), and slow_init coming.
        QTRY_VERIFY_WITH_TIMEOUT(lsmodCount(QStringLiteral("sctp")) >= 1 &&
                                     lsmodCount(QStringLiteral("count_demo")) == 2 &&
                                     lsmodCount(QStringLiteral("tun")) == 10 &&
                                     lsmodCount(QStringLiteral("slow_init")) == 1,
                                 30000);
    }

    void cleanupTestCase()
    {
        m_lab.stop();
        QVERIFY(m_lab.waitForStopped(15000));
    }

    void agentNamesEveryHolderAndCloses()
    {
        QStringList problems;
        for (const Expectation &e : std::as_const(m_expected)) {
            HolderReport report;
            bool exact = false;
            QString error;
            if (!agentReport(e.module, &report, &exact, &error))
                problems << error;
            else if (!exact) // the vm tests build the helper: the agent must load it
                problems << e.module + QStringLiteral(": the agent's holders are not exact");
            else if (const QString wrong = check(e, report, exact); !wrong.isEmpty())
                problems << wrong;
        }
        // One warning per problem: QVERIFY2 cuts long messages short.
        for (const QString &problem : std::as_const(problems))
            qWarning().noquote() << problem;
        QVERIFY2(problems.isEmpty(), "the reports above are wrong");
    }

    void cliAgreesWithTheAgent()
    {
        QStringList problems;
        for (const Expectation &e : std::as_const(m_expected)) {
            HolderReport fromAgent, fromCli;
            bool exact = false;
            QString error;
            if (!agentReport(e.module, &fromAgent, &exact, &error) ||
                !cliReport(e.module, &fromCli, &error)) {
                problems << error;
                continue;
            }
            if (const QString wrong = check(e, fromCli, false); !wrong.isEmpty())
                problems << QStringLiteral("refscope-cli: ") + wrong;
            // The CLI never asks the helper kernel module: with exact holders
            // in the agent's report only the count can be held against it.
            const bool same = exact ? fromAgent.refcount == fromCli.refcount : fromAgent == fromCli;
            if (!same)
                problems << QStringLiteral("%1: the agent and refscope-cli disagree:\n%2\n%3")
                                .arg(e.module,
                                     QString::fromUtf8(
                                         QJsonDocument(holderReportToJson(fromAgent)).toJson()),
                                     QString::fromUtf8(
                                         QJsonDocument(holderReportToJson(fromCli)).toJson()));
        }
        // One warning per problem: QVERIFY2 cuts long messages short.
        for (const QString &problem : std::as_const(problems))
            qWarning().noquote() << problem;
        QVERIFY2(problems.isEmpty(), "the reports above are wrong");
    }

    // The inferred scan tells opens apart with kcmp: each of the first four
    // is its own file, the last one's children are sharers of its file.
    void forkedChildrenShareOneInferredReference()
    {
        HolderReport report;
        QString error;
        QVERIFY2(cliReport(QStringLiteral("tun"), &report, &error), qPrintable(error));
        for (const qint64 pid : std::as_const(m_tunOpeners)) {
            const auto holder =
                std::find_if(report.holders.cbegin(), report.holders.cend(), [&](const Holder &h) {
                    return h.pid == pid || h.sharedWith.contains(int(pid));
                });
            QVERIFY2(holder != report.holders.cend(), qPrintable(QString::number(pid)));
            QCOMPARE(holder->pid, pid);
            QCOMPARE(holder->refs, 2);
            QCOMPARE(holder->sharedWith.size(), pid == m_tunOpeners.last() ? 3 : 0);
        }
        QCOMPARE(report.holders.size(), m_tunOpeners.size());
    }

    void unknownModuleIsAClearError()
    {
        const AgentReply reply =
            m_lab.agent()->callSync(QStringLiteral("holders"),
                                    {{QStringLiteral("module"), QStringLiteral("no_such")}}, 60000);
        QVERIFY(!reply.ok);
        QCOMPARE(reply.errorCode, QString(errorcode::NotFound));
        const GuestResult cli = sh(m_cli + QStringLiteral(" why no_such"));
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains(QStringLiteral("no module \"no_such\"")), qPrintable(cli.err));
    }

    // Last but the log: it leaks a second leaky_ref reference.
    void aRecordingNamesWhereTheLeakCameFrom()
    {
        const GuestResult record =
            sh(m_cli + QStringLiteral(" record -o /tmp/leak.rscope --modules leaky_ref -- sh -c "
                                      "'echo oops > /proc/leaky_ref; true'"));
        QVERIFY2(record.ok(), qPrintable(record.describe()));
        HolderReport report;
        QString error;
        const GuestResult why =
            sh(m_cli + QStringLiteral(" why --json leaky_ref --trace /tmp/leak.rscope"));
        QVERIFY2(why.ok(), qPrintable(why.describe()));
        QVERIFY2(holderReportFromJson(QJsonDocument::fromJson(why.out.toUtf8()).object(), &report,
                                      &error),
                 qPrintable(error));
        QCOMPARE(report.refcount, lsmodCount(QStringLiteral("leaky_ref")));
        QCOMPARE(report.unattributed, 2);
        const QString steps = report.steps.join(u'\n');
        // One of the two gets is in the recording: the module's own, named
        // leak-prone; the other is only unattributed, never called leaked.
        QVERIFY2(steps.contains(QStringLiteral("1 get(s) never put back at leaky_ref_write")),
                 qPrintable(steps));
        QVERIFY2(steps.contains(QStringLiteral("no holder behind it: leak-prone")),
                 qPrintable(steps));
        QVERIFY2(!steps.contains(QStringLiteral("looks leaked")), qPrintable(steps));
        // The agent takes the same call sites from a GUI's recording.
        const AgentReply reply = m_lab.agent()->callSync(
            QStringLiteral("holders"),
            {{QStringLiteral("module"), QStringLiteral("leaky_ref")},
             {QStringLiteral("outstanding_call_sites"), QJsonArray{QStringLiteral("x+0x1")}}},
            60000);
        QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        QVERIFY(reply.result.toObject()
                    .value(QLatin1String("steps"))
                    .toArray()
                    .contains(QStringLiteral(
                        "see the outstanding gets at call site x+0x1 in the timeline")));
        const GuestResult unreadable =
            sh(m_cli + QStringLiteral(" why leaky_ref --trace /etc/hostname"));
        QCOMPARE(unreadable.exitCode, 1);
        QVERIFY2(unreadable.err.contains(QStringLiteral("/etc/hostname")),
                 qPrintable(unreadable.err));
    }

    // Last: nothing unsigned loads afterwards. module.sig_enforce can be
    // switched on at run time (never off), as Secure Boot's lockdown does at
    // boot: the helper's load is refused and the user is told how DKMS and
    // a MOK fix it, in the window's language too (exact_error_sentence).
    void anUnsignedHelperIsRefusedWithTheWayOut()
    {
        QVERIFY(sh(QStringLiteral("rmmod refscope_helper && echo 1 > "
                                  "/sys/module/module/parameters/sig_enforce"))
                    .ok());
        const AgentReply reply = m_lab.agent()->callSync(
            QStringLiteral("holders"), {{QStringLiteral("module"), QStringLiteral("loop")}}, 60000);
        QVERIFY2(reply.ok, qPrintable(reply.errorMessage));
        const QJsonObject result = reply.result.toObject();
        QVERIFY(!result.value(QLatin1String("exact_available")).toBool());
        const QString error = result.value(QLatin1String("exact_error")).toString();
        QVERIFY2(error.contains(QLatin1String("only signed modules")) &&
                     error.contains(QLatin1String("mokutil --import")),
                 qPrintable(error));
        QCOMPARE(result.value(QLatin1String("exact_error_sentence"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("helper_unsigned"));
        // The inferred answer still comes, and still closes.
        HolderReport report;
        QString parseError;
        QVERIFY2(holderReportFromJson(result, &report, &parseError), qPrintable(parseError));
        QVERIFY(namesPid(report, m_expected.first().pids.first()));
    }

    void kernelLogIsClean()
    {
        const QString problems = m_guest->kernelLogProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestHolders)
#include "tst_holders.moc"
