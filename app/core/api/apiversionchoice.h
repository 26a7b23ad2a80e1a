// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace bem {

// Which bem API a connection asks: Auto tries v3 first and falls back to v2 once per call
// on a 404 (v3 has no function-type calls; those live on v2 only), remembering which one
// answered; V3 and V2 ask only that version.
enum class ApiVersionChoice { Auto, V3, V2 };

// "auto", "v3", "v2": the command line's --api and the settings file spell them so.
inline QString apiVersionChoiceName(ApiVersionChoice choice)
{
    switch (choice) {
    case ApiVersionChoice::V3:
        return QStringLiteral("v3");
    case ApiVersionChoice::V2:
        return QStringLiteral("v2");
    case ApiVersionChoice::Auto:
        break;
    }
    return QStringLiteral("auto");
}

// The choice a name spells (case and surrounding spaces ignored); nothing for any other text.
inline std::optional<ApiVersionChoice> apiVersionChoiceFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto"))
        return ApiVersionChoice::Auto;
    if (n == QLatin1String("v3"))
        return ApiVersionChoice::V3;
    if (n == QLatin1String("v2"))
        return ApiVersionChoice::V2;
    return std::nullopt;
}

} // namespace bem
