// SPDX-License-Identifier: Apache-2.0
#include "util/backgroundrelease.h"
#include "util/threadpriority.h"

#include <QThreadPool>

namespace FateDeployer::Detail {

void runOnReleaseThread(std::function<void()> task)
{
    // One thread keeps the releases in order and off every other pool; it stays while it has work.
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool; // deliberately never deleted: releases may be queued until exit
        p->setMaxThreadCount(1);
        p->setObjectName(QStringLiteral("fd-release"));
        return p;
    }();
    // Niced like the job threads: waking it used to hand it the GUI thread's core while it freed a
    // hundred thousand log entries (perf sched on bench/logview).
    pool->start([task = std::move(task)] {
        lowerThisThreadsPriority();
        task();
    });
}

} // namespace FateDeployer::Detail
