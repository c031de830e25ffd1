// SPDX-License-Identifier: GPL-3.0-or-later
// The Holders dock on reports the real 6.1 kernel gave through the lab
// guest's agent and RefScope's helper module
// (tests/gui/holders/fixtures/capture-fixtures.sh): /dev/count_demo held by a
// process and its forked child, and leaky_ref's leaked reference. The dock
// lists each holder with its pid, comm, fds, path, refs and source, the
// unattributed count, the verdict and the steps; in zh_CN and zh_TW all of
// them are in Chinese, rendered from the report's sentence codes, while a
// report saved before the codes existed still shows its English. "Show in
// timeline" names the holder's module and pid. Saves holders-<language>.png
// into the build directory for a person to look at.
#include "holders/holderreportjson.h"
#include "holders/holdersdock.h"
#include "holders/holdertext.h"
#include "session/sessionsnapshotsource.h"
#include "settings/uilanguage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace refscope;

namespace {

HolderReport reportFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    HolderReport report;
    QString error;
    if (!holderReportFromJson(QJsonDocument::fromJson(file.readAll()).object(), &report, &error))
        qFatal("%s: %s", qPrintable(path), qPrintable(error));
    return report;
}

HolderReport guestReport(const char *module)
{
    return reportFrom(
        QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/holders/fixtures/holders-%1.json")
            .arg(module));
}

bool hasHan(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

// Every label's text in the dock, one per line.
QString dockText(HoldersDock &dock)
{
    QStringList texts;
    for (const QLabel *label : dock.findChildren<QLabel *>())
        texts << label->text();
    return texts.join(u'\n');
}

} // namespace

class TestHoldersDock : public QObject {
    Q_OBJECT

    // The dock showing `reports` as a session does, with `module` selected.
    void show(HoldersDock &dock, SessionSnapshotSource &source, const QString &module)
    {
        dock.setSource(&source);
        dock.setModule(module);
        dock.resize(900, 600);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
    }

private slots:
    void cleanup() { UiLanguage::install(QStringLiteral("en")); }

    void listsEveryHolderAndTheAccounting()
    {
        const HolderReport report = guestReport("count_demo");
        SessionSnapshotSource source(QStringLiteral("guest"), Snapshot(), {report});
        HoldersDock dock;
        show(dock, source, QStringLiteral("count_demo"));
        QCOMPARE(dock.report(), report);
        auto *tree = dock.findChild<QTreeWidget *>(QStringLiteral("holdersTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 1);
        const Holder &h = report.holders.first();
        const QTreeWidgetItem *row = tree->topLevelItem(0);
        QCOMPARE(row->text(0), QStringLiteral("file"));
        QCOMPARE(row->text(1), QStringLiteral("%1 (sleep)").arg(h.pid));
        QCOMPARE(row->text(2), QStringLiteral("fd 3"));
        QCOMPARE(row->text(3), QStringLiteral("/dev/count_demo"));
        QCOMPARE(row->text(4), QStringLiteral("1"));
        QCOMPARE(row->text(5), QStringLiteral("exact"));
        // The forked child shares the open file: named in the tooltip and
        // in the step.
        QVERIFY2(row->toolTip(1).contains(QStringLiteral("Shared by 1 forked process")),
                 qPrintable(row->toolTip(1)));
        const QString text = dockText(dock);
        QVERIFY2(text.contains(QStringLiteral(
                     "Unattributed references (RefScope could not see their holders): 1")),
                 qPrintable(text));
        QVERIFY2(text.contains(report.verdict), qPrintable(text));
        for (const QString &step : report.steps)
            QVERIFY2(text.contains(step.toHtmlEscaped()), qPrintable(step));
        QVERIFY(text.contains(QStringLiteral("and in pids %1").arg(h.sharedWith.first())));

        QSignalSpy jump(&dock, &HoldersDock::showInTimeline);
        tree->setCurrentItem(tree->topLevelItem(0));
        const auto buttons = dock.findChildren<QPushButton *>();
        const auto timeline = std::find_if(buttons.cbegin(), buttons.cend(), [](QPushButton *b) {
            return b->text() == QStringLiteral("Show in timeline");
        });
        QVERIFY(timeline != buttons.cend() && (*timeline)->isEnabled());
        QTest::mouseClick(*timeline, Qt::LeftButton);
        QCOMPARE(jump.size(), 1);
        QCOMPARE(jump.first().at(0).toString(), QStringLiteral("count_demo"));
        QCOMPARE(jump.first().at(1).toInt(), h.pid);
    }

    void speaksTheInterfaceLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
    }

    void speaksTheInterfaceLanguage()
    {
        QFETCH(QString, language);
        QVERIFY(UiLanguage::install(language));
        const QList<HolderReport> reports = {guestReport("count_demo"), guestReport("leaky_ref")};
        SessionSnapshotSource source(QStringLiteral("guest"), Snapshot(), reports);
        for (const HolderReport &report : reports) {
            HoldersDock dock;
            show(dock, source, report.module);
            auto *tree = dock.findChild<QTreeWidget *>(QStringLiteral("holdersTree"));
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                QVERIFY(hasHan(tree->topLevelItem(i)->text(0))); // the kind
                QVERIFY(hasHan(tree->topLevelItem(i)->text(5))); // the source
                // How it was attributed, in the path column's tooltip.
                const QString rule = tree->topLevelItem(i)->toolTip(3);
                QVERIFY2(hasHan(rule) && rule.contains(QLatin1String("file->f_op->owner")),
                         qPrintable(rule));
            }
            // The verdict and every step: Chinese, with the module's name.
            const QString verdict = holderVerdictText(report, TextLanguage::Display);
            QVERIFY2(hasHan(verdict) && verdict.contains(report.module), qPrintable(verdict));
            QVERIFY(dockText(dock).contains(verdict));
            const QStringList steps = holderStepTexts(report, TextLanguage::Display);
            QCOMPARE(steps.size(), report.steps.size());
            for (const QString &step : steps) {
                QVERIFY2(hasHan(step), qPrintable(step));
                QVERIFY(dockText(dock).contains(step.toHtmlEscaped()));
            }
            // The JSON, the CLI and saved sessions stay English.
            for (const Holder &h : report.holders)
                QCOMPARE(holderRuleText(h, TextLanguage::English), h.rule);
            QCOMPARE(holderVerdictText(report, TextLanguage::English), report.verdict);
            QCOMPARE(holderStepTexts(report, TextLanguage::English), report.steps);
            if (report.module == QStringLiteral("count_demo"))
                dock.grab().save(
                    QStringLiteral(REFSCOPE_BINARY_DIR "/holders-%1.png").arg(language));
        }
    }

    void aReportFromBeforeTheCodesShowsItsEnglish()
    {
        QVERIFY(UiLanguage::install(QStringLiteral("zh_CN")));
        // Captured in the guest by an earlier RefScope: no sentence codes.
        const HolderReport old = reportFrom(
            QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/gui/release/fixtures/leaky-ref.why.json"));
        QVERIFY(old.verdictSentences.isEmpty() && old.stepSentences.isEmpty());
        SessionSnapshotSource source(QStringLiteral("guest"), Snapshot(), {old});
        HoldersDock dock;
        show(dock, source, old.module);
        const QString text = dockText(dock);
        QVERIFY2(text.contains(old.verdict), qPrintable(text));
        for (const QString &step : old.steps)
            QVERIFY(text.contains(step.toHtmlEscaped()));
    }

    void sentencesSurviveTheJson()
    {
        const HolderReport report = guestReport("leaky_ref");
        QVERIFY(!report.verdictSentences.isEmpty() && !report.stepSentences.isEmpty());
        HolderReport back;
        QString error;
        QVERIFY2(holderReportFromJson(holderReportToJson(report), &back, &error),
                 qPrintable(error));
        QCOMPARE(back, report);
        QJsonObject unknown = holderReportToJson(report);
        unknown.insert(QStringLiteral("step_sentences"),
                       QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("nope")}}});
        QVERIFY(!holderReportFromJson(unknown, &back, &error));
        QVERIFY2(error.contains(QStringLiteral("nope")), qPrintable(error));
    }
};

QTEST_MAIN(TestHoldersDock)
#include "tst_holdersdock.moc"
