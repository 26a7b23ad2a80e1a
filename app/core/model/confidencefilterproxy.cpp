// SPDX-License-Identifier: MIT
#include "confidencefilterproxy.h"

#include "jsontreemodel.h"

namespace bem {

ConfidenceFilterProxy::ConfidenceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

ConfidenceFilterProxy::~ConfidenceFilterProxy() = default;

void ConfidenceFilterProxy::setLowOnly(bool lowOnly)
{
    if (lowOnly == m_lowOnly)
        return;
    m_lowOnly = lowOnly;
    invalidateRowsFilter();
}

void ConfidenceFilterProxy::setThreshold(double threshold)
{
    if (threshold == m_threshold)
        return;
    m_threshold = threshold;
    if (m_lowOnly)
        invalidateRowsFilter();
}

bool ConfidenceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_lowOnly)
        return true;
    const QVariant lowest =
        sourceModel()->index(sourceRow, 0, sourceParent).data(JsonTreeModel::LowestConfidenceRole);
    return lowest.isValid() && lowest.toDouble() < m_threshold;
}

} // namespace bem
