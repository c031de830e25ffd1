#include "labpanel.h"

#include "lab/labpaths.h"
#include "protocol/agentclient.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

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

} // namespace

LabPanel::LabPanel(QWidget *parent) : QDockWidget(tr("Lab"), parent)
{
    setObjectName(QStringLiteral("labPanel"));
    auto *contents = new QWidget;
    auto *layout = new QVBoxLayout(contents);
    layout->addWidget(createExamples());
    layout->addWidget(createScenarios(), 1);
    layout->addSpacing(layout->spacing());
    m_outcome = new QLabel;
    m_outcome->setObjectName(QStringLiteral("labOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_outcome);
    setWidget(contents);
    setAgent(nullptr);
}

QWidget *LabPanel::createExamples()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Example modules")));
    m_examples = new QListWidget;
    m_examples->setObjectName(QStringLiteral("labExamples"));
    for (const QString &path : labExampleModules()) {
        auto *item = new QListWidgetItem(QFileInfo(path).completeBaseName(), m_examples);
        item->setData(Qt::UserRole, item->text());
    }
    m_haveExamples = m_examples->count() > 0;
    if (!m_haveExamples)
        m_examples->addItem(tr("Not built: build the kmod-examples target."));
    m_examples->setCurrentRow(0);
    // A handful of names: all of them in view, no scrolling.
    m_examples->setFixedHeight(m_examples->sizeHintForRow(0) * m_examples->count() +
                               2 * m_examples->frameWidth());
    layout->addWidget(m_examples);
    m_load = new QPushButton(tr("Load"));
    m_unload = new QPushButton(tr("Unload"));
    m_load->setObjectName(QStringLiteral("labLoad"));
    m_unload->setObjectName(QStringLiteral("labUnload"));
    connect(m_load, &QPushButton::clicked, this,
            [this] { start(tr("Loading %1…"), &LabScenarios::loadExample, selectedExample()); });
    connect(m_unload, &QPushButton::clicked, this,
            [this] { start(tr("Unloading %1…"), &LabScenarios::unloadModule, selectedExample()); });
    layout->addLayout(buttonRow(m_load, m_unload));
    return box;
}

QWidget *LabPanel::createScenarios()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Scenarios")));
    m_scenarioList = new QListWidget;
    m_scenarioList->setObjectName(QStringLiteral("labScenarios"));
    for (const LabScenario &scenario : LabScenarios::all()) {
        auto *item = new QListWidgetItem(scenario.title, m_scenarioList);
        item->setData(Qt::UserRole, scenario.id);
    }
    m_scenarioList->setCurrentRow(0);
    // Titles wrap rather than scroll: the dock is narrow, translations longer.
    m_scenarioList->setWordWrap(true);
    m_scenarioList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scenarioList->setResizeMode(QListView::Adjust);
    m_scenarioList->setSpacing(2);
    layout->addWidget(m_scenarioList, 1);
    m_run = new QPushButton(tr("Run"));
    m_stop = new QPushButton(tr("Stop"));
    m_run->setObjectName(QStringLiteral("labRun"));
    m_stop->setObjectName(QStringLiteral("labStop"));
    m_stop->setToolTip(tr("End the processes the scenario started"));
    connect(m_run, &QPushButton::clicked, this,
            [this] { start(tr("Running %1…"), &LabScenarios::run, selectedScenario()); });
    connect(m_stop, &QPushButton::clicked, this,
            [this] { start(tr("Stopping %1…"), &LabScenarios::stop, selectedScenario()); });
    layout->addLayout(buttonRow(m_run, m_stop));
    layout->addWidget(heading(tr("What to watch")));
    m_watch = new QLabel;
    m_watch->setObjectName(QStringLiteral("labWhatToWatch"));
    m_watch->setWordWrap(true);
    m_watch->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_watch);
    connect(m_scenarioList, &QListWidget::currentRowChanged, this, [this] {
        showWhatToWatch();
        updateButtons();
    });
    showWhatToWatch();
    return box;
}

void LabPanel::setAgent(AgentClient *agent)
{
    if (m_agent)
        disconnect(m_agent, nullptr, this, nullptr);
    m_agent = agent;
    delete m_scenarios;
    m_scenarios = new LabScenarios(agent, this);
    m_busy = false;
    if (agent) {
        connect(agent, &AgentClient::ready, this, &LabPanel::updateButtons);
        connect(agent, &AgentClient::disconnected, this, &LabPanel::updateButtons);
    }
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

void LabPanel::start(const QString &what, Action action, const QString &target)
{
    if (target.isEmpty() || m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_outcome->setText(what.arg(target));
    (m_scenarios->*action)(target, [this, target](const QString &error) {
        m_busy = false;
        m_outcome->setText(error.isEmpty() ? tr("%1: done.").arg(target)
                                           : tr("%1: %2").arg(target, error));
        updateButtons();
        emit actionDone();
    });
}

void LabPanel::updateButtons()
{
    const bool connected = m_agent && m_agent->isConnected();
    const bool idle = connected && !m_busy;
    m_load->setEnabled(idle && m_haveExamples);
    m_unload->setEnabled(idle && m_haveExamples);
    m_run->setEnabled(idle);
    m_stop->setEnabled(idle && m_scenarios->hasBackground(selectedScenario()));
    if (!connected && !m_busy)
        m_outcome->setText(tr("No lab guest is connected."));
}

void LabPanel::showWhatToWatch()
{
    const QString id = selectedScenario();
    for (const LabScenario &scenario : LabScenarios::all()) {
        if (scenario.id == id)
            m_watch->setText(scenario.whatToWatch);
    }
}

} // namespace refscope
