// SPDX-License-Identifier: Apache-2.0
#include "secretscan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>

namespace FateDeployer::Testing {

QStringList
filesHolding(const QStringList &roots, const QStringList &needles, const QByteArray &marker, bool *markerSeen)
{
    QStringList found;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
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
                bytes += gz.readAllStandardOutput();
            }
            *markerSeen = *markerSeen || bytes.contains(marker);
            for (const QString &needle : needles)
                if (bytes.contains(needle.toUtf8()))
                    found.append(path + QStringLiteral(": ") + needle);
        }
    }
    return found;
}

} // namespace FateDeployer::Testing
