// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: parties.conf (KubeFATE 1.5 and later) with the .env beside it.
#include "kubefate/kubefateimporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QByteArray env = "KubeFATE_Version=v1.11.1\nRegistryURI=\nTAG=1.11.1-release\n";
    FateDeployer::KubefateImporter importer;
    const auto project = importer.importData(input, QStringLiteral("parties.conf"), env);
    (void)project.ok();
    return 0;
}
