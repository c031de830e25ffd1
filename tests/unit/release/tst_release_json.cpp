// SPDX-License-Identifier: GPL-3.0-or-later
// Release requests, steps and results survive a JSON round trip, malformed
// input is rejected with the field named, and every step code has a
// sentence with all its arguments filled in.
#include "release/releasejson.h"
#include "release/releasesteptext.h"

#include <QJsonArray>
#include <QtTest>

namespace refscope {

namespace {

ReleaseRequest sampleRequest()
{
    Holder holder;
    holder.kind = HolderKind::File;
    holder.pid = 812;
    holder.comm = QStringLiteral("cat");
    holder.fds = {3, 4};
    holder.sharedWith = {813};
    holder.path = QStringLiteral("/dev/count_demo");
    holder.refs = 2;
    holder.source = HolderSource::Exact;
    holder.rule = QStringLiteral("exact: file->f_op->owner");
    Holder socket = holder;
    socket.kind = HolderKind::Socket;
    socket.pid = -1;
    socket.fds = {};
    socket.sharedWith = {};
    socket.ownThread = true;
    ReleaseRequest request;
    request.module = QStringLiteral("count_demo");
    request.confirmedRefcount = 5;
    request.confirmedUnattributed = 1;
    request.clear = {{holder, ClearAction::CloseFds}, {socket, ClearAction::Terminate}};
    request.lastResort = LastResort::DropLeaked;
    return request;
}

// Every code, with as many numbered arguments as it takes.
QList<ReleaseStep> everyStep()
{
    QList<ReleaseStep> steps;
    for (int c = int(StepCode::Checked); c <= int(StepCode::StillLoaded); ++c) {
        ReleaseStep step;
        step.code = StepCode(c);
        step.kind = StepKind(c % 6);
        step.outcome = StepOutcome(c % 4);
        step.target = QStringLiteral("TARGET");
        for (int i = 0; i < stepCodeArgumentCount(step.code); ++i)
            step.args << QStringLiteral("ARG%1").arg(i + 1);
        step.refcountAfter = c % 3 - 1;
        steps << step;
    }
    return steps;
}

} // namespace

class TestReleaseJson : public QObject {
    Q_OBJECT

private slots:
    void requestRoundTrip()
    {
        const ReleaseRequest request = sampleRequest();
        ReleaseRequest back;
        QString error;
        QVERIFY2(releaseRequestFromJson(releaseRequestToJson(request), &back, &error),
                 qPrintable(error));
        QCOMPARE(back, request);
    }

    void requestNormalizesTheModuleName()
    {
        QJsonObject json = releaseRequestToJson(sampleRequest());
        json.insert(QStringLiteral("module"), QStringLiteral(" snd-hda-intel "));
        ReleaseRequest back;
        QString error;
        QVERIFY2(releaseRequestFromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back.module, QStringLiteral("snd_hda_intel"));
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("no module") << "module" << QJsonValue() << "module";
        QTest::newRow("empty module") << "module" << QJsonValue(" ") << "module";
        QTest::newRow("path as module") << "module" << QJsonValue("../x") << "module";
        QTest::newRow("long module") << "module" << QJsonValue(QString(60, u'a')) << "module";
        QTest::newRow("negative count")
            << "confirmed_refcount" << QJsonValue(-1) << "confirmed_refcount";
        QTest::newRow("fraction") << "confirmed_refcount" << QJsonValue(1.5)
                                  << "confirmed_refcount";
        QTest::newRow("count as text")
            << "confirmed_refcount" << QJsonValue("5") << "confirmed_refcount";
        QTest::newRow("unattributed above count")
            << "confirmed_unattributed" << QJsonValue(6) << "confirmed_unattributed";
        QTest::newRow("unknown last resort") << "last_resort" << QJsonValue("zero_it") << "zero_it";
        QTest::newRow("clear not array") << "clear" << QJsonValue(3) << "clear";
        QTest::newRow("clear entry not object")
            << "clear" << QJsonValue(QJsonArray{1}) << "clear[0]";
        QTest::newRow("unknown action")
            << "clear"
            << QJsonValue(QJsonArray{QJsonObject{
                   {"holder", QJsonObject{{"kind", "file"}, {"source", "exact"}, {"refs", 1}}},
                   {"action", "explode"}}})
            << "explode";
        QTest::newRow("bad holder")
            << "clear"
            << QJsonValue(QJsonArray{
                   QJsonObject{{"holder", QJsonObject{{"kind", "cloud"}}}, {"action", "umount"}}})
            << "cloud";
    }

    void malformedRequests()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject json = releaseRequestToJson(sampleRequest());
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        ReleaseRequest back;
        QString error;
        QVERIFY(!releaseRequestFromJson(json, &back, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QCOMPARE(back, ReleaseRequest{}); // untouched
    }

    void resultRoundTrip()
    {
        ReleaseResult result;
        result.module = QStringLiteral("leaky_ref");
        result.released = true;
        result.steps = everyStep();
        ReleaseResult back;
        QString error;
        QVERIFY2(releaseResultFromJson(releaseResultToJson(result), &back, &error),
                 qPrintable(error));
        QCOMPARE(back, result);
    }

    void malformedSteps_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown kind") << "kind" << QJsonValue("pray") << "pray";
        QTest::newRow("unknown outcome") << "outcome" << QJsonValue("maybe") << "maybe";
        QTest::newRow("unknown code") << "code" << QJsonValue("oops") << "oops";
        QTest::newRow("too few args") << "args" << QJsonValue(QJsonArray{"1"}) << "args";
        QTest::newRow("number arg") << "args" << QJsonValue(QJsonArray{1, 2}) << "args";
        QTest::newRow("count below -1") << "refcount_after" << QJsonValue(-2) << "refcount_after";
        QTest::newRow("no target") << "target" << QJsonValue() << "target";
    }

    void malformedSteps()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        ReleaseStep step;
        step.code = StepCode::CountChanged;
        step.args = {QStringLiteral("3"), QStringLiteral("2")};
        QJsonObject json = releaseStepToJson(step);
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        ReleaseResult result;
        QString error;
        const QJsonObject wrapped{
            {"module", "m"}, {"released", false}, {"steps", QJsonArray{json}}};
        QVERIFY(!releaseResultFromJson(wrapped, &result, &error));
        QVERIFY2(error.startsWith(QLatin1String("steps[0]")) && error.contains(named),
                 qPrintable(error));
    }

    void everyCodeHasASentence()
    {
        QSet<QString> names;
        for (const ReleaseStep &step : everyStep()) {
            const QString name = stepCodeName(step.code);
            QVERIFY2(!name.isEmpty() && !names.contains(name), qPrintable(name));
            names.insert(name);
            const QString text = releaseStepText(step);
            for (const QString &arg : step.args)
                QVERIFY2(text.contains(arg), qPrintable(name + QStringLiteral(": ") + text));
            QVERIFY2(!text.contains(u'%'), qPrintable(name + QStringLiteral(": ") + text));
            QVERIFY2(text.contains(QLatin1String("TARGET")),
                     qPrintable(name + QStringLiteral(": ") + text));
        }
    }

    void valuesAreNotSubstitutedTwice()
    {
        ReleaseStep step;
        step.code = StepCode::ClearFailed;
        step.args = {QStringLiteral("no such file: /tmp/%1")};
        step.target = QStringLiteral("/mnt");
        QCOMPARE(releaseStepText(step),
                 QStringLiteral("Could not clear /mnt: no such file: /tmp/%1"));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestReleaseJson)
#include "tst_release_json.moc"
