// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/eventpane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QKeyEvent>
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
      m_rangeLabel(new QLabel), m_clearOnly(new QToolButton), m_stack(new QPlainTextEdit),
      m_search(new EventSearch(this)), m_searchField(new QLineEdit), m_searchStatus(new QLabel),
      m_searchPrevious(new QToolButton), m_searchNext(new QToolButton), m_onlyMatches(new QCheckBox)
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

    m_searchField->setObjectName(QStringLiteral("eventSearchField"));
    m_searchField->setPlaceholderText(tr("Search module, call site, PID, comm or text (Ctrl+F)"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setMinimumWidth(
        fontMetrics().horizontalAdvance(m_searchField->placeholderText()) + 40);
    m_searchField->installEventFilter(this);
    m_searchStatus->setObjectName(QStringLiteral("eventSearchStatus"));
    m_searchPrevious->setObjectName(QStringLiteral("eventSearchPrevious"));
    m_searchPrevious->setArrowType(Qt::UpArrow);
    m_searchPrevious->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_searchNext->setObjectName(QStringLiteral("eventSearchNext"));
    m_searchNext->setArrowType(Qt::DownArrow);
    m_searchNext->setToolTip(tr("Next match (Enter, F3)"));
    m_onlyMatches->setObjectName(QStringLiteral("eventSearchOnlyMatches"));
    m_onlyMatches->setText(tr("Show only matches"));
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(new QLabel(tr("Find:")));
    searchRow->addWidget(m_searchField, 1);
    searchRow->addWidget(m_searchPrevious);
    searchRow->addWidget(m_searchNext);
    searchRow->addWidget(m_searchStatus);
    searchRow->addWidget(m_onlyMatches);
    updateSearchStatus();

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_stack);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(searchRow);
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

    // Each keystroke restarts the search: the old one stops where it was.
    connect(m_searchField, &QLineEdit::textChanged, m_search, &EventSearch::setQuery);
    connect(m_searchField, &QLineEdit::returnPressed, this, &EventPane::findNext);
    connect(m_searchNext, &QToolButton::clicked, this, &EventPane::findNext);
    connect(m_searchPrevious, &QToolButton::clicked, this, &EventPane::findPrevious);
    connect(m_onlyMatches, &QCheckBox::toggled, this, &EventPane::applyMatchesFilter);
    connect(m_search, &EventSearch::progressed, this, &EventPane::updateSearchStatus);
    connect(m_search, &EventSearch::finished, this, [this] {
        updateSearchStatus();
        if (m_onlyMatches->isChecked())
            applyMatchesFilter();
    });
    // A match found while the user waits on "no match yet" is shown at once.
    connect(m_search, &EventSearch::progressed, this, [this] {
        if (m_search->matchCount() > 0 && !m_search->current() && m_searchField->hasFocus() &&
            m_pendingJump) {
            m_pendingJump = false;
            findNext();
        }
    });
}

bool EventPane::eventFilter(QObject *watched, QEvent *event)
{
    // Shift+Enter in the field: the previous match (Enter alone is
    // returnPressed, the next one).
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EventPane::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void EventPane::findNext()
{
    if (m_search->matchCount() == 0) {
        // Still searching: go to the first match as soon as it is found.
        m_pendingJump = !m_search->isFinished();
        return;
    }
    const std::optional<std::size_t> index =
        m_search->current() ? m_search->next() : m_search->next(selectedStoreIndex());
    if (index)
        emit searchMatchChosen(*index, m_model->store()->timestampNs(*index));
    updateSearchStatus();
}

void EventPane::findPrevious()
{
    if (m_search->matchCount() == 0)
        return;
    const std::optional<std::size_t> index =
        m_search->current() ? m_search->previous() : m_search->previous(selectedStoreIndex());
    if (index)
        emit searchMatchChosen(*index, m_model->store()->timestampNs(*index));
    updateSearchStatus();
}

QString EventPane::searchStatus() const
{
    return m_searchStatus->text();
}

void EventPane::updateSearchStatus()
{
    const bool active = !m_search->query().trimmed().isEmpty();
    m_searchPrevious->setEnabled(m_search->matchCount() > 0);
    m_searchNext->setEnabled(m_search->matchCount() > 0);
    if (!active) {
        m_searchStatus->clear();
        return;
    }
    const int count = int(m_search->matchCount());
    const int at = m_search->current() ? int(*m_search->current()) + 1 : 0;
    if (!m_search->isFinished()) {
        const int percent =
            m_search->total() ? int(m_search->scanned() * 100 / m_search->total()) : 0;
        m_searchStatus->setText(tr("%1 of %2 so far (%3%)").arg(at).arg(count).arg(percent));
    } else if (count == 0) {
        m_searchStatus->setText(tr("No match"));
    } else {
        m_searchStatus->setText(tr("%1 of %2").arg(at).arg(count));
    }
}

void EventPane::applyMatchesFilter()
{
    EventTableModel::Filter filter = m_model->filter();
    if (m_onlyMatches->isChecked() && !m_search->query().trimmed().isEmpty()) {
        const auto &matches = m_search->matches();
        filter.only = QList<std::uint32_t>(matches.begin(), matches.end());
        m_onlyLabel->setText(tr("Showing the matches of “%1”").arg(m_search->query().trimmed()));
    } else if (m_matchesShown) {
        filter.only.reset();
    }
    m_matchesShown = filter.only.has_value() && m_onlyMatches->isChecked();
    applyFilter(filter);
}

void EventPane::revealStoreIndex(std::size_t index)
{
    if (m_model->rowOfStoreIndex(index) >= 0)
        return;
    const auto &store = m_model->store();
    EventTableModel::Filter filter = m_model->filter();
    if (!filter.module.isEmpty() && store->moduleName(store->moduleId(index)) != filter.module)
        filter.module.clear();
    if (filter.kind && *filter.kind != store->kind(index))
        filter.kind.reset();
    if (filter.pid >= 0)
        filter.pid = -1;
    if (filter.only &&
        !std::binary_search(filter.only->begin(), filter.only->end(), std::uint32_t(index)))
        filter.only.reset();
    applyFilter(filter);
}

void EventPane::setStore(std::shared_ptr<const EventStore> store)
{
    m_search->setStore(store);
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
    m_search->storeGrew();
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
    // The group (or every event) replaces the search's matches.
    if (m_onlyMatches->isChecked()) {
        const QSignalBlocker blocker(m_onlyMatches);
        m_onlyMatches->setChecked(false);
    }
    m_matchesShown = false;
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
