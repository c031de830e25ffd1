// SPDX-License-Identifier: GPL-3.0-or-later
// Short explanations of the kernel's module machinery, for tooltips, the
// details panel and the lab's walk-throughs: what each module state, each
// `module:*` tracepoint, each kind of holder and each step of a module's
// life means. Plain sentences a student can read next to the number they
// explain; kernel identifiers stay as the kernel spells them. Every text
// goes through QCoreApplication::translate (context "refscope::Teaching").
#pragma once

#include "events/moduleevent.h"
#include "holders/holder.h"
#include "inventory/moduleinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace refscope {

// A module's life as the kernel runs it (kernel/module/main.c), in order.
enum class LifecycleStep {
    Insmod,       // finit_module(): the kernel copies, checks and links the module
    InitHoldsRef, // state "coming": init runs while the loader's reference pins the module
    InitDropsRef, // do_init_module() drops the loader's reference
    Live,         // state "live": the module serves its users
    GetsAndPuts,  // try_module_get()/module_put() as users come and go
    DeleteModule, // rmmod: delete_module() checks users and refcount, then runs exit
    Free,         // free_module(): the memory goes back, the module is gone
};

class Teaching {
    Q_DECLARE_TR_FUNCTIONS(refscope::Teaching)
public:
    static QString moduleState(ModuleState state);
    static QString permanent();
    static QString builtin();
    static QString refcount();
    static QString usedBy();
    static QString dependsOn();
    static QString taints();

    static QString tracepoint(ModuleEventKind kind);

    static QString holderKind(HolderKind kind);
    static QString holderSource(HolderSource source);

    static QList<LifecycleStep> lifecycle();
    static QString lifecycleTitle(LifecycleStep step);
    static QString lifecycleText(LifecycleStep step);
    // Where a module in `state` is in its life.
    static LifecycleStep lifecycleStep(ModuleState state);
    // The whole life as a numbered rich-text list; `current` underlined.
    static QString lifecycleHtml(std::optional<LifecycleStep> current = std::nullopt);

    // The lab scenario's guided walk-through: numbered steps, each one what
    // to click and what to watch. Empty for an unknown scenario id.
    static QStringList walkthrough(const QString &scenarioId);

    // Plain sentences as a numbered rich-text list.
    static QString numberedHtml(const QStringList &items);
};

} // namespace refscope
