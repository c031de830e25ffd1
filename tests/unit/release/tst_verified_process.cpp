// SPDX-License-Identifier: GPL-3.0-or-later
// The force release signals only the processes its own scan saw: each is
// opened as a pidfd and matched by its start time (release/verifiedprocess.h).
// Against this machine's real /proc, with child processes of the test: the
// start time read from /proc, a process refused when its number names a
// process started at another time (what a reused pid looks like), signals
// through the pidfd, and a reaped child whose pidfd no longer reaches
// anything that got its number.
#include "release/verifiedprocess.h"

#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace refscope {

namespace {

// A child that sleeps until signalled. It returns once the child has put the
// default signal actions back: a signal sent before that would run the
// handler the fork inherited (see below), which on a loaded machine hung the
// test until its timeout.
pid_t sleeper()
{
    int ready[2];
    if (::pipe(ready) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        // The test's signals must end it as they end any process, not run
        // the crash handler QtTest installed in the parent, which the fork
        // inherited: that one attaches a debugger for a stack trace, which
        // under the sanitizers takes longer than the test waits.
        for (const int s : {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGABRT})
            ::signal(s, SIG_DFL);
        const char byte = 1;
        (void)!::write(ready[1], &byte, 1);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char byte = 0;
    ssize_t got = -1;
    if (pid > 0) {
        do
            got = ::read(ready[0], &byte, 1);
        while (got < 0 && errno == EINTR);
    }
    ::close(ready[0]);
    return got == 1 ? pid : -1;
}

} // namespace

class TestVerifiedProcess : public QObject {
    Q_OBJECT

private slots:
    void readsTheStartTimeOfALiveProcess()
    {
        const qint64 self = processStartTime(int(::getpid()));
        QVERIFY(self > 0);
        const pid_t child = sleeper();
        QVERIFY(child > 0);
        const qint64 start = processStartTime(int(child));
        // Started after this test: never earlier, in clock ticks since boot.
        QVERIFY2(start >= self, qPrintable(QStringLiteral("%1 < %2").arg(start).arg(self)));
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        QCOMPARE(processStartTime(int(child)), -1);
        QCOMPARE(processStartTime(0), -1);
    }

    void refusesAnotherProcessUnderTheSameNumber()
    {
        const pid_t child = sleeper();
        QVERIFY(child > 0); // never kill(-1, ...)
        const qint64 start = processStartTime(int(child));
        QString why;
        // The scan saw a process started at another time: the number now
        // names a different process, which is never opened nor signalled.
        QVERIFY(!VerifiedProcess::open(int(child), start + 1, &why));
        QVERIFY2(why.contains(QLatin1String("another process")), qPrintable(why));
        QVERIFY(!VerifiedProcess::open(int(child), -1, &why));
        QCOMPARE(::kill(child, 0), 0); // untouched
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    }

    void signalsThroughThePidfd()
    {
        const pid_t child = sleeper();
        QVERIFY(child > 0);
        std::optional<VerifiedProcess> process =
            VerifiedProcess::open(int(child), processStartTime(int(child)));
        QVERIFY(process);
        QCOMPARE(process->pid(), int(child));
        QVERIFY(!process->exited());
        QVERIFY(process->signal(SIGSTOP));
        QTRY_VERIFY(process->stopped());
        QVERIFY(process->signal(SIGCONT));
        QTRY_VERIFY(!process->stopped());
        QVERIFY(process->signal(SIGTERM));
        // A zombie counts as exited: its files are closed.
        QTRY_VERIFY(process->exited());
        QVERIFY(!process->stopped());
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
        // Reaped, its number may go to a newer process: the pidfd reaches
        // none (ESRCH), whoever has the number now.
        QVERIFY(process->exited());
        QVERIFY(!process->signal(SIGKILL));
        QVERIFY(!VerifiedProcess::open(int(child), 0));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestVerifiedProcess)
#include "tst_verified_process.moc"
