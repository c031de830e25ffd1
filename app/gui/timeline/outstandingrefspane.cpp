// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/outstandingrefspane.h"

#include "models/eventtablemodel.h"
#include "release/dropgate.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace refscope {

namespace {
// Live capture appends in small batches: recount at most this often.
constexpr int kRecountDelayMs = 500;
// A slice of counting: short enough that the window stays responsive.
constexpr int kSliceMs = 15;
constexpr std::size_t kEventsPerCheck = 64;
} // namespace

OutstandingRefsPane::OutstandingRefsPane(QWidget *parent)
    : QWidget(parent), m_byCallSite(new OutstandingRefsModel(tr("Call site"), this, true)),
      m_byTask(new OutstandingRefsModel(tr("Task"), this)), m_scopeChoice(new QComboBox),
      m_summary(new QLabel), m_recount(new QTimer(this)), m_slice(new QTimer(this))
{
    m_scopeChoice->setObjectName(QStringLiteral("outstandingScope"));
    m_scopeChoice->addItem(tr("Whole recording"));
    m_scopeChoice->addItem(tr("Between markers A and B"));
    m_summary->setObjectName(QStringLiteral("outstandingSummary"));
    m_summary->setWordWrap(true);
    m_callSiteTable = makeTable(m_byCallSite, QStringLiteral("outstandingByCallSite"));
    m_taskTable = makeTable(m_byTask, QStringLiteral("outstandingByTask"));
    m_recount->setSingleShot(true);
    m_slice->setSingleShot(true);
    m_recount->setInterval(kRecountDelayMs);
    connect(m_recount, &QTimer::timeout, this, &OutstandingRefsPane::recompute);
    connect(m_slice, &QTimer::timeout, this, &OutstandingRefsPane::countSome);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Over:")));
    top->addWidget(m_scopeChoice, 1);
    auto *tables = new QSplitter(Qt::Vertical);
    tables->addWidget(m_callSiteTable);
    tables->addWidget(m_taskTable);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(tables, 1);

    connect(m_scopeChoice, &QComboBox::activated, this,
            [this](int index) { setScope(Scope(index)); });
}

QTableView *OutstandingRefsPane::makeTable(OutstandingRefsModel *model, const QString &objectName)
{
    auto *table = new QTableView;
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(OutstandingRefsModel::Where,
                                                    QHeaderView::Stretch);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, model](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const OutstandingGroup &group = model->group(current.row());
                emit groupChosen(group.events, group.label);
            });
    return table;
}

void OutstandingRefsPane::setStore(std::shared_ptr<const EventStore> store)
{
    m_store = std::move(store);
    m_aNs.reset();
    m_bNs.reset();
    // What was counted was another recording's: nobody is told of it now.
    m_countedModule.clear();
    m_leakingCallSites.clear();
    m_leakingGets.clear();
    recompute();
}

void OutstandingRefsPane::storeGrew()
{
    if (!m_recount->isActive())
        m_recount->start();
}

void OutstandingRefsPane::setModule(const QString &module)
{
    if (module == m_module)
        return;
    m_module = module;
    recompute();
}

void OutstandingRefsPane::setMarkers(std::optional<qint64> aNs, std::optional<qint64> bNs)
{
    if (aNs == m_aNs && bNs == m_bNs)
        return;
    m_aNs = aNs;
    m_bNs = bNs;
    if (m_scope == Scope::BetweenMarkers)
        recompute();
}

void OutstandingRefsPane::setScope(Scope scope)
{
    m_scopeChoice->setCurrentIndex(int(scope));
    if (scope == m_scope)
        return;
    m_scope = scope;
    recompute();
}

QString OutstandingRefsPane::summary() const
{
    return m_summary->text();
}

void OutstandingRefsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        recompute();
}

void OutstandingRefsPane::recompute()
{
    m_recount->stop();
    m_slice->stop();
    m_counter.reset();
    m_stale = true;
    const int id = m_store && !m_module.isEmpty() ? m_store->findModule(m_module) : -1;
    QString message;
    if (m_module.isEmpty())
        message = tr("Select a module to count its outstanding references.");
    else if (id < 0)
        message = tr("%1 has no events in this recording.").arg(m_module);
    else if (m_scope == Scope::BetweenMarkers && !(m_aNs && m_bNs))
        message = tr("Place markers A and B on the timeline (click, right-click).");
    if (!message.isEmpty()) {
        m_summary->setText(message);
        m_byCallSite->setGroups({});
        m_byTask->setGroups({});
        m_stale = false;
        emit counted(m_module);
        return;
    }
    if (!isVisible())
        return; // counted when shown
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    if (m_scope == Scope::BetweenMarkers) {
        from = std::min(*m_aNs, *m_bNs);
        to = std::max(*m_aNs, *m_bNs);
    }
    m_counter = std::make_unique<OutstandingRefsCounter>(*m_store, id, from, to);
    m_stale = false;
    countSome();
}

void OutstandingRefsPane::countSome()
{
    if (!m_counter)
        return;
    if (!isVisible()) {
        // Hidden halfway: start again when shown, the store may have grown.
        m_slice->stop();
        m_counter.reset();
        m_stale = true;
        return;
    }
    QElapsedTimer clock;
    clock.start();
    bool done = false;
    while (!done && clock.elapsed() < kSliceMs)
        done = m_counter->step(kEventsPerCheck);
    if (!done) {
        m_summary->setText(
            tr("Counting the references of %1… %2%").arg(m_module).arg(m_counter->permille() / 10));
        m_slice->start(0);
        return;
    }
    showCounted();
}

void OutstandingRefsPane::showCounted()
{
    m_slice->stop();
    OutstandingRefs refs = m_counter->result();
    m_counter.reset();
    // The events' unreleased gets name the leaking call sites, never the
    // kernel's counts, which cannot pair a put with its get.
    const QStringList leaking = refscope::leakingCallSites(refs);
    const int moduleId = m_store->findModule(m_module);
    QString lostNote = lostEventsNote(*m_store);
    if (m_scope == Scope::WholeRecording && useKernelCounts(&refs, *m_store, moduleId)) {
        // The kernel counted every get and put of the capture: gets minus
        // puts adds up to the count's change however many events were lost.
        m_summary->setText(
            tr("%1: %2 gets, %3 puts, %4 more gets than puts, as the kernel "
               "counted them. Count at the end: %5.\n%6")
                .arg(m_module)
                .arg(refs.gets)
                .arg(refs.puts)
                .arg(refs.gets - refs.puts)
                .arg(m_store->countAt(moduleId, m_store->timestampNs(m_store->size() - 1)))
                .arg(lostNote));
        m_byCallSite->setGroups(refs.byCallSite, m_module);
        m_byTask->setGroups(refs.byTask);
        m_countedModule = m_module;
        m_leakingCallSites = leaking;
        m_leakingGets = getsOfLastLoad(*m_store, moduleId, refs.unreleased);
        emit counted(m_module);
        return;
    }
    // Outstanding: the gets of the span never put back, as the call-site
    // and task tables count them, not gets minus puts: a put may release a
    // reference taken before the span. The kernel's count at the span's end
    // is said beside it, so the three numbers can be checked against each
    // other.
    const qint64 outstanding = refs.unreleased.size();
    const qint64 olderPuts = refs.puts - (refs.gets - outstanding);
    const int id = m_store->findModule(m_module);
    const qint64 last = m_store->timestampNs(m_store->size() - 1);
    // The span is [from, to): its last event is before `to`.
    const qint64 end =
        m_scope == Scope::BetweenMarkers ? std::min(last, std::max(*m_aNs, *m_bNs) - 1) : last;
    const int countAtEnd = m_store->countAt(id, end);
    const QString summary =
        olderPuts > 0
            ? tr("%1: %2 gets, %3 puts, %4 outstanding (%5 of the puts released references "
                 "taken before). Count at the end: %6.")
                  .arg(m_module)
                  .arg(refs.gets)
                  .arg(refs.puts)
                  .arg(outstanding)
                  .arg(olderPuts)
                  .arg(countAtEnd)
            : tr("%1: %2 gets, %3 puts, %4 outstanding. Count at the end: %5.")
                  .arg(m_module)
                  .arg(refs.gets)
                  .arg(refs.puts)
                  .arg(outstanding)
                  .arg(countAtEnd);
    // Between markers, or without the kernel's counts: the events' alone.
    lostNote = lostEventsNote(*m_store, false);
    m_summary->setText(lostNote.isEmpty() ? summary
                                          : QStringLiteral("%1\n%2").arg(summary, lostNote));
    m_byCallSite->setGroups(refs.byCallSite, m_module);
    m_byTask->setGroups(refs.byTask);
    m_countedModule = m_module;
    m_leakingCallSites = leaking;
    m_leakingGets = m_scope == Scope::WholeRecording
                        ? getsOfLastLoad(*m_store, moduleId, refs.unreleased)
                        : QList<OutstandingGet>();
    emit counted(m_module);
}

QStringList OutstandingRefsPane::leakingCallSites(const QString &module) const
{
    return module == m_countedModule ? m_leakingCallSites : QStringList();
}

QList<OutstandingGet> OutstandingRefsPane::leakingGets(const QString &module) const
{
    return module == m_countedModule ? m_leakingGets : QList<OutstandingGet>();
}

} // namespace refscope
