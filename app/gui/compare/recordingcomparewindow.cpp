// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/recordingcomparewindow.h"

#include "recording/backgroundjob.h"
#include "settings/colorscheme.h"
#include "timeline/recordingopener.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace refscope {

namespace {

enum Column { Site, Kind, A, B, Difference, ColumnCount };

QColor differenceColor()
{
    // The compare window's colour for what differs.
    return ColorSchemes::isDark() ? QColor(0x6b, 0x4a, 0x12) : QColor(0xff, 0xe0, 0x9e);
}

QString signedNumber(qint64 n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

void highlight(QTreeWidgetItem *item)
{
    for (int column = 0; column < ColumnCount; ++column)
        item->setBackground(column, differenceColor());
    QFont bold = item->font(Site);
    bold.setBold(true);
    item->setFont(Site, bold);
    item->setFont(Difference, bold);
}

void alignNumbers(QTreeWidgetItem *item)
{
    for (int column : {A, B, Difference})
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace

RecordingCompareWindow::RecordingCompareWindow(const QString &pathA, QWidget *parent)
    : QWidget(parent, Qt::Window), m_pathA(new QLineEdit(pathA)), m_pathB(new QLineEdit),
      m_compare(new QPushButton(tr("Compare"))), m_stop(new QPushButton(tr("Stop"))),
      m_progress(new QProgressBar), m_message(new QLabel), m_tree(new QTreeWidget),
      m_job(new BackgroundJob(this))
{
    setWindowTitle(tr("Compare recordings"));
    setObjectName(QStringLiteral("recordingCompareWindow"));
    resize(1060, 600);
    m_pathA->setObjectName(QStringLiteral("recordingA"));
    m_pathB->setObjectName(QStringLiteral("recordingB"));
    const QString placeholder = tr("a trace.dat or a RefScope session file");
    m_pathA->setPlaceholderText(placeholder);
    m_pathB->setPlaceholderText(placeholder);
    auto *browseA = new QPushButton(tr("Choose…"));
    auto *browseB = new QPushButton(tr("Choose…"));
    connect(browseA, &QPushButton::clicked, this, [this] {
        if (const QString path = choose(m_pathA->text()); !path.isEmpty())
            m_pathA->setText(path);
    });
    connect(browseB, &QPushButton::clicked, this, [this] {
        if (const QString path = choose(m_pathB->text()); !path.isEmpty())
            m_pathB->setText(path);
    });
    auto *files = new QGridLayout;
    files->addWidget(new QLabel(tr("Recording A:")), 0, 0);
    files->addWidget(m_pathA, 0, 1);
    files->addWidget(browseA, 0, 2);
    files->addWidget(new QLabel(tr("Recording B:")), 1, 0);
    files->addWidget(m_pathB, 1, 1);
    files->addWidget(browseB, 1, 2);

    m_compare->setObjectName(QStringLiteral("compareRecordings"));
    m_compare->setDefault(true);
    connect(m_compare, &QPushButton::clicked, this, &RecordingCompareWindow::compare);
    m_stop->setObjectName(QStringLiteral("stopComparing"));
    connect(m_stop, &QPushButton::clicked, this, &RecordingCompareWindow::stop);
    m_progress->setRange(0, 1000);
    m_progress->setObjectName(QStringLiteral("compareProgress"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_compare);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_stop);
    actions->addStretch(); // the button keeps its size while no progress shows

    m_message->setObjectName(QStringLiteral("compareMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree->setObjectName(QStringLiteral("recordingCompareTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        {tr("Call site"), tr("Kind"), tr("A"), tr("B"), tr("Difference (B − A)")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->header()->setSectionResizeMode(Site, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(Site, 340);
    m_tree->setColumnWidth(Kind, 300);
    m_tree->setColumnWidth(A, 90);
    m_tree->setColumnWidth(B, 90);
    m_tree->setColumnWidth(Difference, 170);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(files);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_tree, 1);

    connect(m_job, &BackgroundJob::progress, m_progress, &QProgressBar::setValue);
    setComparing(false);
    m_message->setText(tr("Choose two recordings of the same modules, for example a run that "
                          "leaks and one that does not: the table shows, per call site, the "
                          "references taken and never put back in each."));
}

void RecordingCompareWindow::setPaths(const QString &pathA, const QString &pathB)
{
    m_pathA->setText(pathA);
    m_pathB->setText(pathB);
}

QString RecordingCompareWindow::pathA() const
{
    return m_pathA->text().trimmed();
}

QString RecordingCompareWindow::pathB() const
{
    return m_pathB->text().trimmed();
}

QString RecordingCompareWindow::message() const
{
    return m_message->text();
}

bool RecordingCompareWindow::isComparing() const
{
    return m_job->isRunning();
}

QString RecordingCompareWindow::choose(const QString &current)
{
    return QFileDialog::getOpenFileName(this, tr("Choose a recording"),
                                        QFileInfo(current).absolutePath(),
                                        RecordingOpener::fileFilter());
}

void RecordingCompareWindow::chooseB()
{
    const QString path = choose(pathA());
    if (path.isEmpty())
        return;
    m_pathB->setText(path);
    if (!pathA().isEmpty())
        compare();
}

void RecordingCompareWindow::setComparing(bool comparing)
{
    m_compare->setEnabled(!comparing);
    m_stop->setVisible(comparing);
    m_progress->setVisible(comparing);
    m_pathA->setReadOnly(comparing);
    m_pathB->setReadOnly(comparing);
}

void RecordingCompareWindow::compare()
{
    const QString a = pathA();
    const QString b = pathB();
    if (a.isEmpty() || b.isEmpty()) {
        m_message->setText(tr("Choose a recording for A and one for B."));
        return;
    }
    m_progress->setValue(0);
    m_message->setText(
        tr("Reading %1 and %2…").arg(QFileInfo(a).fileName(), QFileInfo(b).fileName()));
    setComparing(true);
    // The worker writes its result here; the finished signal, queued after
    // the work, hands it over.
    auto result = std::make_shared<RecordingComparison>();
    auto failedFile = std::make_shared<QString>();
    m_job->disconnect(this, nullptr);
    connect(
        m_job, &BackgroundJob::finished, this, [this, result, failedFile](const QString &error) {
            setComparing(false);
            if (!error.isEmpty()) {
                m_message->setText(tr("Could not compare: %1 cannot be read as a recording (%2).")
                                       .arg(*failedFile, error));
                m_comparison = {};
                m_tree->clear();
                emit comparisonFinished(m_message->text());
                return;
            }
            m_comparison = std::move(*result);
            showComparison();
            emit comparisonFinished({});
        });
    m_job->start([a, b, result, failedFile](const BackgroundJob::Progress &progress) {
        QString error;
        QString failed;
        std::optional<RecordingComparison> comparison =
            compareRecordingFiles(a, b, &error, {}, progress, &failed);
        if (!comparison) {
            *failedFile = QFileInfo(failed).fileName();
            return error.isEmpty() ? QStringLiteral("?") : error;
        }
        *result = std::move(*comparison);
        return QString();
    });
}

void RecordingCompareWindow::stop()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    setComparing(false);
    m_message->setText(tr("Stopped."));
}

void RecordingCompareWindow::showComparison()
{
    m_tree->clear();
    int differing = 0;
    for (const ModuleComparison &module : std::as_const(m_comparison.modules)) {
        auto *moduleItem = new QTreeWidgetItem(m_tree);
        QString title = module.module;
        if (!module.a.present)
            title = tr("%1 (only in B)").arg(module.module);
        else if (!module.b.present)
            title = tr("%1 (only in A)").arg(module.module);
        moduleItem->setText(Site, title);
        moduleItem->setData(Site, Qt::UserRole, module.module);
        QFont bold = moduleItem->font(Site);
        bold.setBold(true);
        moduleItem->setFont(Site, bold);
        moduleItem->setFirstColumnSpanned(false);
        if (module.differs()) {
            ++differing;
            moduleItem->setBackground(Site, differenceColor());
        }
        // The module's totals first, then its call sites.
        const auto number = [](const RecordingModuleTotals &totals, qint64 n) {
            return totals.present ? QString::number(n) : QStringLiteral("–");
        };
        const auto addTotal = [&](const QString &what, const QString &a, const QString &b,
                                  std::optional<qint64> difference) {
            auto *item = new QTreeWidgetItem(moduleItem);
            item->setText(Site, what);
            item->setText(A, a);
            item->setText(B, b);
            if (difference)
                item->setText(Difference, signedNumber(*difference));
            QFont italic = item->font(Site);
            italic.setItalic(true);
            item->setFont(Site, italic);
            alignNumbers(item);
            // A total that changed marks its difference only: the call
            // sites below say where.
            if (difference && *difference != 0) {
                item->setBackground(Difference, differenceColor());
                QFont bold = item->font(Difference);
                bold.setBold(true);
                item->setFont(Difference, bold);
            }
            return item;
        };
        const bool both = module.a.present && module.b.present;
        const auto diff = [both](qint64 a, qint64 b) {
            return both ? std::optional<qint64>(b - a) : std::nullopt;
        };
        addTotal(tr("All gets"), number(module.a, module.a.gets), number(module.b, module.b.gets),
                 diff(module.a.gets, module.b.gets));
        addTotal(tr("All puts"), number(module.a, module.a.puts), number(module.b, module.b.puts),
                 diff(module.a.puts, module.b.puts));
        QTreeWidgetItem *outstanding =
            addTotal(tr("Outstanding (gets − puts)"), number(module.a, module.a.outstanding()),
                     number(module.b, module.b.outstanding()),
                     diff(module.a.outstanding(), module.b.outstanding()));
        // The module's own row repeats its outstanding count.
        for (int column : {A, B, Difference})
            moduleItem->setText(column, outstanding->text(column));
        alignNumbers(moduleItem);
        const auto count = [](const RecordingModuleTotals &totals) {
            return totals.present && totals.finalCount ? QString::number(*totals.finalCount)
                                                       : QStringLiteral("–");
        };
        addTotal(tr("Final count (lsmod)"), count(module.a), count(module.b),
                 module.a.finalCount && module.b.finalCount
                     ? std::optional<qint64>(*module.b.finalCount - *module.a.finalCount)
                     : std::nullopt);
        for (const CallSiteComparison &site : module.callSites) {
            auto *item = new QTreeWidgetItem(moduleItem);
            item->setText(Site,
                          site.putOnly ? tr("%1 (put only)").arg(site.callSite) : site.callSite);
            item->setText(Kind, site.putOnly ? tr("put of a reference taken before the recording")
                                             : callSiteOwnerText(site.owner));
            item->setText(A, site.inA ? QString::number(site.outstandingA) : tr("not seen"));
            item->setText(B, site.inB ? QString::number(site.outstandingB) : tr("not seen"));
            item->setText(Difference, signedNumber(site.difference()));
            item->setToolTip(Site, site.callSite);
            alignNumbers(item);
            if (site.difference() != 0 || site.inA != site.inB)
                highlight(item);
        }
        moduleItem->setExpanded(true);
    }
    for (int column : {A, B, Difference}) {
        m_tree->resizeColumnToContents(column);
        m_tree->setColumnWidth(
            column, std::max(m_tree->columnWidth(column), column == Difference ? 170 : 90));
    }
    if (m_comparison.modules.isEmpty())
        m_message->setText(tr("Neither recording has events of a module."));
    else if (differing == 0)
        m_message->setText(tr("The recordings agree: every module's call sites leave the same "
                              "references outstanding in both."));
    else
        m_message->setText(tr("Modules that differ: %1 of %2; the rows that differ are "
                              "highlighted. Outstanding references are gets never put back "
                              "while recording.")
                               .arg(differing)
                               .arg(m_comparison.modules.size()));
}

} // namespace refscope
