// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/eventpane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace refscope {

EventPane::EventPane(QWidget *parent)
    : QWidget(parent), m_model(new EventTableModel(this)), m_table(new QTableView),
      m_module(new QComboBox), m_pid(new QLineEdit), m_kind(new QComboBox), m_onlyLabel(new QLabel),
      m_rangeLabel(new QLabel), m_clearOnly(new QToolButton), m_stack(new QPlainTextEdit)
{
    m_module->setObjectName(QStringLiteral("eventModuleFilter"));
    m_module->setMinimumContentsLength(12);
    m_pid->setObjectName(QStringLiteral("eventPidFilter"));
    m_pid->setPlaceholderText(tr("any PID"));
    m_pid->setValidator(new QIntValidator(0, std::numeric_limits<int>::max(), m_pid));
    m_pid->setClearButtonEnabled(true);
    m_pid->setMaximumWidth(110);
    m_kind->setObjectName(QStringLiteral("eventKindFilter"));
    m_kind->addItem(tr("Every event"));
    for (ModuleEventKind kind : {ModuleEventKind::Get, ModuleEventKind::Put, ModuleEventKind::Load,
                                 ModuleEventKind::Free, ModuleEventKind::Request})
        m_kind->addItem(moduleEventKindName(kind), int(kind));
    m_clearOnly->setText(tr("Show all"));
    m_clearOnly->setObjectName(QStringLiteral("clearOnlyButton"));
    m_onlyLabel->setObjectName(QStringLiteral("onlyLabel"));
    m_rangeLabel->setObjectName(QStringLiteral("eventRangeLabel"));
    m_rangeLabel->setEnabled(false); // greyed: a fact about the table, not a control

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Module:")));
    filters->addWidget(m_module);
    filters->addWidget(new QLabel(tr("PID:")));
    filters->addWidget(m_pid);
    filters->addWidget(new QLabel(tr("Event:")));
    filters->addWidget(m_kind);
    filters->addWidget(m_rangeLabel);
    filters->addWidget(m_onlyLabel, 1);
    filters->addWidget(m_clearOnly);
    m_onlyLabel->hide();
    m_clearOnly->hide();

    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    sizeColumns();
    m_stack->setObjectName(QStringLiteral("eventStack"));
    m_stack->setReadOnly(true);
    m_stack->setPlaceholderText(tr("Select an event to see its fields and kernel stack"));
    m_stack->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_stack);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(m_module, &QComboBox::activated, this,
            [this] { setModuleFilter(m_module->currentData().toString()); });
    connect(m_pid, &QLineEdit::textEdited, this, [this](const QString &text) {
        bool ok = false;
        const int pid = text.toInt(&ok);
        setPidFilter(ok ? pid : -1);
    });
    connect(m_kind, &QComboBox::activated, this, [this] {
        const QVariant kind = m_kind->currentData();
        setKindFilter(kind.isValid() ? std::optional(ModuleEventKind(kind.toInt())) : std::nullopt);
    });
    connect(m_clearOnly, &QToolButton::clicked, this, [this] { showOnly(std::nullopt); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventPane::onCurrentRowChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_stack->clear(); });
}

void EventPane::setStore(std::shared_ptr<const EventStore> store)
{
    m_model->setStore(std::move(store));
    fillModuleChoices();
}

void EventPane::sizeColumns()
{
    // From the widest value each column usually holds, not from the rows:
    // a live capture starts empty, and measuring a million rows would stall.
    static const char *const widest[EventTableModel::ColumnCount] = {
        "99999.999999",         "999",  "4194304", "kworker/u16:12", "module_request",
        "nf_conntrack_netlink", "9999", ""};
    const QFontMetrics cells(m_table->font());
    const QFontMetrics titles(m_table->horizontalHeader()->font());
    for (int column = 0; column + 1 < EventTableModel::ColumnCount; ++column) {
        const QString title =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        // The padding covers the cell margins and the header's sort arrow.
        m_table->setColumnWidth(
            column, std::max(titles.horizontalAdvance(title) + 24,
                             cells.horizontalAdvance(QLatin1String(widest[column])) + 12));
    }
}

void EventPane::appendRange(std::size_t from, std::size_t to)
{
    const int modules = m_model->store() ? m_model->store()->moduleCount() : 0;
    m_model->appendRange(from, to);
    if (m_module->count() != modules + 1)
        fillModuleChoices();
}

void EventPane::fillModuleChoices()
{
    const QSignalBlocker blocker(m_module);
    m_module->clear();
    m_module->addItem(tr("Every module"), QString());
    if (const auto &store = m_model->store()) {
        QStringList names;
        for (int id = 0; id < store->moduleCount(); ++id)
            names.append(store->moduleName(id));
        names.sort();
        for (const QString &name : names)
            m_module->addItem(name, name);
    }
    syncFilterWidgets();
}

void EventPane::applyFilter(EventTableModel::Filter filter)
{
    const std::optional<std::size_t> selected = selectedStoreIndex();
    m_model->setFilter(filter);
    syncFilterWidgets();
    // The selected event stays selected if the new filter still shows it.
    if (selected)
        selectStoreIndex(*selected);
}

void EventPane::setModuleFilter(const QString &module)
{
    EventTableModel::Filter filter = m_model->filter();
    filter.module = module;
    applyFilter(filter);
}

void EventPane::setPidFilter(int pid)
{
    EventTableModel::Filter filter = m_model->filter();
    filter.pid = pid;
    applyFilter(filter);
}

void EventPane::setKindFilter(std::optional<ModuleEventKind> kind)
{
    EventTableModel::Filter filter = m_model->filter();
    filter.kind = kind;
    applyFilter(filter);
}

void EventPane::showOnly(std::optional<QList<std::uint32_t>> events, const QString &what)
{
    EventTableModel::Filter filter = m_model->filter();
    filter.only = std::move(events);
    m_onlyLabel->setText(filter.only ? tr("Showing the events of %1").arg(what) : QString());
    applyFilter(filter);
}

void EventPane::setTimeRange(qint64 fromNs, qint64 toNs)
{
    EventTableModel::Filter filter = m_model->filter();
    const bool all = fromNs > toNs;
    filter.fromNs = all ? std::numeric_limits<qint64>::min() : fromNs;
    filter.toNs = all ? std::numeric_limits<qint64>::max() : toNs;
    // In the table's time column's terms.
    m_rangeLabel->setText(all ? QString()
                              : tr("%1–%2 s").arg(EventTableModel::formatTimestamp(fromNs),
                                                  EventTableModel::formatTimestamp(toNs)));
    m_rangeLabel->setToolTip(tr("The table shows the events in the chart's window, or between "
                                "markers A and B when both are placed"));
    applyFilter(filter);
}

void EventPane::syncFilterWidgets()
{
    const EventTableModel::Filter &filter = m_model->filter();
    const QSignalBlocker moduleBlocker(m_module);
    const int moduleRow = m_module->findData(filter.module);
    // The list offers exactly the recording's modules; a module it does not
    // have still says what is filtered, as the empty choice's placeholder.
    m_module->setPlaceholderText(
        moduleRow >= 0 ? QString() : tr("%1 (not in this recording)").arg(filter.module));
    m_module->setCurrentIndex(moduleRow);
    const QString pid = filter.pid >= 0 ? QString::number(filter.pid) : QString();
    if (m_pid->text() != pid)
        m_pid->setText(pid);
    const QSignalBlocker kindBlocker(m_kind);
    m_kind->setCurrentIndex(filter.kind ? m_kind->findData(int(*filter.kind)) : 0);
    m_onlyLabel->setVisible(filter.only.has_value());
    m_clearOnly->setVisible(filter.only.has_value());
}

void EventPane::selectStoreIndex(std::size_t index)
{
    const int row = m_model->rowOfStoreIndex(index);
    if (row < 0)
        return;
    const QModelIndex at = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    m_table->scrollTo(at);
}

void EventPane::selectNearestTime(qint64 timestampNs)
{
    const int row = m_model->rowNearestTime(timestampNs);
    if (row >= 0)
        selectStoreIndex(m_model->storeIndex(row));
}

std::optional<std::size_t> EventPane::selectedStoreIndex() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->storeIndex(current.row());
}

QString EventPane::stackText() const
{
    return m_stack->toPlainText();
}

void EventPane::onCurrentRowChanged()
{
    const std::optional<std::size_t> index = selectedStoreIndex();
    if (!index) {
        m_stack->clear();
        return;
    }
    const auto &store = m_model->store();
    const EventDetails details = store->details(*index);
    QStringList lines;
    lines << (details.text.isEmpty() ? moduleEventKindName(store->kind(*index)) : details.text);
    if (details.stack.isEmpty())
        lines << QString()
              << tr("No kernel stack was recorded with this event (record with "
                    "stacks: trace-cmd record -T, or RefScope's capture with stacks).");
    else
        lines << QString() << tr("Kernel stack:") << details.stack;
    m_stack->setPlainText(lines.join(u'\n'));
    emit eventSelected(*index, store->timestampNs(*index));
}

} // namespace refscope
