// SPDX-License-Identifier: Apache-2.0
// Host-key and password prompts: non-modal dialogs raised from the engine's callbacks, answered
// here the way a user answers them (clicks, typing, Esc).
#include "guitest.h"

#include "gui/projectdocument.h"
#include "gui/prompter.h"
#include "remote/canceltoken.h"
#include "remote/prompter.h"
#include "scriptedbackend.h"

#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QThread>

#include <atomic>

using namespace FateDeployer;

class TestGuiPrompts : public QObject
{
    Q_OBJECT

private:
    Testing::WindowFixture f;

    QDialog *openDialog(const QString &name)
    {
        for (QDialog *d : f.window->prompter()->openDialogs()) {
            if (d->objectName() == name)
                return d;
        }
        return nullptr;
    }

private slots:
    void init() { f.create(); }
    void cleanup() { f.destroy(); }

    void newHostKeyShowsTheFingerprintAndTrustContinues()
    {
        std::optional<bool> answer;
        f.window->prompter()->askHostKey({QStringLiteral("192.168.7.1"),
                                          22,
                                          QStringLiteral("ssh-ed25519"),
                                          QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"),
                                          false},
                                         [&answer](bool trust) { answer = trust; });
        QDialog *dialog = openDialog(QStringLiteral("hostKeyDialog"));
        QVERIFY(dialog);
        QVERIFY(!dialog->isModal() || dialog->windowModality() == Qt::WindowModal); // open(), not exec()
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("fingerprint"))->text(),
                 QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"));
        QVERIFY(!answer.has_value()); // the GUI thread was not blocked waiting
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustButton")), Qt::LeftButton);
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(*answer, true);
    }

    void changedHostKeyDefaultsToRefusalAndEscRefuses()
    {
        std::optional<bool> answer;
        f.window->prompter()->askHostKey(
            {QStringLiteral("192.168.7.2"), 2222, QStringLiteral("ssh-rsa"), QStringLiteral("SHA256:AAAA"), true},
            [&answer](bool trust) { answer = trust; });
        QDialog *dialog = openDialog(QStringLiteral("hostKeyDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("rejectButton"))->isDefault());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("trustButton"))->isDefault());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(*answer, false);
    }

    void passwordIsReturnedOnceAndNotKept()
    {
        std::optional<GuiPrompter::SecretAnswer> answer;
        bool called = false;
        f.window->prompter()->askSecret(
            {GuiPrompter::SecretKind::Password, QStringLiteral("192.168.7.1"), QStringLiteral("root"), {}, true},
            [&](std::optional<GuiPrompter::SecretAnswer> a) {
                called = true;
                answer = a;
            });
        QDialog *dialog = openDialog(QStringLiteral("secretDialog"));
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"));
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, QStringLiteral("s3cr'et $pw"));
        dialog->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(called);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->secret, QStringLiteral("s3cr'et $pw"));
        QVERIFY(answer->remember);
    }

    void cancelledPassphraseIsNoAnswer()
    {
        bool called = false;
        std::optional<GuiPrompter::SecretAnswer> answer{GuiPrompter::SecretAnswer{}};
        f.window->prompter()->askSecret({GuiPrompter::SecretKind::Passphrase,
                                         QStringLiteral("192.168.7.1"),
                                         QStringLiteral("~/.ssh/id_ed25519"),
                                         {},
                                         false},
                                        [&](std::optional<GuiPrompter::SecretAnswer> a) {
                                            called = true;
                                            answer = a;
                                        });
        QDialog *dialog = openDialog(QStringLiteral("secretDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isHidden());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(called);
        QVERIFY(!answer.has_value());
    }

    void engineAdapterWaitsOnlyInTheJobThread()
    {
        std::unique_ptr<Prompter> adapter = f.window->prompter()->engineAdapter();
        std::atomic<int> hostKey{-1};
        ::FateDeployer::SecretAnswer secret;
        CancelToken cancel;
        QThread *job = QThread::create([&] {
            hostKey = int(adapter->askHostKey({QStringLiteral("party-a"),
                                               QStringLiteral("192.168.7.1"),
                                               22,
                                               QStringLiteral("ssh-ed25519"),
                                               QStringLiteral("SHA256:abc"),
                                               {}},
                                              cancel));
            ::FateDeployer::SecretQuestion q;
            q.kind = ::FateDeployer::SecretQuestion::Kind::KeyPassphrase;
            q.host = QStringLiteral("root@192.168.7.1:22");
            q.keyFile = QStringLiteral("/root/.ssh/id_ed25519");
            secret = adapter->askSecret(q, cancel);
        });
        job->start();
        QTRY_VERIFY(openDialog(QStringLiteral("hostKeyDialog")));
        QDialog *dialog = openDialog(QStringLiteral("hostKeyDialog"));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("fingerprint"))->text(), QStringLiteral("SHA256:abc"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("trustButton")), Qt::LeftButton);
        QTRY_VERIFY(openDialog(QStringLiteral("secretDialog")));
        QDialog *secretDialog = openDialog(QStringLiteral("secretDialog"));
        QTest::keyClicks(secretDialog->findChild<QLineEdit *>(QStringLiteral("secretEdit")),
                         QStringLiteral("pass phrase"));
        QTest::keyClick(secretDialog->findChild<QLineEdit *>(QStringLiteral("secretEdit")), Qt::Key_Return);
        QTRY_VERIFY(job->isFinished());
        delete job;
        QCOMPARE(hostKey.load(), int(HostKeyAnswer::Accept));
        QVERIFY(!secret.cancelled);
        QCOMPARE(secret.secret, QStringLiteral("pass phrase"));

        // Cancelling the job releases its wait even while the dialog is still open.
        std::atomic<int> answer{-1};
        QThread *second = QThread::create([&] {
            answer = int(adapter->askHostKey(
                {QStringLiteral("h"), {}, 22, QStringLiteral("ssh-rsa"), QStringLiteral("SHA256:x"), {}}, cancel));
        });
        second->start();
        QTRY_VERIFY(openDialog(QStringLiteral("hostKeyDialog")));
        cancel.cancel();
        QTRY_VERIFY(second->isFinished());
        delete second;
        QCOMPARE(answer.load(), int(HostKeyAnswer::Reject));
    }

    void engineQuestionDuringADeploy()
    {
        Testing::ScriptedBackend backend;
        backend.askHostKey = true;
        f.window->setDeployBackend(&backend);
        QVERIFY(f.window->openProject(f.examplePath()));
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QTRY_VERIFY(openDialog(QStringLiteral("hostKeyDialog")));
        QVERIFY(f.window->monitor()->isRunning());
        QTest::mouseClick(
            openDialog(QStringLiteral("hostKeyDialog"))->findChild<QPushButton *>(QStringLiteral("trustButton")),
            Qt::LeftButton);
        QTRY_VERIFY(!f.window->monitor()->isRunning());
        QVERIFY(backend.hostKeyAnswer);
        QVERIFY(f.window->monitor()->hosts()->failedHosts().isEmpty());

        // Refusing the key stops the run with the reason on the host row.
        f.window->action(QStringLiteral("actionDeployAll"))->trigger();
        QTRY_VERIFY(openDialog(QStringLiteral("hostKeyDialog")));
        QTest::keyClick(openDialog(QStringLiteral("hostKeyDialog")), Qt::Key_Escape);
        QTRY_VERIFY(!f.window->monitor()->isRunning());
        QCOMPARE(f.window->monitor()->hosts()->failedHosts(), QStringList{QStringLiteral("192.168.7.1")});
        f.window->setDeployBackend(nullptr);
    }
};

QTEST_MAIN(TestGuiPrompts)
#include "tst_gui_prompts.moc"
