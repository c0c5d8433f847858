// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "model/projectfile.h"
#include "model/validation.h"
#include "util/translations.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace FateDeployer;

namespace {
bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_translator = new Translator(this);
        QVERIFY(m_translator->load(QLocale(QStringLiteral("zh_CN"))));
        QCoreApplication::installTranslator(m_translator);
    }

    void everyCatalogueEntryIsFoundAtRuntime()
    {
        // Each (context, source) of the catalogue must come back translated through the .qm.
        QFile ts(QStringLiteral(FD_SOURCE_DIR "/translations/fate-deployer_zh_CN.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        QString source;
        QString comment;
        int checked = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                comment.clear();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("comment")) {
                comment = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool numerus = source.contains(QLatin1String("%n"));
                const QString text = m_translator->translate(context.toUtf8().constData(),
                                                             source.toUtf8().constData(),
                                                             comment.isEmpty() ? nullptr : comment.toUtf8().constData(),
                                                             numerus ? 2 : -1);
                QVERIFY2(!text.isEmpty(), qPrintable(context + QStringLiteral(": ") + source));
                ++checked;
            }
        }
        QVERIFY(checked > 100);
    }

    void coreMessagesAreTranslated()
    {
        QVERIFY(hasChinese(ProjectFile::fromJson("{").error()));
        Project p = Project::example();
        p.parties[1].host = QStringLiteral("192.168.7.300");
        const QList<ValidationIssue> issues = Validator::validate(p);
        QVERIFY(!issues.isEmpty());
        QVERIFY2(hasChinese(issues.first().message), qPrintable(issues.first().message));
        // The field path stays as it is: it names a key of the project file.
        QVERIFY(issues.first().toString().startsWith(QLatin1String("parties[1].host: ")));
    }

    void cliUsageIsTranslated()
    {
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        QCOMPARE(CliApp::run({QStringLiteral("--help")}, out, err), int(ExitOk));
        out.flush();
        QVERIFY2(hasChinese(outText), qPrintable(outText));
        QVERIFY(outText.contains(QLatin1String("validate")));
    }

private:
    Translator *m_translator = nullptr;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
