// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/labpanel.h"

#include "lab/labmachine.h"
#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "teaching/teaching.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTextLayout>
#include <QVBoxLayout>

#include <QtMath>

#include <algorithm>
#include <memory>

namespace refscope {

namespace {

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QHBoxLayout *buttonRow(QPushButton *first, QPushButton *second)
{
    auto *row = new QHBoxLayout;
    row->addWidget(first);
    row->addWidget(second);
    row->addStretch();
    return row;
}

QLabel *textLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

// The height of `text` wrapped at `width` as an item view paints it (the
// style lays it out line by line the same way).
int wrappedHeight(const QString &text, const QFont &font, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    QTextLayout layout(text, font);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        height += line.height();
    }
    layout.endLayout();
    return qCeil(height);
}

// Each item's text, and the key the panel acts on for it.
QListWidget *itemList(const QString &objectName, const QList<QPair<QString, QString>> &items)
{
    auto *list = new QListWidget;
    list->setObjectName(objectName);
    for (const auto &[text, key] : items) {
        auto *item = new QListWidgetItem(text, list);
        item->setData(Qt::UserRole, key);
    }
    list->setCurrentRow(0);
    return list;
}

} // namespace

LabPanel::LabPanel(QWidget *parent) : QDockWidget(tr("Lab"), parent)
{
    setObjectName(QStringLiteral("labPanel"));
    // Every kernel the lab can boot; one the examples were not built for
    // still boots, but says so before the user picks it.
    m_kernels = new QComboBox;
    m_kernels->setObjectName(QStringLiteral("labKernel"));
    m_kernels->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kernels->setMinimumContentsLength(12);
    for (const QString &release : labBootableKernels()) {
        const bool examples = !labExampleModules(release).isEmpty();
        m_kernels->addItem(examples ? release : tr("%1 (no example modules)").arg(release),
                           release);
        if (!examples)
            m_kernels->setItemData(m_kernels->count() - 1,
                                   tr("The example modules were not built for this kernel: "
                                      "install its headers (linux-headers-%1) and rebuild.")
                                       .arg(release),
                                   Qt::ToolTipRole);
    }
    setChosenKernel(labKernelRelease());
    m_boot = new QPushButton(tr("Boot"));
    m_boot->setObjectName(QStringLiteral("labBoot"));
    m_boot->setToolTip(tr("Power the lab guest off and boot the chosen kernel in a fresh one"));
    connect(m_boot, &QPushButton::clicked, this, [this] {
        if (!chosenKernel().isEmpty())
            emit bootRequested(chosenKernel());
    });
    m_examples = new QListWidget;
    m_examples->setObjectName(QStringLiteral("labExamples"));
    fillExamples(QString());

    QList<QPair<QString, QString>> scenarios; // title, id
    for (const LabScenario &scenario : LabScenarios::all())
        scenarios.append({scenario.title, scenario.id});
    m_scenarioList = itemList(QStringLiteral("labScenarios"), scenarios);
    // Titles wrap rather than scroll: the dock is narrow, translations longer.
    m_scenarioList->setWordWrap(true);
    m_scenarioList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scenarioList->setResizeMode(QListView::Adjust);
    m_scenarioList->setSpacing(2);
    connect(m_scenarioList, &QListWidget::currentRowChanged, this, [this] {
        showWhatToWatch();
        updateButtons();
    });

    m_load = actionButton(tr("Load"), QStringLiteral("labLoad"), tr("Loading %1…"),
                          &LabScenarios::loadExample, &LabPanel::selectedExample);
    m_unload = actionButton(tr("Unload"), QStringLiteral("labUnload"), tr("Unloading %1…"),
                            &LabScenarios::unloadModule, &LabPanel::selectedExample);
    m_run = actionButton(tr("Run"), QStringLiteral("labRun"), tr("Running %1…"), &LabScenarios::run,
                         &LabPanel::selectedScenario);
    m_stop = actionButton(tr("Stop"), QStringLiteral("labStop"), tr("Stopping %1…"),
                          &LabScenarios::stop, &LabPanel::selectedScenario);
    m_stop->setToolTip(tr("End the processes the scenario started"));
    m_watch = textLabel(QStringLiteral("labWhatToWatch"));
    m_walkthrough = textLabel(QStringLiteral("labWalkthrough"));
    m_outcome = textLabel(QStringLiteral("labOutcome"));
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *contents = new QWidget;
    auto *layout = new QVBoxLayout(contents);
    layout->addWidget(heading(tr("Kernel")));
    // The list and its button on rows of their own: a long release must not
    // push the button out of a narrow dock.
    layout->addWidget(m_kernels);
    auto *bootRow = new QHBoxLayout;
    bootRow->addWidget(m_boot);
    bootRow->addStretch();
    layout->addLayout(bootRow);
    layout->addWidget(heading(tr("Example modules")));
    layout->addWidget(m_examples);
    layout->addLayout(buttonRow(m_load, m_unload));
    layout->addWidget(heading(tr("Scenarios")));
    // The lists keep their height and the texts grow downwards into the
    // stretch at the end: a longer outcome or another scenario's steps never
    // move the buttons the user is about to press.
    m_scenarioList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_scenarioList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scenarioList->viewport()->installEventFilter(this);
    fitScenarioList();
    layout->addWidget(m_scenarioList);
    layout->addLayout(buttonRow(m_run, m_stop));
    // Right below the buttons: the answer comes where the question was asked.
    layout->addWidget(m_outcome);
    layout->addSpacing(layout->spacing());
    layout->addWidget(heading(tr("What to watch")));
    layout->addWidget(m_watch);
    layout->addWidget(heading(tr("Step by step")));
    layout->addWidget(m_walkthrough);
    layout->addStretch(1);
    // The texts are long in every language and the dock may be short: scroll
    // rather than squeeze the labels until their lines overlap.
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(contents);
    setWidget(scroll);
    showWhatToWatch();
    setLab(nullptr);
}

bool LabPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scenarioList->viewport() && event->type() == QEvent::Resize)
        fitScenarioList();
    return QDockWidget::eventFilter(watched, event);
}

void LabPanel::fitScenarioList()
{
    // Every title in view at the list's width: its height follows the
    // width only, never the texts below it. The rows' heights come from
    // the titles wrapped at the width they are painted at, set on the
    // items: the view's own measure lagged a resize of the dock, cutting
    // the last row or eliding a title over an empty second line.
    QListWidget *list = m_scenarioList;
    const int spacing = list->spacing();
    const int margin = list->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, list) + 1;
    const int rowWidth = list->viewport()->width() - 2 * spacing;
    if (rowWidth <= 2 * margin)
        return; // not laid out yet
    int height = 2 * list->frameWidth();
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        const QSize hint(rowWidth,
                         std::max(wrappedHeight(item->text(), list->font(), rowWidth - 2 * margin),
                                  list->fontMetrics().height()));
        if (item->sizeHint() != hint)
            item->setSizeHint(hint);
        height += hint.height() + 2 * spacing;
    }
    if (height != list->height())
        list->setFixedHeight(height);
}

QPushButton *LabPanel::actionButton(const QString &text, const QString &objectName,
                                    const QString &progress, Action action,
                                    QString (LabPanel::*target)() const)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    connect(button, &QPushButton::clicked, this,
            [this, progress, action, target] { start(progress, action, (this->*target)()); });
    return button;
}

void LabPanel::fillExamples(const QString &release)
{
    m_examples->clear();
    QList<QPair<QString, QString>> examples; // shown name, module
    for (const QString &path : labExampleModules(release))
        examples.append({QFileInfo(path).completeBaseName(), QFileInfo(path).completeBaseName()});
    m_haveExamples = !examples.isEmpty();
    if (!m_haveExamples)
        examples.append({tr("Not built: build the kmod-examples target."), QString()});
    for (const auto &[text, key] : examples) {
        auto *item = new QListWidgetItem(text, m_examples);
        item->setData(Qt::UserRole, key);
    }
    m_examples->setCurrentRow(0);
    // A handful of names: all of them in view, no scrolling.
    m_examples->setFixedHeight(m_examples->sizeHintForRow(0) * m_examples->count() +
                               2 * m_examples->frameWidth());
}

QString LabPanel::chosenKernel() const
{
    return m_kernels->currentData().toString();
}

void LabPanel::setChosenKernel(const QString &release)
{
    const int index = m_kernels->findData(release);
    if (index >= 0)
        m_kernels->setCurrentIndex(index);
}

void LabPanel::setLab(LabMachine *lab)
{
    if (m_lab)
        disconnect(m_lab, nullptr, this, nullptr);
    m_lab = lab;
    delete m_scenarios;
    m_scenarios = new LabScenarios(lab ? lab->agent() : nullptr,
                                   lab ? lab->kernelRelease() : QString(), this);
    m_busy = false;
    if (lab) {
        connect(lab, &LabMachine::ready, this, &LabPanel::showLabState);
        connect(lab, &LabMachine::stopped, this, &LabPanel::showLabState);
    }
    showLabState();
}

void LabPanel::showLabState()
{
    const LabMachine::State state = m_lab ? m_lab->state() : LabMachine::State::Off;
    // Which kernel: the examples and the helper are built for each one.
    const QString kernel = m_lab ? m_lab->kernelRelease() : QString();
    if (m_scenarios)
        m_scenarios->setKernelRelease(kernel);
    if (!kernel.isEmpty()) {
        setChosenKernel(kernel);
        fillExamples(kernel);
    }
    m_outcome->setText(state == LabMachine::State::Ready
                           ? tr("The lab guest is ready (kernel %1).").arg(kernel)
                       : state == LabMachine::State::Booting
                           ? tr("Waiting for the lab guest (kernel %1)…").arg(kernel)
                           : tr("The lab guest is not running."));
    updateButtons();
}

QString LabPanel::outcome() const
{
    return m_outcome->text();
}

QString LabPanel::selectedExample() const
{
    const QListWidgetItem *item = m_examples->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString LabPanel::selectedScenario() const
{
    const QListWidgetItem *item = m_scenarioList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void LabPanel::start(const QString &progress, Action action, const QString &target)
{
    if (target.isEmpty() || m_busy)
        return;
    m_busy = true;
    ++m_reportGeneration;
    updateButtons();
    m_outcome->setText(progress.arg(target));
    const QString release = m_lab ? m_lab->kernelRelease() : QString();
    const QStringList modules = action == &LabScenarios::run ? scenarioModules(target, release)
                                : action == &LabScenarios::loadExample ? QStringList{target}
                                                                       : QStringList();
    (m_scenarios->*action)(target, [this, target, modules](const QString &error) {
        m_busy = false;
        const QString done =
            error.isEmpty() ? tr("%1: done.").arg(target) : tr("%1: %2").arg(target, error);
        m_outcome->setText(done);
        updateButtons();
        emit actionDone();
        if (error.isEmpty() && !modules.isEmpty())
            reportModules(done, modules);
    });
}

void LabPanel::reportModules(const QString &done, const QStringList &modules)
{
    AgentClient *agent = m_lab ? m_lab->agent() : nullptr;
    if (!agent)
        return;
    const int generation = m_reportGeneration;
    auto sentences = std::make_shared<QStringList>();
    auto left = std::make_shared<int>(int(modules.size()));
    for (int i = 0; i < modules.size(); ++i)
        sentences->append(QString());
    for (int i = 0; i < modules.size(); ++i) {
        const QString module = modules.at(i);
        AgentApi(agent).requestHolders(module, {},
                                       [this, guard = QPointer<LabPanel>(this), generation, done,
                                        module, i, sentences, left](const HoldersAnswer &answer) {
                                           (*sentences)[i] = holdersSentence(module, answer);
                                           if (--*left > 0 || !guard ||
                                               generation != m_reportGeneration)
                                               return;
                                           m_outcome->setText(done + u' ' + sentences->join(u' '));
                                       });
    }
}

QString LabPanel::holdersSentence(const QString &module, const HoldersAnswer &answer)
{
    if (!answer.ok)
        return tr("%1: %2").arg(module, answer.error);
    const HolderReport &report = answer.report;
    if (report.refcount == 0)
        return tr("%1 is loaded, with no references: it can be unloaded.").arg(module);
    QStringList holders;
    for (const Holder &h : report.holders) {
        const QString who = h.pid > 0 ? tr("PID %1 (%2)").arg(h.pid).arg(h.comm) : h.path;
        if (!who.isEmpty() && !holders.contains(who))
            holders.append(who);
    }
    QString sentence =
        tr("%1 is loaded with %n reference(s)", nullptr, report.refcount).arg(module);
    if (!holders.isEmpty())
        sentence += tr(", held by %1").arg(QLocale().createSeparatedList(holders));
    if (report.unattributed > 0)
        sentence += tr("; %n not attributed to any holder", nullptr, report.unattributed);
    return sentence + tr(".");
}

QStringList LabPanel::scenarioModules(const QString &id, const QString &kernelRelease)
{
    QStringList modules;
    for (const LabScenario &scenario : LabScenarios::all(kernelRelease)) {
        if (scenario.id != id)
            continue;
        for (const LabStep &step : scenario.steps) {
            if (step.kind == LabStep::Kind::LoadExample)
                modules.append(step.module);
            // modprobe's modules; insmod's is the scenario's own.
            else if (step.argv.value(0) == QLatin1String("modprobe")) {
                for (const QString &arg : step.argv.mid(1))
                    if (!arg.startsWith(u'-'))
                        modules.append(arg);
            } else if (step.argv.value(0) == QLatin1String("insmod"))
                modules.append(id);
        }
    }
    modules.removeDuplicates();
    return modules;
}

void LabPanel::updateButtons()
{
    const bool connected = m_lab && m_lab->agent() && m_lab->agent()->isConnected();
    const bool idle = connected && !m_busy;
    m_load->setEnabled(idle && m_haveExamples);
    m_unload->setEnabled(idle && m_haveExamples);
    m_run->setEnabled(idle);
    // Booting another kernel waits for what runs on this one to finish.
    m_boot->setEnabled(!m_busy && m_kernels->count() > 0);
    m_stop->setEnabled(idle && m_scenarios->hasBackground(selectedScenario()));
}

void LabPanel::showWhatToWatch()
{
    const QString id = selectedScenario();
    for (const LabScenario &scenario : LabScenarios::all()) {
        if (scenario.id == id) {
            m_watch->setText(scenario.whatToWatch);
            m_walkthrough->setText(Teaching::numberedHtml(Teaching::walkthrough(id)));
        }
    }
}

} // namespace refscope
