// SPDX-License-Identifier: Apache-2.0
#include "util/signalguard.h"

#include <csignal>

namespace FateDeployer {

namespace {

std::atomic_bool cancelFlag{false};
std::atomic_int received{0};
struct sigaction previousInt;
struct sigaction previousTerm;

extern "C" void onSignal(int sig)
{
    if (cancelFlag.exchange(true)) {
        // The second signal: the user means it. Default action, as if we had never caught it.
        ::signal(sig, SIG_DFL);
        ::raise(sig);
        return;
    }
    received.store(sig);
}

} // namespace

SignalGuard::SignalGuard()
{
    cancelFlag.store(false);
    received.store(0);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // blocking reads and writes go on; the flag is polled
    ::sigaction(SIGINT, &action, &previousInt);
    ::sigaction(SIGTERM, &action, &previousTerm);
}

SignalGuard::~SignalGuard()
{
    ::sigaction(SIGINT, &previousInt, nullptr);
    ::sigaction(SIGTERM, &previousTerm, nullptr);
}

bool SignalGuard::cancelled()
{
    return cancelFlag.load();
}

const std::atomic_bool *SignalGuard::flag()
{
    return &cancelFlag;
}

int SignalGuard::signalNumber()
{
    return received.load();
}

int SignalGuard::exitCode()
{
    const int sig = received.load();
    return sig ? 128 + sig : 0;
}

} // namespace FateDeployer
