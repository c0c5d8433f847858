// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QByteArray>

namespace FateDeployer {

/// A sha256 (32 bytes) over every field of @p project in a fixed binary form: equal for equal projects
/// (operator==), different whenever any field differs. For cache keys, where the canonical JSON
/// (ProjectFile::toJson) cost more than the rest of reusing a render; not stored, not a file format.
/// Every struct is taken apart with a structured binding, so a new field stops the build until it is
/// added here.
QByteArray projectDigest(const Project &project);

} // namespace FateDeployer
