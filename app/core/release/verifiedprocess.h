// SPDX-License-Identifier: GPL-3.0-or-later
// A process the force release may signal, held as a pidfd and matched to
// the process a holder scan saw by its start time. A pid number alone may
// name another process by the time a signal is sent (the holder exited and
// the number was reused); a pidfd names one process for as long as it is
// open, and the start time read after it was opened tells whether that
// process is the one the scan saw.
#pragma once

#include <QString>

#include <optional>

namespace refscope {

// Field 22 of /proc/PID/stat: when the process started, in clock ticks since
// boot; -1 when there is no such process.
qint64 processStartTime(int pid);

class VerifiedProcess {
public:
    // pid as a pidfd, only when its start time is still `startTime`; else
    // nothing, with the reason in `why` (gone, or another process now).
    static std::optional<VerifiedProcess> open(int pid, qint64 startTime, QString *why = nullptr);

    VerifiedProcess(VerifiedProcess &&other) noexcept;
    VerifiedProcess &operator=(VerifiedProcess &&other) noexcept;
    VerifiedProcess(const VerifiedProcess &) = delete;
    VerifiedProcess &operator=(const VerifiedProcess &) = delete;
    ~VerifiedProcess();

    int pid() const { return m_pid; }
    // pidfd_send_signal: reaches this process or none, never a newer one
    // with the same number.
    bool signal(int signal) const;
    // Exited (a zombie included): do_exit has closed its files.
    bool exited() const;
    // Every thread stopped (SIGSTOP or traced). Read from /proc by number,
    // and trusted only because the process had not exited after the read.
    bool stopped() const;

private:
    VerifiedProcess(int pid, int pidfd) : m_pid(pid), m_pidfd(pidfd) {}
    int m_pid = -1;
    int m_pidfd = -1;
};

} // namespace refscope
