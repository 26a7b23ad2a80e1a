// SPDX-License-Identifier: MIT
#include "jsontreemodel.h"

#include "formatting.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bem {

namespace {

const QList<int> NoRows;

} // namespace

QString confidenceText(double confidence)
{
    return QString::number(confidence, 'f', 2);
}

ConfidenceBand confidenceBand(double confidence, double threshold)
{
    if (confidence < threshold)
        return ConfidenceBand::Low;
    return confidence >= 0.9 ? ConfidenceBand::High : ConfidenceBand::Medium;
}

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

JsonTreeModel::~JsonTreeModel() = default;

QString JsonTreeModel::compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isUndefined())
        return QString();
    // QJsonDocument holds only objects and arrays: write the scalar as a one-element array
    // and take the brackets off.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void JsonTreeModel::setContent(const QJsonValue &value, const QJsonObject &fieldConfidences,
                               const QJsonValue &invalidProperties, const JsonPointer &base)
{
    beginResetModel();
    build(value);
    applyConfidences(fieldConfidences, base);
    applyInvalid(invalidProperties, base);
    endResetModel();
}

void JsonTreeModel::clear()
{
    setContent(QJsonValue(QJsonValue::Undefined));
}

void JsonTreeModel::setFieldConfidences(const QJsonObject &fieldConfidences,
                                        const JsonPointer &base)
{
    applyConfidences(fieldConfidences, base);
    emitAllChanged(0, ColumnCount - 1);
}

void JsonTreeModel::setInvalidProperties(const QJsonValue &invalidProperties,
                                         const JsonPointer &base)
{
    applyInvalid(invalidProperties, base);
    emitAllChanged(0, ColumnCount - 1);
}

void JsonTreeModel::setLowConfidenceThreshold(double threshold)
{
    if (threshold == m_threshold)
        return;
    m_threshold = threshold;
    emitAllChanged(ConfidenceColumn, ConfidenceColumn);
}

void JsonTreeModel::build(const QJsonValue &value)
{
    m_value = value;
    m_nodes.clear();
    m_confidenceProblems.clear();
    m_invalidProblems.clear();
    if (value.isUndefined())
        return;
    m_rootHidden = value.isObject() || value.isArray();
    Node root;
    root.value = value;
    m_nodes.push_back(std::move(root));
    // Breadth first over a growing vector: a node's children always come after it, which
    // applyConfidences() relies on to carry the lowest confidence upwards in one pass.
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const QJsonValue current = m_nodes[i].value;
        QList<int> children;
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            children.reserve(object.size());
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                Node child;
                child.parent = int(i);
                child.row = int(children.size());
                child.key = it.key();
                child.value = it.value();
                children << int(m_nodes.size());
                m_nodes.push_back(std::move(child));
            }
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            children.reserve(array.size());
            for (const QJsonValue &element : array) {
                Node child;
                child.parent = int(i);
                child.row = int(children.size());
                child.inArray = true;
                child.value = element;
                children << int(m_nodes.size());
                m_nodes.push_back(std::move(child));
            }
        }
        m_nodes[i].children = std::move(children);
    }
}

int JsonTreeModel::nodeFor(const QStringList &tokens) const
{
    if (m_nodes.empty())
        return -1;
    int node = 0;
    for (const QString &token : tokens) {
        const Node &n = m_nodes[size_t(node)];
        int next = -1;
        if (n.value.isObject()) {
            for (int child : n.children) {
                if (m_nodes[size_t(child)].key == token) {
                    next = child;
                    break;
                }
            }
        } else if (n.value.isArray()) {
            const std::optional<qsizetype> index = JsonPointer::arrayIndex(token);
            if (index && *index < n.children.size())
                next = n.children.at(*index);
        }
        if (next < 0)
            return -1;
        node = next;
    }
    return node;
}

void JsonTreeModel::applyConfidences(const QJsonObject &fieldConfidences, const JsonPointer &base)
{
    m_confidenceProblems.clear();
    for (Node &n : m_nodes) {
        n.confidence.reset();
        n.lowest.reset();
    }
    for (auto it = fieldConfidences.constBegin(); it != fieldConfidences.constEnd(); ++it) {
        const QString name = singleLine(it.key(), 200);
        const std::optional<JsonPointer> pointer = JsonPointer::parse(it.key());
        if (!pointer) {
            m_confidenceProblems << tr("fieldConfidences has \u201c%1\u201d, which is not a JSON "
                                       "Pointer (it must start with \u201c/\u201d)")
                                        .arg(name);
            continue;
        }
        const QJsonValue v = it.value();
        const double confidence = v.toDouble(-1.0);
        if (!v.isDouble() || !(confidence >= 0.0 && confidence <= 1.0)) {
            m_confidenceProblems << tr("fieldConfidences gives %1 the confidence %2, which is "
                                       "not a number between 0 and 1")
                                        .arg(name, singleLine(compactJson(v), 100));
            continue;
        }
        const int node = nodeFor(base.tokens() + pointer->tokens());
        if (node < 0) {
            m_confidenceProblems
                << tr("fieldConfidences names %1, which is not in the output").arg(name);
            continue;
        }
        if (node == 0 && m_rootHidden) {
            m_confidenceProblems << tr("fieldConfidences gives the whole output the confidence "
                                       "%1; no single field has it")
                                        .arg(confidenceText(confidence));
            continue;
        }
        m_nodes[size_t(node)].confidence = confidence;
    }
    for (Node &n : m_nodes)
        n.lowest = n.confidence;
    // Children come after their parents (build()), so a backwards pass sees every node's
    // whole subtree before it reaches the node's parent.
    for (size_t i = m_nodes.size(); i-- > 1;) {
        const Node &n = m_nodes[i];
        if (!n.lowest)
            continue;
        Node &p = m_nodes[size_t(n.parent)];
        if (!p.lowest || *n.lowest < *p.lowest)
            p.lowest = n.lowest;
    }
}

void JsonTreeModel::applyInvalid(const QJsonValue &invalidProperties, const JsonPointer &base)
{
    m_invalidProblems.clear();
    for (Node &n : m_nodes)
        n.invalid = false;
    if (invalidProperties.isUndefined() || invalidProperties.isNull())
        return;
    if (!invalidProperties.isArray()) {
        m_invalidProblems << tr("invalidProperties is %1, not a list of properties")
                                 .arg(singleLine(compactJson(invalidProperties), 100));
        return;
    }
    const QJsonArray names = invalidProperties.toArray();
    for (const QJsonValue &entry : names) {
        if (!entry.isString()) {
            m_invalidProblems << tr("invalidProperties has %1, which is not a property name")
                                     .arg(singleLine(compactJson(entry), 100));
            continue;
        }
        const QString name = entry.toString();
        // A JSON Pointer, a dotted path ("address.city"), or one top-level name with dots.
        QList<QStringList> candidates;
        if (name.startsWith(u'/')) {
            if (const std::optional<JsonPointer> pointer = JsonPointer::parse(name))
                candidates << pointer->tokens();
        } else {
            candidates << name.split(u'.') << QStringList{name};
        }
        int node = -1;
        for (const QStringList &tokens : std::as_const(candidates)) {
            node = nodeFor(base.tokens() + tokens);
            if (node >= 0)
                break;
        }
        if (node < 0 || (node == 0 && m_rootHidden)) {
            m_invalidProblems << tr("invalidProperties names %1, which is not in the output")
                                     .arg(singleLine(name, 200));
            continue;
        }
        m_nodes[size_t(node)].invalid = true;
    }
}

void JsonTreeModel::emitAllChanged(int firstColumn, int lastColumn)
{
    if (m_nodes.empty())
        return;
    const int topCount = int(rowsUnder(-1).size());
    if (topCount > 0)
        Q_EMIT dataChanged(index(0, firstColumn), index(topCount - 1, lastColumn));
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &n = m_nodes[i];
        if (n.children.isEmpty() || (i == 0 && m_rootHidden))
            continue;
        const QModelIndex parentIndex = createIndex(n.row, 0, quintptr(i));
        Q_EMIT dataChanged(index(0, firstColumn, parentIndex),
                           index(int(n.children.size()) - 1, lastColumn, parentIndex));
    }
}

const QList<int> &JsonTreeModel::rowsUnder(int node) const
{
    if (m_nodes.empty())
        return NoRows;
    if (node < 0)
        return m_rootHidden ? m_nodes.front().children : m_scalarTop;
    return m_nodes[size_t(node)].children;
}

int JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &rows = rowsUnder(nodeOf(parent));
    if (row < 0 || row >= rows.size())
        return {};
    return createIndex(row, column, quintptr(rows.at(row)));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node < 0)
        return {};
    const int p = m_nodes[size_t(node)].parent;
    if (p < 0 || (p == 0 && m_rootHidden))
        return {};
    return createIndex(m_nodes[size_t(p)].row, 0, quintptr(p));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(rowsUnder(nodeOf(parent)).size());
}

int JsonTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QModelIndex JsonTreeModel::indexOf(const JsonPointer &pointer) const
{
    const int node = nodeFor(pointer.tokens());
    if (node < 0 || (node == 0 && m_rootHidden))
        return {};
    return createIndex(m_nodes[size_t(node)].row, 0, quintptr(node));
}

QString JsonTreeModel::pointerOf(int node) const
{
    QStringList tokens;
    for (int n = node; n > 0; n = m_nodes[size_t(n)].parent) {
        const Node &current = m_nodes[size_t(n)];
        tokens.prepend(current.inArray ? QString::number(current.row) : current.key);
    }
    return JsonPointer::fromTokens(tokens).toString();
}

} // namespace bem
