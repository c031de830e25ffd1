// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/flightcommand.h"

#include "capture/flightjson.h"
#include "capture/flightrecorder.h"
#include "events/eventstore.h"
#include "inventory/kmodreader.h"
#include "lab/labpaths.h"
#include "protocol/agentapi.h"
#include "protocol/agentmode.h"
#include "protocol/methods.h"
#include "session/sessionfile.h"

#include <QDateTime>
#include <QJsonDocument>

#include <memory>

#include <unistd.h>

namespace refscope {

namespace {

const QString kVerb = QStringLiteral("flight");

QString memoryText(const FlightStatus &status)
{
    return QStringLiteral("%1 KiB per CPU x %2 CPUs x 2 (the buffer and its frozen copy) = %3 KiB "
                          "of kernel memory")
        .arg(status.bufferKbPerCpu)
        .arg(status.cpus)
        .arg(status.memoryKb());
}

// Empty when args parse, else the problem.
QString parseStart(const QStringList &args, int *bufferKb, bool *stacks)
{
    *bufferKb = flightrecorder::kDefaultBufferKbPerCpu;
    // Off by default: a stack with every get and put made an open/close
    // flood's events cost twice to five times as much (tst_live_capture).
    *stacks = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--buffer-kb") && i + 1 < args.size()) {
            bool ok = false;
            *bufferKb = args.at(++i).toInt(&ok);
            if (!ok || *bufferKb < 4 || *bufferKb > 1024 * 1024)
                return QStringLiteral("--buffer-kb takes the kilobytes of each CPU's trace "
                                      "buffer, from 4 to 1048576");
        } else if (args.at(i) == QLatin1String("--stacks")) {
            *stacks = true;
        } else {
            return QStringLiteral("flight start does not take \"%1\" (or it lacks its value)")
                .arg(args.at(i));
        }
    }
    return {};
}

ExitCode startCommand(int bufferKb, bool stacks)
{
    const QString error = flightrecorder::start(bufferKb, stacks);
    if (!error.isEmpty())
        return failure(kVerb, error);
    const FlightStatus status = flightrecorder::status();
    print(stdout, QStringLiteral("flight recorder started: it keeps the last module events (%1), "
                                 "and the kernel freezes them when an unload fails\n")
                      .arg(memoryText(status)));
    return ExitCode::Success;
}

// pkexec may wait for a password.
constexpr int kHelloTimeoutMs = 120000;
constexpr int kCallTimeoutMs = 60000;

// `pkexec refscope-agent --flight` started and greeting in `client`, for
// anyone but root: polkit's org.refscope.flight decides, as for the window.
// `sub` is the command ("status", "save -o FILE") root would run instead.
// Empty on success, else the sentence to print.
QString startFlightAgent(AgentClient &client, const QString &sub)
{
    const QString agent = labDefaultAgent();
    if (agent.isEmpty())
        return QStringLiteral("refscope-agent, which reads the flight recorder as root, is not "
                              "installed: run sudo refscope-cli flight %1")
            .arg(sub);
    // pkexec's own exit codes, worded for this command: polkit's refusal
    // is an answer, not a failure of RefScope's.
    client.setEndExplainer([sub](const AgentClient::EndInfo &end) {
        if (end.pkexec == AgentClient::EndInfo::Pkexec::NotAuthorized)
            return QStringLiteral(
                       "polkit did not allow you to read the flight recorder (its action "
                       "org.refscope.flight), so nothing was read. Ask an administrator for that "
                       "permission, or run sudo refscope-cli flight %1")
                .arg(sub);
        if (end.pkexec == AgentClient::EndInfo::Pkexec::Dismissed)
            return QStringLiteral("the administrator's password was not given, so nothing was "
                                  "read");
        return QStringLiteral("the root agent that reads the flight recorder stopped: %1")
            .arg(end.reason);
    });
    auto disconnectReason = std::make_shared<QString>();
    QObject::connect(&client, &AgentClient::disconnected, &client,
                     [disconnectReason](const QString &reason) { *disconnectReason = reason; });
    client.startProcess(QStringLiteral("pkexec"),
                        QStringList{agent} + agentArgumentsFor(AgentMode::Flight));
    if (!client.waitForHello(kHelloTimeoutMs))
        return disconnectReason->isEmpty() ? QStringLiteral("the agent did not answer")
                                           : *disconnectReason;
    return {};
}

// An agent's answer that is not the status or history asked for.
QString answerError(const AgentAnswer &answer)
{
    return answer.unusable ? QStringLiteral("the agent's answer is unusable: %1").arg(answer.error)
                           : answer.error;
}

// The status through the root agent. Empty on success, else the sentence.
QString statusThroughAgent(FlightStatus *status)
{
    AgentClient client;
    if (const QString error = startFlightAgent(client, QStringLiteral("status")); !error.isEmpty())
        return error;
    const FlightStatusAnswer answer = AgentApi::flightStatusAnswer(
        client.callSync(agentmethod::FlightStatus, {}, kCallTimeoutMs));
    client.callSync(agentmethod::Shutdown, {}, kCallTimeoutMs);
    if (!answer.ok)
        return answerError(answer);
    *status = answer.status;
    return {};
}

// The frozen history through the root agent (flight.read takes it out of
// the kernel, as root's own read does). Empty on success, else the sentence.
QString historyThroughAgent(std::shared_ptr<EventStore> *events, std::size_t *count)
{
    AgentClient client;
    if (const QString error = startFlightAgent(client, QStringLiteral("save -o FILE"));
        !error.isEmpty())
        return error;
    const FlightHistoryAnswer answer = AgentApi(&client).flightHistory(kCallTimeoutMs);
    client.callSync(agentmethod::Shutdown, {}, kCallTimeoutMs);
    if (!answer.ok)
        return answerError(answer);
    *count = answer.events ? answer.events->size() : 0;
    if (answer.events)
        *events = answer.events;
    return {};
}

// flight.status's summary in sentences: what the window says before it
// opens the history.
QString statusText(const FlightStatus &status)
{
    if (!status.running)
        return QStringLiteral("flight recorder: not running (sudo refscope-cli flight start)\n");
    QString text = QStringLiteral("flight recorder: running, %1\n")
                       .arg(status.armed ? QStringLiteral("armed on failed unloads")
                                         : QStringLiteral("NOT armed (its trigger is gone)"));
    text += QStringLiteral("memory: %1\n").arg(memoryText(status));
    text +=
        QStringLiteral("kernel stacks: %1\n")
            .arg(status.stacks ? QStringLiteral("with every get and put") : QStringLiteral("off"));
    if (!status.frozen)
        return text + QStringLiteral("frozen history: none (no failed unload has been recorded "
                                     "since the recorder started, or it was saved already)\n");
    text += QStringLiteral("frozen history: yes, from the last failed unload "
                           "(refscope-cli flight save -o FILE)\n");
    text += QStringLiteral("frozen at: %1\n")
                .arg(status.frozenAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(status.frozenAtMs)
                                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                           : QStringLiteral("unknown"));
    text += QStringLiteral("frozen events: %1, of %2\n")
                .arg(status.frozenEvents)
                .arg(status.modules.isEmpty() ? QStringLiteral("no module")
                                              : status.modules.join(QStringLiteral(", ")));
    // The kernel keeps no record of the module rmmod named.
    return text + QStringLiteral("(the kernel does not record which module the failed unload "
                                 "named: these are the modules the events are of, the most "
                                 "events first)\n");
}

ExitCode statusCommand(bool json)
{
    FlightStatus status;
    if (geteuid() == 0) {
        status = flightrecorder::status();
    } else if (const QString error = statusThroughAgent(&status); !error.isEmpty()) {
        return failure(kVerb, error);
    }
    if (json)
        print(stdout,
              QString::fromUtf8(
                  QJsonDocument(flightStatusToJson(status)).toJson(QJsonDocument::Indented)));
    else
        print(stdout, statusText(status));
    return ExitCode::Success;
}

ExitCode saveCommand(const QString &output)
{
    auto events = std::make_shared<EventStore>();
    std::size_t count = 0;
    const QString error = geteuid() == 0 ? flightrecorder::readFrozen(events.get(), &count)
                                         : historyThroughAgent(&events, &count);
    if (!error.isEmpty())
        return failure(kVerb, error);
    if (count == 0)
        return failure(kVerb, QStringLiteral("no failed unload has been recorded since the "
                                             "recorder started (or its history was saved "
                                             "already)"));
    // The modules as they are now: the frozen events come before it, so
    // each module's count before them is taken from its first event.
    const Snapshot now = readLocalSnapshot({.modinfo = false, .builtin = false});
    QString writtenTo;
    const QString saveError =
        saveSessionKeeping(output, sessionFallbackDirs(), now, *events, {}, &writtenTo);
    if (!saveError.isEmpty()) {
        print(stderr, QStringLiteral("refscope-cli: %1\n").arg(saveError));
        return failure(
            kVerb, writtenTo.isEmpty()
                       ? QStringLiteral("the frozen history could not be saved "
                                        "anywhere and is lost")
                       : QStringLiteral("the session was written to %1 instead").arg(writtenTo));
    }
    print(stdout, QStringLiteral("%1 module events before the failed unload; session file written "
                                 "to %2\n")
                      .arg(count)
                      .arg(output));
    return ExitCode::Success;
}

} // namespace

ExitCode flightCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    int bufferKb = 0;
    bool stacks = false;
    // The command line first: a mistake is told the same to anyone.
    if (sub == QLatin1String("start")) {
        const QString problem = parseStart(args.mid(1), &bufferKb, &stacks);
        if (!problem.isEmpty())
            return usageError(problem);
    } else if (sub == QLatin1String("save")) {
        if (args.size() != 3 || args.at(1) != QLatin1String("-o"))
            return usageError(
                QStringLiteral("flight save needs -o FILE, the session file to write"));
        // Anyone may save it too, as for the status.
        return saveCommand(args.at(2));
    } else if (sub == QLatin1String("status")) {
        if (args.size() > 2 || (args.size() == 2 && args.at(1) != QLatin1String("--json")))
            return usageError(QStringLiteral("flight status takes only --json"));
        // Anyone may ask: the root agent reads it, if polkit allows.
        return statusCommand(args.size() == 2);
    } else if (sub == QLatin1String("stop")) {
        if (args.size() != 1)
            return usageError(QStringLiteral("flight %1 takes nothing more").arg(sub));
    } else {
        return usageError(QStringLiteral("flight needs start, stop, status or save -o FILE"));
    }
    if (geteuid() != 0)
        return failure({}, QStringLiteral("the flight recorder lives in the kernel's trace "
                                          "buffers and needs root (sudo refscope-cli flight %1)")
                               .arg(sub));
    if (sub == QLatin1String("start"))
        return startCommand(bufferKb, stacks);
    const QString error = flightrecorder::stop();
    if (!error.isEmpty())
        return failure(kVerb, error);
    print(stdout, QStringLiteral("flight recorder stopped\n"));
    return ExitCode::Success;
}

} // namespace refscope
