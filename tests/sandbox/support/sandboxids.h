// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): the sandbox instance of every test and benchmark.
#pragma once

#include <array>

namespace FateDeployer::Testing::SandboxId {

// ctest runs tests side by side, and SandboxFixture::start() first stops whatever runs under its id
// (leftovers of a crashed run): two tests with one id kill each other's hosts. Every id is here, once.
// Outside C++: scripts/run uses 1, tests/sandbox/selftest.sh 49. FD_SANDBOX_ID_OFFSET shifts them all.
inline constexpr int SshSession = 10;
inline constexpr int BenchUpload = 11;
inline constexpr int DeployCli = 21;
inline constexpr int Scale = 22;
inline constexpr int BenchDeploy = 23;
inline constexpr int Kubefate = 24;
inline constexpr int Example = 25;
inline constexpr int Hardening = 26;
inline constexpr int Registry = 27;
inline constexpr int Deploy111 = 31;
inline constexpr int DayTwo = 32;
inline constexpr int VerifyRoute = 33;
inline constexpr int Deploy20 = 34;
inline constexpr int Gui = 35;
inline constexpr int GuiRegistry = 36;
inline constexpr int GuiDeploy111 = 37;
inline constexpr int Federation = 38;
inline constexpr int Grid = 39;
inline constexpr int GuiDayTwo = 40;
inline constexpr int GuiDeploy20 = 41;

inline constexpr std::array All{1,           49,          SshSession, BenchUpload, DeployCli,   Scale,
                                BenchDeploy, Kubefate,    Example,    Hardening,   Registry,    Deploy111,
                                DayTwo,      VerifyRoute, Deploy20,   Gui,         GuiRegistry, GuiDeploy111,
                                Federation,  Grid,        GuiDayTwo,  GuiDeploy20};

constexpr bool allDistinct()
{
    for (std::size_t i = 0; i < All.size(); ++i)
        for (std::size_t j = i + 1; j < All.size(); ++j)
            if (All[i] == All[j])
                return false;
    return true;
}
static_assert(allDistinct(), "two sandbox users share an instance id");

} // namespace FateDeployer::Testing::SandboxId
