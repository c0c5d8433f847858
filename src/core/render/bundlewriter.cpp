// SPDX-License-Identifier: Apache-2.0
#include "render/bundlewriter.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace FateDeployer {

namespace {

QFileDevice::Permissions permissions(int mode)
{
    QFileDevice::Permissions p;
    if (mode & 0400)
        p |= QFileDevice::ReadOwner | QFileDevice::ReadUser;
    if (mode & 0200)
        p |= QFileDevice::WriteOwner | QFileDevice::WriteUser;
    if (mode & 0100)
        p |= QFileDevice::ExeOwner | QFileDevice::ExeUser;
    if (mode & 0040)
        p |= QFileDevice::ReadGroup;
    if (mode & 0020)
        p |= QFileDevice::WriteGroup;
    if (mode & 0010)
        p |= QFileDevice::ExeGroup;
    if (mode & 0004)
        p |= QFileDevice::ReadOther;
    if (mode & 0002)
        p |= QFileDevice::WriteOther;
    if (mode & 0001)
        p |= QFileDevice::ExeOther;
    return p;
}

Status writeFile(const BundleFile &f, const QString &target)
{
    if (!QDir().mkpath(QFileInfo(target).path()))
        return Error{tr("cannot create folder %1").arg(QFileInfo(target).path())};
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
    if (f.isVerbatim()) {
        QFile in(f.sourcePath);
        if (!in.open(QIODevice::ReadOnly))
            return Error{tr("cannot read template file %1: %2").arg(f.sourcePath, in.errorString())};
        QByteArray buf(256 * 1024, Qt::Uninitialized);
        for (;;) {
            const qint64 n = in.read(buf.data(), buf.size());
            if (n < 0)
                return Error{tr("cannot read template file %1: %2").arg(f.sourcePath, in.errorString())};
            if (n == 0)
                break;
            if (out.write(buf.constData(), n) != n)
                return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
        }
    } else if (out.write(f.content) != f.content.size()) {
        return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
    }
    if (!out.flush())
        return Error{tr("cannot write %1: %2").arg(target, out.errorString())};
    out.close();
    out.setPermissions(permissions(f.mode));
    return {};
}

} // namespace

Status BundleWriter::writeTree(const RenderOutput &output, const QString &outDir)
{
    if (!QDir().mkpath(outDir))
        return Error{tr("cannot create the output folder %1").arg(outDir)};
    const QDir out(outDir);
    const QString staging = out.filePath(QStringLiteral(".render-") + QUuid::createUuid().toString(QUuid::Id128));
    auto cleanup = [&] { QDir(staging).removeRecursively(); };
    for (const Bundle &b : output.bundles) {
        if (!QDir().mkpath(staging + QLatin1Char('/') + b.name)) {
            cleanup();
            return Error{tr("cannot create folder %1").arg(staging)};
        }
        for (const BundleFile &f : b.files) {
            if (Status s = writeFile(f, staging + QLatin1Char('/') + b.name + QLatin1Char('/') + f.path); !s) {
                cleanup();
                return s;
            }
        }
        for (const QString &d : b.emptyDirs) {
            if (!QDir().mkpath(staging + QLatin1Char('/') + b.name + QLatin1Char('/') + d)) {
                cleanup();
                return Error{
                    tr("cannot create folder %1").arg(staging + QLatin1Char('/') + b.name + QLatin1Char('/') + d)};
            }
        }
    }
    // Swap the bundles in: old folders move aside first and are deleted only once all are in place.
    const QString trash = staging + QStringLiteral("/.old");
    QStringList swapped;
    for (const Bundle &b : output.bundles) {
        const QString target = out.filePath(b.name);
        if (QFileInfo::exists(target)) {
            QDir().mkpath(trash);
            if (!QDir().rename(target, trash + QLatin1Char('/') + b.name)) {
                for (const QString &name : swapped) { // roll back
                    QDir(out.filePath(name)).removeRecursively();
                    QDir().rename(trash + QLatin1Char('/') + name, out.filePath(name));
                }
                cleanup();
                return Error{tr("cannot replace %1 (is a file in it open?)").arg(target)};
            }
        }
        if (!QDir().rename(staging + QLatin1Char('/') + b.name, target)) {
            QDir().rename(trash + QLatin1Char('/') + b.name, target);
            cleanup();
            return Error{tr("cannot move the rendered %1 into %2").arg(b.name, outDir)};
        }
        swapped.append(b.name);
    }
    cleanup();
    return {};
}

} // namespace FateDeployer
