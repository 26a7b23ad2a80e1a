// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace bem {

// "Low confidence only" over a JsonTreeModel: when on, keeps the rows whose confidence is
// below the threshold and the rows on the path to them (a parent's lowest confidence is
// that of the lowest field below it, so its ancestors pass too). Off, it shows everything.
class ConfidenceFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConfidenceFilterProxy(QObject *parent = nullptr);
    ~ConfidenceFilterProxy() override;
    Q_DISABLE_COPY_MOVE(ConfidenceFilterProxy)

    bool lowOnly() const { return m_lowOnly; }
    void setLowOnly(bool lowOnly);
    double threshold() const { return m_threshold; }
    void setThreshold(double threshold);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_lowOnly = false;
    double m_threshold = 0.8;
};

} // namespace bem
