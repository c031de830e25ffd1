// SPDX-License-Identifier: GPL-3.0-or-later
// What the user chose in the "Force release…" dialog, before anything runs:
// which holders to clear and how, and the last resort. It knows which
// choices the holder report and the kernel allow, says why the others are
// not offered, and builds exactly the ReleaseRequest the user ticked. The
// last resort stays locked until the module's name is typed exactly: it
// changes the kernel's own accounting, so it must never be one stray click.
#pragma once

#include "inventory/moduleinfo.h"
#include "release/releaserequest.h"

#include <QCoreApplication>
#include <QList>

namespace refscope {

class ReleasePlan {
    Q_DECLARE_TR_FUNCTIONS(refscope::ReleasePlan)
public:
    ReleasePlan() = default;
    ReleasePlan(const HolderReport &report, const KernelModuleSupport &support);

    const HolderReport &report() const { return m_report; }
    // The recording that may prove references leaked (dropgate.h): without
    // it, dropping is not offered.
    void setEvidence(const std::optional<LeakEvidence> &evidence);
    const KernelModuleSupport &support() const { return m_support; }

    // How holder i can be cleared, the least drastic first (the release
    // rule, release/releaserules.h); empty when it cannot be from user
    // space, and whyNotClearable says why.
    QList<ClearAction> actionsFor(int holder) const;
    QString whyNotClearable(int holder) const;
    bool isChecked(int holder) const;
    // Ticking a holder that cannot be cleared does nothing.
    void setChecked(int holder, bool checked);
    ClearAction action(int holder) const;
    // Only an action from actionsFor(holder) is taken.
    void setAction(int holder, ClearAction action);

    // What the user typed to unlock the last resort.
    void setTypedName(const QString &typed);
    bool nameConfirmed() const;
    // Empty when the report and the kernel allow `resort`, else why not.
    QString whyNotOffered(LastResort resort) const;
    // whyNotOffered, or that the name has not been typed yet; empty when
    // `resort` may be chosen now. None is always available.
    QString whyNotAvailable(LastResort resort) const;
    // False (and nothing changes) when whyNotAvailable(resort) is not empty.
    bool setLastResort(LastResort resort);
    LastResort lastResort() const { return m_lastResort; }

    // Chooses the plan the dialog opens on, never one the kernel would
    // refuse: every holder that can be cleared, each the gentlest way, when
    // that leaves no reference; else nothing, and the returned sentence says
    // why (empty when preselected). A last resort wants the typed name, so
    // it is never preselected.
    QString preselect();

    // References that stay after the chosen holders and the last resort
    // did their part; the unload fails while any remain.
    int remainingRefs() const;
    ReleaseRequest request() const;
    // What will happen, in order, one sentence a step.
    QStringList summary() const;

    static QString actionName(ClearAction action);     // "Terminate the process", ...
    static QString lastResortTitle(LastResort resort); // "Drop the leaked references", ...
    static QString lastResortRisk(LastResort resort);  // its risk, in plain words

private:
    std::optional<LeakEvidence> m_evidence;
    struct Choice {
        bool checked = false;
        ClearAction action = ClearAction::Terminate;
    };
    // A choice made earlier may no longer be allowed (a holder unticked,
    // the name edited): it falls back to None.
    void revalidateLastResort();
    QString holderSentence(int holder) const;

    HolderReport m_report;
    KernelModuleSupport m_support;
    QList<Choice> m_choices; // one per holder of the report
    QString m_typed;
    LastResort m_lastResort = LastResort::None;
};

} // namespace refscope
