// SPDX-License-Identifier: Apache-2.0
// The local guards of a run: ProjectLock (one run of a project per machine) and SignalGuard (Ctrl+C and
// SIGTERM recorded from the first instant, exit status 128 + signal).
#include "util/projectlock.h"
#include "util/signalguard.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace FateDeployer;

namespace {
std::atomic_int previousHandlerCalls{0};
extern "C" void previousHandler(int)
{
    ++previousHandlerCalls;
}
} // namespace

class TestLocalGuards : public QObject
{
    Q_OBJECT

private slots:
    void secondLockOfOneProjectIsRefusedNamingTheHolder()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ProjectLock first;
        QVERIFY(first.lock(project).ok());
        QVERIFY(first.isLocked());
        ProjectLock second;
        // The same file under another spelling is the same project.
        const Status refused = second.lock(dir.path() + QStringLiteral("/./p.fdproj"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("is already being run by")), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QStringLiteral("(process %1 on ").arg(QCoreApplication::applicationPid())),
                 qPrintable(refused.error()));
        // Another project is free.
        ProjectLock other;
        QVERIFY(other.lock(dir.filePath(QStringLiteral("q.fdproj"))).ok());
        first.unlock();
        QVERIFY(second.lock(project).ok());
    }

    void signalsAreRecordedAndGiveTheShellExitStatus()
    {
        std::signal(SIGTERM, previousHandler);
        {
            SignalGuard guard;
            QVERIFY(!SignalGuard::cancelled());
            QCOMPARE(SignalGuard::exitCode(), 0);
            ::raise(SIGTERM);
            QVERIFY(SignalGuard::cancelled());
            QVERIFY(SignalGuard::flag()->load());
            QCOMPARE(SignalGuard::signalNumber(), SIGTERM);
            QCOMPARE(SignalGuard::exitCode(), 143);
        }
        {
            SignalGuard guard; // a new guard starts clean
            QVERIFY(!SignalGuard::cancelled());
            ::raise(SIGINT);
            QCOMPARE(SignalGuard::exitCode(), 130);
        }
        // The previous handler is back.
        ::raise(SIGTERM);
        QCOMPARE(previousHandlerCalls.load(), 1);
        std::signal(SIGTERM, SIG_DFL);
    }
};

QTEST_GUILESS_MAIN(TestLocalGuards)
#include "tst_localguards.moc"
