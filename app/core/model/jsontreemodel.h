// SPDX-License-Identifier: MIT
#pragma once

#include "jsonpointer.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <optional>
#include <vector>

namespace bem {

// How sure a function was of a field, in three bands: at or above 0.9, at or above the
// user's threshold, below it.
enum class ConfidenceBand { High, Medium, Low };
ConfidenceBand confidenceBand(double confidence, double threshold);
// "0.97": how confidences are written in cells and messages.
QString confidenceText(double confidence);

// A JSON value (an output's content) as a tree: Key, Value, Type, Confidence. The top rows
// are the members of the top-level object or array (a lone scalar is one row).
//
// Built with an explicit work list, never by recursion, so 300-deep nesting cannot exhaust
// the stack; values are shared with the document, not copied. Cells cut long strings;
// FullValueRole has the whole value. Confidences come from an event's fieldConfidences (RFC
// 6901 pointers); whatever cannot be placed on a row is listed in dataProblems() in words.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ConfidenceColumn, ColumnCount };
    enum Role {
        PointerRole = Qt::UserRole + 1, // the row's JSON Pointer, escaped ("/a~1b/0")
        ConfidenceRole,       // double: the row's own, else the lowest below it; else invalid
        LowestConfidenceRole, // double: the lowest of the row's own and all below it
        InvalidRole,          // bool: named by invalidProperties
        FullValueRole,        // a string's whole text, else the value as compact JSON
        ValueJsonRole,        // the row's value as compact JSON
    };
    // Cells show at most this many characters of a value or key.
    static constexpr int MaxCellLength = 300;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

    // Replaces everything (one reset). Confidences and invalid properties name paths
    // below `base` (a join shows its items beside its content, under "transformedContent").
    void setContent(const QJsonValue &value, const QJsonObject &fieldConfidences = {},
                    const QJsonValue &invalidProperties = {}, const JsonPointer &base = {});
    void clear();
    // Replace only the confidences / invalid marks (the rows stay, their cells change).
    void setFieldConfidences(const QJsonObject &fieldConfidences, const JsonPointer &base = {});
    void setInvalidProperties(const QJsonValue &invalidProperties, const JsonPointer &base = {});

    QJsonValue value() const { return m_value; }
    // Fields this output names that are not in it, and confidences that are no number in
    // [0, 1]: each once, in words.
    QStringList dataProblems() const { return m_confidenceProblems + m_invalidProblems; }

    double lowConfidenceThreshold() const { return m_threshold; }
    void setLowConfidenceThreshold(double threshold);

    // The row of this pointer's value; invalid when the path is not in the tree.
    QModelIndex indexOf(const JsonPointer &pointer) const;
    // The value as one compact JSON text (a scalar too: "\"x\"", "1.5", "null").
    static QString compactJson(const QJsonValue &value);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        int parent = -1;
        int row = 0;
        QString key; // an object member's name; empty for array elements
        bool inArray = false;
        QJsonValue value;
        QList<int> children;
        std::optional<double> confidence;
        std::optional<double> lowest;
        bool invalid = false;
    };

    void build(const QJsonValue &value);
    void applyConfidences(const QJsonObject &fieldConfidences, const JsonPointer &base);
    void applyInvalid(const QJsonValue &invalidProperties, const JsonPointer &base);
    void emitAllChanged(int firstColumn, int lastColumn);
    int nodeFor(const QStringList &tokens) const;
    int nodeOf(const QModelIndex &index) const;
    const QList<int> &rowsUnder(int node) const;
    QString pointerOf(int node) const;
    QString keyText(const Node &node) const;
    QString valueText(const Node &node) const;
    QString typeText(const Node &node) const;
    QVariant confidenceData(const Node &node, int role) const;
    QString toolTip(int node) const;

    QJsonValue m_value;
    std::vector<Node> m_nodes; // [0] is the document itself
    bool m_rootHidden = true;  // the top rows are the document's members
    QList<int> m_scalarTop{0}; // the top rows when the document is a scalar
    double m_threshold = 0.8;
    QStringList m_confidenceProblems;
    QStringList m_invalidProblems;
};

} // namespace bem
