// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/recordcommand.h"

#include "capture/livecapture.h"
#include "capture/livecapturedetails.h"
#include "capture/livecapturesignals.h"
#include "capture/livecapturetracefs.h"
#include "cli/clioutput.h"
#include "cli/sshcli.h"
#include "events/outstandingrefs.h"
#include "inventory/kmodreader.h"
#include "inventory/snapshotjson.h"
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
        } else if (arg == QLatin1String("--buffer-kb") && i + 1 < own.size()) {
            bool ok = false;
            options->capture.bufferKbPerCpu = own.at(++i).toInt(&ok);
            if (!ok || options->capture.bufferKbPerCpu < 4 ||
                options->capture.bufferKbPerCpu > 1024 * 1024)
                return QStringLiteral("--buffer-kb takes the kilobytes of each CPU's trace "
                                      "buffer, from 4 to 1048576");
        } else {
            return QStringLiteral("record does not take \"%1\" (or it lacks its value)").arg(arg);
        }
    }
    if (options->output.isEmpty())
        return QStringLiteral("record needs -o FILE, the session file to write");
    return {};
}

// The recorded command runs on this terminal: its output and input are the
// user's, ^C reaches it from the terminal (and when it ends the session is
// still written), SIGTERM/SIGHUP are passed on to it.
void prepareCommand(QProcess *command, const QStringList &argv, bool outputToStderr)
{
    command->setProgram(argv.first());
    command->setArguments(argv.mid(1));
    command->setProcessChannelMode(QProcess::ForwardedChannels);
    command->setInputChannelMode(QProcess::ForwardedInputChannel);
    if (outputToStderr)
        command->setChildProcessModifier([] { ::dup2(STDERR_FILENO, STDOUT_FILENO); });
    onTerminationSignal([command](int signal) {
        if (signal != SIGINT && command->processId() > 0)
            ::kill(pid_t(command->processId()), signal);
    });
}

void noteCommandEnd(RecordedRun *run, const QProcess &command)
{
    run->ran =
        command.state() == QProcess::NotRunning && command.error() != QProcess::FailedToStart;
    run->exitStatus = command.exitStatus();
    run->exitCode = command.exitCode();
}

// The capture by the target's agent (trace.start / trace.stop, as the
// window's Capture action) while COMMAND runs on this machine.
ExitCode recordOverSsh(const QString &verb, const SshTarget &target, const CaptureOptions &options,
                       const QStringList &argv, bool readAfter, RecordedRun *run,
                       bool outputToStderr)
{
    AgentClient client;
    QString error;
    if (!connectSshAgent(&client, target, AgentMode::Inspect, {}, &error))
        return failure(verb, error);
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
    capture.start(options);
    if (captureError.isEmpty())
        loop.exec(); // until started or failed
    if (!captureError.isEmpty())
        return failure(verb, captureError);

    QProcess command;
    prepareCommand(&command, argv, outputToStderr);
    QObject::connect(&command, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&command, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    command.start();
    // Events arrive meanwhile; a connection that drops ends the wait too.
    if (captureError.isEmpty())
        loop.exec();
    noteCommandEnd(run, command);
    if (command.state() != QProcess::NotRunning) {
        command.kill();
        command.waitForFinished(5000);
    }
    if (captureError.isEmpty()) {
        capture.stop();
        if (!stopped && captureError.isEmpty())
            loop.exec();
    }
    // The counts after, from the same agent as the baseline.
    if (readAfter && captureError.isEmpty()) {
        const AgentReply reply = client.callSync(agentmethod::Snapshot, {}, 30000);
        Snapshot after;
        QString snapshotError = reply.errorMessage;
        if (reply.ok && snapshotFromJson(reply.result.toObject(), &after, &snapshotError))
            run->after = after;
        else
            captureError = QStringLiteral("the snapshot after %1 could not be read: %2")
                               .arg(argv.first(), snapshotError);
    }
    client.callSync(agentmethod::Shutdown, {}, 10000);
    if (!run->ran)
        failure({}, QStringLiteral("cannot run %1: %2").arg(argv.first(), command.errorString()));
    if (!captureError.isEmpty() && !capture.events())
        return failure(verb, captureError);
    if (!captureError.isEmpty())
        print(stderr,
              QStringLiteral("refscope-cli: %1; saving what arrived before\n").arg(captureError));
    run->captureError = captureError;
    run->before = capture.baseline();
    run->events = capture.takeEvents();
    return ExitCode::Success;
}

ExitCode recordLocally(const QString &verb, const CaptureOptions &options, const QStringList &argv,
                       bool readAfter, RecordedRun *run, bool outputToStderr)
{
    if (geteuid() != 0) {
        return failure({}, QStringLiteral("%1 reads the kernel's trace buffers and needs "
                                          "root (sudo refscope-cli %1 ...)")
                               .arg(verb));
    }
    // The baseline: every module's count before the first event.
    run->before = readLocalSnapshot();
    run->events = std::make_unique<EventStore>();
    EventStore &events = *run->events;
    applySnapshotBaseline(run->before, &events);
    auto ownedDetails = std::make_unique<CapturedDetails>(&events);
    CapturedDetails *details = ownedDetails.get();
    events.setDetailsSource(std::move(ownedDetails));
    QString storeError;
    // Batches arrive on the reader thread; this thread only waits meanwhile.
    TracefsCapture capture;
    CaptureOptions keptUntilStop = options;
    keptUntilStop.decodeAtStop = true;
    // Lowered only, by the tests that reach the decoding past it with a
    // small flood.
    bool lowered = false;
    const qulonglong keepKb =
        qEnvironmentVariable("REFSCOPE_CAPTURE_KEEP_KB").toULongLong(&lowered);
    if (lowered && keepKb > 0 && keepKb * 1024 < keptUntilStop.keptBytesMax)
        keptUntilStop.keptBytesMax = std::size_t(keepKb) * 1024;
    const QString error = capture.start(keptUntilStop, [&](CaptureBatch &&batch) {
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
    prepareCommand(&command, argv, outputToStderr);
    command.start();
    if (command.waitForStarted(-1))
        command.waitForFinished(-1);
    noteCommandEnd(run, command);
    capture.stop();
    events.setKernelCounts(capture.kernelCounts());
    // Right after the capture stopped: nothing the recording missed.
    if (readAfter)
        run->after = readLocalSnapshot({.modinfo = false, .builtin = false});
    if (capture.unreadAtStop() > 0)
        print(stderr, QStringLiteral("refscope-cli: the trace buffers could not be read to the end "
                                     "in time: %1 events may be missing (counted as lost)\n")
                          .arg(capture.unreadAtStop()));

    if (!run->ran)
        failure({}, QStringLiteral("cannot run %1: %2").arg(argv.first(), command.errorString()));
    if (!storeError.isEmpty()) {
        return failure({}, QStringLiteral("the recording is unusable: %1").arg(storeError));
    }
    return ExitCode::Success;
}

} // namespace

ExitCode recordWhile(const QString &verb, const CaptureOptions &capture, const QStringList &command,
                     const std::optional<SshTarget> &ssh, bool readAfter, RecordedRun *run,
                     bool outputToStderr)
{
    return ssh ? recordOverSsh(verb, *ssh, capture, command, readAfter, run, outputToStderr)
               : recordLocally(verb, capture, command, readAfter, run, outputToStderr);
}

bool saveRecording(const QString &output, const RecordedRun &run, QString *writtenTo)
{
    // The capture exists nowhere else: when the output cannot be written,
    // it goes where it can, and the user is told where.
    writtenTo->clear();
    const QString saveError =
        saveSessionKeeping(output, sessionFallbackDirs(), run.before, *run.events, {}, writtenTo);
    if (saveError.isEmpty())
        return true;
    print(stderr, QStringLiteral("refscope-cli: %1\n").arg(saveError));
    return false;
}

ExitCode recordCommand(const QStringList &args, const std::optional<SshTarget> &ssh)
{
    RecordOptions options;
    const QString problem = parseArgs(args, &options);
    if (!problem.isEmpty()) {
        return usageError(problem);
    }
    if (ssh && options.capture.bufferKbPerCpu > 0)
        return usageError(QStringLiteral("--buffer-kb sizes a capture on this machine only"));
    RecordedRun run;
    const QString verb = QStringLiteral("record");
    if (recordWhile(verb, options.capture, options.command, ssh, false, &run) != ExitCode::Success)
        return ExitCode::Failure;
    const EventStore &events = *run.events;
    QString writtenTo;
    if (!saveRecording(options.output, run, &writtenTo)) {
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
                      .arg(options.output));
    if (events.lostEventCount() != 0)
        print(stdout, lostEventsNote(events) + QLatin1Char('\n'));
    if (!run.ran)
        return ExitCode::Failure;
    if (run.exitStatus == QProcess::NormalExit && run.exitCode != 0)
        print(stderr, QStringLiteral("refscope-cli: %1 exited with status %2\n")
                          .arg(options.command.first())
                          .arg(run.exitCode));
    return run.captureError.isEmpty() ? ExitCode::Success : ExitCode::Failure;
}

} // namespace refscope
