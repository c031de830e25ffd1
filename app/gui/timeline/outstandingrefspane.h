// SPDX-License-Identifier: GPL-3.0-or-later
// "Outstanding references" of the shown module: its gets not put back,
// by call site and by task, over the whole recording or between markers A
// and B. Choosing a row shows that group's events in the event table.
#pragma once

#include "models/outstandingrefsmodel.h"

#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QTableView;
class QTimer;

namespace refscope {

class OutstandingRefsPane : public QWidget {
    Q_OBJECT
public:
    explicit OutstandingRefsPane(QWidget *parent = nullptr);

    enum class Scope { WholeRecording, BetweenMarkers };

    void setStore(std::shared_ptr<const EventStore> store);
    void storeGrew(); // recounts a little later, not on every batch
    void setModule(const QString &module);
    QString module() const { return m_module; }
    void setMarkers(std::optional<qint64> aNs, std::optional<qint64> bNs);
    void setScope(Scope scope);

    OutstandingRefsModel *byCallSite() const { return m_byCallSite; }
    OutstandingRefsModel *byTask() const { return m_byTask; }
    QTableView *callSiteTable() const { return m_callSiteTable; }
    QTableView *taskTable() const { return m_taskTable; }
    QString summary() const;
    // Counting goes on in slices of the event loop, and only while the
    // pane is shown: reading a million events' details takes a while.
    bool isCounting() const { return bool(m_counter); }
    // The call sites whose gets the last finished count of `module` found
    // outstanding, most first; empty when that is not the module counted.
    QStringList leakingCallSites(const QString &module) const;
    // The outstanding gets themselves (who, where, when) of the last
    // finished count of `module` over the whole recording, of the instance
    // loaded last; empty between markers (a get put back after B is not
    // outstanding) or when that is not the module counted.
    QList<OutstandingGet> leakingGets(const QString &module) const;

signals:
    void counted(const QString &module);
    // A group was chosen: show these events (store indices).
    void groupChosen(const QList<std::uint32_t> &events, const QString &label);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void recompute();
    void countSome();
    void showCounted();
    QTableView *makeTable(OutstandingRefsModel *model, const QString &objectName);

    std::shared_ptr<const EventStore> m_store;
    QString m_module;
    std::optional<qint64> m_aNs;
    std::optional<qint64> m_bNs;
    Scope m_scope = Scope::WholeRecording;
    OutstandingRefsModel *m_byCallSite;
    OutstandingRefsModel *m_byTask;
    QComboBox *m_scopeChoice;
    QLabel *m_summary;
    QTableView *m_callSiteTable;
    QTableView *m_taskTable;
    QTimer *m_recount;
    QTimer *m_slice;
    std::unique_ptr<OutstandingRefsCounter> m_counter;
    bool m_stale = true; // what is shown is not the current count
    QString m_countedModule;
    QStringList m_leakingCallSites;      // of m_countedModule
    QList<OutstandingGet> m_leakingGets; // of m_countedModule, whole recording only
};

} // namespace refscope
