// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: KubeFATE 1.1's docker-configuration.sh, as `import` and the window read it.
#include "kubefate/kubefateimporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    FateDeployer::KubefateImporter importer;
    const auto project = importer.importData(input, QStringLiteral("docker-configuration.sh"));
    // Any outcome is fine; a value or an error, never a crash, hang or sanitizer report.
    (void)project.ok();
    return 0;
}
