// A value or an error a user can act on. Engine functions return this instead of throwing, so
// that no exception crosses a module boundary (see DESIGN.md, "Errors").
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace ps {

enum class ErrorKind {
    Unknown = 0,
    BadInput,   // a file or argument the user gave is missing, unreadable or invalid
    NoFace,     // the photo decoded but no face was found in it
    Cancelled,  // the user asked the work to stop
    Internal,   // anything else: a failing library call, a full disk, a bug
};

struct Error {
    ErrorKind kind = ErrorKind::Unknown;
    std::string message;  // one sentence, naming the file and the problem where there is one
};

inline Error badInput(const std::string& path, const std::string& problem) {
    return {ErrorKind::BadInput, path + ": " + problem};
}
inline Error internalError(std::string message) {
    return {ErrorKind::Internal, std::move(message)};
}
inline Error cancelled() {
    return {ErrorKind::Cancelled, "cancelled"};
}

// The command line's exit code for an error (DESIGN.md: 2 bad input, 3 no face, 1 anything else).
inline int exitCodeFor(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::BadInput:
            return 2;
        case ErrorKind::NoFace:
            return 3;
        default:
            return 1;
    }
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool ok_ = true;
};

using Status = Result<void>;

}  // namespace ps
