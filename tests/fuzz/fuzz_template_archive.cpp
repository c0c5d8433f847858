// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: template archive extraction (tar, tar.gz/bz2/xz, zip) into a scratch folder on tmpfs.
#include "archive/safeextract.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace {
QString scratch()
{
    // /dev/shm keeps the million extractions off the disk; one folder per fuzzer process.
    static const QString dir = QStringLiteral("/dev/shm/fd-fuzz-archive-%1").arg(::getpid());
    return dir;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString base = scratch();
    QDir().mkpath(base);
    const QString archive = base + QStringLiteral("/input");
    {
        QFile f(archive);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const QString out = base + QStringLiteral("/out");
    // Small total size: a bomb is refused at 8 MiB instead of the real 512 MiB, so it stays one fast run.
    FateDeployer::SafeExtract::Limits limits;
    limits.maxTotalBytes = 8 << 20;
    const FateDeployer::Status s = FateDeployer::SafeExtract::extract(archive, out, limits);
    // On failure nothing may stay behind; nothing is ever written beside `out` (an escape from the folder).
    if (!s && QFile::exists(out))
        __builtin_trap();
    const QStringList beside
        = QDir(base).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (beside.size() > 2 || QFileInfo(archive).size() != qint64(size))
        __builtin_trap();
    QDir(out).removeRecursively();
    return 0;
}
