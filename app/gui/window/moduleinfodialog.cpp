// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/moduleinfodialog.h"

#include "models/moduledetailsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace refscope {

namespace {

QTableView *fieldTable(QAbstractItemModel *model, const QString &objectName)
{
    auto *table = new QTableView;
    table->setObjectName(objectName);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setFocusPolicy(Qt::NoFocus); // no row looks chosen: there is nothing to choose
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    table->resizeColumnToContents(0);
    return table;
}

} // namespace

ModuleInfoDialog::ModuleInfoDialog(const Snapshot &snapshot, const QString &module, QWidget *parent)
    : QDialog(parent), m_details(new ModuleDetailsModel(this))
{
    setObjectName(QStringLiteral("moduleInfoDialog"));
    setWindowTitle(tr("Module information: %1").arg(module));
    m_details->setSnapshot(snapshot);
    m_details->setModuleName(module);

    auto *layout = new QVBoxLayout(this);
    if (!m_details->isLoaded()) {
        // A recording's module, or one unloaded since: nothing to read.
        auto *absent = new QLabel(tr("%1 is not loaded in this snapshot.").arg(module));
        absent->setObjectName(QStringLiteral("moduleInfoAbsent"));
        layout->addWidget(absent);
    } else {
        layout->addWidget(fieldTable(m_details, QStringLiteral("moduleInfoFields")), 3);
        auto *params =
            new QLabel(tr("Parameters (%n):", nullptr, int(m_details->params()->params().size())));
        layout->addWidget(params);
        QTableView *paramTable =
            fieldTable(m_details->params(), QStringLiteral("moduleInfoParams"));
        // As tall as its rows: the room left goes to the fields above.
        paramTable->setMaximumHeight(paramTable->verticalHeader()->length() +
                                     2 * paramTable->frameWidth() +
                                     paramTable->fontMetrics().height());
        layout->addWidget(paramTable, 1);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("Copy as text"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("moduleInfoCopy"));
    copy->setEnabled(m_details->isLoaded());
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Wide enough for a module's path, in character widths.
    // Every row in view where the screen allows: rows are taller in Chinese.
    int rows = 0;
    for (const QTableView *table : findChildren<QTableView *>())
        rows += table->verticalHeader()->length();
    int height = std::max(fontMetrics().height() * 44, rows + fontMetrics().height() * 10);
    if (const QScreen *shown = screen())
        height = std::min(height, shown->availableGeometry().height());
    resize(fontMetrics().averageCharWidth() * 130, height);
}

QString ModuleInfoDialog::text() const
{
    QStringList lines;
    const auto addRows = [&lines](const QAbstractItemModel *model) {
        for (int row = 0; row < model->rowCount(); ++row)
            lines << QStringLiteral("%1: %2").arg(model->index(row, 0).data().toString(),
                                                  model->index(row, 1).data().toString());
    };
    addRows(m_details);
    addRows(m_details->params());
    return lines.join(u'\n') + u'\n';
}

} // namespace refscope
