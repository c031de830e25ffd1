// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/eventtablemodel.h"

#include "teaching/teaching.h"

#include <QElapsedTimer>

#include <algorithm>

namespace refscope {

namespace {
// Enough for a few screens of rows: a view asks for every column of a row.
constexpr int kDetailsCacheRows = 4096;
// One slice of a pid filter's scan: short enough to keep the window live.
constexpr int kScanSliceMs = 15;
} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_scanTimer(new QTimer(this)), m_details(kDetailsCacheRows)
{
    m_scanTimer->setSingleShot(true);
    connect(m_scanTimer, &QTimer::timeout, this, [this] {
        if (!scan(kScanSliceMs, true))
            m_scanTimer->start(0);
    });
}

void EventTableModel::setStore(std::shared_ptr<const EventStore> store)
{
    beginResetModel();
    m_store = std::move(store);
    m_details.clear();
    rebuildRows();
    endResetModel();
}

void EventTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuildRows();
    endResetModel();
}

bool EventTableModel::accepts(std::size_t index) const
{
    if (m_moduleId >= 0 && m_store->moduleId(index) != m_moduleId)
        return false;
    if (m_filter.kind && m_store->kind(index) != *m_filter.kind)
        return false;
    const qint64 t = m_store->timestampNs(index);
    if (t < m_filter.fromNs || t >= m_filter.toNs)
        return false;
    if (m_filter.pid >= 0 && detailsOf(index).pid != m_filter.pid)
        return false;
    return true;
}

std::size_t EventTableModel::sourceSize() const
{
    return m_moduleId >= 0 ? m_store->eventsOf(m_moduleId).size() : m_store->size();
}

std::size_t EventTableModel::sourceAt(std::size_t position) const
{
    return m_moduleId >= 0 ? m_store->eventsOf(m_moduleId)[position] : position;
}

std::size_t EventTableModel::firstAtOrAfter(qint64 ns) const
{
    // Events are in time order: a binary search over the plain source.
    std::size_t low = 0;
    std::size_t high = sourceSize();
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (m_store->timestampNs(sourceAt(mid)) < ns)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

std::size_t EventTableModel::plainEnd() const
{
    return m_filter.toNs == std::numeric_limits<qint64>::max() ? sourceSize()
                                                               : firstAtOrAfter(m_filter.toNs);
}

void EventTableModel::rebuildRows()
{
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_rowCount = 0;
    m_rowOffset = 0;
    m_scanned = 0;
    m_scanning = false;
    m_scanTimer->stop();
    m_source = RowSource::None;
    m_moduleId = -1;
    if (!m_store)
        return;
    if (!m_filter.module.isEmpty()) {
        m_moduleId = m_store->findModule(m_filter.module);
        // A module not seen yet may still come (live capture).
        if (m_moduleId < 0)
            return;
    }
    const bool plain = !m_filter.kind && m_filter.pid < 0 && !m_filter.only;
    if (plain) {
        m_source = m_moduleId >= 0 ? RowSource::Module : RowSource::All;
        m_rowOffset = m_filter.fromNs == std::numeric_limits<qint64>::min()
                          ? 0
                          : firstAtOrAfter(m_filter.fromNs);
        m_rowCount = std::max(m_rowOffset, plainEnd()) - m_rowOffset;
        return;
    }
    m_source = RowSource::List;
    // Only a pid filter needs details: the others are resident and quick.
    if (m_filter.pid < 0) {
        scan(-1, false);
        return;
    }
    m_scanning = true;
    m_scanTimer->start(0);
}

std::size_t EventTableModel::candidateCount() const
{
    if (m_filter.only)
        return m_filter.only->size();
    return m_moduleId >= 0 ? m_store->eventsOf(m_moduleId).size() : m_store->size();
}

std::size_t EventTableModel::candidate(std::size_t i) const
{
    if (m_filter.only)
        return m_filter.only->at(i);
    return m_moduleId >= 0 ? m_store->eventsOf(m_moduleId)[i] : i;
}

bool EventTableModel::scan(int budgetMs, bool announce)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::uint32_t> found;
    const std::size_t candidates = candidateCount();
    while (m_scanned < candidates && (budgetMs < 0 || clock.elapsed() < budgetMs)) {
        // The clock is read once per batch: it costs more than a resident test.
        const std::size_t end = std::min(candidates, m_scanned + 64);
        for (; m_scanned < end; ++m_scanned) {
            const std::size_t index = candidate(m_scanned);
            if (index < m_store->size() && accepts(index))
                found.push_back(std::uint32_t(index));
        }
    }
    if (!found.empty()) {
        if (announce)
            beginInsertRows({}, int(m_rowCount), int(m_rowCount + found.size() - 1));
        m_rows.insert(m_rows.end(), found.begin(), found.end());
        m_rowCount = m_rows.size();
        if (announce)
            endInsertRows();
    }
    if (m_scanned < candidates)
        return false;
    if (m_scanning) {
        m_scanning = false;
        emit filteringFinished();
    }
    return true;
}

void EventTableModel::appendRange(std::size_t from, std::size_t to)
{
    if (!m_store || from >= to)
        return;
    if (m_source == RowSource::None && !m_filter.module.isEmpty()) {
        // The filtered module may have just appeared.
        setStore(m_store);
        return;
    }
    std::size_t newCount = m_rowCount;
    switch (m_source) {
    case RowSource::None:
        return;
    case RowSource::All:
    case RowSource::Module:
        newCount = std::max(m_rowOffset, plainEnd()) - m_rowOffset;
        break;
    case RowSource::List:
        // An explicit set of events is a fixed selection: nothing joins it;
        // a scan under way reaches the new events by itself.
        if (m_filter.only || m_scanning)
            return;
        scan(-1, true);
        return;
    }
    if (newCount <= m_rowCount)
        return;
    beginInsertRows({}, int(m_rowCount), int(newCount - 1));
    m_rowCount = newCount;
    endInsertRows();
}

std::size_t EventTableModel::storeIndex(int row) const
{
    switch (m_source) {
    case RowSource::All:
        return std::size_t(row) + m_rowOffset;
    case RowSource::Module:
        return m_store->eventsOf(m_moduleId)[std::size_t(row) + m_rowOffset];
    case RowSource::List:
        return m_rows[row];
    case RowSource::None:
        break;
    }
    return 0;
}

int EventTableModel::rowOfStoreIndex(std::size_t index) const
{
    // Rows are in store order: a binary search over row -> index.
    int low = 0;
    int high = rowCount();
    while (low < high) {
        const int mid = low + (high - low) / 2;
        if (storeIndex(mid) < index)
            low = mid + 1;
        else
            high = mid;
    }
    return low < rowCount() && storeIndex(low) == index ? low : -1;
}

int EventTableModel::rowNearestTime(qint64 timestampNs) const
{
    const int rows = rowCount();
    if (rows == 0)
        return -1;
    int low = 0;
    int high = rows;
    while (low < high) {
        const int mid = low + (high - low) / 2;
        if (m_store->timestampNs(storeIndex(mid)) < timestampNs)
            low = mid + 1;
        else
            high = mid;
    }
    if (low == rows)
        return rows - 1;
    if (low == 0)
        return 0;
    const qint64 after = m_store->timestampNs(storeIndex(low)) - timestampNs;
    const qint64 before = timestampNs - m_store->timestampNs(storeIndex(low - 1));
    return before <= after ? low - 1 : low;
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowCount);
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EventDetails &EventTableModel::detailsOf(std::size_t index) const
{
    if (EventDetails *cached = m_details.object(index))
        return *cached;
    auto *details = new EventDetails(m_store->details(index));
    m_details.insert(index, details);
    return *details;
}

QString EventTableModel::formatTimestamp(qint64 timestampNs)
{
    return QStringLiteral("%1.%2")
        .arg(timestampNs / 1000000000)
        .arg((timestampNs % 1000000000) / 1000, 6, 10, QLatin1Char('0'));
}

QString EventTableModel::callSiteText(const EventDetails &details)
{
    if (!details.callSiteName.isEmpty())
        return details.callSiteName;
    return details.callSite ? QStringLiteral("0x%1").arg(details.callSite, 0, 16) : QString();
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const std::size_t event = storeIndex(index.row());
    if (role == StoreIndexRole)
        return qulonglong(event);
    if (role == TimestampRole)
        return m_store->timestampNs(event);
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == Time || index.column() == Cpu ||
                            index.column() == Pid || index.column() == Count;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    // What the tracepoint means (teaching/teaching.h).
    if (role == Qt::ToolTipRole && index.column() == Event)
        return Teaching::tracepoint(m_store->kind(event));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return formatTimestamp(m_store->timestampNs(event));
    case Cpu:
        return m_store->cpu(event);
    case Pid:
        return detailsOf(event).pid;
    case Comm:
        return detailsOf(event).comm;
    case Event:
        return moduleEventKindName(m_store->kind(event));
    case Module:
        return m_store->moduleName(m_store->moduleId(event));
    case Count: {
        const int count = m_store->refcount(event);
        return count < 0 ? QVariant() : QVariant(count);
    }
    case CallSite:
        return callSiteText(detailsOf(event));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time (s)");
    case Cpu:
        return tr("CPU");
    case Pid:
        return tr("PID");
    case Comm:
        return tr("Task");
    case Event:
        return tr("Event");
    case Module:
        return tr("Module");
    case Count:
        return tr("Count");
    case CallSite:
        return tr("Call site");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace refscope
