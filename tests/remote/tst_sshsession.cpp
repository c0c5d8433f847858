// SPDX-License-Identifier: Apache-2.0
// SshSession against the sandbox's real sshd hosts (instance FD_SANDBOX_ID 10): authentication, host keys,
// streamed commands, cancellation, uploads, failures, hostile values, jump host.
#include "remote/prompter.h"
#include "remote/sshsession.h"
#include "settings/secretstore.h"
#include "testprompter.h"

#include "sandboxfixture.h"
#include "sandboxids.h"

#include <QCryptographicHash>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <archive.h>
#include <archive_entry.h>

#include <atomic>
#include <csignal>

#include <thread>

using namespace FateDeployer;
using FateDeployer::Testing::SandboxFixture;
namespace SandboxId = FateDeployer::Testing::SandboxId;
using FateDeployer::Testing::TestPrompter;

namespace {

constexpr int InstanceId = SandboxId::SshSession;

struct Sha256Local
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
    void add(const QByteArray &data) { hash.addData(data); }
    QByteArray hex() { return hash.result().toHex(); }
};

QString fingerprintFromKnownHosts(const QString &knownHosts, const QString &host)
{
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-l"), QStringLiteral("-F"), host, QStringLiteral("-f"), knownHosts});
    p.waitForFinished();
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        for (const QByteArray &part : parts)
            if (part.startsWith("SHA256:"))
                return QString::fromLatin1(part);
    }
    return {};
}

} // namespace

class TestSshSession : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_sandbox{InstanceId};
    QTemporaryDir m_tmp;
    const QByteArray m_path = qgetenv("PATH");

    SshEndpoint rootEndpoint(int host = 1) const
    {
        SshEndpoint e;
        e.host = m_sandbox.hostIp(host);
        e.port = 22;
        e.user = m_sandbox.rootUser();
        e.identityFile = m_sandbox.clientKeyPath();
        e.auth = AuthMethod::PublicKey;
        e.knownHostsFile = m_sandbox.knownHostsPath();
        e.sshConfigFile = QStringLiteral("none");
        e.hostKeyPolicy = HostKeyPolicy::Refuse;
        // Generous: a loaded machine must not look like a dead host. Tests that cut hosts set their own.
        e.connectTimeoutSeconds = 60;
        e.deadPeerTimeoutSeconds = 60;
        return e;
    }

    QString freshKnownHosts(const QString &name)
    {
        const QString path = m_tmp.filePath(name);
        QFile::remove(path);
        return path;
    }

    int remoteCount(int host, const QString &pattern)
    {
        const auto r = m_sandbox.runOnHost(host, QStringLiteral("ps -eo args | grep -c -- '%1' || true").arg(pattern));
        return r.out.trimmed().toInt();
    }

private slots:
    void initTestCase()
    {
        QString why;
        if (!SandboxFixture::canRun(&why))
            QSKIP(qPrintable(u"sandbox unavailable: " + why));
        qunsetenv("SSH_AUTH_SOCK"); // the agent of whoever runs the tests must not log us in
        QVERIFY(m_tmp.isValid());
        QString error;
        QVERIFY2(m_sandbox.start(2, &error), qPrintable(error));
    }

    void keyLoginAndKnownHost()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QVERIFY(s.isConnected());
        QVERIFY(s.hostKeyFingerprint().startsWith(u"SHA256:"));
        QCOMPARE(s.hostKeyFingerprint(), fingerprintFromKnownHosts(m_sandbox.knownHostsPath(), m_sandbox.hostIp(1)));
        QCOMPARE(s.hostKeyType(), QStringLiteral("ssh-ed25519"));
        auto r = s.exec(ShellCommand(u"hostname"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->stdOut, QByteArray("h1\n"));
        QVERIFY(r->succeeded());
    }

    void agentLogin()
    {
        // A private ssh-agent holding the sandbox key; no key file is given to the session.
        const QString sock = m_tmp.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"), {QStringLiteral("-a"), sock, QStringLiteral("-s")});
        QVERIFY(agent.waitForFinished(10000));
        const QByteArray out = agent.readAllStandardOutput();
        const qsizetype at = out.indexOf("SSH_AGENT_PID=");
        QVERIFY2(at >= 0, out.constData());
        const qint64 agentPid = out.mid(at + 14, out.indexOf(';', at) - at - 14).toLongLong();
        QVERIFY(agentPid > 0);
        const auto stopAgent = qScopeGuard([agentPid] {
            ::kill(pid_t(agentPid), SIGTERM);
            qunsetenv("SSH_AUTH_SOCK");
        });
        qputenv("SSH_AUTH_SOCK", sock.toLocal8Bit());
        QProcess add;
        add.start(QStringLiteral("ssh-add"), {QStringLiteral("-q"), m_sandbox.clientKeyPath()});
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);
        SshEndpoint e = rootEndpoint();
        e.identityFile.clear();
        e.auth = AuthMethod::Agent;
        SshSession s(e, nullptr, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(s.triedAuthMethods(), QStringList{QStringLiteral("agent")});
    }

    void sshConfigIsHonoured()
    {
        const QString config = m_tmp.filePath(QStringLiteral("ssh_config"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Host fd-alias\n  HostName %1\n  User root\n  Port 22\n  IdentityFile %2\n")
                    .arg(m_sandbox.hostIp(2), m_sandbox.clientKeyPath())
                    .toUtf8());
        f.close();
        SshEndpoint e;
        e.host = QStringLiteral("fd-alias");
        e.sshConfigFile = config;
        e.knownHostsFile = m_sandbox.knownHostsPath();
        e.hostKeyPolicy = HostKeyPolicy::Refuse;
        e.auth = AuthMethod::PublicKey;
        SshSession s(e, nullptr, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        auto r = s.exec(ShellCommand(u"id").arg(u"-un").andThen(ShellCommand(u"hostname")));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->stdOut, QByteArray("root\nh2\n"));
    }

    // The sandbox's client config: "Host hidden / HostName <hidden ip> / ProxyJump root@<host 1>", and for every
    // host User, IdentityFile and UserKnownHostsFile. Nothing is set on the endpoint but the alias.
    void sshConfigProxyJumpIsNative()
    {
        SshEndpoint e;
        e.host = QStringLiteral("hidden");
        e.sshConfigFile = m_sandbox.sshConfigPath();
        e.hostKeyPolicy = HostKeyPolicy::Refuse;
        qputenv("PATH", QByteArray("/nonexistent")); // no OpenSSH ssh to spawn: the jump must be ours
        SshSession s(e, nullptr, nullptr);
        const Status st = s.connect();
        qputenv("PATH", m_path);
        QVERIFY2(st.ok(), qPrintable(st.error()));
        auto r = s.exec(ShellCommand(u"hostname"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->stdOut, QByteArray("hidden\n"));
    }

    void unknownHostKeyAskedAcceptedAndAppended()
    {
        SshEndpoint e = rootEndpoint();
        e.knownHostsFile = freshKnownHosts(QStringLiteral("kh_accept"));
        e.hostKeyPolicy = HostKeyPolicy::Ask;
        TestPrompter prompter;
        prompter.hostKeyAnswer = HostKeyAnswer::Accept;
        {
            SshSession s(e, &prompter, nullptr);
            const Status st = s.connect();
            QVERIFY2(st.ok(), qPrintable(st.error()));
        }
        QCOMPARE(prompter.hostKeyQuestions.size(), 1);
        const HostKeyQuestion q = prompter.hostKeyQuestions.first();
        QCOMPARE(q.keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(q.fingerprint, fingerprintFromKnownHosts(m_sandbox.knownHostsPath(), m_sandbox.hostIp(1)));
        QCOMPARE(q.knownHostsFile, e.knownHostsFile);
        // Appended in OpenSSH's format: ssh-keygen finds it, and a second login does not ask.
        QCOMPARE(fingerprintFromKnownHosts(e.knownHostsFile, m_sandbox.hostIp(1)), q.fingerprint);
        SshSession again(e, &prompter, nullptr);
        QVERIFY(again.connect().ok());
        QCOMPARE(prompter.hostKeyQuestions.size(), 1);
    }

    void unknownHostKeyRejectedOrRefused()
    {
        SshEndpoint e = rootEndpoint();
        e.knownHostsFile = freshKnownHosts(QStringLiteral("kh_reject"));
        e.hostKeyPolicy = HostKeyPolicy::Ask;
        TestPrompter prompter;
        prompter.hostKeyAnswer = HostKeyAnswer::Reject;
        SshSession s(e, &prompter, nullptr);
        Status st = s.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"rejected"), qPrintable(st.error()));
        QVERIFY(!QFile::exists(e.knownHostsFile) || QFile(e.knownHostsFile).size() == 0);

        e.hostKeyPolicy = HostKeyPolicy::Refuse;
        SshSession refused(e, &prompter, nullptr);
        st = refused.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"not known") && st.error().contains(u"SHA256:"), qPrintable(st.error()));
        QVERIFY2(st.error().contains(u"--accept-new-host-keys"), qPrintable(st.error()));
        QCOMPARE(prompter.hostKeyQuestions.size(), 1); // Refuse never asks

        e.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        SshSession acceptNew(e, nullptr, nullptr);
        st = acceptNew.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QVERIFY(!fingerprintFromKnownHosts(e.knownHostsFile, m_sandbox.hostIp(1)).isEmpty());
    }

    void changedHostKeyIsAHardStop()
    {
        // known_hosts claims another ed25519 key for host 1.
        const QString keyFile = m_tmp.filePath(QStringLiteral("otherkey"));
        QFile::remove(keyFile);
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"),
                                    QStringLiteral("-t"),
                                    QStringLiteral("ed25519"),
                                    QStringLiteral("-N"),
                                    QString(),
                                    QStringLiteral("-f"),
                                    keyFile}),
                 0);
        QFile pub(keyFile + u".pub");
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QByteArray pubLine = pub.readAll().trimmed();
        const QString kh = freshKnownHosts(QStringLiteral("kh_changed"));
        QFile out(kh);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(m_sandbox.hostIp(1).toUtf8() + ' ' + pubLine + '\n');
        out.close();
        const QByteArray before = pubLine;
        const QString oldFp = fingerprintFromKnownHosts(kh, m_sandbox.hostIp(1));

        SshEndpoint e = rootEndpoint();
        e.knownHostsFile = kh;
        for (HostKeyPolicy policy : {HostKeyPolicy::Ask, HostKeyPolicy::AcceptNew}) {
            e.hostKeyPolicy = policy;
            TestPrompter prompter;
            prompter.hostKeyAnswer = HostKeyAnswer::Accept;
            SshSession s(e, &prompter, nullptr);
            const Status st = s.connect();
            QVERIFY(!st.ok());
            QVERIFY2(st.error().contains(u"CHANGED"), qPrintable(st.error()));
            QVERIFY2(st.error().contains(oldFp), qPrintable(st.error()));
            QVERIFY2(st.error().contains(fingerprintFromKnownHosts(m_sandbox.knownHostsPath(), m_sandbox.hostIp(1))),
                     qPrintable(st.error()));
            QVERIFY(prompter.hostKeyQuestions.isEmpty());
        }
        QFile check(kh);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), m_sandbox.hostIp(1).toUtf8() + ' ' + before + '\n');
    }

    void passwordLoginAndKeychain()
    {
        SshEndpoint e = rootEndpoint();
        e.user = m_sandbox.passwordUser();
        e.identityFile.clear();
        e.auth = AuthMethod::Password;
        TestPrompter prompter;
        prompter.secrets = {m_sandbox.userPassword()};
        prompter.remember = true;
        MemorySecretStore store;
        {
            SshSession s(e, &prompter, &store);
            const Status st = s.connect();
            QVERIFY2(st.ok(), qPrintable(st.error()));
            auto r = s.exec(ShellCommand(u"id").arg(u"-un"));
            QVERIFY(r.ok());
            QCOMPARE(r->stdOut, QByteArray("fate\n"));
        }
        QCOMPARE(prompter.secretQuestions.size(), 1);
        QCOMPARE(prompter.secretQuestions.first().kind, SecretQuestion::Kind::Password);
        QCOMPARE(prompter.secretQuestions.first().user, QStringLiteral("fate"));
        const QString key = SecretStore::sshPasswordKey(QStringLiteral("fate"), m_sandbox.hostIp(1), 22);
        QCOMPARE(store.read(key).value(), std::optional<QString>(m_sandbox.userPassword()));
        // Remembered: the next login asks nobody.
        SshSession again(e, nullptr, &store);
        const Status st = again.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
    }

    void wrongPasswordIsReportedClearly()
    {
        SshEndpoint e = rootEndpoint();
        e.user = m_sandbox.passwordUser();
        e.identityFile.clear();
        e.auth = AuthMethod::Default;
        TestPrompter prompter;
        prompter.secrets = {QStringLiteral("wrong-1"), QStringLiteral("wrong-2"), QStringLiteral("wrong-3")};
        prompter.remember = true;
        MemorySecretStore store;
        SshSession s(e, &prompter, &store);
        const Status st = s.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"Could not log in"), qPrintable(st.error()));
        QVERIFY2(st.error().contains(u"The server offers: publickey, password"), qPrintable(st.error()));
        // Three wrong answers, then nobody gives another: one note, no contradicting "not given".
        QVERIFY2(st.error().contains(u"password rejected 3 times"), qPrintable(st.error()));
        QVERIFY2(!st.error().contains(u"not given"), qPrintable(st.error()));
        QVERIFY(prompter.secretQuestions.size() >= 2);
        QVERIFY(!prompter.secretQuestions.first().retry);
        QVERIFY(prompter.secretQuestions.last().retry);
        QCOMPARE(store.writeCount(), 0); // wrong answers are never remembered
    }

    void passphraseKeyLogin()
    {
        SshEndpoint e = rootEndpoint();
        e.user = m_sandbox.passphraseUser();
        e.identityFile = m_sandbox.passphraseKeyPath();
        e.auth = AuthMethod::Default;
        TestPrompter prompter;
        prompter.secrets = {QStringLiteral("not-it"), m_sandbox.passphrase()};
        SshSession s(e, &prompter, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(prompter.secretQuestions.size(), 2);
        QCOMPARE(prompter.secretQuestions.at(0).kind, SecretQuestion::Kind::KeyPassphrase);
        QCOMPARE(prompter.secretQuestions.at(0).keyFile, m_sandbox.passphraseKeyPath());
        QVERIFY(prompter.secretQuestions.at(1).retry);
        auto r = s.exec(ShellCommand(u"id").arg(u"-un"));
        QVERIFY(r.ok());
        QCOMPARE(r->stdOut, QByteArray("fatekey\n"));
    }

    // Encrypted keys of every type, including an RSA key in the old PEM format (parsed by OpenSSL, which must not
    // prompt on a terminal), authorized for root on host 2.
    void encryptedKeyTypes_data()
    {
        QTest::addColumn<QStringList>("keygenArgs");
        QTest::newRow("rsa-pem") << QStringList{QStringLiteral("-t"),
                                                QStringLiteral("rsa"),
                                                QStringLiteral("-b"),
                                                QStringLiteral("2048"),
                                                QStringLiteral("-m"),
                                                QStringLiteral("PEM")};
        QTest::newRow("ecdsa") << QStringList{
            QStringLiteral("-t"), QStringLiteral("ecdsa"), QStringLiteral("-b"), QStringLiteral("256")};
        QTest::newRow("ed25519") << QStringList{QStringLiteral("-t"), QStringLiteral("ed25519")};
    }
    void encryptedKeyTypes()
    {
        QFETCH(QStringList, keygenArgs);
        const QString key = m_tmp.filePath(u"key-" + QString::fromLatin1(QTest::currentDataTag()));
        QFile::remove(key);
        QFile::remove(key + u".pub");
        const QString passphrase = QStringLiteral("p'ss $(phrase)");
        QCOMPARE(QProcess::execute(
                     QStringLiteral("ssh-keygen"),
                     QStringList{QStringLiteral("-q"), QStringLiteral("-N"), passphrase, QStringLiteral("-f"), key}
                         + keygenArgs),
                 0);
        QFile pub(key + u".pub");
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QByteArray line = pub.readAll().trimmed();
        QFile::remove(key + u".pub"); // no .pub: the private key must be unlocked before it can be offered
        QVERIFY(
            m_sandbox
                .runOnHost(2, QStringLiteral("echo '%1' >> /root/.ssh/authorized_keys").arg(QString::fromLatin1(line)))
                .ok());
        SshEndpoint e = rootEndpoint(2);
        e.identityFile = key;
        TestPrompter prompter;
        prompter.secrets = {passphrase};
        prompter.remember = true;
        MemorySecretStore store;
        SshSession s(e, &prompter, &store);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(prompter.secretQuestions.size(), 1);
        QCOMPARE(prompter.secretQuestions.first().kind, SecretQuestion::Kind::KeyPassphrase);
        QCOMPARE(store.read(SecretStore::keyPassphraseKey(key)).value(), std::optional<QString>(passphrase));
        // The remembered passphrase unlocks it next time without a question.
        SshSession again(e, nullptr, &store);
        const Status st2 = again.connect();
        QVERIFY2(st2.ok(), qPrintable(st2.error()));
    }

    void authFailureNamesOfferedAndTriedMethods()
    {
        SshEndpoint e = rootEndpoint();
        e.identityFile = m_sandbox.passphraseKeyPath(); // not authorized for root
        e.auth = AuthMethod::Default;
        TestPrompter prompter; // answers nothing
        SshSession s(e, &prompter, nullptr);
        const Status st = s.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"as root"), qPrintable(st.error()));
        QVERIFY2(st.error().contains(u"publickey, password"), qPrintable(st.error()));
        QVERIFY2(st.error().contains(u"Tried: key " + m_sandbox.passphraseKeyPath()), qPrintable(st.error()));
        QVERIFY(s.offeredAuthMethods().contains(QStringLiteral("password")));
    }

    void keyboardInteractiveLogin()
    {
        // A second sshd on host 1 with PAM, offering only keyboard-interactive.
        const auto started = m_sandbox.runOnHost(
            1,
            QStringLiteral("grep -v -e '^UsePAM' -e '^KbdInteractive' -e '^PasswordAuthentication' "
                           "-e '^PubkeyAuthentication' -e '^ListenAddress' -e '^PidFile' /etc/ssh/sshd_config "
                           ">/tmp/kbd_sshd_config && /usr/sbin/sshd -f /tmp/kbd_sshd_config -o ListenAddress=%1:2222 "
                           "-o PidFile=/tmp/kbd_sshd.pid -o UsePAM=yes -o KbdInteractiveAuthentication=yes "
                           "-o PasswordAuthentication=no -o PubkeyAuthentication=no && i=0 && "
                           "while ! ss -ltn | grep -q ':2222 '; do i=$((i+1)); [ $i -lt 100 ] || exit 1; sleep 0.05; "
                           "done")
                .arg(m_sandbox.hostIp(1)));
        QVERIFY2(started.ok(), started.err.constData());
        SshEndpoint e = rootEndpoint();
        e.port = 2222;
        e.user = m_sandbox.passwordUser();
        e.auth = AuthMethod::Default;
        e.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        e.knownHostsFile = freshKnownHosts(QStringLiteral("kh_kbd"));
        TestPrompter prompter;
        prompter.secrets = {m_sandbox.userPassword()};
        SshSession s(e, &prompter, nullptr);
        const Status st = s.connect();
        m_sandbox.runOnHost(1, QStringLiteral("kill $(cat /tmp/kbd_sshd.pid)"));
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(s.offeredAuthMethods(), QStringList{QStringLiteral("keyboard-interactive")});
        QCOMPARE(prompter.secretQuestions.size(), 1);
        QCOMPARE(prompter.secretQuestions.first().kind, SecretQuestion::Kind::KeyboardInteractive);
        QVERIFY(prompter.secretQuestions.first().prompt.contains(u"assword"));
    }

    // The GUI's flow: the session lives on a job thread, the question is answered later on this (the "GUI")
    // thread, whose event loop keeps running; cancelling while a question is open ends the login at once.
    void promptsFromAJobThread()
    {
        SshEndpoint e = rootEndpoint();
        e.user = m_sandbox.passwordUser();
        e.identityFile.clear();
        e.auth = AuthMethod::Password;
        int asked = 0;
        const QString password = m_sandbox.userPassword();
        MarshallingPrompter prompter(
            this,
            [](const HostKeyQuestion &, std::function<void(HostKeyAnswer)> reply) { reply(HostKeyAnswer::Reject); },
            [&](const SecretQuestion &, std::function<void(SecretAnswer)> reply) {
                ++asked;
                QTimer::singleShot(200, this, [reply, password] {
                    SecretAnswer a;
                    a.cancelled = false;
                    a.secret = password;
                    reply(a);
                });
            });
        std::atomic<bool> done{false};
        Status result;
        QString user;
        std::thread job([&] {
            SshSession s(e, &prompter, nullptr);
            result = s.connect();
            if (result) {
                auto r = s.exec(ShellCommand(u"id").arg(u"-un"));
                user = r ? QString::fromUtf8(r->stdOut.trimmed()) : r.error();
            }
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        job.join();
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(user, QStringLiteral("fate"));
        QCOMPARE(asked, 1);

        // Nobody answers; the job is cancelled while waiting.
        MarshallingPrompter silent(
            this,
            [](const HostKeyQuestion &, std::function<void(HostKeyAnswer)>) {},
            [](const SecretQuestion &, std::function<void(SecretAnswer)>) {});
        CancelToken cancel;
        done = false;
        std::thread job2([&] {
            SshSession s(e, &silent, nullptr, cancel);
            result = s.connect();
            done = true;
        });
        QTest::qWait(1000);
        QVERIFY(!done);
        QElapsedTimer t;
        t.start();
        cancel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000); // without the cancel it would wait for ever
        job2.join();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(u"cancelled"), qPrintable(result.error()));
    }

    void outputIsStreamedInOrder()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        // The remote side writes the next piece only after we received the previous one (it waits for a
        // file we create from the callback): the order is caused, not hoped for from sleeps.
        m_sandbox.runOnHost(1, QStringLiteral("rm -f /tmp/fd-sync-*"));
        QList<OutputLine> lines;
        ExecOptions opts;
        opts.onLine = [&](const OutputLine &l) {
            lines << l;
            m_sandbox.runOnHost(1, QStringLiteral("touch /tmp/fd-sync-%1").arg(lines.size()));
        };
        auto r = s.exec(ShellCommand::rawLiteral("w() { while [ ! -e /tmp/fd-sync-$1 ]; do sleep 0.05; done; }; "
                                                 "echo one; w 1; echo two >&2; w 2; echo three; w 3; "
                                                 "printf 'no newline'; w 4; echo ' end'; w 5; echo last-err >&2"),
                        opts);
        m_sandbox.runOnHost(1, QStringLiteral("rm -f /tmp/fd-sync-*"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QStringList seen;
        quint64 previous = 0;
        for (const OutputLine &l : std::as_const(lines)) {
            QVERIFY(l.sequence > previous);
            previous = l.sequence;
            QCOMPARE(l.host, s.displayName());
            seen << (l.stream == OutputLine::Stream::Stdout ? u"out:" : u"err:") + l.text + (l.partial ? u"~" : u"");
        }
        QCOMPARE(seen,
                 (QStringList{QStringLiteral("out:one"),
                              QStringLiteral("err:two"),
                              QStringLiteral("out:three"),
                              QStringLiteral("out:no newline~"),
                              QStringLiteral("out: end"),
                              QStringLiteral("err:last-err")}));
        QCOMPARE(r->stdOut, QByteArray("one\nthree\nno newline end\n"));
        QCOMPARE(r->stdErr, QByteArray("two\nlast-err\n"));
    }

    void exitStatusAndSignals()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        auto r = s.exec(ShellCommand::rawLiteral("exit 3"));
        QVERIFY(r.ok());
        QCOMPARE(r->exitStatus, 3);
        QVERIFY(r->exitSignal.isEmpty());
        QVERIFY(!r->succeeded());
        r = s.exec(ShellCommand::rawLiteral("kill -KILL $$"));
        QVERIFY(r.ok());
        QCOMPARE(r->exitSignal, QStringLiteral("KILL"));
        r = s.exec(ShellCommand(u"cat"), ExecOptions{{}, QByteArray("stdin data\n"), 0, 250, 1 << 20});
        QVERIFY(r.ok());
        QCOMPARE(r->stdOut, QByteArray("stdin data\n"));
        QCOMPARE(r->exitStatus, 0);
    }

    void tenMegabytesOfOutput()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        qint64 bytes = 0;
        int count = 0;
        ExecOptions opts;
        opts.onLine = [&](const OutputLine &l) {
            // A line that arrives in two pieces (the first flushed as partial after a pause, which a loaded
            // machine causes) is still one line.
            bytes += l.text.size() + (l.partial ? 0 : 1);
            count += l.partial ? 0 : 1;
        };
        opts.timeoutSeconds = 600;
        // 10 MiB on stdout and 1 MiB on stderr at the same time.
        auto r = s.exec(ShellCommand::rawLiteral("head -c 1048576 /dev/zero | tr '\\0' e | fold -w 99 >&2 & "
                                                 "head -c 10485760 /dev/zero | tr '\\0' o | fold -w 99; wait"),
                        opts);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->exitStatus, 0);
        const qint64 outLines = (10485760 + 98) / 99;
        const qint64 errLines = (1048576 + 98) / 99;
        QCOMPARE(count, int(outLines + errLines));
        QCOMPARE(bytes, qint64(10485760 + outLines + 1048576 + errLines));
        QVERIFY(r->outputTruncated);
        QCOMPARE(r->stdOut.size(), 1 << 20);
    }

    void cancelKillsTheRemoteProcessGroup()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        // Cancel once the remote sleep really runs (polled over another connection), not after a guess.
        std::thread canceller([this, &s] {
            for (int i = 0; i < 1200 && remoteCount(1, QStringLiteral("[s]leep 1000")) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            s.cancel();
        });
        QElapsedTimer t;
        t.start();
        // A child process (sleep) under a shell: the whole group must go, not just the shell.
        auto r = s.exec(ShellCommand::rawLiteral("sleep 1000; echo never"));
        canceller.join();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"Cancelled"), qPrintable(r.error()));
        QVERIFY(t.elapsed() < 300000); // far below the 1000 s the command would run
        QCOMPARE(remoteCount(1, QStringLiteral("[s]leep 1000")), 0);
    }

    void timeoutStopsTheCommand()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        ExecOptions opts;
        opts.timeoutSeconds = 1;
        auto r = s.exec(ShellCommand(u"sleep").arg(1001), opts);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"did not finish within 1 s"), qPrintable(r.error()));
        QCOMPARE(remoteCount(1, QStringLiteral("[s]leep 1001")), 0);
        // The session is still usable.
        auto again = s.exec(ShellCommand(u"true"));
        QVERIFY(again.ok());
        QCOMPARE(again->exitStatus, 0);
    }

    void inactivityTimeoutStopsOnlySilentCommands()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        // Silent: stopped, named as the inactivity timeout, the remote process is gone.
        ExecOptions silent;
        silent.idleTimeoutSeconds = 2;
        auto r = s.exec(ShellCommand(u"sleep").arg(1002), silent);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"inactivity timeout"), qPrintable(r.error()));
        QCOMPARE(s.lastStop(), ExecStop::Idle);
        QCOMPARE(remoteCount(1, QStringLiteral("[s]leep 1002")), 0);
        // Output now and then: runs far longer than the inactivity timeout and succeeds.
        ExecOptions talking;
        talking.idleTimeoutSeconds = 12; // a tick every second: a wide margin on a loaded machine
        r = s.exec(ShellCommand::rawLiteral("i=0; while [ $i -lt 20 ]; do echo tick $i; sleep 1; i=$((i+1)); done"),
                   talking);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->exitStatus, 0);
        QCOMPARE(s.lastStop(), ExecStop::None);
        // A silent command that keeps receiving data (an upload) is making progress too.
        int chunks = 0;
        ChunkProducer slow = [&]() -> Result<QByteArray> {
            if (++chunks > 20)
                return QByteArray();
            std::this_thread::sleep_for(std::chrono::seconds(1));
            return QByteArray(64 * 1024, 'u');
        };
        r = s.streamInto(ShellCommand(u"cat").redirectOut(u"/dev/null"), slow, {}, talking);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->exitStatus, 0);
    }

    void bigUploadIntegrity()
    {
        const QString local = m_tmp.filePath(QStringLiteral("big.bin"));
        {
            QFile f(local);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray block(1 << 20, Qt::Uninitialized);
            quint32 x = 12345;
            for (int i = 0; i < 200; ++i) {
                for (qsizetype j = 0; j < block.size(); j += 4) {
                    x = x * 1664525u + 1013904223u;
                    memcpy(block.data() + j, &x, 4);
                }
                f.write(block);
            }
        }
        QFile f(local);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QVERIFY(hash.addData(&f));
        const QByteArray expected = hash.result().toHex();

        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        qint64 lastDone = 0;
        qint64 lastTotal = 0;
        int calls = 0;
        UploadOptions opts;
        opts.onProgress = [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
            ++calls;
        };
        opts.mode = QStringLiteral("0640");
        const QString remote = QStringLiteral("/tmp/fd upload/big.bin");
        const Status st = s.uploadFile(local, remote, opts);
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(lastDone, qint64(200) << 20);
        QCOMPARE(lastTotal, qint64(200) << 20);
        QVERIFY(calls > 10);
        const auto check = m_sandbox.runOnHost(
            1,
            QStringLiteral("sha256sum '/tmp/fd upload/big.bin'; stat -c %a '/tmp/fd upload/big.bin'; "
                           "ls -a '/tmp/fd upload' | grep -c fd-part || true; rm -rf '/tmp/fd upload'"));
        QCOMPARE(check.out.split('\n').value(0).split(' ').value(0), expected);
        QCOMPARE(check.out.split('\n').value(1), QByteArray("640"));
        QCOMPARE(check.out.split('\n').value(2), QByteArray("0"));
    }

    void cancelledUploadLeavesNoPartialFile()
    {
        const QString local = m_tmp.filePath(QStringLiteral("big.bin")); // from bigUploadIntegrity
        QVERIFY(QFile::exists(local));
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        UploadOptions opts;
        opts.onProgress = [&s](qint64 done, qint64) {
            if (done > (20 << 20))
                s.cancel();
        };
        const Status st = s.uploadFile(local, QStringLiteral("/tmp/fd-cancel/big.bin"), opts);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"Cancelled"), qPrintable(st.error()));
        const auto left = m_sandbox.runOnHost(1, QStringLiteral("ls -A /tmp/fd-cancel; rm -rf /tmp/fd-cancel"));
        QCOMPARE(left.out, QByteArray());
        QCOMPARE(remoteCount(1, QStringLiteral("[c]at")), 0);
    }

    void earlyRemoteExitDoesNotHang()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        qint64 produced = 0;
        const QByteArray chunk(1 << 20, 'z');
        ChunkProducer endless = [&]() -> Result<QByteArray> {
            produced += chunk.size();
            return chunk;
        };
        QElapsedTimer t;
        t.start();
        auto r
            = s.streamInto(ShellCommand::rawLiteral("head -c 1000 >/dev/null; echo read-enough >&2; exit 7"), endless);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->exitStatus, 7);
        QCOMPARE(r->stdErr, QByteArray("read-enough\n"));
        QVERIFY(t.elapsed() < 120000); // the endless producer would never end by itself
        // A remote command that never reads at all.
        r = s.streamInto(ShellCommand::rawLiteral("exec 0<&-; sleep 1; exit 5"), endless);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->exitStatus, 5);
        // A failing producer stops the remote side and reports the producer's error.
        int n = 0;
        ChunkProducer failing = [&]() -> Result<QByteArray> {
            if (++n > 3)
                return Error{QStringLiteral("archive broke")};
            return chunk;
        };
        r = s.streamInto(ShellCommand(u"cat").redirectOut(u"/dev/null"), failing);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"archive broke"), qPrintable(r.error()));
    }

    // A tar.gz produced incrementally by libarchive (nothing buffered beyond one step) straight into tar -xz.
    void streamTarIntoRemoteDirectory()
    {
        struct Writer
        {
            archive *a = archive_write_new();
            QByteArray out; // what libarchive wrote since the last chunk was taken
            int step = 0;
            quint32 x = 7;
            Sha256Local big;
            ~Writer() { archive_write_free(a); }
        } w;
        archive_write_add_filter_gzip(w.a);
        archive_write_set_format_pax_restricted(w.a);
        archive_write_set_bytes_in_last_block(w.a, 1);
        QCOMPARE(archive_write_open(
                     w.a,
                     &w,
                     nullptr,
                     [](archive *, void *self, const void *buf, size_t len) -> la_ssize_t {
                         static_cast<Writer *>(self)->out.append(static_cast<const char *>(buf), qsizetype(len));
                         return la_ssize_t(len);
                     },
                     nullptr),
                 ARCHIVE_OK);
        const auto addHeader = [&](const char *name, qint64 size) {
            archive_entry *e = archive_entry_new();
            archive_entry_set_pathname(e, name);
            archive_entry_set_size(e, size);
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_perm(e, 0644);
            archive_write_header(w.a, e);
            archive_entry_free(e);
        };
        constexpr int BigChunks = 24; // 24 MiB of incompressible data in 1 MiB steps
        ChunkProducer producer = [&]() -> Result<QByteArray> {
            while (w.out.isEmpty()) {
                if (w.step == 0) {
                    addHeader("a.txt", 10);
                    archive_write_data(w.a, "hello tar\n", 10);
                    addHeader("sub dir/big.bin", qint64(BigChunks) << 20);
                } else if (w.step <= BigChunks) {
                    QByteArray block(1 << 20, Qt::Uninitialized);
                    for (qsizetype j = 0; j < block.size(); j += 4) {
                        w.x = w.x * 1664525u + 1013904223u;
                        memcpy(block.data() + j, &w.x, 4);
                    }
                    w.big.add(block);
                    archive_write_data(w.a, block.constData(), size_t(block.size()));
                } else if (w.step == BigChunks + 1) {
                    if (archive_write_close(w.a) != ARCHIVE_OK)
                        return Error{QString::fromUtf8(archive_error_string(w.a))};
                } else {
                    return QByteArray(); // end
                }
                ++w.step;
            }
            return std::exchange(w.out, {});
        };
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        const QString dir = QStringLiteral("/tmp/tar dest $(x)");
        qint64 progressed = 0;
        auto r = s.streamInto(ShellCommand(u"mkdir")
                                  .args({u"-p", u"--"})
                                  .arg(dir)
                                  .andThen(ShellCommand(u"tar").args({u"-xzf", u"-", u"-C"}).arg(dir)),
                              producer,
                              [&](qint64 done, qint64) { progressed = done; });
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY2(r->succeeded(), r->stdErr.constData());
        QVERIFY(progressed > (BigChunks << 20));
        auto check = s.exec(ShellCommand(u"cat")
                                .arg(dir + u"/a.txt")
                                .andThen(ShellCommand(u"sha256sum").redirectIn(dir + u"/sub dir/big.bin")));
        QVERIFY(check.ok());
        QCOMPARE(check->stdOut, "hello tar\n" + w.big.hex() + "  -\n");
        s.exec(ShellCommand(u"rm").args({u"-rf", u"--"}).arg(dir));
    }

    void hostileValuesReachTheRemoteLiterally()
    {
        SshSession s(rootEndpoint(), nullptr, nullptr);
        QVERIFY(s.connect().ok());
        const QStringList values = {
            QStringLiteral("it's"),
            QStringLiteral("$(touch /tmp/fd-marker1)"),
            QStringLiteral("`touch /tmp/fd-marker2`"),
            QStringLiteral("; touch /tmp/fd-marker3"),
            QStringLiteral("a\nb\ntouch /tmp/fd-marker4"),
            QStringLiteral("  spaced  out  "),
            QStringLiteral("\"dq\" \\ $HOME *"),
            QString::fromUtf8("数据 ünï 🚀"),
            QString(),
        };
        auto r = s.exec(ShellCommand(u"printf").arg(u"%s\\0").args(values));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QByteArray expected;
        for (const QString &v : values)
            expected += v.toUtf8() + '\0';
        QCOMPARE(r->stdOut, expected);
        // In file paths, through an upload and back.
        const QString dir = QStringLiteral("/tmp/fd hostile/$(touch /tmp/fd-marker5)`touch /tmp/fd-marker6`;x'y\n");
        const QString path = dir + QString::fromUtf8("/f ü;'$(touch /tmp/fd-marker7).txt");
        QVERIFY(s.uploadData(QByteArray("payload"), path).ok());
        r = s.exec(ShellCommand(u"cat").arg(u"--").arg(path));
        QVERIFY(r.ok());
        QCOMPARE(r->stdOut, QByteArray("payload"));
        const auto markers
            = m_sandbox.runOnHost(1, QStringLiteral("ls /tmp | grep -c fd-marker || true; rm -rf '/tmp/fd hostile'"));
        QCOMPARE(markers.out.trimmed(), QByteArray("0"));
    }

    void connectionRefusedAndTimeout()
    {
        SshEndpoint e = rootEndpoint();
        e.port = 2; // nothing listens there
        SshSession refused(e, nullptr, nullptr);
        Status st = refused.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"refused"), qPrintable(st.error()));

        QVERIFY(m_sandbox.cut(2));
        SshEndpoint cut = rootEndpoint(2);
        cut.connectTimeoutSeconds = 2;
        SshSession timedOut(cut, nullptr, nullptr);
        QElapsedTimer t;
        t.start();
        st = timedOut.connect();
        QVERIFY(m_sandbox.restore(2));
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"timed out"), qPrintable(st.error()));
        QVERIFY(t.elapsed() < 60000); // TCP's own SYN retries would take over two minutes
    }

    void hostDownMidCommand()
    {
        SshEndpoint e = rootEndpoint(2);
        e.deadPeerTimeoutSeconds = 4;
        SshSession s(e, nullptr, nullptr);
        QVERIFY(s.connect().ok());
        // Cut the link once the command runs on the host (seen over another connection).
        std::thread cutter([this] {
            for (int i = 0; i < 1200 && remoteCount(2, QStringLiteral("[s]leep 600")) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            m_sandbox.cut(2);
        });
        QElapsedTimer t;
        t.start();
        auto r = s.exec(ShellCommand(u"sleep").arg(600));
        cutter.join();
        m_sandbox.restore(2);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"connection to") && r.error().contains(u"was lost"), qPrintable(r.error()));
        // Without the dead-peer check the client would wait for the 600 s command, or for ever.
        QVERIFY2(t.elapsed() < 300000, qPrintable(QString::number(t.elapsed())));
        m_sandbox.runOnHost(2, QStringLiteral("pkill -f 'sleep 600' || true"));
    }

    void jumpHostToHiddenHost()
    {
        SshEndpoint e = rootEndpoint();
        e.host = m_sandbox.hiddenHostIp();
        e.jumpHost = QStringLiteral("root@%1:22").arg(m_sandbox.jumpHostIp());
        e.knownHostsFile = freshKnownHosts(QStringLiteral("kh_jump"));
        e.hostKeyPolicy = HostKeyPolicy::Ask;
        TestPrompter prompter;
        prompter.hostKeyAnswer = HostKeyAnswer::Accept;
        SshSession s(e, &prompter, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(prompter.hostKeyQuestions.size(), 2); // the jump host, then the hidden host
        auto r = s.exec(ShellCommand(u"hostname"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->stdOut, QByteArray("hidden\n"));
        // Bulk data through the tunnel.
        const QByteArray data(3 << 20, 'j');
        QVERIFY(s.uploadData(data, QStringLiteral("/tmp/jumped.bin")).ok());
        r = s.exec(ShellCommand(u"wc").arg(u"-c").redirectIn(u"/tmp/jumped.bin"));
        QVERIFY(r.ok());
        QCOMPARE(r->stdOut.trimmed(), QByteArray::number(3 << 20));
        // The hidden host is not reachable directly.
        SshEndpoint direct = e;
        direct.jumpHost.clear();
        direct.connectTimeoutSeconds = 2;
        SshSession no(direct, &prompter, nullptr);
        QVERIFY(!no.connect().ok());
    }

    void jumpChainToHiddenHost()
    {
        // ProxyJump chain "host 2, host 1": host 2 is reached directly, host 1 through host 2, and the
        // hidden host (reachable only from host 1) through host 1.
        SshEndpoint e = rootEndpoint();
        e.host = m_sandbox.hiddenHostIp();
        e.jumpHost = QStringLiteral("root@%1,root@%2").arg(m_sandbox.hostIp(2), m_sandbox.jumpHostIp());
        e.knownHostsFile = freshKnownHosts(QStringLiteral("kh_chain"));
        e.hostKeyPolicy = HostKeyPolicy::Ask;
        TestPrompter prompter;
        prompter.hostKeyAnswer = HostKeyAnswer::Accept;
        SshSession s(e, &prompter, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        QCOMPARE(prompter.hostKeyQuestions.size(), 3); // host 2, host 1, then the hidden host
        auto r = s.exec(ShellCommand(u"hostname"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->stdOut, QByteArray("hidden\n"));
        // Bulk data through both tunnels.
        const QByteArray data(1 << 20, 'c');
        QVERIFY(s.uploadData(data, QStringLiteral("/tmp/chained.bin")).ok());
        r = s.exec(ShellCommand(u"wc").arg(u"-c").redirectIn(u"/tmp/chained.bin"));
        QVERIFY(r.ok());
        QCOMPARE(r->stdOut.trimmed(), QByteArray::number(1 << 20));
        // A dead first hop is named in the error.
        e.jumpHost = QStringLiteral("root@%1:2,root@%2").arg(m_sandbox.hostIp(2), m_sandbox.jumpHostIp());
        SshSession dead(e, &prompter, nullptr);
        const Status bad = dead.connect();
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(m_sandbox.hostIp(2)), qPrintable(bad.error()));
    }

    void jumpTargetDownMidCommand()
    {
        SshEndpoint e = rootEndpoint();
        e.host = m_sandbox.hiddenHostIp();
        e.jumpHost = QStringLiteral("root@%1").arg(m_sandbox.jumpHostIp());
        e.deadPeerTimeoutSeconds = 6;
        SshSession s(e, nullptr, nullptr);
        const Status st = s.connect();
        QVERIFY2(st.ok(), qPrintable(st.error()));
        std::thread cutter([this] {
            for (int i = 0; i < 1200 && remoteCount(SandboxFixture::HiddenHost, QStringLiteral("[s]leep 600")) == 0;
                 ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            m_sandbox.cut(SandboxFixture::HiddenHost);
        });
        QElapsedTimer t;
        t.start();
        auto r = s.exec(ShellCommand(u"sleep").arg(600));
        cutter.join();
        m_sandbox.restore(SandboxFixture::HiddenHost);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(u"was lost"), qPrintable(r.error()));
        QVERIFY2(t.elapsed() < 300000, qPrintable(QString::number(t.elapsed())));
        m_sandbox.runOnHost(SandboxFixture::HiddenHost, QStringLiteral("pkill -f 'sleep 600' || true"));
    }

    void jumpHostErrorsNameTheHop()
    {
        SshEndpoint e = rootEndpoint();
        e.host = m_sandbox.hiddenHostIp();
        e.jumpHost = QStringLiteral("root@%1:2").arg(m_sandbox.jumpHostIp()); // nothing listens on port 2
        SshSession refused(e, nullptr, nullptr);
        Status st = refused.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"through the jump host") && st.error().contains(u"refused"),
                 qPrintable(st.error()));
        e.jumpHost = QStringLiteral("root@%1").arg(m_sandbox.jumpHostIp());
        e.port = 2; // the jump host works, the target port does not
        SshSession target(e, nullptr, nullptr);
        st = target.connect();
        QVERIFY(!st.ok());
        QVERIFY2(st.error().contains(u"could not open a connection to " + m_sandbox.hiddenHostIp() + u" port 2"),
                 qPrintable(st.error()));
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
