// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/privilegeprobe.h"

#include "privileges/polkitprivileges.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QToolBar>
#include <QToolTip>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace refscope {

namespace {

constexpr int kTimeoutMs = 60000; // TCG guests are slow
constexpr int kFollowTimeoutMs = 120000;

void waitFor(const std::function<bool()> &done, QElapsedTimer &clock, int timeoutMs = kTimeoutMs)
{
    while (!done() && clock.elapsed() < timeoutMs)
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 100);
}

QString state(const QAction *action)
{
    return QStringLiteral("enabled=%1 locked=%2")
        .arg(int(action->isEnabled()))
        .arg(int(!action->icon().isNull()));
}

QString oneLine(QString text)
{
    return text.replace(u'\n', QLatin1String(" / "));
}

// The tooltip QToolTip shows for `text` at `widget`, as the user sees it.
QImage tooltipImage(QWidget *widget, const QString &text)
{
    QToolTip::showText(widget->mapToGlobal(QPoint(4, widget->height())), text, widget);
    QApplication::processEvents();
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (top->inherits("QTipLabel") && top->isVisible())
            return top->grab().toImage();
    }
    return {};
}

} // namespace

int runPrivilegeProbe(MainWindow &window, PrivilegeProbe mode, const QString &pngPath)
{
    QElapsedTimer clock;
    clock.start();
    window.show();
    bool selected = false;
    if (SnapshotSource *source = window.source()) {
        QObject::connect(source, &SnapshotSource::snapshotReady, &window,
                         [&](const Snapshot &snapshot) {
                             if (selected)
                                 return;
                             // One the kernel would let go of, so what shows is polkit's.
                             for (const ModuleInfo &module : snapshot.modules) {
                                 if (module.state == ModuleState::Live && !module.permanent) {
                                     window.selectModule(module.name);
                                     selected = true;
                                     return;
                                 }
                             }
                         });
    }
    waitFor([&] { return selected && window.privileges()->settled(); }, clock);
    if (!window.privileges()->settled()) {
        std::printf("failed polkit did not answer\n");
        return 1;
    }
    if (!selected) {
        std::printf("failed no module to select\n");
        return 1;
    }
    QApplication::processEvents();

    auto *asRoot = window.findChild<QAction *>(QStringLiteral("readAsRootAction"));
    auto *release = window.findChild<QAction *>(QStringLiteral("forceReleaseAction"));
    if (!asRoot || !release) {
        std::printf("failed the window has no root actions\n");
        return 1;
    }
    const auto answers = [&] {
        QStringList lines;
        for (const QString &action : window.privileges()->actions())
            lines << QStringLiteral("polkit %1 %2")
                         .arg(action, polkitAnswerName(window.privileges()->answer(action)));
        return lines;
    };
    const auto print = [&] {
        for (const QString &line : answers())
            std::printf("%s\n", qPrintable(line));
        std::printf("readAsRoot %s\n", qPrintable(state(asRoot)));
        std::printf("forceRelease %s module=%s\n", qPrintable(state(release)),
                    qPrintable(window.selectedModule()));
        std::printf("tooltip readAsRoot %s\n", qPrintable(oneLine(asRoot->toolTip())));
        std::printf("tooltip forceRelease %s\n", qPrintable(oneLine(release->toolTip())));
        std::fflush(stdout);
    };
    print();
    if (mode == PrivilegeProbe::Follow) {
        // Until polkit's answers change (its rules did, say), then once more.
        const QStringList first = answers();
        clock.restart();
        waitFor([&] { return window.privileges()->settled() && answers() != first; }, clock,
                kFollowTimeoutMs);
        if (answers() == first) {
            std::printf("failed polkit's answers did not change\n");
            return 1;
        }
        std::printf("changed\n");
        print();
        return 0;
    }
    if (pngPath.isEmpty())
        return 0;

    // The holders dock carries the "Force release…" button.
    if (auto *holders = window.findChild<QDockWidget *>(QStringLiteral("holdersDock")))
        holders->raise();
    QApplication::processEvents();
    const QImage shot = window.grab().toImage();
    QImage menuShot;
    for (QAction *entry : window.menuBar()->actions()) {
        QMenu *menu = entry->menu();
        if (menu && menu->actions().contains(release)) {
            menu->popup(window.mapToGlobal(QPoint(0, 0)));
            QApplication::processEvents();
            menuShot = menu->grab().toImage();
            menu->hide();
        }
    }
    auto *bar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    const QImage asRootTip =
        bar ? tooltipImage(bar->widgetForAction(asRoot), asRoot->toolTip()) : QImage();
    const QImage releaseTip = bar ? tooltipImage(bar, release->toolTip()) : QImage();
    QToolTip::hideText();

    const int gap = 12;
    const int sideWidth = std::max({menuShot.width(), asRootTip.width(), releaseTip.width()});
    const int sideHeight = menuShot.height() + asRootTip.height() + releaseTip.height() + 2 * gap;
    QImage canvas(shot.width() + gap + sideWidth, std::max(shot.height(), sideHeight),
                  QImage::Format_ARGB32);
    canvas.fill(window.palette().window().color());
    QPainter painter(&canvas);
    painter.drawImage(0, 0, shot);
    int y = 0;
    for (const QImage &part : {menuShot, asRootTip, releaseTip}) {
        painter.drawImage(shot.width() + gap, y, part);
        y += part.height() + gap;
    }
    painter.end();
    if (!canvas.save(pngPath)) {
        std::printf("failed cannot write %s\n", qPrintable(pngPath));
        return 1;
    }
    std::printf("screenshot %s\n", qPrintable(pngPath));
    return 0;
}

} // namespace refscope
