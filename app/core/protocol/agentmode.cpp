// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/agentmode.h"

#include "protocol/methods.h"

namespace refscope {

namespace {

// The kernel's MODULE_NAME_LEN (64 - sizeof(unsigned long)) less its NUL.
constexpr qsizetype kMaxModuleName = 55;

bool isModuleName(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxModuleName || name.startsWith(u'-'))
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

QString normalized(QString module)
{
    return module.replace(u'-', u'_');
}

} // namespace

const QList<AgentModeInfo> &agentModes()
{
    using namespace agentmethod;
    static const QList<AgentModeInfo> modes = {
        {AgentMode::Inspect,
         QLatin1String("--inspect"),
         QLatin1String("org.refscope.inspect"),
         {Hello, Snapshot, Holders, TraceStart, TraceStop, Shutdown}},
        {AgentMode::Release,
         QLatin1String("--release"),
         QLatin1String("org.refscope.release"),
         {Hello, Snapshot, Holders, Release, Shutdown}},
        {AgentMode::Flight,
         QLatin1String("--flight"),
         QLatin1String("org.refscope.flight"),
         {Hello, FlightStatus, FlightRead, Shutdown}},
        {AgentMode::Lab,
         QLatin1String("--lab"),
         QLatin1String(),
         {Hello, Snapshot, Holders, TraceStart, TraceStop, Release, ModuleLoad, ModuleUnload,
          LabExec, FlightStatus, FlightRead, Shutdown}},
    };
    return modes;
}

const AgentModeInfo &agentModeInfo(AgentMode mode)
{
    for (const AgentModeInfo &info : agentModes()) {
        if (info.mode == mode)
            return info;
    }
    Q_UNREACHABLE();
}

bool agentModeServes(AgentMode mode, const QString &method)
{
    return agentModeInfo(mode).methods.contains(method);
}

AgentArguments parseAgentArguments(const QStringList &args)
{
    AgentArguments parsed;
    const auto refuse = [&parsed](const QString &error) {
        parsed.error = error;
        return parsed;
    };
    if (args.isEmpty())
        return refuse(
            QStringLiteral("no mode: give one of --inspect, --release MODULE, --flight, --lab"));
    const QString &first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("--version")) {
        if (args.size() > 1)
            return refuse(QStringLiteral("%1 takes no other argument").arg(first));
        (first == QLatin1String("--help") ? parsed.help : parsed.version) = true;
        return parsed;
    }
    // The mode must be the first argument: pkexec picks the polkit action by
    // argv[1] alone, so the mode polkit authorised is the one that runs.
    for (const AgentModeInfo &info : agentModes()) {
        if (first != info.flag)
            continue;
        parsed.mode = info.mode;
        qsizetype used = 1;
        if (info.mode == AgentMode::Release) {
            if (args.size() < 2)
                return refuse(QStringLiteral("--release needs the module to release"));
            if (!isModuleName(args.at(1)))
                return refuse(
                    QStringLiteral("--release: \"%1\" is not a module name").arg(args.at(1)));
            parsed.module = normalized(args.at(1));
            used = 2;
        }
        if (args.size() > used)
            return refuse(QStringLiteral("unexpected argument \"%1\": %2 takes %3")
                              .arg(args.at(used), info.flag,
                                   info.mode == AgentMode::Release
                                       ? QStringLiteral("one module and nothing else")
                                       : QStringLiteral("no other argument")));
        return parsed;
    }
    return refuse(QStringLiteral("unknown argument \"%1\": the first argument must be one of "
                                 "--inspect, --release MODULE, --flight, --lab")
                      .arg(first));
}

QStringList agentArgumentsFor(AgentMode mode, const QString &module)
{
    QStringList args{agentModeInfo(mode).flag};
    if (mode == AgentMode::Release)
        args << module;
    return args;
}

QString agentModesHelp()
{
    QString help;
    for (const AgentModeInfo &info : agentModes()) {
        QStringList methods;
        for (const QLatin1String &method : info.methods)
            methods << method;
        const QString flag = info.mode == AgentMode::Release ? info.flag + QStringLiteral(" MODULE")
                                                             : QString(info.flag);
        help +=
            QStringLiteral("  %1\n      serves: %2\n").arg(flag, methods.join(QLatin1String(", ")));
    }
    return help;
}

QString labModeRefusal(const QByteArray &cmdline, bool underPkexec, bool underSudo)
{
    if (underPkexec)
        return QStringLiteral("--lab is refused under pkexec: polkit authorises the inspect, "
                              "release and flight modes only");
    if (underSudo)
        return QStringLiteral("--lab is refused under sudo: it runs only as the lab guest's own "
                              "root");
    if (!cmdline.simplified().split(' ').contains(QByteArray(kLabKernelMarker.data())))
        return QStringLiteral("--lab runs only inside RefScope's lab guest (its kernel command "
                              "line has %1); this machine's has not")
            .arg(kLabKernelMarker);
    return {};
}

} // namespace refscope
