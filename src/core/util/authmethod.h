// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace FateDeployer {

/// How the deployer logs in to a host. Default = agent, key files, password, keyboard-interactive.
/// A word shared by the project file (model) and the SSH transport (remote), so it lives below both.
enum class AuthMethod { Default, Agent, PublicKey, Password, KeyboardInteractive };

} // namespace FateDeployer
