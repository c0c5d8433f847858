// Test support (not product code): drives tests/sandbox/sandbox from C++ tests.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace FateDeployer::Testing {

// One sandbox instance (FD_SANDBOX_ID) of hosts with their own IP, sshd and Docker engine,
// plus a hidden host reachable only through host 1. Host indices are 1-based;
// index SandboxFixture::HiddenHost (0) means the hidden host.
class SandboxFixture
{
public:
    static constexpr int HiddenHost = 0;

    struct CommandResult
    {
        int exitCode = -1; // -1: could not run / timed out
        QByteArray out;
        QByteArray err;
        bool ok() const { return exitCode == 0; }
    };

    // instanceId < 0: take FD_SANDBOX_ID from the environment (default 0)
    explicit SandboxFixture(int instanceId = -1);
    ~SandboxFixture(); // stops the instance if this object started it
    SandboxFixture(const SandboxFixture &) = delete;
    SandboxFixture &operator=(const SandboxFixture &) = delete;

    // Can this process run the sandbox at all (root, script present)? why: reason if not.
    static bool canRun(QString *why = nullptr);
    static QString scriptPath(); // env FD_SANDBOX_SCRIPT, else the source tree's script
    // A test's own instance: $variable when set, else defaultId (each test its own, so ctest -j runs them side
    // by side; FD_SANDBOX_ID_OFFSET still applies).
    static int instanceFromEnv(const char *variable, int defaultId);

    // Stops leftovers of this id first. cpusPerHost > 0: every host gets that CPU budget (its own
    // cgroup quota: sshd, sessions, dockerd, containers), like a separate small machine.
    bool start(int hosts, QString *error = nullptr, double cpusPerHost = 0);
    bool attach(QString *error = nullptr); // use an instance started elsewhere
    bool stop(QString *error = nullptr);
    bool isRunning() const { return !m_env.isEmpty(); }

    int instanceId() const { return m_id; }
    int hostCount() const;
    QString hostIp(int i) const;
    QString hiddenHostIp() const;
    QString jumpHostIp() const { return hostIp(1); }
    QString stateDir() const;
    QString sshConfigPath() const; // root + client key + known_hosts; "hidden" alias jumps via host 1
    QString knownHostsPath() const;
    QString clientKeyPath() const;     // unencrypted ed25519 key: root and fate
    QString passphraseKeyPath() const; // key of passphraseUser(), encrypted with passphrase()
    QString passphrase() const;
    QString rootUser() const { return QStringLiteral("root"); }
    QString passwordUser() const; // "fate", group docker, password auth
    QString userPassword() const;
    QString passphraseUser() const;                                      // "fatekey"
    QString askPassPath() const;                                         // prints $FD_SB_SECRET (for SSH_ASKPASS)
    QString value(const QString &key) const { return m_env.value(key); } // any FD_SB_* variable

    // Runs CMD as root on host i through OpenSSH's ssh (for assertions).
    CommandResult runOnHost(int i, const QString &cmd, int timeoutMs = 600000) const;
    // Runs the sandbox script with this instance id (e.g. {"cut", "2"}).
    CommandResult runSandbox(const QStringList &args, int timeoutMs = 900000) const;

    bool hostDown(int i) { return runSandbox({QStringLiteral("host-down"), indexArg(i)}).ok(); }
    bool hostUp(int i) { return runSandbox({QStringLiteral("host-up"), indexArg(i)}).ok(); }
    bool cut(int i) { return runSandbox({QStringLiteral("cut"), indexArg(i)}).ok(); }
    bool restore(int i) { return runSandbox({QStringLiteral("restore"), indexArg(i)}).ok(); }

private:
    static QString indexArg(int i);
    static CommandResult
    run(const QString &program, const QStringList &args, const QHash<QString, QString> &extraEnv, int timeoutMs);
    bool loadEnv(QString *error);

    int m_id = 0;
    bool m_owned = false;
    QHash<QString, QString> m_env;
};

} // namespace FateDeployer::Testing
