// SPDX-License-Identifier: Apache-2.0
#include "history/historystore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

RunReport sampleReport(bool ok)
{
    RunReport r;
    r.operation = Operation::Deploy;
    r.projectName = QStringLiteral("demo");
    r.projectHash = QStringLiteral("abc123");
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.durationMs = 4200;
    HostOutcome h;
    h.target.key = QStringLiteral("party-10000");
    h.target.label = QStringLiteral("party 10000 (10.0.0.1)");
    h.target.address = QStringLiteral("10.0.0.1");
    h.result = ok ? StepResult::Ok : StepResult::Failed;
    StepOutcome s;
    s.kind = StepKind::Up;
    s.result = h.result;
    s.summary = ok ? QStringLiteral("started") : QStringLiteral("compose up failed");
    s.fix = ok ? QString() : QStringLiteral("free the port");
    s.lastLines = {QStringLiteral("port is already allocated")};
    h.steps.append(s);
    r.hosts.append(h);
    r.logs.insert(h.target.key, QStringLiteral("1 O hello\n2 E world\n"));
    return r;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT
private slots:
    void storeListExport()
    {
        QTemporaryDir dir;
        qint64 first = 0;
        {
            HistoryStore store(dir.path());
            QVERIFY2(store.status().ok(), qPrintable(store.status().error()));
            const auto a = store.add(sampleReport(true));
            QVERIFY(a.ok());
            first = a.value();
            QVERIFY(store.add(sampleReport(false)).ok());
        }
        // Reopened: the runs persist on disk.
        HistoryStore store(dir.path());
        const auto list = store.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->first().id, first + 1); // newest first
        QVERIFY(!list->first().ok);
        QCOMPARE(list->first().failedHosts, QStringList{QStringLiteral("party-10000")});
        QVERIFY(list->last().ok);
        QCOMPARE(list->last().operation, QStringLiteral("deploy"));
        QCOMPARE(list->last().projectHash, QStringLiteral("abc123"));

        const auto text = store.exportText(first + 1);
        QVERIFY(text.ok());
        QVERIFY(text->contains(QStringLiteral("free the port")));
        QVERIFY(text->contains(QStringLiteral("2 E world")));
        const auto json = store.exportJson(first + 1);
        QVERIFY(json.ok());
        const QJsonObject o = QJsonDocument::fromJson(json.value()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(o.value(QStringLiteral("logs"))
                    .toObject()
                    .value(QStringLiteral("party-10000"))
                    .toString()
                    .contains(QStringLiteral("hello")));
        QVERIFY(!store.exportText(999).ok());
        QCOMPARE(store.list(10, QStringLiteral("other"))->size(), 0);
        QVERIFY(store.log(first, QStringLiteral("party-10000"))->contains(QStringLiteral("hello")));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
