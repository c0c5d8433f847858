// SPDX-License-Identifier: Apache-2.0
#include "clirun.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace FateDeployer::Testing {

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

namespace {

QJsonObject withValue(const QJsonArray &list, const QString &field, const QString &value)
{
    for (const QJsonValue &item : list)
        if (item[field].toString() == value)
            return item.toObject();
    return {};
}

} // namespace

QJsonObject reportHost(const QJsonObject &report, const QString &key)
{
    return withValue(report.value(QStringLiteral("hosts")).toArray(), QStringLiteral("host"), key);
}

QJsonObject reportStep(const QJsonObject &host, const QString &step)
{
    return withValue(host.value(QStringLiteral("steps")).toArray(), QStringLiteral("step"), step);
}

CliRun runCli(const QStringList &args, const CliOptions &options)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!options.historyDir.isEmpty())
        env.insert(QStringLiteral("FD_HISTORY_DIR"), options.historyDir);
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    for (const QString &name : options.unset)
        env.remove(name);
    for (auto it = options.env.cbegin(); it != options.env.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FD_BIN_DIR "/fate-deployer-cli"), args);
    CliRun r;
    if (options.keepEventLoopRunning) {
        if (!p.waitForStarted())
            return r;
        QDeadlineTimer deadline(options.timeoutMs);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(50);
    } else {
        p.waitForFinished(options.timeoutMs);
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace FateDeployer::Testing
