// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/sshtarget.h"

#include "protocol/protocol.h"

#include <QRegularExpression>

namespace refscope {

namespace {

// What the remote command may contain unquoted: the agent's path and the
// module go into a line the target's login shell parses (sh, bash, zsh, fish
// or csh alike), so they are held to characters no shell gives a meaning.
const QRegularExpression &safeWord()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_./+-]+$"));
    return re;
}

const QRegularExpression &safeHost()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.:%-]+$"));
    return re;
}

// The markers the remote command writes on stderr before giving up, so the
// client tells "no agent" from "not root" in any locale.
constexpr char kMarker[] = "refscope-ssh: ";

// Runs as `sh -c SCRIPT refscope-ssh AGENT MODE...`: the login shell only
// starts sh, so the script's syntax is sh's whatever the user's shell is.
// No '!' (csh expands it even in single quotes), no single quote or
// backslash (fish reads them inside single quotes).
QString remoteScript(SshPrivilege privilege)
{
    const QString findAgent = QStringLiteral(
        "a=$1; shift; [ -x \"$a\" ] || { echo \"refscope-ssh: no-agent $a\" >&2; exit 127; }; ");
    const QString asRoot = QStringLiteral("if [ \"$(id -u)\" = 0 ]; then exec \"$a\" \"$@\"; fi; ");
    // sudo and pkexec in English: their refusals are read below.
    const QString viaSudo =
        QStringLiteral("command -v sudo >/dev/null || { echo \"refscope-ssh: no-sudo\" >&2; exit "
                       "126; }; LC_ALL=C; export LC_ALL; exec sudo -n -- \"$a\" \"$@\"");
    switch (privilege) {
    case SshPrivilege::Auto:
        return findAgent + asRoot + viaSudo;
    case SshPrivilege::Root:
        return findAgent + asRoot +
               QStringLiteral("echo \"refscope-ssh: not-root $(id -un)\" >&2; exit 126");
    case SshPrivilege::Sudo:
        return findAgent + viaSudo;
    case SshPrivilege::Pkexec:
        return findAgent +
               QStringLiteral("command -v pkexec >/dev/null || { echo \"refscope-ssh: "
                              "no-pkexec\" >&2; exit 126; }; LC_ALL=C; export LC_ALL; exec "
                              "pkexec \"$a\" \"$@\"");
    }
    return {};
}

// ssh's last line, without its full stop: the message adds its own.
QString lastLine(const QString &text)
{
    const QStringList lines = text.trimmed().split(u'\n');
    QString line = lines.isEmpty() ? QString() : lines.last().trimmed();
    while (line.endsWith(u'.'))
        line.chop(1);
    return line;
}

// The line of ssh's stderr that contains what, trimmed ("ssh: " removed).
QString lineWith(const QString &text, const QString &what)
{
    for (const QString &line : text.split(u'\n')) {
        if (line.contains(what, Qt::CaseInsensitive)) {
            QString trimmed = line.trimmed();
            if (trimmed.startsWith(QLatin1String("ssh: ")))
                trimmed = trimmed.mid(5);
            while (trimmed.endsWith(u'.') || trimmed.endsWith(u'\r'))
                trimmed.chop(1);
            return trimmed;
        }
    }
    return {};
}

QString markerValue(const QString &text, const QString &marker)
{
    const QString prefix = QLatin1String(kMarker) + marker;
    for (const QString &line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(prefix))
            return trimmed.mid(prefix.size()).trimmed();
    }
    return {};
}

bool hasMarker(const QString &text, const QString &marker)
{
    return text.contains(QLatin1String(kMarker) + marker);
}

} // namespace

QString sshDefaultAgent()
{
    return QStringLiteral(REFSCOPE_LAB_INSTALLED_AGENT);
}

QString SshTarget::name() const
{
    QString text = host.contains(u':') && port > 0 ? u'[' + host + u']' : host;
    if (!user.isEmpty())
        text = user + u'@' + text;
    if (port > 0)
        text += u':' + QString::number(port);
    return text;
}

QString SshTarget::remoteAgent() const
{
    return agentPath.isEmpty() ? sshDefaultAgent() : agentPath;
}

QString SshTarget::commandLine(const QString &program) const
{
    QStringList words{program};
    if (!configFile.isEmpty())
        words << QStringLiteral("-F")
              << (safeWord().match(configFile).hasMatch() ? configFile
                                                          : u'\'' + configFile + u'\'');
    if (port > 0)
        words << QStringLiteral("-p") << QString::number(port);
    words << (user.isEmpty() ? host : user + u'@' + host);
    return words.join(u' ');
}

QString SshTarget::knownHostsName() const
{
    return port > 0 && port != 22 ? QStringLiteral("[%1]:%2").arg(host).arg(port) : host;
}

QString SshTarget::check() const
{
    if (host.isEmpty())
        return SshTarget::tr("no host given");
    if (host.startsWith(u'-') || !safeHost().match(host).hasMatch())
        return SshTarget::tr("\"%1\" is not a host name").arg(host);
    if (!user.isEmpty() && (user.startsWith(u'-') || !safeWord().match(user).hasMatch()))
        return SshTarget::tr("\"%1\" is not a user name").arg(user);
    if (port < 0 || port > 65535)
        return SshTarget::tr("%1 is not a port").arg(port);
    const QString agent = remoteAgent();
    if (!agent.startsWith(u'/') || !safeWord().match(agent).hasMatch() ||
        agent.contains(QLatin1String("/../")))
        return SshTarget::tr(
                   "the agent's path on the target must be absolute and plain (letters, digits, "
                   "\"_./+-\"): \"%1\"")
            .arg(agent);
    return {};
}

QString SshTarget::remoteCommand(AgentMode mode, const QString &module) const
{
    QStringList words{QStringLiteral("sh"), QStringLiteral("-c"),
                      u'\'' + remoteScript(privilege) + u'\'', QStringLiteral("refscope-ssh"),
                      remoteAgent()};
    for (const QString &arg : agentArgumentsFor(mode, module)) {
        // Module names are letters, digits, '_' and '-'; anything else
        // never reaches a shell.
        words << (safeWord().match(arg).hasMatch() ? arg : QStringLiteral("--invalid-argument"));
    }
    return words.join(u' ');
}

QStringList SshTarget::arguments(AgentMode mode, const QString &module) const
{
    // -T and BatchMode: nothing may prompt on the protocol channel (a host
    // key question or a password prompt would wait forever); -e none: no
    // escape character in the byte stream; ClearAllForwardings: forwardings
    // in the user's configuration neither fail nor outlive the agent; the
    // keepalives notice a network gone within a minute.
    QStringList args{QStringLiteral("-T"),
                     QStringLiteral("-e"),
                     QStringLiteral("none"),
                     QStringLiteral("-o"),
                     QStringLiteral("BatchMode=yes"),
                     QStringLiteral("-o"),
                     QStringLiteral("ClearAllForwardings=yes"),
                     QStringLiteral("-o"),
                     QStringLiteral("ServerAliveInterval=15"),
                     QStringLiteral("-o"),
                     QStringLiteral("ServerAliveCountMax=4"),
                     QStringLiteral("-o"),
                     QStringLiteral("ConnectTimeout=30")};
    if (!configFile.isEmpty())
        args << QStringLiteral("-F") << configFile;
    if (port > 0)
        args << QStringLiteral("-p") << QString::number(port);
    if (!user.isEmpty())
        args << QStringLiteral("-l") << user;
    args << QStringLiteral("--") << host << remoteCommand(mode, module);
    return args;
}

bool parseSshTarget(const QString &text, SshTarget *target, QString *error)
{
    SshTarget parsed = *target;
    parsed.user.clear();
    parsed.port = 0;
    QString rest = text.trimmed();
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        parsed.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (parsed.user.isEmpty()) {
            *error = SshTarget::tr("\"%1\" has an empty user name before \"@\"").arg(text);
            return false;
        }
    }
    QString portText;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0) {
            *error = SshTarget::tr("\"%1\" lacks the \"]\" after the address").arg(text);
            return false;
        }
        parsed.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':')) {
                *error = SshTarget::tr("\"%1\": only \":PORT\" may follow the address").arg(text);
                return false;
            }
            portText = after.mid(1);
        }
    } else if (rest.count(u':') == 1) {
        parsed.host = rest.section(u':', 0, 0);
        portText = rest.section(u':', 1);
    } else {
        parsed.host = rest; // a name, or an IPv6 address without a port
    }
    if (!portText.isNull()) {
        bool ok = false;
        parsed.port = portText.toInt(&ok);
        if (!ok || parsed.port <= 0 || parsed.port > 65535) {
            *error = SshTarget::tr("\"%1\" is not a port").arg(portText);
            return false;
        }
    }
    const QString problem = parsed.check();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    *target = parsed;
    return true;
}

bool parseSshPrivilege(const QString &text, SshPrivilege *privilege)
{
    for (const SshPrivilege p :
         {SshPrivilege::Auto, SshPrivilege::Root, SshPrivilege::Sudo, SshPrivilege::Pkexec}) {
        if (text == sshPrivilegeName(p)) {
            *privilege = p;
            return true;
        }
    }
    return false;
}

QString sshPrivilegeName(SshPrivilege privilege)
{
    switch (privilege) {
    case SshPrivilege::Auto:
        return QStringLiteral("auto");
    case SshPrivilege::Root:
        return QStringLiteral("root");
    case SshPrivilege::Sudo:
        return QStringLiteral("sudo");
    case SshPrivilege::Pkexec:
        return QStringLiteral("pkexec");
    }
    return {};
}

QString sshEndReason(const SshTarget &target, const AgentClient::EndInfo &end)
{
    const QString who = target.name();
    const QString err = end.stderrTail;
    if (end.handshakeError == errorcode::ProtocolMismatch)
        return SshTarget::tr(
                   "refscope-agent on %1 speaks another protocol version than this RefScope "
                   "(version %2): install the same RefScope version on both machines.")
            .arg(who)
            .arg(kProtocolVersion);
    if (!end.processEnded) {
        if (end.handshakeError.isEmpty())
            return end.reason;
        return SshTarget::tr("refscope-agent on %1 refused the connection: %2")
            .arg(who, end.reason);
    }
    if (end.crashed)
        return end.greeted
                   ? SshTarget::tr("The connection to %1 was ended (ssh was stopped).").arg(who)
                   : SshTarget::tr("ssh to %1 was stopped before it connected.").arg(who);

    // The remote command's own markers come first: ssh itself succeeded.
    if (hasMarker(err, QStringLiteral("no-agent")))
        return SshTarget::tr(
                   "refscope-agent is not installed on %1 (there is no %2 there). Install "
                   "RefScope on that machine: the refscope and refscope-helper-dkms packages "
                   "(DKMS builds the helper module for its own kernel), as RefScope's README "
                   "shows; or name another place with --ssh-agent PATH.")
            .arg(who, target.remoteAgent());
    if (hasMarker(err, QStringLiteral("not-root")))
        return SshTarget::tr(
                   "You log in on %1 as %2, not as root: log in as root (root@HOST) or let "
                   "sudo start the agent (--ssh-privilege sudo).")
            .arg(who, markerValue(err, QStringLiteral("not-root")));
    if (hasMarker(err, QStringLiteral("no-sudo")))
        return SshTarget::tr(
                   "sudo is not installed on %1: log in as root (--ssh-privilege root), or "
                   "install sudo there.")
            .arg(who);
    if (hasMarker(err, QStringLiteral("no-pkexec")))
        return SshTarget::tr(
                   "pkexec is not installed on %1: use sudo (--ssh-privilege sudo) or log in as "
                   "root.")
            .arg(who);
    if (err.contains(QLatin1String("sudo: a password is required")) ||
        err.contains(QLatin1String("sudo: a terminal is required")))
        // sudo asks for the password before it looks at the rules, so a
        // user it would refuse anyway gets this answer too.
        return SshTarget::tr(
                   "sudo on %1 asks for a password before it starts the agent (it asks also "
                   "when it would not allow you at all), and no password can be typed over "
                   "this connection. Let sudo start exactly the agent without one there (a "
                   "sudoers line such as \"USER ALL=(root) NOPASSWD: %2\" in "
                   "/etc/sudoers.d/refscope), or log in as root (--ssh-privilege root).")
            .arg(who, target.remoteAgent());
    if (err.contains(QLatin1String("is not in the sudoers file")) ||
        err.contains(QLatin1String("is not allowed to execute")))
        return SshTarget::tr(
                   "sudo on %1 does not allow you to run %2 as root: add a sudoers rule for it "
                   "there (\"USER ALL=(root) NOPASSWD: %2\"), or log in as root "
                   "(--ssh-privilege root).")
            .arg(who, target.remoteAgent());
    // No polkit service, or no system bus, on the target: pkexec cannot ask
    // anyone, so a password is not the problem.
    if (err.contains(QLatin1String("Error getting authority")))
        return SshTarget::tr(
                   "pkexec on %1 could not reach polkit (%2): the polkit service and the system "
                   "D-Bus must run there for pkexec to start the agent. Use sudo "
                   "(--ssh-privilege sudo) or a root login instead.")
            .arg(who, lineWith(err, QStringLiteral("Error getting authority")));
    if (err.contains(QLatin1String("No authentication agent found")) ||
        (target.privilege == SshPrivilege::Pkexec && !end.greeted &&
         (end.exitCode == 126 || end.exitCode == 127)))
        return SshTarget::tr(
                   "pkexec on %1 would ask for a password, which cannot be typed over this "
                   "connection: polkit there must allow RefScope's action without one (a polkit "
                   "rule for org.refscope.inspect and org.refscope.release), or use sudo "
                   "(--ssh-privilege sudo) or a root login.")
            .arg(who);

    if (end.exitCode == 255) {
        // ssh's own failure; its messages are English whatever the locale.
        if (err.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED")))
            return SshTarget::tr(
                       "The host key of %1 has changed since you last connected: a reinstalled "
                       "machine, or someone intercepting the connection. RefScope does not "
                       "connect. Check the new key on the machine itself (ssh-keygen -lf "
                       "/etc/ssh/ssh_host_ed25519_key.pub there), then remove the old one with "
                       "\"ssh-keygen -R %2\" and connect once with \"%3\".")
                .arg(who, target.knownHostsName(), target.commandLine());
        if (err.contains(QLatin1String("Host key verification failed")) ||
            err.contains(QLatin1String("host key is known")))
            return SshTarget::tr(
                       "The host key of %1 is not known here yet, so RefScope cannot be sure it "
                       "reaches the right machine. Connect once with \"%2\", check the key "
                       "fingerprint it shows against the machine's own (ssh-keygen -lf "
                       "/etc/ssh/ssh_host_ed25519_key.pub there) and accept it, then try again.")
                .arg(who, target.commandLine());
        const QString denied = lineWith(err, QStringLiteral("Permission denied"));
        if (!denied.isEmpty() || err.contains(QLatin1String("Too many authentication failures")))
            return SshTarget::tr(
                       "%1 refused the login (%2). RefScope logs in with your own SSH keys and "
                       "ssh-agent and never asks for a password: check that \"%3\" logs in "
                       "without one (%4 installs your key there).")
                .arg(who, denied.isEmpty() ? lastLine(err) : denied, target.commandLine(),
                     target.commandLine(QStringLiteral("ssh-copy-id")));
        for (const char *unreachable :
             {"Could not resolve hostname", "Connection refused", "No route to host",
              "Network is unreachable", "Connection timed out", "Operation timed out",
              "connect to host", "kex_exchange_identification", "Connection closed by"}) {
            const QString line = lineWith(err, QLatin1String(unreachable));
            if (!line.isEmpty() && !end.greeted)
                return SshTarget::tr("Cannot reach %1: %2.").arg(who, line);
        }
        if (end.greeted) {
            const QString detail = lastLine(err);
            return detail.isEmpty()
                       ? SshTarget::tr("The connection to %1 dropped.").arg(who)
                       : SshTarget::tr("The connection to %1 dropped: %2.").arg(who, detail);
        }
        const QString detail = lastLine(err);
        return detail.isEmpty() ? SshTarget::tr("ssh could not connect to %1.").arg(who)
                                : SshTarget::tr("ssh could not connect to %1: %2").arg(who, detail);
    }
    if (!end.greeted && end.exitCode == 0)
        return SshTarget::tr("The connection to %1 ended before refscope-agent answered.").arg(who);
    return SshTarget::tr("On %1: %2").arg(who, end.reason);
}

void startSshAgent(AgentClient *client, const SshTarget &target, AgentMode mode,
                   const QString &module)
{
    client->setEndExplainer(
        [target](const AgentClient::EndInfo &end) { return sshEndReason(target, end); });
    client->startProcess(target.program(), target.arguments(mode, module));
}

} // namespace refscope
