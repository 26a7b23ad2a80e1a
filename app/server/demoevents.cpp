// SPDX-License-Identifier: MIT
#include "demoevents.h"

#include "demojson.h"

#include <QCryptographicHash>

namespace bem::demoevents {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A number in [0, n) fixed by `seed`, the same on every run.
int pick(const QString &seed, int n)
{
    const QByteArray h = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5);
    const quint32 v = (quint32(quint8(h.at(0))) << 16) | (quint32(quint8(h.at(1))) << 8) |
                      quint32(quint8(h.at(2)));
    return int(v % quint32(n));
}

// A confidence in [0.55, 0.99], two decimals.
double confidence(const QString &seed)
{
    return (55 + pick(seed, 45)) / 100.0;
}

struct Vendor
{
    const char *name;
    const char *address;
};

constexpr Vendor Vendors[] = {
    {"Northwind Office Supply GmbH", "Hafenstraße 12, 20457 Hamburg, Germany"},
    {"Blue Ridge Paper Co.", "410 Mill Road, Asheville, NC 28801, USA"},
    {"Kestrel Logistics Ltd", "Unit 7, Dock Lane, Bristol BS1 6QH, United Kingdom"},
    {"Sato Precision Parts K.K.", "3-14-2 Shibaura, Minato-ku, Tokyo 108-0023, Japan"},
};

constexpr const char *Items[] = {"A4 copy paper, 80 g/m², 5-ream box", "Toner cartridge TN-2420",
                                 "Pallet delivery surcharge",          "Hex bolts M8×40, 100 pcs",
                                 "Label printer ribbons (12 pack)",    "Service hours, on-site"};

// The invoice a page yields, with the confidence of each field by JSON Pointer.
void invoice(const QString &seed, QJsonObject &content, QJsonObject &confidences, double &average)
{
    const Vendor &v = Vendors[pick(seed + QStringLiteral("/vendor"), 4)];
    QJsonArray lines;
    double total = 0;
    const int count = 1 + pick(seed + QStringLiteral("/lines"), 3);
    double sum = 0;
    int fields = 0;
    auto conf = [&](const QString &pointer) {
        const double c = confidence(seed + pointer);
        confidences.insert(pointer, c);
        sum += c;
        ++fields;
    };
    for (int i = 0; i < count; ++i) {
        const int qty = 1 + pick(seed + QString::number(i) + QStringLiteral("q"), 12);
        const double price =
            (500 + pick(seed + QString::number(i) + QStringLiteral("p"), 20000)) / 100.0;
        const double amount = qty * price;
        total += amount;
        lines.append(QJsonObject{
            {QStringLiteral("description"),
             QLatin1String(Items[pick(seed + QString::number(i), 6)])},
            {QStringLiteral("quantity"), qty},
            {QStringLiteral("unitPrice"), price},
            {QStringLiteral("amount"), qRound(amount * 100) / 100.0},
        });
        conf(QStringLiteral("/lineItems/%1/description").arg(i));
        conf(QStringLiteral("/lineItems/%1/amount").arg(i));
    }
    content = QJsonObject{
        {QStringLiteral("invoiceNumber"),
         QStringLiteral("INV-2026-%1").arg(10000 + pick(seed, 89999))},
        {QStringLiteral("invoiceDate"), QStringLiteral("2026-11-%1").arg(10 + pick(seed, 18))},
        {QStringLiteral("currency"), QStringLiteral("EUR")},
        {QStringLiteral("vendor"),
         QJsonObject{{QStringLiteral("name"), QLatin1String(v.name)},
                     {QStringLiteral("address"), QString::fromUtf8(v.address)}}},
        {QStringLiteral("lineItems"), lines},
        {QStringLiteral("total"), qRound(total * 100) / 100.0},
    };
    for (const char *pointer :
         {"/invoiceNumber", "/invoiceDate", "/vendor/name", "/vendor/address", "/total"})
        conf(QLatin1String(pointer));
    average = qRound(sum / fields * 100) / 100.0;
}

} // namespace

QString eventId(const QJsonObject &call, const QJsonObject &fc, const QString &suffix)
{
    const QByteArray h =
        QCryptographicHash::hash(str(call, "callID").toUtf8(), QCryptographicHash::Md5).toHex();
    return QStringLiteral("ev_") + QString::fromLatin1(h.left(6)) + u'_' +
           str(fc, "functionCallID") + u'_' + suffix;
}

QJsonObject commonFields(const EventOrigin &o, const QString &eventType, const QString &suffix)
{
    QJsonObject e{
        {QStringLiteral("eventID"), eventId(o.call, o.fc, suffix)},
        {QStringLiteral("eventType"), eventType},
        {QStringLiteral("functionID"), str(o.fc, "functionID")},
        {QStringLiteral("functionName"), str(o.fc, "functionName")},
        {QStringLiteral("functionCallID"), str(o.fc, "functionCallID")},
        {QStringLiteral("functionCallTryNumber"), o.tryNumber},
        {QStringLiteral("functionVersionNum"), o.fc.value(QLatin1String("functionVersionNum"))},
        {QStringLiteral("callID"), str(o.call, "callID")},
        {QStringLiteral("workflowID"), str(o.call, "workflowID")},
        {QStringLiteral("workflowName"), str(o.call, "workflowName")},
        {QStringLiteral("workflowVersionNum"), o.call.value(QLatin1String("workflowVersionNum"))},
        {QStringLiteral("createdAt"), o.createdAt},
    };
    if (o.fc.contains(QLatin1String("referenceID")))
        e.insert(QStringLiteral("referenceID"), str(o.fc, "referenceID"));
    const QString started = str(o.fc, "startedAt");
    const QDateTime from = QDateTime::fromString(started, Qt::ISODateWithMs);
    const QDateTime to = QDateTime::fromString(o.createdAt, Qt::ISODateWithMs);
    if (from.isValid() && to.isValid())
        e.insert(QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("durationFunctionToEventSeconds"),
                              from.msecsTo(to) / 1000.0}});
    return e;
}

QJsonObject routeEvent(const EventOrigin &o, const QString &choice, int index)
{
    QJsonObject e = commonFields(o, QStringLiteral("route"),
                                 QStringLiteral("route_%1").arg(index, 3, 10, QLatin1Char('0')));
    e.insert(QStringLiteral("choice"), choice);
    if (o.fc.contains(QLatin1String("s3URL")))
        e.insert(QStringLiteral("s3URL"), str(o.fc, "s3URL"));
    return e;
}

QJsonObject splitCollectionEvent(const EventOrigin &o)
{
    QJsonObject e = commonFields(o, QStringLiteral("split_collection"), QStringLiteral("split"));
    const QJsonArray inputs = o.fc.value(QLatin1String("inputs")).toArray();
    QJsonArray items;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QJsonObject in = inputs.at(i).toObject();
        items.append(QJsonObject{{QStringLiteral("itemOffset"), int(i)},
                                 {QStringLiteral("itemReferenceID"), str(in, "itemReferenceID")},
                                 {QStringLiteral("s3URL"), str(in, "s3URL")},
                                 {QStringLiteral("pageStart"), int(i) + 1},
                                 {QStringLiteral("pageEnd"), int(i) + 1}});
    }
    e.insert(QStringLiteral("outputType"), QStringLiteral("print_page"));
    e.insert(QStringLiteral("printPageOutput"),
             QJsonObject{{QStringLiteral("itemCount"), int(items.size())},
                         {QStringLiteral("pageCount"), int(items.size())},
                         {QStringLiteral("items"), items}});
    return e;
}

QJsonObject splitItemEvent(const EventOrigin &o, int offset)
{
    QJsonObject e = commonFields(o, QStringLiteral("split_item"),
                                 QStringLiteral("item_%1").arg(offset, 3, 10, QLatin1Char('0')));
    const QJsonObject in = o.fc.value(QLatin1String("inputs")).toArray().at(offset).toObject();
    e.insert(QStringLiteral("itemOffset"), offset);
    e.insert(QStringLiteral("itemReferenceID"), str(in, "itemReferenceID"));
    e.insert(QStringLiteral("s3URL"), str(in, "s3URL"));
    e.insert(QStringLiteral("pageStart"), offset + 1);
    e.insert(QStringLiteral("pageEnd"), offset + 1);
    return e;
}

QJsonObject transformEvent(const EventOrigin &o)
{
    QJsonObject e = commonFields(o, QStringLiteral("transform"), QStringLiteral("transform"));
    const QString seed = str(o.call, "callID") + u'/' + str(o.fc, "functionCallID");
    QJsonObject content;
    QJsonObject confidences;
    double average = 0;
    invoice(seed, content, confidences, average);
    e.insert(QStringLiteral("transformedContent"), content);
    e.insert(QStringLiteral("avgConfidence"), average);
    e.insert(QStringLiteral("fieldConfidences"), confidences);
    QJsonArray invalid;
    if (pick(seed + QStringLiteral("/invalid"), 3) == 0)
        invalid.append(QStringLiteral("invoiceDate"));
    e.insert(QStringLiteral("invalidProperties"), invalid);
    e.insert(QStringLiteral("transformationID"),
             QString(QStringLiteral("tr_") + eventId(o.call, o.fc, {})));
    e.insert(QStringLiteral("itemOffset"), 0);
    e.insert(QStringLiteral("itemCount"), 1);
    if (o.fc.contains(QLatin1String("s3URL")))
        e.insert(QStringLiteral("s3URL"), str(o.fc, "s3URL"));
    // Most webhooks were delivered; now and then the customer's endpoint said no.
    if (pick(seed + QStringLiteral("/publish"), 4) == 0)
        e.insert(QStringLiteral("lastPublishErrorAt"), o.createdAt);
    else
        e.insert(QStringLiteral("publishedAt"), o.createdAt);
    return e;
}

QJsonObject joinEvent(const EventOrigin &o, const QJsonArray &items)
{
    QJsonObject e = commonFields(o, QStringLiteral("join"), QStringLiteral("join"));
    QJsonObject content;
    QJsonObject confidences;
    double average = 0;
    invoice(str(o.call, "callID") + QStringLiteral("/joined"), content, confidences, average);
    content.insert(QStringLiteral("pageCount"), int(items.size()));
    e.insert(QStringLiteral("items"), items);
    e.insert(QStringLiteral("transformedContent"), content);
    e.insert(QStringLiteral("fieldConfidences"), confidences);
    e.insert(QStringLiteral("avgConfidence"), average);
    e.insert(QStringLiteral("invalidProperties"), QJsonArray{});
    e.insert(QStringLiteral("publishedAt"), o.createdAt);
    return e;
}

QJsonObject enrichEvent(const EventOrigin &o)
{
    QJsonObject e = commonFields(o, QStringLiteral("enrich"), QStringLiteral("enrich"));
    e.insert(QStringLiteral("enrichedContent"),
             QJsonObject{{QStringLiteral("vendorId"), QStringLiteral("V-004417")},
                         {QStringLiteral("paymentTerms"), QStringLiteral("NET 30")},
                         {QStringLiteral("purchaseOrder"),
                          QJsonObject{{QStringLiteral("number"), QStringLiteral("PO-88120")},
                                      {QStringLiteral("matched"), true},
                                      {QStringLiteral("openAmount"), 0}}}});
    return e;
}

QJsonObject errorEvent(const EventOrigin &o, const QString &message)
{
    QJsonObject e =
        commonFields(o, QStringLiteral("error"), QStringLiteral("error_try%1").arg(o.tryNumber));
    e.insert(QStringLiteral("message"), message);
    return e;
}

QJsonObject otherEvent(const EventOrigin &o)
{
    const QString type = str(o.fc, "type");
    QJsonObject e = commonFields(o, type, type);
    e.insert(QStringLiteral("analysis"),
             QJsonObject{{QStringLiteral("documentKind"), QStringLiteral("invoice")},
                         {QStringLiteral("language"), QStringLiteral("de")},
                         {QStringLiteral("pageQuality"), QJsonArray{0.93, 0.71}},
                         {QStringLiteral("signals"),
                          QJsonObject{{QStringLiteral("handwriting"), false},
                                      {QStringLiteral("stamp"), QStringLiteral("BEZAHLT")}}}});
    e.insert(QStringLiteral("modelVersion"), QStringLiteral("analyze-2026-10"));
    return e;
}

QJsonObject hostileTransformEvent(const EventOrigin &o)
{
    QJsonObject e = commonFields(o, QStringLiteral("transform"), QStringLiteral("transform"));
    const QJsonObject content{
        {QStringLiteral("title"), QStringLiteral("<b>Invoice</b> <img src=x onerror=alert(1)>")},
        {QStringLiteral("notes"), QStringLiteral("<a href=\"https://evil.example\">click</a>"
                                                 "&amp; <script>alert('x')</script>")},
        {QStringLiteral("a/b"), QStringLiteral("key with a slash")},
        {QStringLiteral("m~n"), QStringLiteral("key with a tilde")},
        {QStringLiteral("~/"), QJsonObject{{QStringLiteral("deep/er"), 1}}},
        {QString(), QStringLiteral("empty key")},
        {QStringLiteral("total"), 1234.5},
    };
    e.insert(QStringLiteral("transformedContent"), content);
    e.insert(QStringLiteral("fieldConfidences"),
             QJsonObject{{QStringLiteral("/title"), 0.97},
                         {QStringLiteral("/a~1b"), 0.62},
                         {QStringLiteral("/m~0n"), 0.81},
                         {QStringLiteral("/~0~1/deep~1er"), 0.4},
                         {QStringLiteral("/"), 0.9},
                         {QStringLiteral("/total"), 0.99}});
    e.insert(QStringLiteral("avgConfidence"), 0.78);
    e.insert(QStringLiteral("invalidProperties"), QJsonArray{QStringLiteral("a/b")});
    e.insert(QStringLiteral("publishedAt"), o.createdAt);
    return e;
}

} // namespace bem::demoevents
