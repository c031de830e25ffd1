// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labscenarios.h"

#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "protocol/methods.h"

#include <QFileInfo>
#include <QJsonArray>

namespace refscope {

namespace {

constexpr int kRunTimeoutMs = 30000;
// How long slow_init's init sleeps in its scenario: long enough to look at
// it "coming", short enough that a forgotten one finishes on its own.
constexpr int kSlowInitSeconds = 60;

LabStep loadStep(const QString &module)
{
    return {LabStep::Kind::LoadExample, module, {}};
}

LabStep commandStep(const QStringList &argv)
{
    return {LabStep::Kind::Run, {}, argv};
}

// Success, or the agent's own words.
QString plainOutcome(const AgentReply &reply)
{
    return reply.ok ? QString() : reply.errorMessage;
}

// A process that keeps `path` open until stop(); exec makes the pid the
// agent reports the one holding the file.
LabStep holdOpenStep(const QString &path)
{
    return {LabStep::Kind::Hold,
            {},
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("exec sleep infinity <\"$0\""), path}};
}

} // namespace

LabScenarios::LabScenarios(AgentClient *agent, const QString &kernelRelease, QObject *parent)
    : QObject(parent), m_agent(agent), m_kernelRelease(kernelRelease)
{
}

QString LabScenarios::examplePath(const QString &module, const QString &kernelRelease)
{
    for (const QString &path : labExampleModules(kernelRelease)) {
        if (QFileInfo(path).completeBaseName() == module)
            return path;
    }
    return {};
}

QList<LabScenario> LabScenarios::all(const QString &kernelRelease)
{
    const QString sh = QStringLiteral("sh");
    const QString c = QStringLiteral("-c");
    return {
        {QStringLiteral("testmod"),
         tr("Read a /proc file (testmod)"),
         tr("Reading /proc/testmod-sample does not pin testmod: its proc_ops have no owner, so "
            "the reference count stays 0 and Used by stays empty. Unloading works at once."),
         {loadStep(QStringLiteral("testmod")),
          commandStep({QStringLiteral("cat"), QStringLiteral("/proc/testmod-sample")})}},
        {QStringLiteral("count_demo"),
         tr("Hold a character device open (count_demo)"),
         tr("While a process keeps /dev/count_demo open, count_demo's reference count is 2: one "
            "from the open file's .owner and one from the extra try_module_get() its open() takes "
            "on top of it. Used by stays empty, because the user is an open file, not a "
            "module, and unloading is refused as busy. Stop closes the file: the count goes "
            "back to 0 and the module unloads."),
         {loadStep(QStringLiteral("count_demo")), holdOpenStep(QStringLiteral("/dev/count_demo"))}},
        {QStringLiteral("stuck_netlink"),
         tr("Leave a netlink socket in a kernel thread (stuck_netlink)"),
         tr("stuck-netlink-send sends one message and exits, but the module's kernel thread "
            "keeps the closed socket alive: the reference count stays at 1 with an empty Used by "
            "and no process left to blame, because the socket's reference is given back only "
            "when the thread closes it, and it never does. Unloading is refused for as long as "
            "the guest runs."),
         {loadStep(QStringLiteral("stuck_netlink")),
          commandStep({labExampleHelper(QStringLiteral("stuck-netlink-send"))})}},
        {QStringLiteral("leaky_ref"),
         tr("Leak a reference on an error path (leaky_ref)"),
         tr("Writing \"oops\" to /proc/leaky_ref takes a reference and returns an error without "
            "module_put(): each run adds 1 to the reference count, which never comes down. Used "
            "by stays empty and nothing holds the module any more, yet unloading is refused: "
            "this is a leak."),
         // The write fails with EINVAL by design; the bug is the reference
         // the module keeps on that path.
         {loadStep(QStringLiteral("leaky_ref")),
          commandStep({sh, c, QStringLiteral("echo oops >/proc/leaky_ref 2>/dev/null || true")})}},
        {QStringLiteral("no_exit"),
         tr("Load a module without an exit function (no_exit)"),
         tr("no_exit has no exit function, so the kernel marks it permanent. Its reference count "
            "is 0 and Used by is empty, yet unloading is always refused."),
         {loadStep(QStringLiteral("no_exit"))}},
        {QStringLiteral("slow_init"),
         tr("Catch a module in its init (slow_init)"),
         tr("slow_init's init sleeps for %1 s. Meanwhile the module is coming (loading) with a "
            "reference count of 1, and unloading is refused. Stop interrupts insmod: init gives "
            "up and the module disappears; left alone, it becomes live with a count of 0.")
             .arg(kSlowInitSeconds),
         {{LabStep::Kind::Hold,
           {},
           {QStringLiteral("insmod"), examplePath(QStringLiteral("slow_init"), kernelRelease),
            QStringLiteral("init_seconds=%1").arg(kSlowInitSeconds)}}}},
        {QStringLiteral("export_provider"),
         tr("Use another module's symbol (export_provider)"),
         tr("export_consumer calls a function that export_provider exports, so the kernel "
            "records it as a holder: export_provider's reference count is 1 and Used by lists "
            "export_consumer. Unloading export_provider is refused until export_consumer is "
            "unloaded first."),
         {loadStep(QStringLiteral("export_provider")),
          loadStep(QStringLiteral("export_consumer"))}},
        {QStringLiteral("devices"),
         tr("Hold loop, tun and fuse through their device files"),
         tr("Stock modules are pinned like count_demo: while /dev/loop-control, /dev/net/tun and "
            "/dev/fuse are open, loop, tun and fuse each have a reference count above 0 (tun "
            "takes 2 per open file) with an empty Used by, and unloading them is refused. Stop "
            "closes the files and the counts go back to 0."),
         {commandStep({QStringLiteral("modprobe"), QStringLiteral("-a"), QStringLiteral("loop"),
                       QStringLiteral("tun"), QStringLiteral("fuse")}),
          holdOpenStep(QStringLiteral("/dev/loop-control")),
          holdOpenStep(QStringLiteral("/dev/net/tun")), holdOpenStep(QStringLiteral("/dev/fuse"))}},
    };
}

void LabScenarios::run(const QString &scenarioId, Done done)
{
    for (const LabScenario &scenario : all(m_kernelRelease)) {
        if (scenario.id == scenarioId) {
            runSteps(scenarioId, scenario.steps, std::move(done));
            return;
        }
    }
    done(tr("there is no lab scenario \"%1\"").arg(scenarioId));
}

void LabScenarios::runSteps(const QString &scenarioId, QList<LabStep> steps, Done done)
{
    if (steps.isEmpty()) {
        done({});
        return;
    }
    const LabStep step = steps.takeFirst();
    runStep(scenarioId, step, [this, scenarioId, steps, done](const QString &error) {
        if (!error.isEmpty())
            done(error);
        else
            runSteps(scenarioId, steps, done);
    });
}

void LabScenarios::runStep(const QString &scenarioId, const LabStep &step, Done done)
{
    if (step.kind == LabStep::Kind::LoadExample) {
        // A scenario run again, or after the user loaded the example by
        // hand, finds it loaded: that is the state the scenario wants.
        load(
            step.module,
            [](const AgentReply &reply) {
                return reply.errorCode == errorcode::AlreadyLoaded ? QString()
                                                                   : plainOutcome(reply);
            },
            std::move(done));
        return;
    }
    // An empty argument is an example program or module that was not built.
    if (step.argv.contains(QString()))
        return done(tr("the lab's example modules and programs are not built (build the "
                       "kmod-examples and stuck-netlink-send targets)"));
    QJsonObject params{{QStringLiteral("argv"), QJsonArray::fromStringList(step.argv)}};
    if (step.kind == LabStep::Kind::Hold) {
        params.insert(QStringLiteral("background"), true);
        call(
            agentmethod::LabExec, params,
            [this, scenarioId](const AgentReply &reply) {
                if (reply.ok)
                    m_background[scenarioId].append(
                        reply.result.toObject().value(QLatin1String("pid")).toInteger());
                return plainOutcome(reply);
            },
            std::move(done));
        return;
    }
    params.insert(QStringLiteral("timeout_ms"), kRunTimeoutMs);
    call(
        agentmethod::LabExec, params,
        [argv = step.argv](const AgentReply &reply) {
            if (!reply.ok)
                return reply.errorMessage;
            const QJsonObject result = reply.result.toObject();
            const int exitCode = result.value(QLatin1String("exit_code")).toInt();
            if (exitCode == 0)
                return QString();
            return tr("%1 failed (exit status %2): %3")
                .arg(argv.join(u' '))
                .arg(exitCode)
                .arg(result.value(QLatin1String("stderr")).toString().trimmed());
        },
        std::move(done));
}

bool LabScenarios::hasBackground(const QString &scenarioId) const
{
    return !m_background.value(scenarioId).isEmpty();
}

void LabScenarios::stop(const QString &scenarioId, Done done)
{
    const QList<qint64> pids = m_background.take(scenarioId);
    if (pids.isEmpty()) {
        done({});
        return;
    }
    // A process that already ended (an insmod whose init finished) is no
    // error. A killed process is gone for the kernel once it is a zombie:
    // its files are closed by then, whether or not anyone reaps it.
    QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("kill \"$@\" 2>/dev/null; for p; do while grep -qs "
                                    "'^State:[[:space:]]*[^Z]' /proc/$p/status; do sleep 0.05; "
                                    "done; done"),
                     QStringLiteral("sh")};
    for (qint64 pid : pids)
        argv << QString::number(pid);
    runStep(scenarioId, commandStep(argv), std::move(done));
}

void LabScenarios::loadExample(const QString &module, Done done)
{
    load(module, plainOutcome, std::move(done));
}

void LabScenarios::load(const QString &module, Outcome outcome, Done done)
{
    const QString path = examplePath(module, m_kernelRelease);
    const QString release = m_kernelRelease.isEmpty() ? labModuleRelease() : m_kernelRelease;
    const QString buildError = labModuleBuildError(release, QStringLiteral("examples"));
    if (path.isEmpty() && !buildError.isEmpty())
        return done(tr("the example module %1 did not build for kernel %2, so the lab cannot load "
                       "it on that kernel: %3")
                        .arg(module, release, buildError));
    if (path.isEmpty())
        return done(
            tr("the example module %1 is not built (build the kmod-examples target)").arg(module));
    call(agentmethod::ModuleLoad, {{QStringLiteral("path"), path}}, std::move(outcome),
         std::move(done));
}

void LabScenarios::unloadModule(const QString &module, Done done)
{
    call(agentmethod::ModuleUnload, {{QStringLiteral("name"), module}}, plainOutcome,
         std::move(done));
}

void LabScenarios::call(const QString &method, const QJsonObject &params, Outcome outcome,
                        Done done)
{
    if (!m_agent || !m_agent->isConnected())
        return done(tr("the lab guest is not running"));
    QPointer<LabScenarios> self(this);
    m_agent->call(method, params, [self, outcome, done](const AgentReply &reply) {
        if (self)
            done(outcome(reply));
    });
}

} // namespace refscope
