// SPDX-License-Identifier: Apache-2.0
#include "secretscan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>

namespace FateDeployer::Testing {

QHash<QString, QByteArray> filesUnder(const QString &dir)
{
    QHash<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray bytes = f.readAll();
        if (bytes.startsWith("\x1f\x8b")) {
            QProcess gz;
            gz.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
            gz.waitForFinished(60000);
            bytes = gz.readAllStandardOutput();
        }
        files.insert(path, bytes);
    }
    return files;
}

QStringList
filesHolding(const QStringList &roots, const QStringList &needles, const QByteArray &marker, bool *markerSeen)
{
    QStringList found;
    for (const QString &root : roots) {
        const QHash<QString, QByteArray> files = filesUnder(root);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            *markerSeen = *markerSeen || it.value().contains(marker);
            for (const QString &needle : needles)
                if (it.value().contains(needle.toUtf8()))
                    found.append(it.key() + QStringLiteral(": ") + needle);
        }
    }
    found.sort();
    return found;
}

} // namespace FateDeployer::Testing
