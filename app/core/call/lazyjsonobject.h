// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <memory>

namespace bem {

// A JSON object kept as the bytes it was read from and built (once, thread-safely) the
// first time someone asks for it. A v3 trace has as many events as function calls and
// each keeps its whole object, which only the event details, the output viewer and a
// saved bundle ever look at: building 100,000 of them at load time was a third of it.
// Copies share the bytes and the object built.
class LazyJsonObject final
{
public:
    LazyJsonObject() = default;
    LazyJsonObject(QJsonObject object); // NOLINT: stands for a QJsonObject
    LazyJsonObject &operator=(QJsonObject object);
    // The object that the `size` bytes at `offset` of `source` hold (kept, shared): they
    // must be one JSON object QJsonDocument reads without an error.
    static LazyJsonObject fromBytes(const QByteArray &source, qsizetype offset, qsizetype size);

    QJsonObject get() const;
    operator QJsonObject() const { return get(); } // NOLINT: reads as the object it is
    QJsonValue value(QLatin1String key) const { return get().value(key); }
    QJsonValue value(const QString &key) const { return get().value(key); }
    bool isEmpty() const { return get().isEmpty(); }
    qsizetype size() const { return get().size(); }
    bool contains(QLatin1String key) const { return get().contains(key); }
    bool contains(const QString &key) const { return get().contains(key); }

    // Equal when the objects are: the same bytes are, without building either.
    friend bool operator==(const LazyJsonObject &a, const LazyJsonObject &b);
    friend bool operator!=(const LazyJsonObject &a, const LazyJsonObject &b) { return !(a == b); }
    friend bool operator==(const LazyJsonObject &a, const QJsonObject &b) { return a.get() == b; }
    friend bool operator!=(const LazyJsonObject &a, const QJsonObject &b) { return !(a == b); }

private:
    struct State;
    QByteArrayView bytes() const;
    std::shared_ptr<State> m_state;
};

} // namespace bem

// Its one member is a std::shared_ptr: two pointers, nothing that points back into it.
Q_DECLARE_TYPEINFO(bem::LazyJsonObject, Q_RELOCATABLE_TYPE);
