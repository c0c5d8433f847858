// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace FateDeployer {

namespace Detail {
/// Runs @p task on the one release thread (started on first use, ends with the application).
void runOnReleaseThread(std::function<void()> task);
} // namespace Detail

/// Destroys @p doomed on a background thread instead of the calling one.
///
/// Log text is allocated by the job threads, so its memory belongs to their malloc arenas. Freeing it
/// on the GUI thread takes an arena's lock, and a job thread (they run niced) preempted while it holds
/// that lock kept the GUI thread waiting up to 25 ms per free (perf sched on bench/logview). The
/// release thread may wait instead. Empty containers are destroyed right here.
template<typename Container>
void releaseInBackground(Container &&doomed)
{
    using Plain = std::remove_cvref_t<Container>;
    if (doomed.empty())
        return;
    auto held = std::make_shared<Plain>(std::move(doomed));
    // The lambda owns the only reference, so the last release happens on the release thread.
    Detail::runOnReleaseThread([held = std::move(held)]() mutable { held.reset(); });
}

} // namespace FateDeployer
