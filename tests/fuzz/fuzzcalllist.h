// SPDX-License-Identifier: MIT
#pragma once

// The calls browser's half of the fuzzer: every body is also read as a page of
// GET /v3/calls, and the pages go through CallListModel as a first page, a refresh merge
// and a next page. The model tester aborts on any broken model contract; the checks below
// abort on a row that cannot be found by its callID or is listed twice.

#include "calllistmodel.h"
#include "calllistparser.h"

#include <QAbstractItemModelTester>
#include <QByteArray>
#include <QList>
#include <QSet>

#include <cstdlib>

inline void checkCallList(const bem::CallListModel &model)
{
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.callAt(row).callId;
        if (id.isEmpty() || ids.contains(id) || model.rowOf(id) != row)
            std::abort();
        ids.insert(id);
        for (int column = 0; column < bem::CallListModel::ColumnCount; ++column)
            (void)model.index(row, column).data(Qt::ToolTipRole);
    }
}

inline void fuzzCallList(const QList<QByteArray> &bodies)
{
    bem::CallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        const bem::CallListPage page =
            bem::CallListParser::parse(QByteArray(bodies[i].constData(), bodies[i].size()));
        if (!page.ok())
            continue;
        const bool ends = page.calls.size() < 3;
        if (i == 0)
            model.setFirstPage(page.calls, page.totalCount, ends);
        else if (i == 1)
            model.mergeFirstPage(page.calls, page.totalCount, ends);
        else
            model.appendPage(page.calls, page.totalCount, ends);
        checkCallList(model);
    }
}
