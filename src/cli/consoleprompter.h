// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "remote/prompter.h"

#include <QCoreApplication>
#include <QMutex>

namespace FateDeployer {

/// The CLI's Prompter. Secrets never come from argv:
/// - FD_SSH_PASSWORD: SSH password (also answers keyboard-interactive prompts), for automation;
/// - FD_SSH_PASSPHRASE: passphrase of the private key;
/// - otherwise, when stdin is a terminal, asked there without echo (one question at a time, as jobs
///   run in parallel); otherwise the question is declined and the login fails with a clear error.
/// Unknown host keys (policy Ask) are asked on the terminal; without one they are rejected.
class ConsolePrompter : public Prompter
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ConsolePrompter)

public:
    HostKeyAnswer askHostKey(const HostKeyQuestion &question, const CancelToken &cancel) override;
    SecretAnswer askSecret(const SecretQuestion &question, const CancelToken &cancel) override;

    static bool stdinIsTerminal();

private:
    QMutex m_mutex; ///< one question on the terminal at a time
};

} // namespace FateDeployer
