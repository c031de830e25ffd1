// SPDX-License-Identifier: GPL-3.0-or-later
// The translations are complete. lupdate, run over the sources as they are
// now, finds no string the committed .ts files lack (unfinished) and none
// they keep that the sources dropped (vanished); every translation keeps
// its source's placeholders and accelerator; and the .qm files compiled
// into the app load and translate.
#include "settings/uilanguage.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace refscope;

namespace {

struct Message {
    QString context;
    QString source;
    QString type;             // the translation's type: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per numerus form
    QString key() const { return context + QLatin1Char('\x1f') + source; }
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = {context, {}, {}, {}};
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either plain text or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (message.translations.isEmpty())
                message.translations.append(text);
            messages.append(message);
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (const auto &match : re.globalMatch(text))
        found.insert(match.captured());
    return found;
}

bool hasAccelerator(QString text)
{
    return text.remove(QLatin1String("&&")).contains(QLatin1Char('&'));
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void complete_data();
    void complete();
    void compiledIn_data();
    void compiledIn();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
}

void TestTranslations::complete()
{
    QFETCH(QString, language);
    const QString committed =
        QStringLiteral(REFSCOPE_SOURCE_DIR "/translations/refscope_%1.ts").arg(language);
    QTemporaryDir dir;
    const QString updated = dir.filePath(QStringLiteral("refscope_%1.ts").arg(language));
    QVERIFY(QFile::copy(committed, updated));
    QFile::setPermissions(updated, QFile::ReadOwner | QFile::WriteOwner);

    // The same options as the update_translations target.
    QProcess lupdate;
    lupdate.start(QStringLiteral(REFSCOPE_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral(REFSCOPE_SOURCE_DIR "/app/gui"),
                   QStringLiteral(REFSCOPE_SOURCE_DIR "/app/core"), QStringLiteral("-ts"),
                   updated});
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitCode(), 0);

    const QList<Message> now = readTs(updated);
    const QList<Message> before = readTs(committed);
    QVERIFY(now.size() > 100);

    QStringList problems;
    QSet<QString> nowKeys;
    for (const Message &m : now) {
        nowKeys.insert(m.key());
        if (!m.type.isEmpty())
            problems.append(QStringLiteral("%1 [%2] %3").arg(m.type, m.context, m.source));
    }
    for (const Message &m : before) {
        if (!nowKeys.contains(m.key()))
            problems.append(QStringLiteral("vanished [%1] %2").arg(m.context, m.source));
        if (!m.type.isEmpty())
            problems.append(
                QStringLiteral("committed as %1 [%2] %3").arg(m.type, m.context, m.source));
        for (const QString &translation : m.translations) {
            if (translation.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                problems.append(QStringLiteral("empty [%1] %2").arg(m.context, m.source));
            else if (placeholders(translation) != placeholders(m.source))
                problems.append(
                    QStringLiteral("placeholders differ [%1] %2").arg(m.context, m.source));
            else if (hasAccelerator(m.source) != hasAccelerator(translation))
                problems.append(
                    QStringLiteral("accelerator differs [%1] %2").arg(m.context, m.source));
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s) in %2 (run the update_translations "
                                       "target, then translate):\n")
                            .arg(problems.size())
                            .arg(committed) +
                        problems.join(QLatin1Char('\n'))));
}

void TestTranslations::compiledIn_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("refresh");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("刷新");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW") << QStringLiteral("重新整理");
}

void TestTranslations::compiledIn()
{
    QFETCH(QString, language);
    QFETCH(QString, refresh);
    QVERIFY(UiLanguage::install(language));
    QCOMPARE(QCoreApplication::translate("refscope::MainWindow", "Refresh"), refresh);
    // Qt's own strings come along: the standard buttons are not English.
    QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
    QVERIFY(UiLanguage::install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("refscope::MainWindow", "Refresh"),
             QStringLiteral("Refresh"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
