// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/childcheck.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace refscope {

ChildVerdict waitForCheckChild(pid_t child, qint64 limitMs)
{
    QElapsedTimer clock;
    clock.start();
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(child, &status, WNOHANG);
        if (done == child)
            break;
        if (done < 0 && errno != EINTR)
            return ChildVerdict::Unknown;
        if (clock.elapsed() > limitMs) {
            kill(child, SIGKILL);
            while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
            }
            return ChildVerdict::TimedOut;
        }
        // A real file's check ends within milliseconds: poll often at first.
        usleep(clock.elapsed() < 100 ? 200 : 20000);
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ChildVerdict::Succeeded
                                                         : ChildVerdict::Failed;
}

} // namespace refscope
