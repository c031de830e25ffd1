// SPDX-License-Identifier: GPL-3.0-or-later
#include "privileges/privilegeview.h"

#include <QAbstractButton>
#include <QAction>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace refscope {

namespace {

QPixmap drawnLock(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    // The shackle, then the body over its feet; grey and amber read on
    // light and dark palettes alike.
    QPen shackle(QColor(0x5a, 0x5a, 0x5a), s / 8.0, Qt::SolidLine, Qt::RoundCap);
    painter.setPen(shackle);
    painter.setBrush(Qt::NoBrush);
    QPainterPath arc;
    arc.moveTo(s * 0.30, s * 0.50);
    arc.lineTo(s * 0.30, s * 0.32);
    arc.arcTo(QRectF(s * 0.30, s * 0.10, s * 0.40, s * 0.40), 180, -180);
    arc.lineTo(s * 0.70, s * 0.50);
    painter.drawPath(arc);
    painter.setPen(QPen(QColor(0x7a, 0x5a, 0x00), qMax(1.0, s / 16.0)));
    painter.setBrush(QColor(0xe0, 0xa8, 0x00));
    painter.drawRoundedRect(QRectF(s * 0.16, s * 0.44, s * 0.68, s * 0.48), s * 0.08, s * 0.08);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x5a, 0x40, 0x00));
    painter.drawEllipse(QPointF(s * 0.5, s * 0.64), s * 0.07, s * 0.07);
    painter.drawRect(QRectF(s * 0.47, s * 0.66, s * 0.06, s * 0.14));
    return pixmap;
}

} // namespace

PrivilegeLook PrivilegeView::look(PolkitAnswer answer, const QString &action,
                                  const QString &problem)
{
    switch (answer) {
    case PolkitAnswer::Unknown:
    case PolkitAnswer::Allowed:
        return {};
    case PolkitAnswer::Challenge:
        return {true, true, tr("polkit will ask for an administrator's password.")};
    case PolkitAnswer::Refused:
        return {false, false,
                tr("polkit does not allow your user to do this; an administrator can allow "
                   "it (polkit action %1).")
                    .arg(action)};
    case PolkitAnswer::Unreachable:
        return {true, false,
                tr("polkit could not be asked beforehand (%1): pkexec will say whether you "
                   "may.")
                    .arg(problem.isEmpty() ? tr("no answer") : problem)};
    }
    return {};
}

QString PrivilegeView::toolTip(const QString &baseToolTip, const PrivilegeLook &look)
{
    if (look.note.isEmpty())
        return baseToolTip;
    if (!look.enabled || baseToolTip.isEmpty())
        return look.note;
    return baseToolTip + u'\n' + look.note;
}

QIcon PrivilegeView::lockIcon()
{
    QIcon drawn;
    for (int size : {16, 22, 24, 32, 48})
        drawn.addPixmap(drawnLock(size));
    return QIcon::fromTheme(QStringLiteral("object-locked"), drawn);
}

void PrivilegeView::show(QAction *action, const QString &baseToolTip, const PrivilegeLook &look)
{
    action->setEnabled(look.enabled);
    action->setIcon(look.locked ? lockIcon() : QIcon());
    const QString tip = toolTip(baseToolTip, look);
    action->setToolTip(tip);
    action->setStatusTip(tip);
}

void PrivilegeView::show(QAbstractButton *button, const QString &baseToolTip,
                         const PrivilegeLook &look)
{
    button->setEnabled(look.enabled);
    button->setIcon(look.locked ? lockIcon() : QIcon());
    button->setToolTip(toolTip(baseToolTip, look));
}

} // namespace refscope
