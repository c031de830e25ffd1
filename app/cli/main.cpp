// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli: what RefScope knows about the running kernel's modules,
// without the GUI and without root.
#include "cli/clioutput.h"
#include "cli/comparecommand.h"
#include "cli/comparerecordingscommand.h"
#include "cli/flightcommand.h"
#include "cli/guardcommand.h"
#include "cli/moduletable.h"
#include "cli/recordcommand.h"
#include "cli/releasecommand.h"
#include "cli/reportcommand.h"
#include "cli/sshcli.h"
#include "cli/whycommand.h"

#include "graph/dependencygraph.h"
#include "graph/dotwriter.h"
#include "inventory/kmodreader.h"
#include "inventory/snapshotjson.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

namespace refscope {

namespace {

constexpr char kUsage[] =
    "Usage: refscope-cli COMMAND [OPTION]\n"
    "Shows the running kernel's modules the way RefScope sees them.\n"
    "\n"
    "Commands:\n"
    "  snapshot          every loaded module, like lsmod, with its state\n"
    "                    (live/coming/going), taint letters and whether it is\n"
    "                    permanent (it can never be unloaded)\n"
    "  snapshot --json   the full snapshot as JSON, including parameters,\n"
    "                    modinfo fields and built-in modules (the format is\n"
    "                    app/core/protocol/PROTOCOL.md in RefScope's source)\n"
    "  graph --dot       the dependency graph in Graphviz DOT\n"
    "                    (refscope-cli graph --dot | dot -Tsvg > modules.svg)\n"
    "  why MODULE [--json] [--trace FILE] [--root | --inferred]  what holds MODULE (open\n"
    "                    files, sockets, mounts, user modules, kernel threads),\n"
    "                    what RefScope could not attribute, and what to do next;\n"
    "                    as root (or with --root, which asks through pkexec) the\n"
    "                    answer is exact through RefScope's helper kernel module,\n"
    "                    otherwise, or with --inferred (the helper is not\n"
    "                    loaded), partial: inferred from /proc; with a\n"
    "                    recording of MODULE (a trace.dat or a session file), the\n"
    "                    call sites of its gets never put back, and whose\n"
    "                    holder kind each belongs to\n"
    "  report FILE [--json]  per module of a trace.dat recording: gets, puts,\n"
    "                    loads, frees, first/last timestamp (JSON: ns), final\n"
    "                    count as lsmod shows it, and lost events\n"
    "                    (FILE may also be a session file from record)\n"
    "  export --format perfetto FILE OUT  the events of a recording (a trace.dat\n"
    "                    or session file) as Chrome's JSON trace events, which\n"
    "                    Perfetto's UI (ui.perfetto.dev) opens: a reference count\n"
    "                    track per module and an instant per get/put with call\n"
    "                    site, pid and comm; timestamps in microseconds on the\n"
    "                    recording's clock\n"
    "  compare-recordings A B [--module M] [--json]\n"
    "                    two recordings (trace.dat or session files) side by\n"
    "                    side: per module, gets, puts, outstanding references\n"
    "                    and final count in each, and per call site (symbol and\n"
    "                    offset, matched across boots) the gets never put back\n"
    "                    in A and in B, the difference (B - A) and whose\n"
    "                    reference a get there is; modules and call sites seen\n"
    "                    in one recording only are marked so\n"
    "  record -o FILE [--modules a,b] [--stacks] [--buffer-kb KB] -- COMMAND...\n"
    "                    as root: trace module gets/puts/loads/frees while\n"
    "                    COMMAND runs, then write a session file (events, lost\n"
    "                    events, the kernel's exact gets and puts per call site,\n"
    "                    the snapshot at the start); --stacks adds the kernel\n"
    "                    stack of every get and put; --buffer-kb sizes each\n"
    "                    CPU's trace buffer (default 8192)\n"
    "  guard [--modules a,b] [--json] [--keep FILE] -- COMMAND...\n"
    "                    for a test suite's CI: as root, record while COMMAND\n"
    "                    runs, then fail (status 3) when a module's count did\n"
    "                    not come back, naming the call sites of the gets never\n"
    "                    put back; COMMAND's own failure is status 4 (5: both);\n"
    "                    guard --help tells the rule\n"
    "  flight start [--buffer-kb KB] [--stacks] | stop | status [--json]\n"
    "         | save -o FILE\n"
    "                    an always-on recorder of the module events that the\n"
    "                    kernel freezes when an unload fails (\"module is in\n"
    "                    use\"); start and stop as root; save writes the last\n"
    "                    events before it as a session file; --buffer-kb sizes\n"
    "                    each CPU's buffer (default 512; it takes twice that per\n"
    "                    CPU); --stacks adds the kernel stack of every get and\n"
    "                    put (costly); status says whether it runs and is\n"
    "                    armed, its memory, and what is frozen: when, how many\n"
    "                    events, of which modules; status and save run as\n"
    "                    anyone (through pkexec when not root)\n"
    "  release MODULE [--close-holders] [--drop-leaked --trace FILE | --kernel-force]\n"
    "                    [--yes] [--json]\n"
    "                    force release (as root, else through pkexec): explain\n"
    "                    MODULE's holders, clear them (--close-holders: close\n"
    "                    their fds, umount, unload user modules), drop the\n"
    "                    references a recording of MODULE proves leaked\n"
    "                    (--drop-leaked --trace FILE; FILE from record: only the\n"
    "                    module's own gets never put back, never a reference\n"
    "                    RefScope merely could not attribute) or use the\n"
    "                    kernel's forced unload where it is safe (--kernel-force),\n"
    "                    unload and verify; asks to type MODULE unless --yes;\n"
    "                    exit 0 only when MODULE is gone\n"
    "  compare TARGET TARGET... [--json] [--only-different]\n"
    "                    the modules of two or more machines side by side: per\n"
    "                    module, loaded or not, version, srcversion, use count,\n"
    "                    users, taints and parameters, differences marked with\n"
    "                    '*'; a TARGET is a saved snapshot (snapshot --json) or\n"
    "                    session file, local (this machine) or the lab guest\n"
    "                    (lab, lab:RELEASE: boots it, about ten seconds) or\n"
    "                    another machine over SSH (ssh:[USER@]HOST[:PORT], its\n"
    "                    agent as root there); the header names where each\n"
    "                    snapshot was taken\n"
    "\n"
    "Another machine, over SSH (snapshot, graph, why, record, guard, release):\n"
    "  --ssh [USER@]HOST[:PORT]  ask the refscope-agent that OpenSSH's ssh starts\n"
    "                    on HOST, as root there (your ~/.ssh/config, keys and\n"
    "                    ssh-agent; nothing is asked on the terminal). record's\n"
    "                    COMMAND runs here and the session file is written here.\n"
    "  --ssh-privilege auto|root|sudo|pkexec  how the agent gets root on HOST:\n"
    "                    auto (default) runs it directly when you log in as root,\n"
    "                    else through sudo -n (no password: a NOPASSWD rule for\n"
    "                    the agent); pkexec only where polkit allows it without\n"
    "                    a password\n"
    "  --ssh-agent PATH  the agent on HOST (default /usr/libexec/refscope-agent)\n"
    "  --ssh-config FILE ssh's configuration file (ssh -F)\n"
    "\n"
    "  --help            show this help\n"
    "  --version         show the version\n"
    "\n"
    "Without root, parameters only root may read show as null in the JSON.\n"
    "\n"
    "Exit status:\n"
    "  0  success (release: MODULE is gone; compare, compare-recordings: also\n"
    "     when they differ)\n"
    "  1  failure: no such module, a file that cannot be read, a compare\n"
    "     target that could not be read (the lab did not boot), a record or\n"
    "     release that failed, or nothing to show: this kernel has no loadable\n"
    "     module support (snapshot --json still prints a snapshot with\n"
    "     \"loadable\": false)\n"
    "  2  bad command line\n"
    "  3  guard: a module's count did not come back after COMMAND\n"
    "  4  guard: every count came back but COMMAND failed\n"
    "  5  guard: a count did not come back and COMMAND failed\n";

constexpr char kNoModules[] =
    "This kernel has no loadable module support (no /proc/modules): nothing to show. "
    "Run RefScope's lab: refscope --lab\n";

ExitCode snapshotCommand(bool json)
{
    // The table shows no modinfo fields and no built-ins: skip reading them.
    const Snapshot snapshot =
        json ? readLocalSnapshot() : readLocalSnapshot({.modinfo = false, .builtin = false});
    if (json) {
        print(stdout, QString::fromUtf8(
                          QJsonDocument(snapshotToJson(snapshot)).toJson(QJsonDocument::Indented)));
        return ExitCode::Success;
    }
    if (!snapshot.support.loadable) {
        print(stderr, QString::fromUtf8(kNoModules));
        return ExitCode::Failure;
    }
    print(stdout, formatModuleTable(snapshot));
    return ExitCode::Success;
}

ExitCode graphCommand()
{
    const Snapshot snapshot = readLocalSnapshot({.modinfo = false, .builtin = false});
    if (!snapshot.support.loadable) {
        print(stderr, QString::fromUtf8(kNoModules));
        return ExitCode::Failure;
    }
    print(stdout, toDot(DependencyGraph::fromSnapshot(snapshot)));
    return ExitCode::Success;
}

ExitCode run(const QStringList &args)
{
    QStringList rest = args;
    std::optional<SshTarget> ssh;
    const QString sshProblem = takeSshOptions(&rest, &ssh);
    if (!sshProblem.isEmpty())
        return usageError(sshProblem);
    if (rest.isEmpty())
        return usageError(QStringLiteral("no command given"));
    const QString command = rest.first();
    const QStringList options = rest.mid(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        print(stdout, QString::fromUtf8(kUsage));
        return ExitCode::Success;
    }
    if (command == QLatin1String("--version")) {
        print(stdout, QStringLiteral("refscope-cli " REFSCOPE_VERSION "\n"));
        return ExitCode::Success;
    }
    if (command == QLatin1String("snapshot")) {
        if (options.isEmpty() || options == QStringList{QStringLiteral("--json")})
            return ssh ? sshSnapshotCommand(*ssh, !options.isEmpty(), false)
                       : snapshotCommand(!options.isEmpty());
        return usageError(
            QStringLiteral("snapshot takes only --json, not \"%1\"").arg(options.join(u' ')));
    }
    if (command == QLatin1String("graph")) {
        if (options == QStringList{QStringLiteral("--dot")})
            return ssh ? sshSnapshotCommand(*ssh, false, true) : graphCommand();
        return usageError(QStringLiteral("graph needs --dot (the only output format)"));
    }
    if (command == QLatin1String("why")) {
        QStringList modules = options;
        const bool json = modules.removeAll(QStringLiteral("--json")) > 0;
        const bool root = modules.removeAll(QStringLiteral("--root")) > 0;
        const bool inferred = modules.removeAll(QStringLiteral("--inferred")) > 0;
        QString trace;
        const qsizetype traceAt = modules.indexOf(QStringLiteral("--trace"));
        if (traceAt >= 0 && traceAt + 1 < modules.size()) {
            trace = modules.takeAt(traceAt + 1);
            modules.removeAt(traceAt);
        }
        if (ssh && inferred)
            return usageError(QStringLiteral("why --inferred reads this machine's /proc: not "
                                             "with --ssh"));
        if (modules.size() == 1 && !modules.first().startsWith(u'-'))
            return whyCommand(
                modules.first(), json, trace,
                root ? WhySource::Pkexec : (inferred ? WhySource::Inferred : WhySource::Best), ssh);
        return usageError(QStringLiteral("why needs one module name, optionally --json, --trace "
                                         "FILE and --root or --inferred"));
    }
    if (command == QLatin1String("report")) {
        QStringList files = options;
        const bool json = files.removeAll(QStringLiteral("--json")) > 0;
        if (files.size() == 1 && !files.first().startsWith(u'-'))
            return reportCommand(files.first(), json);
        return usageError(QStringLiteral("report needs one trace file, optionally --json"));
    }
    if (command == QLatin1String("export")) {
        QStringList files = options;
        const qsizetype formatAt = files.indexOf(QStringLiteral("--format"));
        if (formatAt < 0 || formatAt + 1 >= files.size() ||
            files.at(formatAt + 1) != QLatin1String("perfetto"))
            return usageError(QStringLiteral("export needs --format perfetto (the only format)"));
        files.remove(formatAt, 2);
        if (files.size() == 2 && !files.first().startsWith(u'-') && !files.last().startsWith(u'-'))
            return exportCommand(files.first(), files.last());
        return usageError(QStringLiteral("export needs a recording and the file to write: export "
                                         "--format perfetto FILE OUT"));
    }
    if (command == QLatin1String("record"))
        return recordCommand(options, ssh);
    if (command == QLatin1String("guard"))
        return ExitCode(guardCommand(options, ssh));
    if (command == QLatin1String("flight")) {
        if (ssh)
            return usageError(QStringLiteral("flight works on this machine only"));
        return flightCommand(options);
    }
    if (command == QLatin1String("release"))
        return releaseCommand(options, ssh);
    if (command == QLatin1String("compare"))
        return compareCommand(options);
    if (command == QLatin1String("compare-recordings"))
        return compareRecordingsCommand(options);
    return usageError(QStringLiteral("unknown command \"%1\"").arg(command));
}

} // namespace

} // namespace refscope

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("refscope-cli"));
    return int(refscope::run(QCoreApplication::arguments().mid(1)));
}
