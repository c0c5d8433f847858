// SPDX-License-Identifier: Apache-2.0
#include "jobs/hoststate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

namespace FateDeployer {

namespace {

QMutex stateMutex;

QString flavorName(ComposeFlavor f)
{
    return f == ComposeFlavor::V1Standalone ? QStringLiteral("v1")
           : f == ComposeFlavor::V2Plugin   ? QStringLiteral("v2")
                                            : QString();
}

ComposeFlavor flavorFrom(const QString &name)
{
    return name == QLatin1String("v1")   ? ComposeFlavor::V1Standalone
           : name == QLatin1String("v2") ? ComposeFlavor::V2Plugin
                                         : ComposeFlavor::None;
}

/// "<host id>\t<docker version>\t<v1|v2>" per line; anything else is ignored (it is only a memory).
QHash<QString, HostState::Entry> readAll(const QString &path)
{
    QHash<QString, HostState::Entry> all;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return all;
    while (!f.atEnd()) {
        const QStringList parts = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char('\t'));
        if (parts.size() == 3 && flavorFrom(parts.at(2)) != ComposeFlavor::None)
            all.insert(parts.at(0), HostState::Entry{parts.at(1), flavorFrom(parts.at(2))});
    }
    return all;
}

bool oneField(const QString &text)
{
    return !text.contains(QLatin1Char('\t')) && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r'));
}

} // namespace

QString HostState::path()
{
    if (qEnvironmentVariable("FD_HOST_STATE") == QLatin1String("off"))
        return QString();
    QString dir = qEnvironmentVariable("FD_HISTORY_DIR"); // as HistoryStore::defaultDir(), which jobs/ cannot use
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/host-state.tsv");
}

HostState::Entry HostState::load(const QString &hostId)
{
    const QString file = path();
    if (file.isEmpty())
        return {};
    QMutexLocker lock(&stateMutex);
    return readAll(file).value(hostId);
}

void HostState::save(const QString &hostId, const Entry &entry)
{
    const QString file = path();
    if (file.isEmpty() || entry.compose == ComposeFlavor::None || !oneField(hostId) || !oneField(entry.dockerVersion))
        return;
    QMutexLocker lock(&stateMutex);
    QHash<QString, Entry> all = readAll(file);
    const Entry old = all.value(hostId);
    if (old.dockerVersion == entry.dockerVersion && old.compose == entry.compose)
        return;
    all.insert(hostId, entry);
    QDir().mkpath(QFileInfo(file).path());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return;
    for (auto it = all.constBegin(); it != all.constEnd(); ++it)
        out.write((it.key() + QLatin1Char('\t') + it->dockerVersion + QLatin1Char('\t') + flavorName(it->compose)
                   + QLatin1Char('\n'))
                      .toUtf8());
    out.commit();
}

} // namespace FateDeployer
