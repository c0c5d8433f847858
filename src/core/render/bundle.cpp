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
