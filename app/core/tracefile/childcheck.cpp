// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/childcheck.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace refscope {

namespace {

// Set by the sanitizers' runtime (the fuzz and asan-ubsan builds) only.
extern "C" void __sanitizer_set_death_callback(void (*callback)()) __attribute__((weak));

enum class Verdict { Succeeded, Failed, TimedOut, Unknown };

Verdict runOnce(const std::function<int()> &check, qint64 limitMs)
{
    const pid_t child = fork();
    if (child < 0)
        return Verdict::Unknown;
    if (child == 0) {
        if (__sanitizer_set_death_callback)
            __sanitizer_set_death_callback(nullptr); // the fuzzer's crash report is the parent's
        _exit(check());
    }
    QElapsedTimer clock;
    clock.start();
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(child, &status, WNOHANG);
        if (done == child)
            break;
        if (done < 0 && errno != EINTR)
            return Verdict::Unknown;
        if (clock.elapsed() > limitMs) {
            kill(child, SIGKILL);
            while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
            }
            return Verdict::TimedOut;
        }
        // A real file's check ends within milliseconds: poll often at first.
        usleep(clock.elapsed() < 100 ? 200 : 20000);
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Verdict::Succeeded : Verdict::Failed;
}

} // namespace

bool survivesInChild(const std::function<int()> &check, qint64 limitMs)
{
    Verdict verdict = runOnce(check, limitMs);
    if (verdict == Verdict::TimedOut)
        verdict = runOnce(check, limitMs);
    return verdict == Verdict::Succeeded || verdict == Verdict::Unknown;
}

} // namespace refscope
