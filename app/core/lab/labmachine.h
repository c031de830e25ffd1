// SPDX-License-Identifier: GPL-3.0-or-later
// The lab: Debian's real kernel booted under QEMU (TCG) by boot-guest.sh,
// with this machine's root mounted read-only inside, running
// `refscope-agent --lab` on a virtio-serial port that QEMU serves on a unix
// socket here. LabMachine starts it, connects an AgentClient to it, and makes
// sure no QEMU outlives it: stop() asks the agent to shut down and kills the
// guest after a grace period, the destructor does the same, and if this
// process dies the guest dies with it (PR_SET_PDEATHSIG down the chain).
//
// A guest is disposable: every start() boots a fresh one, so whatever a test
// or a user does to its kernel (a leaked reference, an Oops) is gone next time.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QLocalSocket;
class QProcess;
class QTemporaryDir;
class QTimer;

namespace refscope {

class AgentClient;

struct LabOptions {
    QString kernelRelease; // empty: labKernelRelease()
    QString agentPath;     // empty: labDefaultAgent()
    QString cacheDir;      // where the initramfs is cached; empty: boot-guest.sh's default
    int cpus = 2;
    int memoryMb = 1024;
    int bootTimeoutMs = 60000; // start() to the agent's hello
    int lifetimeLimitS = 0;    // the guest is killed after this long; 0: no limit
    int sshPort = 0; // forward 127.0.0.1:sshPort here to the guest's port 22; 0: no network
};

class LabMachine : public QObject {
    Q_OBJECT
public:
    enum class State { Off, Booting, Ready, Stopping };

    explicit LabMachine(QObject *parent = nullptr);
    ~LabMachine() override; // stops a running guest, waiting for it

    // Boots a guest; ready() or failed() follows. Ignored unless Off.
    void start(const LabOptions &options);
    // Shuts the agent down and powers the guest off; kills it after a grace
    // period. stopped() follows.
    void stop();

    bool waitForReady(int timeoutMs);   // true once the agent said hello
    bool waitForStopped(int timeoutMs); // true once QEMU is gone

    State state() const { return m_state; }
    // Connected to the guest's agent once ready(); owned by the LabMachine.
    AgentClient *agent() const { return m_agent; }
    // The guest's serial console so far (kernel messages, panics).
    QString consoleLog() const;
    // The kernel release the guest boots: LabOptions::kernelRelease, else
    // labKernelRelease(); empty before the first start().
    QString kernelRelease() const { return m_kernelRelease; }
    // From start() to the agent's hello; -1 before the first ready().
    qint64 bootDurationMs() const { return m_bootDurationMs; }

signals:
    void ready();
    // Why the guest could not boot, or died without being asked to.
    void failed(const QString &reason);
    // QEMU is gone: after stop(), a failure, or the guest powering off.
    // Emitted exactly once per start().
    void stopped();

private:
    QString checkOptions(const LabOptions &options, const QString &script) const;
    void failBeforeLaunch(const QString &reason);
    void launch(const QString &script, const LabOptions &options);
    void tryConnect();
    void onAgentReady();
    void onBootTimeout();
    void onProcessFinished();
    // Why boot-guest.sh gave up, as a sentence naming the kernel.
    QString scriptFailure() const;
    void failAndKill(const QString &reason);
    QString consoleTail(int lines) const;
    QString guestAgentStderr() const;
    void killGuest();

    State m_state = State::Off;
    AgentClient *m_agent = nullptr;
    QLocalSocket *m_socket = nullptr;
    QProcess *m_process = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_bootTimer = nullptr;
    QTimer *m_graceTimer = nullptr;
    std::unique_ptr<QTemporaryDir> m_runDir; // socket, console log, the guest's share
    QString m_scriptStderr;
    QString m_failure; // set once failed() was emitted for this run
    QString m_kernelRelease;
    QElapsedTimer m_bootClock;
    qint64 m_bootDurationMs = -1;
    int m_bootTimeoutMs = 0;
};

} // namespace refscope
