// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QStringList>

#include <memory>

namespace FateDeployer {

/// The desktop app's preferences and UI state, one typed accessor per key, defaults in one
/// place. The topology is NOT here: it is a document (.fdproj). Secrets are never here.
class AppSettings : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppSettings)

public:
    static constexpr int MaxRecentFiles = 10;
    static constexpr int CurrentVersion = 1;

    /// Uses the user's settings (QSettings default location).
    explicit AppSettings(QObject *parent = nullptr);
    /// Uses an INI file at @p path (tests, portable installs).
    explicit AppSettings(const QString &path, QObject *parent = nullptr);
    ~AppSettings() override;

    QStringList recentFiles() const;
    /// Writes pending changes to disk now (QSettings otherwise does it from the event loop).
    void sync();

    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// "" = follow the system locale, "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString &language);

    int parallelHosts() const; ///< hosts deployed at the same time (1..32, default 4)
    void setParallelHosts(int hosts);
    int connectTimeoutSeconds() const; ///< SSH connect + auth (default 20)
    void setConnectTimeoutSeconds(int seconds);
    int commandTimeoutSeconds() const; ///< inactivity timeout: no output, no transfer for this long fails (900)
    void setCommandTimeoutSeconds(int seconds);
    QString knownHostsFile() const; ///< empty = ~/.ssh/known_hosts
    void setKnownHostsFile(const QString &path);
    int logCapacity() const; ///< lines kept in the live log view (default 100000)
    void setLogCapacity(int lines);
    int autosaveIntervalSeconds() const; ///< 0 = off (default 60)
    void setAutosaveIntervalSeconds(int seconds);

signals:
    void recentFilesChanged();
    void languageChanged(const QString &language);
    void changed();

private:
    QVariant get(const char *key, const QVariant &fallback) const;
    void set(const char *key, const QVariant &value);
    void migrate();

    std::unique_ptr<QSettings> m_settings;
};

} // namespace FateDeployer
