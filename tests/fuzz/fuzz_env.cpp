// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the .env that KubeFATE sources before its configuration; the configuration refers to it.
#include "kubefate/kubefateimporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray env(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QByteArray config = "user=fate\ndir=/data/projects/fate\npartylist=(10000 9999)\n"
                                     "partyiplist=(192.168.7.1 192.168.7.2)\nexchangeip=192.168.7.1\n";
    FateDeployer::KubefateImporter importer;
    const auto project = importer.importData(config, QStringLiteral("docker-configuration.sh"), env);
    (void)project.ok();
    return 0;
}
