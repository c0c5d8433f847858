// Test support (not product code): drives tests/sandbox/sandbox from C++ tests.
#include "sandboxfixture.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <unistd.h>

namespace FateDeployer::Testing {

SandboxFixture::SandboxFixture(int instanceId)
{
    if (instanceId >= 0) {
        // Explicit ids are shifted by FD_SANDBOX_ID_OFFSET so that several work trees can run the
        // integration tests side by side without sharing addresses.
        m_id = instanceId + qEnvironmentVariableIntValue("FD_SANDBOX_ID_OFFSET");
    } else {
        bool ok = false;
        const int id = qEnvironmentVariable("FD_SANDBOX_ID").toInt(&ok);
        m_id = ok ? id : 0;
    }
}

SandboxFixture::~SandboxFixture()
{
    if (m_owned)
        stop();
}

QString SandboxFixture::scriptPath()
{
    const QString env = qEnvironmentVariable("FD_SANDBOX_SCRIPT");
    if (!env.isEmpty())
        return env;
#ifdef FD_SANDBOX_SCRIPT_PATH
    return QStringLiteral(FD_SANDBOX_SCRIPT_PATH);
#else
    return QString();
#endif
}

int SandboxFixture::instanceFromEnv(const char *variable, int defaultId)
{
    return qEnvironmentVariableIsSet(variable) ? qEnvironmentVariableIntValue(variable) : defaultId;
}

bool SandboxFixture::canRun(QString *why)
{
    if (geteuid() != 0) {
        if (why)
            *why = QStringLiteral("the sandbox needs root (namespaces, bridge, dockerd)");
        return false;
    }
    const QFileInfo script(scriptPath());
    if (!script.isExecutable()) {
        if (why)
            *why = QStringLiteral("sandbox script not found: '%1'").arg(script.filePath());
        return false;
    }
    return true;
}

SandboxFixture::CommandResult SandboxFixture::run(const QString &program,
                                                  const QStringList &args,
                                                  const QHash<QString, QString> &extraEnv,
                                                  int timeoutMs)
{
    CommandResult r;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice()); // never wait for a tty/stdin
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QByteArrayLiteral("timed out");
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

SandboxFixture::CommandResult SandboxFixture::runSandbox(const QStringList &args, int timeoutMs) const
{
    return run(scriptPath(), args, {{QStringLiteral("FD_SANDBOX_ID"), QString::number(m_id)}}, timeoutMs);
}

bool SandboxFixture::loadEnv(QString *error)
{
    const CommandResult r = runSandbox({QStringLiteral("env")}, 30000);
    if (!r.ok()) {
        if (error)
            *error = QString::fromUtf8(r.err).trimmed();
        return false;
    }
    // lines: export KEY='value'   (values never contain quotes)
    static const QRegularExpression line(QStringLiteral("^export ([A-Z0-9_]+)='([^']*)'$"));
    QHash<QString, QString> env;
    for (const QString &l : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch())
            env.insert(m.captured(1), m.captured(2));
    }
    if (!env.contains(QStringLiteral("FD_SB_HOSTS"))) {
        if (error)
            *error = QStringLiteral("unexpected output of 'sandbox env'");
        return false;
    }
    m_env = env;
    return true;
}

bool SandboxFixture::start(int hosts, QString *error, double cpusPerHost)
{
    QString why;
    if (!canRun(&why)) {
        if (error)
            *error = why;
        return false;
    }
    runSandbox({QStringLiteral("stop")}, 900000); // leftovers of a crashed run with this id
    m_env.clear();
    QStringList args{QStringLiteral("start"), QString::number(hosts)};
    if (cpusPerHost > 0)
        args << QStringLiteral("--cpus-per-host") << QString::number(cpusPerHost, 'f', 3);
    const CommandResult r = runSandbox(args, 1800000);
    if (!r.ok()) {
        if (error)
            *error = QString::fromUtf8(r.err).trimmed();
        runSandbox({QStringLiteral("stop")}, 900000);
        return false;
    }
    m_owned = true;
    return loadEnv(error);
}

bool SandboxFixture::attach(QString *error)
{
    m_owned = false;
    return loadEnv(error);
}

bool SandboxFixture::stop(QString *error)
{
    const CommandResult r = runSandbox({QStringLiteral("stop")}, 900000);
    m_env.clear();
    m_owned = false;
    if (!r.ok() && error)
        *error = QString::fromUtf8(r.err).trimmed();
    return r.ok();
}

int SandboxFixture::hostCount() const
{
    return value(QStringLiteral("FD_SB_HOSTS")).toInt();
}

QString SandboxFixture::hostIp(int i) const
{
    if (i == HiddenHost)
        return hiddenHostIp();
    return value(QStringLiteral("FD_SB_IP_%1").arg(i));
}

QString SandboxFixture::hiddenHostIp() const
{
    return value(QStringLiteral("FD_SB_HIDDEN_IP"));
}
QString SandboxFixture::stateDir() const
{
    return value(QStringLiteral("FD_SANDBOX_DIR"));
}
QString SandboxFixture::sshConfigPath() const
{
    return value(QStringLiteral("FD_SB_SSH_CONFIG"));
}
QString SandboxFixture::knownHostsPath() const
{
    return value(QStringLiteral("FD_SB_KNOWN_HOSTS"));
}
QString SandboxFixture::clientKeyPath() const
{
    return value(QStringLiteral("FD_SB_KEY"));
}
QString SandboxFixture::passphraseKeyPath() const
{
    return value(QStringLiteral("FD_SB_PP_KEY"));
}
QString SandboxFixture::passphrase() const
{
    return value(QStringLiteral("FD_SB_PASSPHRASE"));
}
QString SandboxFixture::passwordUser() const
{
    return value(QStringLiteral("FD_SB_PW_USER"));
}
QString SandboxFixture::userPassword() const
{
    return value(QStringLiteral("FD_SB_PASSWORD"));
}
QString SandboxFixture::passphraseUser() const
{
    return value(QStringLiteral("FD_SB_PP_USER"));
}
QString SandboxFixture::askPassPath() const
{
    return value(QStringLiteral("FD_SB_ASKPASS"));
}

QString SandboxFixture::indexArg(int i)
{
    return i == HiddenHost ? QStringLiteral("hidden") : QString::number(i);
}

SandboxFixture::CommandResult SandboxFixture::runOnHost(int i, const QString &cmd, int timeoutMs) const
{
    if (!isRunning()) {
        CommandResult r;
        r.err = QByteArrayLiteral("sandbox not running");
        return r;
    }
    const QString target = i == HiddenHost ? QStringLiteral("hidden") : hostIp(i);
    return run(QStringLiteral("ssh"), {QStringLiteral("-F"), sshConfigPath(), target, cmd}, {}, timeoutMs);
}

} // namespace FateDeployer::Testing
