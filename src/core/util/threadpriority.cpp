// SPDX-License-Identifier: Apache-2.0
#include "util/threadpriority.h"

#include <QtGlobal>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace FateDeployer {

namespace {
/// How much nicer worker threads are than the thread that starts them.
constexpr int WorkerThreadNice = 10;
} // namespace

void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    static thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    const auto tid = id_t(syscall(SYS_gettid));
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, tid); // -1 is a valid value: errno tells
    if (errno == 0)
        setpriority(PRIO_PROCESS, tid, std::min(19, nice + WorkerThreadNice));
#endif
}

} // namespace FateDeployer
