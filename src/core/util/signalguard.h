// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

namespace FateDeployer {

/// Ctrl+C (SIGINT) and SIGTERM for a command line run, from its first instant: the handler only records
/// the signal (async-signal-safe); the code that runs polls cancelled() (or passes flag() down to work
/// that takes a cancel flag, such as packing) and stops where it can clean up. A second signal of either
/// kind ends the process with the default action. exitCode() follows the shell convention, 128 + the
/// signal number: 130 for SIGINT, 143 for SIGTERM.
///
/// One guard at a time; the previous handlers come back when it is destroyed.
class SignalGuard
{
public:
    SignalGuard();
    ~SignalGuard();
    SignalGuard(const SignalGuard &) = delete;
    SignalGuard &operator=(const SignalGuard &) = delete;

    static bool cancelled();
    static const std::atomic_bool *flag();
    static int signalNumber(); ///< 0 while no signal arrived
    static int exitCode();     ///< 128 + signalNumber(), 0 while no signal arrived
};

} // namespace FateDeployer
