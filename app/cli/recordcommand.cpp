// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/recordcommand.h"

#include "capture/livecapture.h"
#include "capture/livecapturedetails.h"
#include "capture/livecapturesignals.h"
#include "capture/livecapturetracefs.h"
#include "cli/clioutput.h"
#include "cli/sshcli.h"
#include "inventory/kmodreader.h"
#include "protocol/methods.h"
#include "session/sessionfile.h"

#include <QEventLoop>
#include <QProcess>

#include <csignal>
#include <cstdio>
#include <exception>
#include <unistd.h>

namespace refscope {

namespace {

struct RecordOptions {
    QString output;
    CaptureOptions capture;
    QStringList command;
};

// Empty when args parse, else the problem.
QString parseArgs(const QStringList &args, RecordOptions *options)
{
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (dashes < 0 || dashes + 1 >= args.size())
        return QStringLiteral("record needs the command to run after \"--\"");
    options->command = args.mid(dashes + 1);
    const QStringList own = args.mid(0, dashes);
    for (qsizetype i = 0; i < own.size(); ++i) {
        const QString &arg = own.at(i);
        if ((arg == QLatin1String("-o") || arg == QLatin1String("--modules")) &&
            i + 1 < own.size()) {
            const QString value = own.at(++i);
            if (arg == QLatin1String("-o"))
                options->output = value;
            else
                for (const QString &module : value.split(u',', Qt::SkipEmptyParts))
                    options->capture.modules << normalizeModuleName(module.trimmed());
        } else if (arg == QLatin1String("--stacks")) {
            options->capture.stacks = true;
        } else {
            return QStringLiteral("record does not take \"%1\" (or it lacks its value)").arg(arg);
        }
    }
    if (options->output.isEmpty())
        return QStringLiteral("record needs -o FILE, the session file to write");
    return {};
}

// Prints the totals or where the session went instead; the exit status.
// The recorded command runs on this terminal: its output and input are the
// user's, ^C reaches it from the terminal (and when it ends the session is
// still written), SIGTERM/SIGHUP are passed on to it.
void prepareCommand(QProcess *command, const QStringList &argv)
{
    command->setProgram(argv.first());
    command->setArguments(argv.mid(1));
    command->setProcessChannelMode(QProcess::ForwardedChannels);
    command->setInputChannelMode(QProcess::ForwardedInputChannel);
    onTerminationSignal([command](int signal) {
        if (signal != SIGINT && command->processId() > 0)
            ::kill(pid_t(command->processId()), signal);
    });
}

ExitCode saveRecording(const QString &output, const Snapshot &snapshot, const EventStore &events,
                       bool ran);

// The capture by the target's agent (trace.start / trace.stop, as the
// window's Capture action) while COMMAND runs on this machine.
ExitCode recordOverSsh(const SshTarget &target, const RecordOptions &options)
{
    AgentClient client;
    QString error;
    if (!connectSshAgent(&client, target, AgentMode::Inspect, {}, &error))
        return failure(QStringLiteral("record"), error);
    LiveCapture capture(&client);
    QEventLoop loop;
    QString captureError;
    bool stopped = false;
    QObject::connect(&capture, &LiveCapture::started, &loop, &QEventLoop::quit);
    QObject::connect(&capture, &LiveCapture::stopped, &loop, [&] {
        stopped = true;
        loop.quit();
    });
    QObject::connect(&capture, &LiveCapture::failed, &loop, [&](const QString &message) {
        captureError = message;
        loop.quit();
    });
    capture.start(options.capture);
    if (captureError.isEmpty())
        loop.exec(); // until started or failed
    if (!captureError.isEmpty())
        return failure(QStringLiteral("record"), captureError);

    QProcess command;
    prepareCommand(&command, options.command);
    QObject::connect(&command, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&command, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    command.start();
    // Events arrive meanwhile; a connection that drops ends the wait too.
    if (captureError.isEmpty())
        loop.exec();
    const bool ran =
        command.state() == QProcess::NotRunning && command.error() != QProcess::FailedToStart;
    if (command.state() != QProcess::NotRunning) {
        command.kill();
        command.waitForFinished(5000);
    }
    if (captureError.isEmpty()) {
        capture.stop();
        if (!stopped && captureError.isEmpty())
            loop.exec();
    }
    client.callSync(agentmethod::Shutdown, {}, 10000);
    if (!ran)
        failure({}, QStringLiteral("cannot run %1: %2")
                        .arg(options.command.first(), command.errorString()));
    if (!captureError.isEmpty() && !capture.events())
        return failure(QStringLiteral("record"), captureError);
    if (!captureError.isEmpty())
        print(stderr,
              QStringLiteral("refscope-cli: %1; saving what arrived before\n").arg(captureError));
    const Snapshot baseline = capture.baseline();
    std::unique_ptr<EventStore> events = capture.takeEvents();
    const ExitCode saved = saveRecording(options.output, baseline, *events, ran);
    if (saved == ExitCode::Success && ran && command.exitStatus() == QProcess::NormalExit &&
        command.exitCode() != 0)
        print(stderr, QStringLiteral("refscope-cli: %1 exited with status %2\n")
                          .arg(options.command.first())
                          .arg(command.exitCode()));
    return captureError.isEmpty() ? saved : ExitCode::Failure;
}

ExitCode saveRecording(const QString &output, const Snapshot &snapshot, const EventStore &events,
                       bool ran)
{
    // The capture exists nowhere else: when the output cannot be written,
    // it goes where it can, and the user is told where.
    QString writtenTo;
    const QString saveError =
        saveSessionKeeping(output, sessionFallbackDirs(), snapshot, events, {}, &writtenTo);
    if (!saveError.isEmpty()) {
        print(stderr, QStringLiteral("refscope-cli: %1\n").arg(saveError));
        if (writtenTo.isEmpty())
            return failure({},
                           QStringLiteral("the recording could not be saved anywhere and is lost"));
        return failure({}, QStringLiteral("%1 module events, %2 lost events; the session was "
                                          "written to %3 instead")
                               .arg(events.size())
                               .arg(events.lostEventCount())
                               .arg(writtenTo));
    }
    print(stdout, QStringLiteral("%1 module events, %2 lost events; session file written to %3\n")
                      .arg(events.size())
                      .arg(events.lostEventCount())
                      .arg(output));
    return ran ? ExitCode::Success : ExitCode::Failure;
}

} // namespace

ExitCode recordCommand(const QStringList &args, const std::optional<SshTarget> &ssh)
{
    RecordOptions options;
    const QString problem = parseArgs(args, &options);
    if (!problem.isEmpty()) {
        return usageError(problem);
    }
    if (ssh)
        return recordOverSsh(*ssh, options);
    if (geteuid() != 0) {
        return failure({}, QStringLiteral("record reads the kernel's trace buffers and needs "
                                          "root (sudo refscope-cli record ...)"));
    }
    // The baseline: every module's count before the first event.
    const Snapshot snapshot = readLocalSnapshot();
    EventStore events;
    applySnapshotBaseline(snapshot, &events);
    auto ownedDetails = std::make_unique<CapturedDetails>(&events);
    CapturedDetails *details = ownedDetails.get();
    events.setDetailsSource(std::move(ownedDetails));
    QString storeError;
    // Batches arrive on the reader thread; this thread only waits meanwhile.
    TracefsCapture capture;
    const QString error = capture.start(options.capture, [&](CaptureBatch &&batch) {
        if (!storeError.isEmpty())
            return;
        try {
            for (const CapturedEvent &e : batch.events) {
                events.append(e.event);
                details->append(e.details);
            }
        } catch (const std::exception &refused) {
            storeError = QString::fromUtf8(refused.what());
        }
        for (const LostEvents &lost : batch.lost)
            events.appendLost(lost);
    });
    if (!error.isEmpty()) {
        return failure({}, error);
    }

    QProcess command;
    prepareCommand(&command, options.command);
    command.start();
    const bool ran = command.waitForStarted(-1) && command.waitForFinished(-1);
    capture.stop();
    if (capture.unreadAtStop() > 0)
        print(stderr, QStringLiteral("refscope-cli: the trace buffers could not be read to the end "
                                     "in time: %1 events may be missing (counted as lost)\n")
                          .arg(capture.unreadAtStop()));

    if (!ran)
        failure({}, QStringLiteral("cannot run %1: %2")
                        .arg(options.command.first(), command.errorString()));
    if (!storeError.isEmpty()) {
        return failure({}, QStringLiteral("the recording is unusable: %1").arg(storeError));
    }
    const ExitCode saved = saveRecording(options.output, snapshot, events, ran);
    if (saved == ExitCode::Success && command.exitStatus() == QProcess::NormalExit &&
        command.exitCode() != 0)
        print(stderr, QStringLiteral("refscope-cli: %1 exited with status %2\n")
                          .arg(options.command.first())
                          .arg(command.exitCode()));
    return saved;
}

} // namespace refscope
