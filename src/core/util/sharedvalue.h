// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <utility>

namespace FateDeployer {

/// A value held on the heap and shared by copies; an empty one reads as a default T without allocating.
/// For rarely used, large members of small, frequent structs: a JobEvent carries a step or host outcome
/// for a few events per step, but is built for every output line (bench/logview: 700-byte events made
/// the first tick of a run fault in megabytes of fresh memory on the GUI thread).
/// Reading goes through `->`, `*` or the conversion to `const T &`; writing replaces the whole value
/// (`event.step = outcome`) or edits a private copy (`event.step.edit().kind = …`).
template<typename T>
class SharedValue
{
public:
    SharedValue() = default;
    SharedValue(T value) // NOLINT(google-explicit-constructor): assigned like the T it replaced
        : m_value(std::make_shared<T>(std::move(value)))
    {}

    const T &get() const { return m_value ? *m_value : empty(); }
    const T &operator*() const { return get(); }
    const T *operator->() const { return &get(); }
    operator const T &() const { return get(); } // NOLINT(google-explicit-constructor)

    /// A copy of its own to edit (copied on the first edit when shared, default-made when empty).
    T &edit()
    {
        if (!m_value || m_value.use_count() > 1)
            m_value = std::make_shared<T>(get());
        return *m_value;
    }

private:
    static const T &empty()
    {
        static const T value;
        return value;
    }

    std::shared_ptr<T> m_value;
};

} // namespace FateDeployer
