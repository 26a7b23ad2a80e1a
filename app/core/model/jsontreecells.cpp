// SPDX-License-Identifier: MIT
// JsonTreeModel's cells: the text, colours and tooltips of each row. The tree's shape and
// the mapping of confidences onto it are in jsontreemodel.cpp.
#include "jsontreemodel.h"

#include "formatting.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace bem {

namespace {

// Light backgrounds with black text: readable on light and dark window themes alike.
QColor bandColour(ConfidenceBand band)
{
    switch (band) {
    case ConfidenceBand::High:
        return QColor(0xc8, 0xe6, 0xc9);
    case ConfidenceBand::Medium:
        return QColor(0xff, 0xe0, 0xb2);
    case ConfidenceBand::Low:
        break;
    }
    return QColor(0xff, 0xcd, 0xd2);
}

} // namespace

QString JsonTreeModel::keyText(const Node &node) const
{
    if (node.parent < 0)
        return tr("(value)");
    if (node.inArray)
        return QStringLiteral("[%1]").arg(node.row);
    if (node.key.isEmpty())
        return QStringLiteral("\"\"");
    return singleLine(node.key, MaxCellLength);
}

QString JsonTreeModel::valueText(const Node &node) const
{
    const QJsonValue &v = node.value;
    if (v.isObject())
        // Spelled out rather than "%n field(s)": the app ships no English plural forms.
        return node.children.size() == 1 ? tr("{1 field}")
                                         : tr("{%1 fields}").arg(node.children.size());
    if (v.isArray())
        return node.children.size() == 1 ? tr("[1 item]")
                                         : tr("[%1 items]").arg(node.children.size());
    if (v.isString())
        return singleLine(v.toString(), MaxCellLength);
    return compactJson(v);
}

QString JsonTreeModel::typeText(const Node &node) const
{
    switch (node.value.type()) {
    case QJsonValue::Object:
        return tr("object");
    case QJsonValue::Array:
        return tr("array");
    case QJsonValue::String:
        return tr("string");
    case QJsonValue::Double:
        return tr("number");
    case QJsonValue::Bool:
        return tr("boolean");
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Undefined:
        break;
    }
    return QString();
}

QVariant JsonTreeModel::confidenceData(const Node &node, int role) const
{
    const std::optional<double> shown = node.confidence ? node.confidence : node.lowest;
    if (!shown)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        // A parent's figure is the lowest below it, not a confidence of its own.
        return node.confidence ? confidenceText(*shown) : tr("min %1").arg(confidenceText(*shown));
    case Qt::BackgroundRole:
        return QBrush(bandColour(confidenceBand(*shown, m_threshold)));
    case Qt::ForegroundRole:
        return QBrush(Qt::black);
    case Qt::FontRole:
        if (!node.confidence) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QString JsonTreeModel::toolTip(int node) const
{
    const Node &n = m_nodes[size_t(node)];
    QStringList lines;
    lines << tr("JSON Pointer: %1").arg(singleLine(pointerOf(node), 500));
    if (n.confidence)
        lines << tr("Confidence: %1").arg(confidenceText(*n.confidence));
    if (n.lowest && (!n.confidence || *n.lowest < *n.confidence))
        lines << tr("Lowest confidence below: %1").arg(confidenceText(*n.lowest));
    if (n.invalid)
        lines << tr("Marked invalid by the function (invalidProperties)");
    if (n.value.isString() && n.value.toString().size() > MaxCellLength)
        lines << tr("%1 characters; Copy value copies all of them").arg(n.value.toString().size());
    return plainToolTip(lines);
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    const int node = nodeOf(index);
    if (node < 0 || size_t(node) >= m_nodes.size())
        return {};
    const Node &n = m_nodes[size_t(node)];
    switch (role) {
    case PointerRole:
        return pointerOf(node);
    case ConfidenceRole: {
        const std::optional<double> shown = n.confidence ? n.confidence : n.lowest;
        return shown ? QVariant(*shown) : QVariant();
    }
    case LowestConfidenceRole:
        return n.lowest ? QVariant(*n.lowest) : QVariant();
    case InvalidRole:
        return n.invalid;
    case FullValueRole:
        return n.value.isString() ? n.value.toString() : compactJson(n.value);
    case ValueJsonRole:
        return compactJson(n.value);
    case Qt::ToolTipRole:
        return toolTip(node);
    default:
        break;
    }
    switch (index.column()) {
    case KeyColumn:
        if (role == Qt::DisplayRole)
            return keyText(n);
        if (role == Qt::ForegroundRole && n.invalid)
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        if (role == Qt::DecorationRole && n.invalid)
            return QColor(0xd3, 0x2f, 0x2f);
        return {};
    case ValueColumn:
        if (role == Qt::DisplayRole)
            return valueText(n);
        if (role == Qt::ForegroundRole && n.invalid)
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        return {};
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return n.invalid ? tr("%1 (invalid)").arg(typeText(n)) : typeText(n);
        return {};
    case ConfidenceColumn:
        return confidenceData(n, role);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    case ConfidenceColumn:
        return tr("Confidence");
    default:
        return {};
    }
}

} // namespace bem
