// SPDX-License-Identifier: Apache-2.0
#include "trcontexts.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {
QString describe(const QList<TrContextCheck::Problem> &problems)
{
    QString text;
    for (const TrContextCheck::Problem &p : problems) {
        text += QStringLiteral("%1:%2: \"%3\" asks for context \"%4\": %5\n")
                    .arg(p.call.file.mid(p.call.file.lastIndexOf(QLatin1String("/src/")) + 1))
                    .arg(p.call.line)
                    .arg(p.call.source.left(70).replace(u'\n', QLatin1String("\\n")), p.call.context, p.reason);
    }
    return text;
}
} // namespace

// Every translatable call must find its text, finished, in the shipped catalogue under the context the
// call asks for at run time (not the one lupdate guessed); a negative fixture keeps the check honest.
class TestTrContexts : public QObject
{
    Q_OBJECT

private slots:
    void fixtureMismatchesAreFound()
    {
        // lupdate itself files the fixture's calls, as it does for the real catalogue.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fixture = QStringLiteral(FD_TEST_DATA "/trcontexts/fixture.cpp");
        const QString ts = dir.filePath(QStringLiteral("fixture.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(FD_LUPDATE),
                      {QStringLiteral("-I"),
                       QStringLiteral(FD_SOURCE_DIR "/src/core"),
                       QStringLiteral("-locations"),
                       QStringLiteral("none"),
                       fixture,
                       QStringLiteral("-ts"),
                       ts});
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        TrContextCheck check;
        check.scan({fixture});
        QVERIFY(check.loadCatalogue(ts));
        QCOMPARE(check.calls().size(), 11);
        const QList<TrContextCheck::Problem> problems = check.problems(/*requireFinished=*/false);

        QFile source(fixture);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QList<int> expected;
        const QList<QByteArray> lines = source.readAll().split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).contains("// MISMATCH"))
                expected.append(i + 1);
        }
        QList<int> found;
        for (const TrContextCheck::Problem &p : problems)
            found.append(p.call.line);
        std::sort(found.begin(), found.end());
        QVERIFY2(found == expected, qPrintable(describe(problems)));
        QCOMPARE(expected.size(), 4);

        // What each mismatch asks for at run time, against where lupdate put it.
        for (const TrContextCheck::Problem &p : problems) {
            if (p.call.source == u"inherits the base's tr")
                QCOMPARE(p.call.context, QStringLiteral("FateDeployer::Widgetish"));
            if (p.call.source == u"nested in a QObject: the outer tr")
                QCOMPARE(p.call.context, QStringLiteral("FateDeployer::Widgetish"));
            if (p.call.source.startsWith(QLatin1String("member of a class without tr")))
                QCOMPARE(p.reason, QStringLiteral("the catalogue has it only under FateDeployer::Plain"));
            if (p.call.source.startsWith(QLatin1String("free function")))
                QCOMPARE(p.reason, QStringLiteral("the catalogue has it only under FateDeployer"));
        }
        // An unfinished entry is a problem too when the catalogue must be complete.
        QCOMPARE(check.problems(/*requireFinished=*/true).size(), check.calls().size());
    }

    void everyCallFindsItsTranslation()
    {
        TrContextCheck check;
        check.scan(TrContextCheck::sourceFiles(QStringLiteral(FD_SOURCE_DIR "/src")));
        QVERIFY(check.loadCatalogue(QStringLiteral(FD_SOURCE_DIR "/translations/fate-deployer_zh_CN.ts")));
        // A sanity floor: the scanner must keep finding the project's calls.
        QVERIFY2(check.calls().size() > 1000, qPrintable(QString::number(check.calls().size())));
        const QList<TrContextCheck::Problem> problems = check.problems();
        qInfo("%lld translatable calls checked, %d with a computed text skipped, %lld problems",
              qlonglong(check.calls().size()),
              check.dynamicCalls(),
              qlonglong(problems.size()));
        // One line per problem (QVERIFY2 would cut a long message).
        for (const QString &line : describe(problems).split(u'\n', Qt::SkipEmptyParts))
            qWarning("%s", qPrintable(line));
        QVERIFY2(problems.isEmpty(), "see the lines above");
    }
};

QTEST_GUILESS_MAIN(TestTrContexts)
#include "tst_trcontexts.moc"
