// SPDX-License-Identifier: Apache-2.0
// MarshallingPrompter: questions asked on a job thread are answered on the context's thread, which keeps
// running its event loop; cancellation and destruction release the waiting job thread.
#include "remote/prompter.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <thread>

using namespace FateDeployer;

class TestPrompter : public QObject
{
    Q_OBJECT

private slots:
    void answersArriveFromTheContextThread()
    {
        QObject context;
        std::atomic<bool> handlerOnContextThread{false};
        MarshallingPrompter prompter(
            &context,
            [&](const HostKeyQuestion &q, std::function<void(HostKeyAnswer)> reply) {
                handlerOnContextThread = QThread::currentThread() == context.thread();
                // Like a non-modal dialog: answer later, from the event loop.
                QTimer::singleShot(100, &context, [reply, q] {
                    reply(q.fingerprint == u"SHA256:abc" ? HostKeyAnswer::Accept : HostKeyAnswer::Reject);
                });
            },
            [&](const SecretQuestion &q, std::function<void(SecretAnswer)> reply) {
                QTimer::singleShot(50, &context, [reply, q] {
                    SecretAnswer a;
                    a.cancelled = false;
                    a.secret = q.prompt + u"-answer";
                    a.remember = true;
                    reply(a);
                    reply(SecretAnswer{}); // a second reply is ignored
                });
            });
        HostKeyAnswer hostAnswer = HostKeyAnswer::Reject;
        SecretAnswer secretAnswer;
        std::atomic<bool> done{false};
        std::thread job([&] {
            HostKeyQuestion q;
            q.fingerprint = QStringLiteral("SHA256:abc");
            hostAnswer = prompter.askHostKey(q, CancelToken());
            SecretQuestion s;
            s.prompt = QStringLiteral("pw");
            secretAnswer = prompter.askSecret(s, CancelToken());
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000); // the test thread keeps its event loop running meanwhile
        job.join();
        QVERIFY(handlerOnContextThread);
        QCOMPARE(hostAnswer, HostKeyAnswer::Accept);
        QVERIFY(!secretAnswer.cancelled);
        QCOMPARE(secretAnswer.secret, QStringLiteral("pw-answer"));
        QVERIFY(secretAnswer.remember);
    }

    void cancelReleasesTheWait()
    {
        QObject context;
        MarshallingPrompter prompter(
            &context,
            [](const HostKeyQuestion &, std::function<void(HostKeyAnswer)>) {}, // never answers
            [](const SecretQuestion &, std::function<void(SecretAnswer)>) {});
        CancelToken cancel;
        std::atomic<bool> done{false};
        SecretAnswer answer;
        answer.cancelled = false;
        std::thread job([&] {
            answer = prompter.askSecret(SecretQuestion{}, cancel);
            done = true;
        });
        QTest::qWait(200);
        QVERIFY(!done);
        QElapsedTimer t;
        t.start();
        cancel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(done, 2000);
        job.join();
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(answer.cancelled);
    }

    void destroyedContextReleasesTheWait()
    {
        auto *context = new QObject;
        MarshallingPrompter prompter(
            context,
            [](const HostKeyQuestion &, std::function<void(HostKeyAnswer)>) {},
            [](const SecretQuestion &, std::function<void(SecretAnswer)>) {});
        std::atomic<bool> done{false};
        HostKeyAnswer answer = HostKeyAnswer::Accept;
        std::thread job([&] {
            answer = prompter.askHostKey(HostKeyQuestion{}, CancelToken());
            done = true;
        });
        QTest::qWait(100);
        delete context;
        QTRY_VERIFY_WITH_TIMEOUT(done, 2000);
        job.join();
        QCOMPARE(answer, HostKeyAnswer::Reject);
    }
};

QTEST_GUILESS_MAIN(TestPrompter)
#include "tst_prompter.moc"
