// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the .fdproj project loader, then what the window does with a loaded project
// (validation) and saving it again.
#include "model/projectfile.h"
#include "model/validation.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const FateDeployer::Result<FateDeployer::Project> project = FateDeployer::ProjectFile::fromJson(input);
    if (!project)
        return 0;
    (void)FateDeployer::Validator::validate(project.value());
    // What is saved reads back as the same project.
    const FateDeployer::Result<FateDeployer::Project> again
        = FateDeployer::ProjectFile::fromJson(FateDeployer::ProjectFile::toJson(project.value()));
    if (!again || !(again.value() == project.value()))
        __builtin_trap();
    return 0;
}
