// SPDX-License-Identifier: MIT
#pragma once

#include "callparser.h"
#include "callsnapshot.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QTest>

namespace bem::test {

inline QByteArray readTestData(const QString &name)
{
    QFile f(QStringLiteral(BEM_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(name));
    return f.readAll();
}

inline CallSnapshot snapshotFromData(const QString &name)
{
    ParseResult r = CallParser::parse(readTestData(name));
    if (!r.ok())
        qFatal("test data %s does not parse: %s", qPrintable(name), qPrintable(r.error));
    return CallSnapshot::fromCall(std::move(*r.call), r.warnings);
}

// A call with just an ID and these function calls, as a snapshot.
inline CallSnapshot snapshotOf(const QString &callId, const QList<FunctionCall> &fcs)
{
    Call call;
    call.callId = callId;
    call.functionCalls = fcs;
    return CallSnapshot::fromCall(call);
}

inline FunctionCall makeFunctionCall(const QString &id, const QString &source = {},
                                     const QString &status = QStringLiteral("completed"))
{
    FunctionCall fc;
    fc.functionCallId = id;
    fc.functionName = id;
    fc.sourceFunctionCallId = source;
    fc.status = Status::fromRaw(status);
    return fc;
}

// A model as text: "[a[Step b[c]] d]": each row's display text in column 0, children in
// brackets after their parent. Iterative, so deep trees do not recurse.
inline QString treeToString(const QAbstractItemModel &model, const QModelIndex &root = {})
{
    QString out;
    struct Frame
    {
        QModelIndex parent;
        int row;
    };
    std::vector<Frame> stack{{root, 0}};
    out += u'[';
    while (!stack.empty()) {
        Frame &f = stack.back();
        if (f.row >= model.rowCount(f.parent)) {
            stack.pop_back();
            out += u']';
            continue;
        }
        const QModelIndex idx = model.index(f.row, 0, f.parent);
        if (f.row > 0)
            out += u' ';
        ++f.row;
        out += idx.data().toString();
        if (model.rowCount(idx) > 0) {
            out += u'[';
            stack.push_back({idx, 0});
        }
    }
    return out;
}

} // namespace bem::test
