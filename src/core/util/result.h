// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace FateDeployer {

/// What kind of failure an Error is, so callers decide without reading the (translated) message.
enum class ErrorKind {
    Other,         ///< anything not listed below
    Timeout,       ///< no answer within a time limit (connect, command)
    Auth,          ///< login refused (user, key, password)
    HostKey,       ///< host key unknown, changed or not checkable
    Network,       ///< cannot reach the host, connection refused or lost
    RemoteCommand, ///< a remote command failed (exit status, signal)
    Cancelled,     ///< stopped on request
    Local,         ///< a local file, folder or configuration problem
};
/// Stable id of a kind: "timeout", "auth", ... (JSON, history).
inline const char *errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Auth:
        return "auth";
    case ErrorKind::HostKey:
        return "host-key";
    case ErrorKind::Network:
        return "network";
    case ErrorKind::RemoteCommand:
        return "remote-command";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Local:
        return "local";
    case ErrorKind::Other:
        break;
    }
    return "other";
}

/// An error for the user: what happened, in words that can be shown as they are, and its kind.
struct Error
{
    QString message;
    ErrorKind kind = ErrorKind::Other;
};

/// A value or an Error (C++23's std::expected is not available with g++ 12 in C++20 mode).
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &std::get<T>(m_data); }
    T *operator->() { return &std::get<T>(m_data); }

    QString error() const { return ok() ? QString() : std::get<Error>(m_data).message; }
    ErrorKind errorKind() const { return ok() ? ErrorKind::Other : std::get<Error>(m_data).kind; }

private:
    std::variant<T, Error> m_data;
};

/// Success or an Error, for operations without a value.
class Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error.message))
        , m_kind(error.kind)
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }
    ErrorKind errorKind() const { return m_kind; }

private:
    QString m_error;
    ErrorKind m_kind = ErrorKind::Other;
    bool m_failed = false;
};

} // namespace FateDeployer
