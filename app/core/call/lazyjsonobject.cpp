// SPDX-License-Identifier: MIT
#include "lazyjsonobject.h"

#include <QJsonDocument>

#include <mutex>

namespace bem {

struct LazyJsonObject::State
{
    QByteArray source;
    qsizetype offset = 0;
    qsizetype size = 0; // 0: `object` was given, not read
    std::once_flag built;
    QJsonObject object;
};

LazyJsonObject::LazyJsonObject(QJsonObject object)
    : m_state(std::make_shared<State>())
{
    m_state->object = std::move(object);
}

LazyJsonObject &LazyJsonObject::operator=(QJsonObject object)
{
    *this = LazyJsonObject(std::move(object));
    return *this;
}

LazyJsonObject LazyJsonObject::fromBytes(const QByteArray &source, qsizetype offset, qsizetype size)
{
    LazyJsonObject out;
    out.m_state = std::make_shared<State>();
    out.m_state->source = source;
    out.m_state->offset = offset;
    out.m_state->size = size;
    return out;
}

QByteArrayView LazyJsonObject::bytes() const
{
    if (!m_state || m_state->size == 0)
        return {};
    return QByteArrayView(m_state->source.constData() + m_state->offset, m_state->size);
}

QJsonObject LazyJsonObject::get() const
{
    if (!m_state)
        return {};
    State &s = *m_state;
    std::call_once(s.built, [&s] {
        if (s.size > 0)
            s.object = QJsonDocument::fromJson(
                           QByteArray::fromRawData(s.source.constData() + s.offset, s.size))
                           .object();
    });
    return s.object;
}

bool operator==(const LazyJsonObject &a, const LazyJsonObject &b)
{
    if (a.m_state == b.m_state)
        return true;
    const QByteArrayView x = a.bytes();
    if (!x.isEmpty() && x == b.bytes())
        return true;
    return a.get() == b.get();
}

} // namespace bem
