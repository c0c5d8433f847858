// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): runs the fate-deployer-cli binary the way the integration tests do.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace FateDeployer::Testing {

struct CliRun
{
    int exitCode = -1; ///< -1: did not start, crashed or was killed at the timeout
    QString out;
    QString err;
    QJsonObject json() const;
    QString all() const { return out + err; }
};

struct CliOptions
{
    QString historyDir;                ///< FD_HISTORY_DIR of the run (empty: not set)
    QHash<QString, QString> env;       ///< set for the run (an empty value is set as empty)
    QStringList unset;                 ///< removed from the environment besides DBUS_SESSION_BUS_ADDRESS
    int timeoutMs = 900000;            ///< then the process is killed
    bool keepEventLoopRunning = false; ///< serve this thread's events while waiting (a loopback server lives here)
};

/// The object of host @p key ("party-10000", "exchange") in a `--json` report; empty when it has none.
QJsonObject reportHost(const QJsonObject &report, const QString &key);
/// The object of step @p step ("verify", "ports", …) of a host object of reportHost(); empty when it has none.
QJsonObject reportStep(const QJsonObject &host, const QString &step);

/// Runs build/bin/fate-deployer-cli with @p args. The session bus is removed from its environment, so the
/// keychain is never asked.
CliRun runCli(const QStringList &args, const CliOptions &options = {});

} // namespace FateDeployer::Testing
