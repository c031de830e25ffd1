// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/comparewindow.h"

#include "models/comparemodel.h"
#include "settings/colorscheme.h"
#include "sources/filesnapshotsource.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace refscope {

namespace {

// Colours the cells CompareModel marks as differing, and tints every
// other target's column group so the groups read apart.
class HighlightProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::BackgroundRole) {
            const bool dark = ColorSchemes::isDark();
            if (index.data(CompareModel::DiffersRole).toBool())
                return dark ? QColor(0x6b, 0x4a, 0x12) : QColor(0xff, 0xe0, 0x9e);
            if (index.data(CompareModel::TargetRole).toInt() % 2 == 1)
                return dark ? QColor(0x2a, 0x2f, 0x38) : QColor(0xee, 0xf2, 0xf8);
            return {};
        }
        if (role == Qt::FontRole && index.column() == 0 &&
            index.data(CompareModel::DiffersRole).toBool()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

CompareWindow::CompareWindow(const CompareTarget &current, QWidget *parent)
    : QWidget(parent, Qt::Window), m_model(new CompareModel(this)), m_table(new QTableView),
      m_origins(new QLabel), m_summary(new QLabel),
      m_onlyDifferent(new QCheckBox(tr("Only differences")))
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare modules"));
    m_targets << current;

    auto *proxy = new HighlightProxy(this);
    proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setModel(proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setMaximumSectionSize(260);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_origins->setObjectName(QStringLiteral("compareOrigins"));
    m_origins->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_onlyDifferent->setObjectName(QStringLiteral("onlyDifferences"));
    connect(m_onlyDifferent, &QCheckBox::toggled, this, &CompareWindow::setOnlyDifferent);
    auto *add = new QPushButton(tr("Add snapshot…"));
    add->setObjectName(QStringLiteral("addSnapshotButton"));
    connect(add, &QPushButton::clicked, this, &CompareWindow::chooseFiles);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_onlyDifferent);
    bar->addWidget(m_summary, 1);
    bar->addWidget(add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_origins);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    resize(1100, 600);
    recompare();
}

bool CompareWindow::addFile(const QString &path, QString *error)
{
    CompareTarget target;
    target.label = QFileInfo(path).fileName();
    QString problem;
    if (!FileSnapshotSource::readFile(path, &target.snapshot, &problem)) {
        if (error)
            *error = problem;
        else
            QMessageBox::warning(this, tr("Compare modules"), problem);
        return false;
    }
    addTarget(target);
    return true;
}

void CompareWindow::addTarget(const CompareTarget &target)
{
    m_targets << target;
    recompare();
}

void CompareWindow::setOnlyDifferent(bool only)
{
    if (m_onlyDifferent->isChecked() != only)
        m_onlyDifferent->setChecked(only); // comes back here through toggled
    m_model->setOnlyDifferent(only);
}

void CompareWindow::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Compare with snapshot"), {},
        tr("RefScope snapshots and sessions (*.json *.rscope);;All files (*)"));
    for (const QString &path : paths)
        addFile(path);
}

void CompareWindow::recompare()
{
    m_model->setComparison(compareSnapshots(m_targets));
    QStringList origins;
    for (int t = 0; t < m_targets.size(); ++t)
        origins << m_model->targetText(t).toHtmlEscaped();
    m_origins->setText(origins.join(QStringLiteral("<br>")));
    const SnapshotComparison &c = m_model->comparison();
    m_summary->setText(m_targets.size() < 2 ? tr("Add a snapshot to compare with.")
                                            : tr("%1 modules compared, %2 with differences")
                                                  .arg(c.rows.size())
                                                  .arg(c.differingRows()));
    m_table->resizeColumnsToContents();
}

} // namespace refscope
