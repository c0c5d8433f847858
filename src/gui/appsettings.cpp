// SPDX-License-Identifier: Apache-2.0
#include "gui/appsettings.h"

#include <QDir>
#include <QFileInfo>

namespace FateDeployer {

namespace {
// Keys and defaults, in one table.
constexpr const char *KeyVersion = "version";
constexpr const char *KeyRecent = "ui/recentFiles";
constexpr const char *KeyGeometry = "ui/geometry";
constexpr const char *KeyState = "ui/state";
constexpr const char *KeyLanguage = "ui/language";
constexpr const char *KeyLogCapacity = "ui/logCapacity";
constexpr const char *KeyAutosave = "ui/autosaveSeconds";
constexpr const char *KeyParallel = "deploy/parallelHosts";
constexpr const char *KeyConnectTimeout = "deploy/connectTimeoutSeconds";
constexpr const char *KeyCommandTimeout = "deploy/commandTimeoutSeconds";
constexpr const char *KeyKnownHosts = "ssh/knownHostsFile";
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
    migrate();
}

AppSettings::AppSettings(const QString &path, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{
    migrate();
}

AppSettings::~AppSettings() = default;

void AppSettings::migrate()
{
    // Version 1 is the first layout; later versions rename keys here.
    if (m_settings->value(QLatin1String(KeyVersion), 0).toInt() < CurrentVersion)
        m_settings->setValue(QLatin1String(KeyVersion), CurrentVersion);
}

QVariant AppSettings::get(const char *key, const QVariant &fallback) const
{
    return m_settings->value(QLatin1String(key), fallback);
}

void AppSettings::set(const char *key, const QVariant &value)
{
    if (m_settings->value(QLatin1String(key)) == value)
        return;
    m_settings->setValue(QLatin1String(key), value);
    emit changed();
}

void AppSettings::sync()
{
    m_settings->sync();
}

QStringList AppSettings::recentFiles() const
{
    return get(KeyRecent, QStringList()).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    set(KeyRecent, files);
    emit recentFilesChanged();
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    if (files.removeAll(QFileInfo(path).absoluteFilePath()) == 0)
        return;
    set(KeyRecent, files);
    emit recentFilesChanged();
}

QByteArray AppSettings::windowGeometry() const
{
    return get(KeyGeometry, QByteArray()).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    set(KeyGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return get(KeyState, QByteArray()).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    set(KeyState, state);
}

QString AppSettings::language() const
{
    return get(KeyLanguage, QString()).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    set(KeyLanguage, language);
    emit languageChanged(language);
}

int AppSettings::parallelHosts() const
{
    return qBound(1, get(KeyParallel, 4).toInt(), 32);
}

void AppSettings::setParallelHosts(int hosts)
{
    set(KeyParallel, qBound(1, hosts, 32));
}

int AppSettings::connectTimeoutSeconds() const
{
    return qBound(1, get(KeyConnectTimeout, 20).toInt(), 600);
}

void AppSettings::setConnectTimeoutSeconds(int seconds)
{
    set(KeyConnectTimeout, qBound(1, seconds, 600));
}

int AppSettings::commandTimeoutSeconds() const
{
    return qBound(10, get(KeyCommandTimeout, 900).toInt(), 24 * 3600);
}

void AppSettings::setCommandTimeoutSeconds(int seconds)
{
    set(KeyCommandTimeout, qBound(10, seconds, 24 * 3600));
}

QString AppSettings::knownHostsFile() const
{
    return get(KeyKnownHosts, QString()).toString();
}

void AppSettings::setKnownHostsFile(const QString &path)
{
    set(KeyKnownHosts, path);
}

int AppSettings::logCapacity() const
{
    return qBound(10000, get(KeyLogCapacity, 100000).toInt(), 2000000);
}

void AppSettings::setLogCapacity(int lines)
{
    set(KeyLogCapacity, qBound(10000, lines, 2000000));
}

int AppSettings::autosaveIntervalSeconds() const
{
    return qBound(0, get(KeyAutosave, 60).toInt(), 3600);
}

void AppSettings::setAutosaveIntervalSeconds(int seconds)
{
    set(KeyAutosave, qBound(0, seconds, 3600));
}

} // namespace FateDeployer
