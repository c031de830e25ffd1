// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labmachine.h"

#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "protocol/agentmode.h"
#include "protocol/methods.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace refscope {

namespace {

constexpr int kConnectRetryMs = 100;
// shutdown -> the agent exits -> the guest syncs and powers off: well under a
// second under TCG; after this long the guest is killed instead.
constexpr int kShutdownGraceMs = 5000;
constexpr int kConsoleTailLines = 25;
constexpr qsizetype kStderrTailChars = 4096;
// sockaddr_un's sun_path holds 108 bytes, the terminating NUL included.
constexpr qsizetype kMaxSocketPath = 107;

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).remove(u'\r');
}

QString lastLines(const QString &text, int count)
{
    QStringList lines = text.trimmed().split(u'\n');
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(u'\n');
}

QString withDetail(const QString &reason, const QString &label, const QString &detail)
{
    return detail.trimmed().isEmpty()
               ? reason
               : reason + QStringLiteral("\n%1:\n%2").arg(label, detail.trimmed());
}

} // namespace

LabMachine::LabMachine(QObject *parent)
    : QObject(parent), m_agent(new AgentClient(this)), m_socket(new QLocalSocket(this)),
      m_connectTimer(new QTimer(this)), m_bootTimer(new QTimer(this)),
      m_graceTimer(new QTimer(this))
{
    m_connectTimer->setInterval(kConnectRetryMs);
    m_bootTimer->setSingleShot(true);
    m_graceTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &LabMachine::tryConnect);
    connect(m_bootTimer, &QTimer::timeout, this, &LabMachine::onBootTimeout);
    connect(m_graceTimer, &QTimer::timeout, this, &LabMachine::killGuest);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connectTimer->stop();
        m_agent->attach(m_socket);
    });
    connect(m_agent, &AgentClient::ready, this, &LabMachine::onAgentReady);
}

LabMachine::~LabMachine()
{
    // No signals from a half-destroyed object; just make sure QEMU is gone.
    blockSignals(true);
    if (m_process && m_process->state() != QProcess::NotRunning) {
        if (m_state == State::Ready) {
            m_agent->call(agentmethod::Shutdown, {}, [](const AgentReply &) {});
            m_socket->flush();
            m_process->waitForFinished(kShutdownGraceMs);
        }
        m_process->kill();
        m_process->waitForFinished(kShutdownGraceMs);
    }
    // The client refers to the socket: it goes first.
    delete m_agent;
    m_agent = nullptr;
}

void LabMachine::start(const LabOptions &options)
{
    if (m_state != State::Off)
        return;
    m_failure.clear();
    m_scriptStderr.clear();
    m_state = State::Booting;
    // Named here rather than left to boot-guest.sh, so the kernel the guest
    // runs is known (and shown) before it has booted.
    LabOptions resolved = options;
    if (resolved.kernelRelease.isEmpty())
        resolved.kernelRelease = labKernelRelease();
    m_kernelRelease = resolved.kernelRelease;
    const QString script = labBootScript();
    const QString problem = checkOptions(resolved, script);
    if (!problem.isEmpty()) {
        failBeforeLaunch(problem);
        return;
    }
    launch(script, resolved);
}

void LabMachine::failBeforeLaunch(const QString &reason)
{
    m_connectTimer->stop();
    m_bootTimer->stop();
    m_failure = reason;
    m_state = State::Off;
    // Reported from the event loop, as a failure during boot would be.
    QTimer::singleShot(0, this, [this, reason] {
        emit failed(reason);
        emit stopped();
    });
}

QString LabMachine::checkOptions(const LabOptions &options, const QString &script) const
{
    // Each reason is a sentence the user can act on: what is missing and how
    // to get it, never only the name of one of the lab's own scripts.
    if (script.isEmpty())
        return tr("The lab is not installed with RefScope (looked in %1 and %2); reinstall "
                  "RefScope.")
            .arg(QStringLiteral(REFSCOPE_LAB_SOURCE_DIR), QStringLiteral(REFSCOPE_LAB_INSTALL_DIR));
    if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64")).isEmpty())
        return tr("QEMU is not installed; install it (apt install qemu-system-x86).");
    if (options.kernelRelease.isEmpty())
        return tr("No kernel the lab can boot is installed; install one (apt install "
                  "linux-image-amd64).");
    if (!QFileInfo::exists(QStringLiteral("/boot/vmlinuz-") + options.kernelRelease))
        return tr("Kernel %1 is not installed here (there is no /boot/vmlinuz-%1).")
            .arg(options.kernelRelease);
    if (!QFileInfo(QStringLiteral("/lib/modules/%1/kernel").arg(options.kernelRelease)).isDir())
        return tr("Kernel %1 has no modules in /lib/modules/%1, so the lab cannot boot it; "
                  "reinstall it (apt install --reinstall linux-image-%1).")
            .arg(options.kernelRelease);
    const QString agent = options.agentPath.isEmpty() ? labDefaultAgent() : options.agentPath;
    if (agent.isEmpty())
        return tr("refscope-agent was not found; build it, or reinstall RefScope.");
    if (!QFileInfo(agent).isExecutable())
        return tr("The agent %1 does not exist or is not executable.").arg(agent);
    const QString hidden = labInvisiblePrefix(agent);
    if (!hidden.isEmpty())
        return tr("The agent %1 is under %2, which the lab guest does not see; use a "
                  "build outside %2.")
            .arg(agent, hidden);
    if (options.cpus < 1 || options.memoryMb < 256 || options.bootTimeoutMs <= 0 ||
        options.lifetimeLimitS < 0)
        return QStringLiteral(
                   "invalid lab options: %1 CPUs, %2 MB, boot timeout %3 ms, lifetime limit %4 s")
            .arg(options.cpus)
            .arg(options.memoryMb)
            .arg(options.bootTimeoutMs)
            .arg(options.lifetimeLimitS);
    return {};
}

void LabMachine::launch(const QString &script, const LabOptions &options)
{
    m_runDir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/refscope-lab-XXXXXX"));
    const QString socketPath = m_runDir->filePath(QStringLiteral("agent.sock"));
    if (!m_runDir->isValid() || socketPath.toLocal8Bit().size() > kMaxSocketPath) {
        failBeforeLaunch(
            QStringLiteral(
                "cannot create the lab's socket under %1 (TMPDIR too long or not writable)")
                .arg(QDir::tempPath()));
        return;
    }
    QStringList args{script,
                     QStringLiteral("--out"),
                     m_runDir->filePath(QStringLiteral("share")),
                     QStringLiteral("--console"),
                     m_runDir->filePath(QStringLiteral("console.log")),
                     QStringLiteral("--agent-socket"),
                     socketPath,
                     QStringLiteral("--cpus"),
                     QString::number(options.cpus),
                     QStringLiteral("--mem"),
                     QString::number(options.memoryMb),
                     QStringLiteral("--timeout"),
                     QString::number(options.lifetimeLimitS)};
    if (!options.kernelRelease.isEmpty())
        args << QStringLiteral("--kernel") << options.kernelRelease;
    if (!options.cacheDir.isEmpty())
        args << QStringLiteral("--workdir") << options.cacheDir;
    if (options.sshPort > 0)
        args << QStringLiteral("--ssh-port") << QString::number(options.sshPort);
    args << QStringLiteral("--")
         << (options.agentPath.isEmpty() ? labDefaultAgent() : options.agentPath)
         << agentArgumentsFor(AgentMode::Lab);

    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(QStringLiteral("/bin/sh"));
    m_process->setArguments(args);
    m_process->setWorkingDirectory(QStringLiteral("/"));
    // If we die, the script dies, and boot-guest.sh chains that down to QEMU.
    const pid_t us = getpid();
    m_process->setChildProcessModifier([us] {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != us) // we died before prctl() took effect
            _exit(1);
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_scriptStderr = (m_scriptStderr + QString::fromUtf8(m_process->readAllStandardError()))
                             .right(kStderrTailChars);
    });
    connect(m_process, &QProcess::finished, this, &LabMachine::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            failBeforeLaunch(
                tr("cannot run /bin/sh for the lab: %1").arg(m_process->errorString()));
    });

    m_socket->abort();
    m_bootTimeoutMs = options.bootTimeoutMs;
    m_bootClock.start();
    m_bootTimer->start(options.bootTimeoutMs);
    m_connectTimer->start();
    m_process->start();
}

void LabMachine::tryConnect()
{
    // QEMU creates the socket at start-up and accepts one client: connect as
    // soon as it exists; the agent answers once the guest has booted.
    const QString path = m_runDir->filePath(QStringLiteral("agent.sock"));
    if (m_socket->state() == QLocalSocket::UnconnectedState && QFileInfo::exists(path))
        m_socket->connectToServer(path);
}

void LabMachine::onAgentReady()
{
    if (m_state != State::Booting)
        return;
    m_bootTimer->stop();
    m_bootDurationMs = m_bootClock.elapsed();
    m_state = State::Ready;
    emit ready();
}

void LabMachine::onBootTimeout()
{
    if (m_state != State::Booting)
        return;
    const QString console = consoleLog();
    const int seconds = m_bootTimeoutMs / 1000;
    QString reason;
    if (console.contains(QLatin1String("refscope-lab: running the command"))) // guest-init.sh
        reason = withDetail(
            tr("The lab guest booted kernel %1, but its agent did not answer within %2 s.")
                .arg(m_kernelRelease)
                .arg(seconds),
            tr("The agent's error output"), guestAgentStderr());
    else
        reason = tr("The lab guest did not boot kernel %1 within %2 s; this machine may be busy: "
                    "try again.")
                     .arg(m_kernelRelease)
                     .arg(seconds);
    failAndKill(
        withDetail(reason, tr("End of the guest's console"), consoleTail(kConsoleTailLines)));
}

void LabMachine::onProcessFinished()
{
    m_connectTimer->stop();
    m_bootTimer->stop();
    m_graceTimer->stop();
    m_socket->abort();
    const State was = std::exchange(m_state, State::Off);
    if (was == State::Booting && m_failure.isEmpty()) {
        // boot-guest.sh explains its own failures (no kernel, no QEMU) on
        // stderr; a guest that booted but lost its agent tells us in the share.
        const QString agentStderr = guestAgentStderr();
        const QString reason =
            agentStderr.isEmpty()
                ? withDetail(scriptFailure(), tr("What the lab reported"),
                             lastLines(m_scriptStderr, 30))
                : withDetail(tr("The agent in the lab guest exited before answering."),
                             tr("Its error output"), agentStderr);
        failAndKill(reason);
    } else if (was == State::Ready) {
        failAndKill(withDetail(tr("The lab guest stopped unexpectedly (kernel %1); open the lab "
                                  "again to boot a fresh one.")
                                   .arg(m_kernelRelease),
                               tr("End of the guest's console"), consoleTail(kConsoleTailLines)));
    }
    emit stopped();
}

QString LabMachine::scriptFailure() const
{
    // boot-guest.sh ends its own failures with one "boot-guest: why" line.
    QString why;
    for (const QString &line : m_scriptStderr.split(u'\n'))
        if (line.startsWith(QLatin1String("boot-guest: ")))
            why = line.mid(int(qstrlen("boot-guest: "))).trimmed();
    if (why.startsWith(QLatin1String("could not build the initramfs")))
        return tr("The lab could not prepare kernel %1 to boot: packing its modules into the "
                  "guest's boot image failed.")
            .arg(m_kernelRelease);
    if (!why.isEmpty())
        return tr("The lab could not boot kernel %1: %2.").arg(m_kernelRelease, why);
    return tr("The lab guest (kernel %1) stopped before it was ready.").arg(m_kernelRelease);
}

void LabMachine::failAndKill(const QString &reason)
{
    if (m_failure.isEmpty()) {
        m_failure = reason;
        emit failed(reason);
    }
    killGuest();
}

void LabMachine::stop()
{
    if (m_state == State::Booting) {
        m_state = State::Stopping;
        killGuest();
    } else if (m_state == State::Ready) {
        m_state = State::Stopping;
        m_agent->call(agentmethod::Shutdown, {}, [](const AgentReply &) {});
        m_graceTimer->start(kShutdownGraceMs);
    }
}

void LabMachine::killGuest()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

bool LabMachine::waitForReady(int timeoutMs)
{
    if (m_state == State::Booting) {
        QEventLoop loop;
        connect(this, &LabMachine::ready, &loop, &QEventLoop::quit);
        connect(this, &LabMachine::stopped, &loop, &QEventLoop::quit);
        connect(this, &LabMachine::failed, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_state == State::Ready;
}

bool LabMachine::waitForStopped(int timeoutMs)
{
    if (m_state != State::Off) {
        QEventLoop loop;
        connect(this, &LabMachine::stopped, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_state == State::Off;
}

QString LabMachine::consoleLog() const
{
    return m_runDir ? readText(m_runDir->filePath(QStringLiteral("console.log"))) : QString();
}

QString LabMachine::consoleTail(int lines) const
{
    return lastLines(consoleLog(), lines);
}

QString LabMachine::guestAgentStderr() const
{
    return m_runDir ? lastLines(readText(m_runDir->filePath(QStringLiteral("share/stderr"))), 30)
                    : QString();
}

} // namespace refscope
