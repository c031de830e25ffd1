// SPDX-License-Identifier: GPL-3.0-or-later
// polkit-flight-probe: the main window's File → "Open the flight recorder's
// last seconds…" on this machine, as the user running it (offscreen), for
// tst_polkit_window, which runs it in the lab guest as its polkit test
// users. The window starts `pkexec refscope-agent --flight` (the installed
// agent: none lies beside this program) and polkit answers for
// org.refscope.flight. Prints
//   message <the window's message, its lines joined by spaces>
//   store <1 when the timeline shows a recording, else 0>
//   agents <refscope-agent --flight processes left running>
// and exits 0; "no message" and exit 1 when none came within two minutes.
#include "timeline/timelinewidget.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

// The flight agents still running (the lab's own agent is not one): a
// refusal must leave none behind.
int runningAgents()
{
    int count = 0;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (args.contains("--flight") &&
            std::any_of(args.cbegin(), args.cend(),
                        [](const QByteArray &a) { return a.endsWith("refscope-agent"); }))
            ++count;
    }
    return count;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("refscope"));
    refscope::MainWindow window;
    window.show();
    auto *open = window.findChild<QAction *>(QStringLiteral("openFlightRecorderAction"));
    if (!open) {
        std::printf("no openFlightRecorderAction\n");
        return 1;
    }
    open->trigger();
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            box = window.findChild<QMessageBox *>(QStringLiteral("flightRecorderMessage"));
            return box && box->isVisible();
        },
        120000);
    if (!shown) {
        std::printf("no message\n");
        return 1;
    }
    // What else the window did meanwhile, once pkexec is long gone.
    QTest::qWait(1000);
    const auto *timeline = window.findChild<refscope::TimelineWidget *>();
    std::printf("message %s\n", qPrintable(box->text().simplified()));
    std::printf("store %d\n", timeline && timeline->store() ? 1 : 0);
    std::printf("agents %d\n", runningAgents());
    return 0;
}
