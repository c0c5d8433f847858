// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>

namespace FateDeployer {

/// A cancel flag shared between the thread that asks (GUI, CLI signal handler) and the job thread that polls.
/// Copies share the same flag. Cheap to check; safe from any thread. Default-constructed tokens are live
/// (never cancelled until cancel() is called on one of their copies).
class CancelToken
{
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic<bool>>(false))
    {}

    void cancel() const { m_flag->store(true, std::memory_order_release); }
    bool isCancelled() const { return m_flag->load(std::memory_order_acquire); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

} // namespace FateDeployer
