// SPDX-License-Identifier: GPL-3.0-or-later
// refscope: the desktop application. It runs as the user, never as root:
// whatever needs root goes through refscope-agent.
#include "privileges/polkitprivileges.h"
#include "settings/startup.h"
#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/sshsnapshotsource.h"
#include "window/mainwindow.h"
#include "window/privilegeprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace refscope;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("refscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("RefScope"));
    QApplication::setApplicationVersion(QStringLiteral(REFSCOPE_VERSION));
    applySavedSettings();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Shows why a Linux kernel module cannot be unloaded."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption snapshotOption(
        QStringLiteral("snapshot"),
        QApplication::translate("main", "Show a saved snapshot (read-only)."),
        QApplication::translate("main", "FILE.json"));
    const QCommandLineOption labOption(
        QStringLiteral("lab"),
        QApplication::translate("main", "Boot the lab guest (Debian's kernel under QEMU) and show "
                                        "its modules (the default when this kernel has no "
                                        "loadable modules)."));
    const QCommandLineOption kernelOption(
        QStringLiteral("kernel"),
        QApplication::translate("main", "The kernel the lab guest boots, as an installed release "
                                        "(e.g. 6.12.118+deb12-amd64); implies --lab."),
        QApplication::translate("main", "RELEASE"));
    const QCommandLineOption sshOption(
        QStringLiteral("ssh"),
        QApplication::translate("main", "Show another machine's modules, read by the "
                                        "refscope-agent that ssh starts there as root (your own "
                                        "SSH keys and configuration; nothing is asked)."),
        QApplication::translate("main", "[USER@]HOST[:PORT]"));
    const QCommandLineOption sshPrivilegeOption(
        QStringLiteral("ssh-privilege"),
        QApplication::translate("main", "How the agent gets root there: auto (directly when you "
                                        "log in as root, else sudo -n), root, sudo or pkexec."),
        QApplication::translate("main", "MODE"), QStringLiteral("auto"));
    const QCommandLineOption sshAgentOption(
        QStringLiteral("ssh-agent"),
        QApplication::translate("main", "Where refscope-agent is on that machine."),
        QApplication::translate("main", "PATH"));
    const QCommandLineOption sshConfigOption(
        QStringLiteral("ssh-config"),
        QApplication::translate("main", "The ssh configuration file to use (ssh -F)."),
        QApplication::translate("main", "FILE"));
    parser.addOption(snapshotOption);
    parser.addOption(labOption);
    parser.addOption(kernelOption);
    parser.addOption(sshOption);
    parser.addOption(sshPrivilegeOption);
    parser.addOption(sshAgentOption);
    parser.addOption(sshConfigOption);
    // Test hooks (tst_polkit_window): polkit's answers as the window shows
    // them, a screenshot of them, and their change when polkit's rules do.
    QCommandLineOption printPrivileges(QStringLiteral("print-privileges"));
    printPrivileges.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption privilegesScreenshot(QStringLiteral("privileges-screenshot"), QString(),
                                            QStringLiteral("FILE.png"));
    privilegesScreenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption followPrivileges(QStringLiteral("follow-privileges"));
    followPrivileges.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(printPrivileges);
    parser.addOption(privilegesScreenshot);
    parser.addOption(followPrivileges);
    parser.process(app);

    if (geteuid() == 0) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate(
                         "main", "refscope: refusing to run as root. Start it as your own user; "
                                 "it asks for root only through refscope-agent (pkexec).")));
        return 1;
    }
    const bool lab = parser.isSet(labOption) || parser.isSet(kernelOption);
    if (parser.isSet(snapshotOption) && lab) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate(
                         "main", "refscope: --snapshot and --lab exclude each other.")));
        return 2;
    }

    std::optional<SshTarget> ssh;
    if (parser.isSet(sshOption)) {
        SshTarget target;
        target.agentPath = parser.value(sshAgentOption);
        target.configFile = parser.value(sshConfigOption);
        QString error;
        if (!parseSshPrivilege(parser.value(sshPrivilegeOption), &target.privilege))
            error =
                QApplication::translate("main", "--ssh-privilege is auto, root, sudo or pkexec");
        else
            parseSshTarget(parser.value(sshOption), &target, &error);
        if (!error.isEmpty() || parser.isSet(snapshotOption) || lab) {
            std::fprintf(stderr, "refscope: %s\n",
                         qPrintable(error.isEmpty()
                                        ? QApplication::translate(
                                              "main", "--ssh excludes --snapshot and --lab.")
                                        : error));
            return 2;
        }
        ssh = target;
    }

    MainWindow window;
    if (ssh) {
        window.setSource(new SshSnapshotSource(*ssh));
    } else if (parser.isSet(snapshotOption)) {
        const QString path = parser.value(snapshotOption);
        if (!QFileInfo(path).isReadable()) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QApplication::translate("main", "refscope: cannot read %1").arg(path)));
            return 2;
        }
        window.setSource(new FileSnapshotSource(path));
    } else if (lab || !QFileInfo::exists(QStringLiteral("/proc/modules"))) {
        // A kernel without loadable modules has nothing to show: the lab
        // guest's kernel has. If the lab cannot start, the window says why.
        // Without --kernel, the kernel last chosen in the Lab panel.
        if (parser.isSet(kernelOption))
            window.openLabKernel(parser.value(kernelOption));
        else
            window.openLab();
    } else {
        window.setSource(new LocalSnapshotSource);
    }
    window.privileges()->watchPolkit();
    if (parser.isSet(followPrivileges))
        return runPrivilegeProbe(window, PrivilegeProbe::Follow);
    if (parser.isSet(printPrivileges) || parser.isSet(privilegesScreenshot))
        return runPrivilegeProbe(window, PrivilegeProbe::Print, parser.value(privilegesScreenshot));
    window.show();
    return app.exec();
}
