// SPDX-License-Identifier: MIT
#include "datanotices.h"

#include "callparser.h"

#include <QCoreApplication>

namespace bem {
namespace {

constexpr qsizetype MaxDetails = 20;

// English has two forms and the app ships no filled-in numerus translations, so the
// source strings carry both; each is still translated with its count.
QString ignoredPhrase(qsizetype lines)
{
    if (lines > CallParser::MaxWarnings) // the parser summarised the rest in one line
        return QCoreApplication::translate("DataNotice", "More than %n fields were ignored",
                                           nullptr, CallParser::MaxWarnings);
    return lines == 1
               ? QCoreApplication::translate("DataNotice", "%n field was ignored", nullptr, 1)
               : QCoreApplication::translate("DataNotice", "%n fields were ignored", nullptr,
                                             int(lines));
}

QString notesPhrase(qsizetype count)
{
    return count == 1
               ? QCoreApplication::translate("DataNotice", "%n note about the data", nullptr, 1)
               : QCoreApplication::translate("DataNotice", "%n notes about the data", nullptr,
                                             int(count));
}

} // namespace

DataNotice describeDataNotices(const CallSnapshot &snapshot)
{
    DataNotice notice;
    const QStringList notes = snapshot.notes();
    const QStringList &ignored = snapshot.ignored;
    if (!ignored.isEmpty()) {
        notice.kind = DataNotice::Kind::Warning;
        notice.text = QCoreApplication::translate(
                          "DataNotice", "%1 (unreadable, or not of the expected type). First: %2")
                          .arg(ignoredPhrase(ignored.size()), ignored.first());
        if (!notes.isEmpty())
            notice.text +=
                u' ' + QCoreApplication::translate("DataNotice", "Also %1, shown as it is.")
                           .arg(notesPhrase(notes.size()));
        notice.details = ignored.mid(0, MaxDetails) + notes.mid(0, MaxDetails);
        return notice;
    }
    if (notes.isEmpty())
        return notice;
    notice.kind = DataNotice::Kind::Info;
    notice.text =
        notes.size() == 1
            ? notes.first()
            : QCoreApplication::translate("DataNotice", "%1; all of it is shown. First: %2")
                  .arg(notesPhrase(notes.size()), notes.first());
    notice.details = notes.mid(0, MaxDetails);
    return notice;
}

} // namespace bem
