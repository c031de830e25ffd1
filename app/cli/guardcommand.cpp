// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/guardcommand.h"

#include "cli/recordcommand.h"
#include "guard/guardverdict.h"
#include "inventory/kmodreader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

namespace refscope {

const char kGuardUsage[] =
    "Usage: refscope-cli guard [--modules a,b] [--json] [--keep FILE] -- COMMAND [ARGS...]\n"
    "Runs COMMAND (a test suite) while recording module gets, puts, loads and\n"
    "frees, as record does (as root, or through the agent with --ssh), then\n"
    "checks that every module's reference count came back.\n"
    "\n"
    "  --modules a,b  check these modules only (and record only them); without\n"
    "                 it, every module whose count changed or that had events\n"
    "                 during the run (the output says which)\n"
    "  --json         the verdict as JSON on standard output; COMMAND's own\n"
    "                 output then goes to standard error\n"
    "  --keep FILE    save the recording to FILE (a session file the GUI and\n"
    "                 why --trace open) whatever the verdict; without it, a\n"
    "                 run that fails saves it to a temporary file, named in\n"
    "                 the output, for CI to archive\n"
    "\n"
    "The rule: a module loaded before and after COMMAND must end with the\n"
    "count it had before; one loaded during the run and still loaded must end\n"
    "at 0 (a module's count once its init returned); one not loaded at the end\n"
    "is fine (it can only unload once every reference is gone). Where a count\n"
    "differs, the output names the call sites of the gets never put back, the\n"
    "holder kind each belongs to and the processes that took them.\n"
    "^C reaches COMMAND; the verdict is still printed.\n"
    "\n"
    "Exit status:\n"
    "  0  COMMAND succeeded and every count came back\n"
    "  1  nothing could be recorded (not root, no tracefs, the agent\n"
    "     unreachable) or the connection to the agent was lost\n"
    "  2  bad command line\n"
    "  3  a count did not come back (COMMAND succeeded)\n"
    "  4  every count came back but COMMAND failed (non-zero status, killed\n"
    "     by a signal, or could not be started)\n"
    "  5  a count did not come back and COMMAND failed\n";

namespace {

struct GuardOptions {
    QStringList modules;
    bool json = false;
    QString keep;
    QStringList command;
};

QString parseArgs(const QStringList &args, GuardOptions *options)
{
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (dashes < 0 || dashes + 1 >= args.size())
        return QStringLiteral("guard needs the command to run after \"--\"");
    options->command = args.mid(dashes + 1);
    const QStringList own = args.mid(0, dashes);
    for (qsizetype i = 0; i < own.size(); ++i) {
        const QString &arg = own.at(i);
        if ((arg == QLatin1String("--keep") || arg == QLatin1String("--modules")) &&
            i + 1 < own.size()) {
            const QString value = own.at(++i);
            if (arg == QLatin1String("--keep"))
                options->keep = value;
            else
                for (const QString &module : value.split(u',', Qt::SkipEmptyParts))
                    options->modules << normalizeModuleName(module.trimmed());
        } else if (arg == QLatin1String("--json")) {
            options->json = true;
        } else {
            return QStringLiteral("guard does not take \"%1\" (or it lacks its value)").arg(arg);
        }
    }
    if (options->modules.isEmpty() && own.contains(QStringLiteral("--modules")))
        return QStringLiteral("guard --modules needs at least one module name");
    return {};
}

QString commandText(const QStringList &command, const RecordedRun &run)
{
    if (!run.ran)
        return QStringLiteral("%1 could not be started").arg(command.first());
    if (run.exitStatus != QProcess::NormalExit)
        return QStringLiteral("%1 was killed by a signal").arg(command.first());
    return QStringLiteral("%1 exited with status %2").arg(command.first()).arg(run.exitCode);
}

// A new file in the temporary directory, kept: where a failing run's
// recording goes without --keep.
QString temporarySessionPath()
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/refscope-guard-XXXXXX.rscope"));
    file.setAutoRemove(false);
    if (!file.open())
        return QDir::tempPath() + QStringLiteral("/refscope-guard.rscope");
    return file.fileName();
}

} // namespace

int guardCommand(const QStringList &args, const std::optional<SshTarget> &ssh)
{
    if (args.value(0) == QLatin1String("--help") || args.value(0) == QLatin1String("-h")) {
        print(stdout, QString::fromUtf8(kGuardUsage));
        return int(ExitCode::Success);
    }
    GuardOptions options;
    const QString problem = parseArgs(args, &options);
    if (!problem.isEmpty())
        return int(usageError(problem));

    RecordedRun run;
    const QString verb = QStringLiteral("guard");
    if (recordWhile(verb, {options.modules, false}, options.command, ssh, true, &run,
                    options.json) != ExitCode::Success)
        return int(ExitCode::Failure);
    // Over SSH, a connection lost midway leaves no count after to compare:
    // the recording is kept, the verdict cannot be given.
    const bool lost = !run.captureError.isEmpty() || !run.after;

    GuardVerdict verdict;
    if (!lost)
        verdict = guardVerdict(moduleCounts(run.before), moduleCounts(*run.after), *run.events,
                               options.modules);
    const bool balanced = !lost && verdict.balanced();
    const bool commandFailed = run.commandFailed();
    int status = int(GuardExit::Balanced);
    if (lost)
        status = int(ExitCode::Failure);
    else if (!balanced)
        status = int(commandFailed ? GuardExit::CountDiffersAndFailed : GuardExit::CountDiffers);
    else if (commandFailed)
        status = int(GuardExit::CommandFailed);

    QString sessionPath;
    if (!options.keep.isEmpty() || status != 0) {
        const QString wanted = options.keep.isEmpty() ? temporarySessionPath() : options.keep;
        QString writtenTo;
        saveRecording(wanted, run, &writtenTo);
        sessionPath = writtenTo;
        if (writtenTo.isEmpty())
            print(stderr, QStringLiteral("refscope-cli guard: the recording could not be saved "
                                         "anywhere and is lost\n"));
    }

    if (options.json) {
        QJsonObject json = lost ? QJsonObject{} : guardVerdictToJson(verdict);
        QJsonObject commandJson{
            {QStringLiteral("argv"), QJsonArray::fromStringList(options.command)},
            {QStringLiteral("started"), run.ran},
            {QStringLiteral("killed_by_signal"), run.ran && run.exitStatus != QProcess::NormalExit},
            {QStringLiteral("exit_code"), run.ran && run.exitStatus == QProcess::NormalExit
                                              ? QJsonValue(run.exitCode)
                                              : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("failed"), commandFailed},
        };
        json.insert(QStringLiteral("command"), commandJson);
        json.insert(QStringLiteral("balanced"),
                    lost ? QJsonValue(QJsonValue::Null) : QJsonValue(balanced));
        json.insert(QStringLiteral("session_file"),
                    sessionPath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sessionPath));
        json.insert(QStringLiteral("exit_status"), status);
        print(stdout, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
        return status;
    }

    QString text =
        QStringLiteral("refscope-cli guard: %1\n").arg(commandText(options.command, run));
    if (lost) {
        text += QStringLiteral("refscope-cli guard: no verdict: the counts after %1 could not be "
                               "read\n")
                    .arg(options.command.first());
    } else {
        text += guardVerdictText(verdict);
        if (balanced)
            text += QStringLiteral("refscope-cli guard: every count came back\n");
        else
            text += QStringLiteral("refscope-cli guard: FAILED: the count of %1 did not come "
                                   "back\n")
                        .arg(verdict.differing().join(QStringLiteral(", ")));
        if (commandFailed)
            text += QStringLiteral("refscope-cli guard: FAILED: %1\n")
                        .arg(commandText(options.command, run));
    }
    if (!sessionPath.isEmpty())
        text += QStringLiteral("refscope-cli guard: the recording is in %1 (refscope-cli why "
                               "MODULE --trace %1, or open it in RefScope)\n")
                    .arg(sessionPath);
    print(stdout, text);
    return status;
}

} // namespace refscope
