// SPDX-License-Identifier: GPL-3.0-or-later
// Every module state, tracepoint, holder kind and lifecycle step has an
// explanation; every lab scenario has a walk-through; and in Chinese the
// texts are Chinese.
#include "lab/labscenarios.h"
#include "models/moduledetailsmodel.h"
#include "models/modulelistmodel.h"
#include "teaching/teaching.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace refscope;

class TestTeaching : public QObject {
    Q_OBJECT
private slots:
    void everythingIsExplained();
    void explanationsNameWhatTheyExplain();
    void everyScenarioHasAWalkthrough();
    void lifecycleHighlightsTheCurrentStep();
    void tablesShowThemAsTooltips();
};

void TestTeaching::everythingIsExplained()
{
    QStringList texts;
    for (ModuleState state :
         {ModuleState::Live, ModuleState::Coming, ModuleState::Going, ModuleState::Unknown})
        texts.append(Teaching::moduleState(state));
    for (ModuleEventKind kind : {ModuleEventKind::Load, ModuleEventKind::Free, ModuleEventKind::Get,
                                 ModuleEventKind::Put, ModuleEventKind::Request})
        texts.append(Teaching::tracepoint(kind));
    for (HolderKind kind : {HolderKind::File, HolderKind::Socket, HolderKind::Mount,
                            HolderKind::Module, HolderKind::Kthread})
        texts.append(Teaching::holderKind(kind));
    for (HolderSource source : {HolderSource::Exact, HolderSource::Inferred})
        texts.append(Teaching::holderSource(source));
    for (LifecycleStep step : Teaching::lifecycle()) {
        texts.append(Teaching::lifecycleTitle(step));
        texts.append(Teaching::lifecycleText(step));
    }
    texts << Teaching::permanent() << Teaching::builtin() << Teaching::refcount()
          << Teaching::usedBy() << Teaching::dependsOn() << Teaching::taints();
    QCOMPARE(texts.size(), 4 + 5 + 5 + 2 + 2 * 7 + 6);
    for (const QString &text : texts)
        QVERIFY(!text.isEmpty());
    QCOMPARE(texts.removeDuplicates(), 0);
}

void TestTeaching::explanationsNameWhatTheyExplain()
{
    // A tooltip starts with the word the user hovered: the state as the
    // table shows it, the tracepoint as the trace names it.
    QVERIFY(Teaching::moduleState(ModuleState::Coming).startsWith(QLatin1String("coming:")));
    QVERIFY(Teaching::tracepoint(ModuleEventKind::Request)
                .startsWith(QLatin1String("module_request:")));
    QVERIFY(Teaching::holderKind(HolderKind::Kthread).startsWith(QLatin1String("kthread:")));
    QVERIFY(Teaching::holderSource(HolderSource::Inferred).startsWith(QLatin1String("inferred:")));
}

void TestTeaching::everyScenarioHasAWalkthrough()
{
    for (const LabScenario &scenario : LabScenarios::all()) {
        const QStringList steps = Teaching::walkthrough(scenario.id);
        QVERIFY2(steps.size() >= 3, qPrintable(scenario.id));
        // The first step says what to click.
        QVERIFY2(steps.first().contains(QLatin1String("Run")), qPrintable(scenario.id));
    }
    QVERIFY(Teaching::walkthrough(QStringLiteral("no-such-scenario")).isEmpty());
}

void TestTeaching::lifecycleHighlightsTheCurrentStep()
{
    const QString html = Teaching::lifecycleHtml(Teaching::lifecycleStep(ModuleState::Coming));
    QCOMPARE(html.count(QLatin1String("<li>")), 7);
    QCOMPARE(html.count(QLatin1String("<u>")), 1);
    const int underlined = html.indexOf(QLatin1String("<u>"));
    QVERIFY(html.indexOf(Teaching::lifecycleTitle(LifecycleStep::InitHoldsRef).toHtmlEscaped()) >
            underlined);
    QCOMPARE(Teaching::numberedHtml({"a < b", "c"}),
             QStringLiteral("<ol><li>a &lt; b</li><li>c</li></ol>"));
}

void TestTeaching::tablesShowThemAsTooltips()
{
    Snapshot snapshot;
    snapshot.support = {true, true, false};
    ModuleInfo module;
    module.name = QStringLiteral("slow_init");
    module.state = ModuleState::Coming;
    module.refcount = 1;
    snapshot.modules.append(module);

    ModuleListModel table;
    table.applySnapshot(snapshot);
    QCOMPARE(table.index(0, ModuleListModel::State).data(Qt::ToolTipRole).toString(),
             Teaching::moduleState(ModuleState::Coming));
    QCOMPARE(
        table.headerData(ModuleListModel::Refcount, Qt::Horizontal, Qt::ToolTipRole).toString(),
        Teaching::refcount());

    ModuleDetailsModel details;
    details.setSnapshot(snapshot);
    details.setModuleName(module.name);
    QCOMPARE(details.index(ModuleDetailsModel::Holders, ModuleDetailsModel::Label)
                 .data(Qt::ToolTipRole)
                 .toString(),
             Teaching::usedBy());
    // A field with nothing to teach keeps its own text as the tooltip.
    QCOMPARE(details.index(ModuleDetailsModel::Name, ModuleDetailsModel::Value)
                 .data(Qt::ToolTipRole)
                 .toString(),
             module.name);
}

QTEST_GUILESS_MAIN(TestTeaching)
#include "tst_teaching.moc"
