// SPDX-License-Identifier: GPL-3.0-or-later
// The window's "Read as root…" and "Force release…" for each answer polkit
// can give, set on the window's PolkitPrivileges directly: normal when
// allowed, a lock and a note when a password will be asked, disabled with
// the reason when refused, enabled with a note when polkit cannot be asked.
// The policy file the build installs declares the ids the code asks about.
#include "inventory/snapshotjson.h"
#include "privileges/polkitprivileges.h"
#include "privileges/privilegeview.h"
#include "protocol/polkitactions.h"
#include "release/forcerelease.h"
#include "settings/uilanguage.h"
#include "sources/snapshotsource.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTest>

namespace refscope {

namespace {

const QString kInspect = QLatin1String(polkitaction::kInspect);
const QString kRelease = QLatin1String(polkitaction::kRelease);

// This machine read live, as the window's local source would: a release
// then goes through pkexec, where polkit has its say. Its snapshot is the
// lab guest's (tests/fixtures), so the modules are real ones.
class GuestFixtureSource : public SnapshotSource {
public:
    QString description() const override { return QStringLiteral("fixture"); }

protected:
    void startRead() override
    {
        QFile file(QStringLiteral(REFSCOPE_FIXTURES_DIR "/guest-examples.json"));
        Snapshot snapshot;
        QString error;
        if (!file.open(QIODevice::ReadOnly) ||
            !snapshotFromJson(QJsonDocument::fromJson(file.readAll()).object(), &snapshot, &error))
            qFatal("guest-examples.json: %s", qPrintable(error));
        finishRead(snapshot);
    }
};

struct Shown {
    bool enabled;
    bool locked;
    QString toolTip;
};

Shown shown(const QAction *action)
{
    return {action->isEnabled(), !action->icon().isNull(), action->toolTip()};
}

} // namespace

class TestPrivilegeView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { UiLanguage::install(QStringLiteral("en")); }

    void lookOfEachAnswer()
    {
        PrivilegeLook look = PrivilegeView::look(PolkitAnswer::Allowed, kInspect);
        QVERIFY(look.enabled && !look.locked && look.note.isEmpty());
        look = PrivilegeView::look(PolkitAnswer::Unknown, kInspect);
        QVERIFY(look.enabled && !look.locked && look.note.isEmpty());
        look = PrivilegeView::look(PolkitAnswer::Challenge, kInspect);
        QVERIFY(look.enabled && look.locked);
        QVERIFY(look.note.contains(QLatin1String("password")));
        look = PrivilegeView::look(PolkitAnswer::Refused, kRelease);
        QVERIFY(!look.enabled && !look.locked);
        QVERIFY(look.note.contains(kRelease));
        look = PrivilegeView::look(PolkitAnswer::Unreachable, kInspect, QStringLiteral("no bus"));
        QVERIFY(look.enabled && !look.locked);
        QVERIFY(look.note.contains(QLatin1String("no bus")));
        QVERIFY(!PrivilegeView::lockIcon().pixmap(16).isNull());
        QVERIFY(!PrivilegeView::lockIcon().pixmap(22).isNull());
    }

    void readAsRootShowsTheAnswer_data()
    {
        QTest::addColumn<PolkitAnswer>("answer");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("locked");
        QTest::addColumn<QString>("note"); // in the tooltip
        QTest::newRow("yes") << PolkitAnswer::Allowed << true << false << QString();
        QTest::newRow("challenge") << PolkitAnswer::Challenge << true << true
                                   << QStringLiteral("administrator's password");
        QTest::newRow("no") << PolkitAnswer::Refused << false << false << kInspect;
        QTest::newRow("unreachable")
            << PolkitAnswer::Unreachable << true << false << QStringLiteral("the bus is gone");
    }

    void readAsRootShowsTheAnswer()
    {
        QFETCH(PolkitAnswer, answer);
        QFETCH(bool, enabled);
        QFETCH(bool, locked);
        QFETCH(QString, note);
        MainWindow window;
        auto *action = window.findChild<QAction *>(QStringLiteral("readAsRootAction"));
        QVERIFY(action);
        const Shown before = shown(action);
        QVERIFY(before.enabled && !before.locked); // nothing known yet
        window.privileges()->setAnswer(kInspect, answer, QStringLiteral("the bus is gone"));
        const Shown after = shown(action);
        QCOMPARE(after.enabled, enabled);
        QCOMPARE(after.locked, locked);
        QVERIFY2(after.toolTip.contains(note), qPrintable(after.toolTip));
        if (answer == PolkitAnswer::Allowed)
            QCOMPARE(after.toolTip, before.toolTip);
        // The Holders dock's button says the same.
        auto *button = window.findChild<QPushButton *>(QStringLiteral("readAsRootButton"));
        QVERIFY(button);
        QCOMPARE(button->isEnabled(), enabled);
        QCOMPARE(!button->icon().isNull(), locked);
        QCOMPARE(button->toolTip(), after.toolTip);
        // Another action's answer changes nothing here.
        window.privileges()->setAnswer(kRelease, PolkitAnswer::Refused);
        QCOMPARE(action->isEnabled(), enabled);
    }

    void forceReleaseShowsTheAnswer_data() { readAsRootShowsTheAnswer_data(); }

    void forceReleaseShowsTheAnswer()
    {
        QFETCH(PolkitAnswer, answer);
        QFETCH(bool, enabled);
        QFETCH(bool, locked);
        QFETCH(QString, note);
        if (answer == PolkitAnswer::Refused)
            note = kRelease;
        MainWindow window;
        window.setSource(new GuestFixtureSource);
        window.show();
        auto *release = window.findChild<ForceRelease *>();
        window.selectModule(QStringLiteral("leaky_ref"));
        QTRY_VERIFY(release->availability().possible); // the snapshot came
        QVERIFY(!shown(release->action()).locked);
        window.privileges()->setAnswer(kRelease, answer, QStringLiteral("the bus is gone"));
        const Shown after = shown(release->action());
        QCOMPARE(after.enabled, enabled);
        QCOMPARE(after.locked, locked);
        QVERIFY2(after.toolTip.contains(note), qPrintable(after.toolTip));
        // The Holders dock: the button with the lock, or the reason in its
        // place when refused.
        auto *button = window.findChild<QPushButton *>(QStringLiteral("forceReleaseButton"));
        auto *reason = window.findChild<QLabel *>(QStringLiteral("forceReleaseReason"));
        QCOMPARE(button->isVisibleTo(&window), enabled);
        QCOMPARE(!button->icon().isNull(), locked);
        if (!enabled)
            QVERIFY2(reason->text().contains(kRelease), qPrintable(reason->text()));
        // Whatever polkit says, a module the kernel cannot unload says so.
        window.selectModule(QStringLiteral("no_exit"));
        QVERIFY(!release->action()->isEnabled());
        QVERIFY(!shown(release->action()).locked);
        QVERIFY(reason->text().contains(QLatin1String("permanent")));
    }

    // The ids the code asks polkit about are the policy's.
    void policyDeclaresTheActions()
    {
        QFile policy(QStringLiteral(REFSCOPE_BINARY_DIR "/polkit/org.refscope.policy"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        const QByteArray text = policy.readAll();
        for (const char *id :
             {polkitaction::kInspect, polkitaction::kRelease, polkitaction::kFlight})
            QVERIFY2(text.contains(QByteArray("<action id=\"") + id + "\">"), id);
    }
};

} // namespace refscope

QTEST_MAIN(refscope::TestPrivilegeView)
#include "tst_privilegeview.moc"
