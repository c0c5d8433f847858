// SPDX-License-Identifier: Apache-2.0
#include "render/bundle.h"

#include <QCoreApplication>
#include <QFile>

namespace FateDeployer {

Result<QByteArray> BundleFile::bytes() const
{
    if (!isVerbatim())
        return content;
    QFile file(sourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("FateDeployer::Bundle", "cannot read template file %1: %2")
                         .arg(sourcePath, file.errorString())};
    return file.readAll();
}

Bundle Bundle::make(Kind kind,
                    const QString &name,
                    int partyId,
                    const QString &host,
                    const QString &targetDir,
                    const QString &composeFile)
{
    Bundle b;
    b.kind = kind;
    b.name = name;
    b.partyId = partyId;
    b.host = host;
    b.targetDir = targetDir;
    b.composeFile = composeFile;
    return b;
}

const BundleFile *Bundle::file(const QString &path) const
{
    for (const BundleFile &f : files)
        if (f.path == path)
            return &f;
    return nullptr;
}

qint64 Bundle::totalSize() const
{
    qint64 total = 0;
    for (const BundleFile &f : files)
        total += f.size;
    return total;
}

const Bundle *RenderOutput::bundle(const QString &name) const
{
    for (const Bundle &b : bundles)
        if (b.name == name)
            return &b;
    return nullptr;
}

} // namespace FateDeployer
