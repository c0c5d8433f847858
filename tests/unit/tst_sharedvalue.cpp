// SPDX-License-Identifier: Apache-2.0
// SharedValue: an empty one reads as a default value, copies share, an edit never shows through another
// copy; and a JobEvent built for an output line stays small (the live log builds one per line).
#include "jobs/events.h"
#include "util/sharedvalue.h"

#include <QTest>

using namespace FateDeployer;

class TestSharedValue : public QObject
{
    Q_OBJECT

private slots:
    void emptyReadsAsDefault()
    {
        const SharedValue<StepOutcome> empty;
        QCOMPARE(empty->result, StepOutcome().result);
        QVERIFY(empty->summary.isEmpty());
        // Two empty values read the same default object: nothing was allocated for them.
        const SharedValue<StepOutcome> other;
        QCOMPARE(&empty.get(), &other.get());
    }

    void assignedValueIsShared()
    {
        StepOutcome failed;
        failed.result = StepResult::Failed;
        failed.summary = QStringLiteral("port 9370 in use");
        SharedValue<StepOutcome> a = failed;
        const SharedValue<StepOutcome> b = a;
        QCOMPARE(b->summary, failed.summary);
        QCOMPARE(&a.get(), &b.get());
        const StepOutcome &asRef = b; // reads as the value it replaced
        QCOMPARE(asRef.result, StepResult::Failed);
    }

    void editDetachesFromCopies()
    {
        StepOutcome ok;
        ok.result = StepResult::Ok;
        SharedValue<StepOutcome> a = ok;
        const SharedValue<StepOutcome> b = a;
        a.edit().result = StepResult::Failed;
        QCOMPARE(a->result, StepResult::Failed);
        QCOMPARE(b->result, StepResult::Ok);
        // An empty value edited gets its own object, the shared default stays untouched.
        SharedValue<StepOutcome> c;
        c.edit().summary = QStringLiteral("edited");
        QVERIFY(SharedValue<StepOutcome>()->summary.isEmpty());
        QCOMPARE(c->summary, QStringLiteral("edited"));
    }

    void outputEventIsSmall()
    {
        // Step and host outcomes (200 + 344 bytes) no longer live in every event.
        QVERIFY2(sizeof(JobEvent) <= 256, qPrintable(QString::number(sizeof(JobEvent))));
        JobEvent e;
        e.type = JobEvent::Type::Output;
        e.line.text = QStringLiteral("line");
        const JobEvent copy = e;
        QCOMPARE(copy.line.text, QStringLiteral("line"));
        QVERIFY(copy.outcome->steps.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSharedValue)
#include "tst_sharedvalue.moc"
