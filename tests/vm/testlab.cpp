// SPDX-License-Identifier: GPL-3.0-or-later
#include "testlab.h"

#include "lab/labmachine.h"
#include "lab/labpaths.h"

#include <QSignalSpy>
#include <QStandardPaths>

namespace refscope {

int stressRounds()
{
    bool given = false;
    const int rounds = qEnvironmentVariableIntValue("REFSCOPE_ROUNDS", &given);
    return given && rounds > 0 ? rounds : 100;
}

QString labTestPrerequisites()
{
    if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64")).isEmpty())
        return QStringLiteral("QEMU is not installed (apt install qemu-system-x86)");
    if (labExampleModules().isEmpty())
        return QStringLiteral("the example modules were not built (apt install "
                              "linux-headers-amd64, then reconfigure)");
    return {};
}

QString bootTestLab(LabMachine &lab, int lifetimeLimitS)
{
    return bootTestLab(lab, lifetimeLimitS, LabOptions{});
}

// Under QEMU's multi-threaded TCG, Debian's 6.12 sometimes takes an int3
// Oops while it boots, before the guest's init has run anything of ours
// (HACKING.md, the lab). Such a boot is the emulator's failure, not the
// test's: the fixture boots once more, and says so.
static bool panickedWhileBooting(const QString &console)
{
    return !console.contains(QLatin1String("refscope-lab: running the command")) &&
           (console.contains(QLatin1String("Oops")) ||
            console.contains(QLatin1String("Kernel panic")));
}

QString bootTestLab(LabMachine &lab, int lifetimeLimitS, LabOptions options)
{
    const QString missing = labTestPrerequisites();
    if (!missing.isEmpty())
        return missing;
    options.lifetimeLimitS = lifetimeLimitS;
    for (int attempt = 1;; ++attempt) {
        QSignalSpy failed(&lab, &LabMachine::failed);
        lab.start(options);
        if (lab.waitForReady(120000)) {
            qInfo("lab guest ready in %lld ms", lab.bootDurationMs());
            return {};
        }
        const QString error = failed.isEmpty()
                                  ? QStringLiteral("the lab guest was not ready within 120 s")
                                  : failed.first().first().toString();
        const QString console = lab.consoleLog();
        if (attempt > 1 || !panickedWhileBooting(console))
            return error;
        qWarning("the guest's kernel panicked while booting, before the lab ran anything; "
                 "booting once more. Its console ended:\n%s",
                 qPrintable(console.right(3000)));
        lab.waitForStopped(30000);
    }
}

} // namespace refscope
