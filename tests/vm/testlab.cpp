// SPDX-License-Identifier: GPL-3.0-or-later
#include "testlab.h"

#include "lab/labmachine.h"
#include "lab/labpaths.h"

#include <QSignalSpy>
#include <QStandardPaths>

namespace refscope {

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

QString bootTestLab(LabMachine &lab, int lifetimeLimitS, LabOptions options)
{
    const QString missing = labTestPrerequisites();
    if (!missing.isEmpty())
        return missing;
    options.lifetimeLimitS = lifetimeLimitS;
    QSignalSpy failed(&lab, &LabMachine::failed);
    lab.start(options);
    if (lab.waitForReady(120000)) {
        qInfo("lab guest ready in %lld ms", lab.bootDurationMs());
        return {};
    }
    return failed.isEmpty() ? QStringLiteral("the lab guest was not ready within 120 s")
                            : failed.first().first().toString();
}

} // namespace refscope
