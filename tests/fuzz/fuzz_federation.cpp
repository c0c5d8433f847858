// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the files other teams send (issue 17): a party card and a federation file, read with
// the same bytes; what reads is written and read back unchanged, and applied to a project.
#include "federation/federationfile.h"
#include "federation/partycard.h"
#include "model/validation.h"

#include <cstddef>
#include <cstdint>

using namespace FateDeployer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const Result<PartyCard> card = PartyCard::fromJson(input)) {
        const Result<PartyCard> again = PartyCard::fromJson(card->toJson());
        if (!again || !(again.value() == card.value()))
            __builtin_trap();
        const Project applied = card->applyTo(Project::example());
        (void)describeFederationChanges(Project::example(), applied);
        (void)Validator::validate(applied);
    }
    if (const Result<FederationFile> file = FederationFile::fromJson(input)) {
        const Result<FederationFile> again = FederationFile::fromJson(file->toJson());
        if (!again || !(again.value() == file.value()) || again->sha256() != file->sha256())
            __builtin_trap();
        const Project applied = file->applyTo(Project::example());
        (void)describeFederationChanges(Project::example(), applied);
        (void)Validator::validate(applied);
        // A team's project gives the same federation content back (the name may be the team's own).
        if (!(FederationFile::fromProject(applied).parties == file->parties))
            __builtin_trap();
    }
    return 0;
}
