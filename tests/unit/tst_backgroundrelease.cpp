// SPDX-License-Identifier: Apache-2.0
// releaseInBackground: what it is given is destroyed on the release thread, whole and in order, and the
// caller's container is left empty.
#include "util/backgroundrelease.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <utility>
#include <vector>

using namespace FateDeployer;

namespace {

struct Record
{
    QMutex mutex;
    std::vector<int> order;
    std::vector<QThread *> threads;
    QSemaphore destroyed;
};

/// Notes on which thread it is destroyed (moved-from probes note nothing).
struct Probe
{
    Probe(Record *record, int id)
        : m_record(record)
        , m_id(id)
    {}
    Probe(Probe &&other) noexcept
        : m_record(std::exchange(other.m_record, nullptr))
        , m_id(other.m_id)
    {}
    Probe(const Probe &) = delete;
    Probe &operator=(const Probe &) = delete;
    Probe &operator=(Probe &&) = delete;
    ~Probe()
    {
        if (!m_record)
            return;
        {
            QMutexLocker lock(&m_record->mutex);
            m_record->order.push_back(m_id);
            m_record->threads.push_back(QThread::currentThread());
        }
        m_record->destroyed.release();
    }

private:
    Record *m_record;
    int m_id;
};

} // namespace

class TestBackgroundRelease : public QObject
{
    Q_OBJECT

private slots:
    void destroysOnAnotherThreadInOrder()
    {
        Record record;
        std::vector<Probe> probes;
        for (int i = 0; i < 100; ++i)
            probes.emplace_back(&record, i);
        releaseInBackground(std::move(probes));
        QVERIFY(probes.empty()); // NOLINT(bugprone-use-after-move): moved-from is specified empty here
        QVERIFY(record.destroyed.tryAcquire(100, 30000));
        QMutexLocker lock(&record.mutex);
        QCOMPARE(int(record.order.size()), 100);
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(record.order[std::size_t(i)], i);
            QVERIFY(record.threads[std::size_t(i)] != QThread::currentThread());
        }
    }

    void releasesQueueInOrderAcrossCalls()
    {
        Record record;
        for (int batch = 0; batch < 5; ++batch) {
            std::vector<Probe> probes;
            for (int i = 0; i < 10; ++i)
                probes.emplace_back(&record, batch * 10 + i);
            releaseInBackground(std::move(probes));
        }
        QVERIFY(record.destroyed.tryAcquire(50, 30000));
        QMutexLocker lock(&record.mutex);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(record.order[std::size_t(i)], i);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundRelease)
#include "tst_backgroundrelease.moc"
