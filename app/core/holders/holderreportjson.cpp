// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holderreportjson.h"

#include "holders/holdertext.h"

#include <QJsonArray>

namespace refscope {

namespace {

// pid and fd are null where there is none (mounts, modules, mappings).
QJsonValue numberOrNull(int value)
{
    return value >= 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (const int v : values)
        array.append(v);
    return array;
}

QJsonArray sentencesToJson(const QList<HolderSentence> &sentences)
{
    QJsonArray array;
    for (const HolderSentence &s : sentences)
        array.append(holderSentenceToJson(s));
    return array;
}

// Absent in reports from before sentences existed: they show their English.
bool sentencesFromJson(const QJsonValue &value, QList<HolderSentence> *out, QString *error)
{
    for (const QJsonValue &entry : value.toArray()) {
        HolderSentence sentence;
        if (!holderSentenceFromJson(entry.toObject(), &sentence, error))
            return false;
        out->append(sentence);
    }
    return true;
}

} // namespace

QJsonObject holderSentenceToJson(const HolderSentence &sentence)
{
    return {{QStringLiteral("code"), holderSentenceCodeName(sentence.code)},
            {QStringLiteral("args"), QJsonArray::fromStringList(sentence.args)}};
}

bool holderSentenceFromJson(const QJsonObject &json, HolderSentence *sentence, QString *error)
{
    const QString name = json.value(QLatin1String("code")).toString();
    const std::optional<HolderSentenceCode> code = holderSentenceCodeFromName(name);
    if (!code) {
        *error = QStringLiteral("unknown holder report sentence \"%1\"").arg(name);
        return false;
    }
    *sentence = {*code, {}};
    for (const QJsonValue &arg : json.value(QLatin1String("args")).toArray())
        sentence->args << arg.toString();
    return true;
}

QJsonObject holderToJson(const Holder &h)
{
    return {
        {QStringLiteral("kind"), holderKindName(h.kind)},
        {QStringLiteral("pid"), numberOrNull(h.pid)},
        {QStringLiteral("comm"), h.comm},
        {QStringLiteral("fd"), numberOrNull(h.fds.isEmpty() ? -1 : h.fds.first())},
        {QStringLiteral("fds"), intArray(h.fds)},
        {QStringLiteral("shared_with"), intArray(h.sharedWith)},
        {QStringLiteral("path"), h.path},
        {QStringLiteral("refs"), h.refs},
        {QStringLiteral("source"), holderSourceName(h.source)},
        {QStringLiteral("rule"), h.rule},
        {QStringLiteral("own_thread"), h.ownThread},
        {QStringLiteral("rule_sentences"), sentencesToJson(h.ruleSentences)},
        {QStringLiteral("undo"), h.undo},
    };
}

namespace {

bool intList(const QJsonValue &value, QList<int> *out)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isDouble())
            return false;
        out->append(v.toInt());
    }
    return true;
}

} // namespace

bool holderFromJson(const QJsonObject &json, Holder *h, QString *error)
{
    const QString kind = json.value(QLatin1String("kind")).toString();
    const std::optional<HolderKind> found = holderKindFromName(kind);
    if (!found) {
        *error = QStringLiteral(
                     "holder kind \"%1\" is not file, socket, mount, module, kthread, "
                     "tc, netfilter, swap, crypto, bpf, iosched, nls, loop, dm, md or io_uring")
                     .arg(kind);
        return false;
    }
    h->kind = *found;
    const QString source = json.value(QLatin1String("source")).toString();
    if (source != QLatin1String("exact") && source != QLatin1String("inferred")) {
        *error = QStringLiteral("holder source \"%1\" is not exact or inferred").arg(source);
        return false;
    }
    h->source = source == QLatin1String("exact") ? HolderSource::Exact : HolderSource::Inferred;
    const QJsonValue refs = json.value(QLatin1String("refs"));
    if (!refs.isDouble() || refs.toInt() < 0) {
        *error = QStringLiteral("holder \"refs\" must be a number of at least 0");
        return false;
    }
    h->refs = refs.toInt();
    h->pid = json.value(QLatin1String("pid")).toInt(-1);
    h->comm = json.value(QLatin1String("comm")).toString();
    h->path = json.value(QLatin1String("path")).toString();
    h->rule = json.value(QLatin1String("rule")).toString();
    h->ownThread = json.value(QLatin1String("own_thread")).toBool();
    h->undo = json.value(QLatin1String("undo")).toString();
    if (!intList(json.value(QLatin1String("fds")), &h->fds) ||
        !intList(json.value(QLatin1String("shared_with")), &h->sharedWith)) {
        *error = QStringLiteral("holder \"fds\" and \"shared_with\" must be arrays of numbers");
        return false;
    }
    if (!sentencesFromJson(json.value(QLatin1String("rule_sentences")), &h->ruleSentences, error))
        return false;
    const int fd = json.value(QLatin1String("fd")).toInt(-1);
    if (h->fds.isEmpty() && fd >= 0)
        h->fds = {fd};
    return true;
}

QJsonObject holderReportToJson(const HolderReport &report)
{
    QJsonArray holders;
    for (const Holder &h : report.holders)
        holders.append(holderToJson(h));
    return {
        {QStringLiteral("module"), report.module},
        {QStringLiteral("refcount"), report.refcount},
        {QStringLiteral("holders"), holders},
        {QStringLiteral("unattributed"), report.unattributed},
        {QStringLiteral("unchecked_kinds"), QJsonArray::fromStringList(report.uncheckedKinds)},
        {QStringLiteral("verdict"), report.verdict},
        {QStringLiteral("steps"), QJsonArray::fromStringList(report.steps)},
        {QStringLiteral("verdict_sentences"), sentencesToJson(report.verdictSentences)},
        {QStringLiteral("step_sentences"), sentencesToJson(report.stepSentences)},
        {QStringLiteral("unchecked_kinds"), QJsonArray::fromStringList(report.uncheckedKinds)},
    };
}

bool holderReportFromJson(const QJsonObject &json, HolderReport *report, QString *error)
{
    HolderReport r;
    const QJsonValue module = json.value(QLatin1String("module"));
    const QJsonValue refcount = json.value(QLatin1String("refcount"));
    // "unexplained" in reports saved before it was called "unattributed".
    QJsonValue unattributed = json.value(QLatin1String("unattributed"));
    if (unattributed.isUndefined())
        unattributed = json.value(QLatin1String("unexplained"));
    if (!module.isString() || !refcount.isDouble() || !unattributed.isDouble() ||
        !json.value(QLatin1String("holders")).isArray()) {
        *error = QStringLiteral("a holder report needs \"module\", \"refcount\", \"holders\" and "
                                "\"unattributed\"");
        return false;
    }
    for (const QJsonValue &kind : json.value(QLatin1String("unchecked_kinds")).toArray())
        r.uncheckedKinds << kind.toString();
    r.module = module.toString();
    r.refcount = refcount.toInt();
    r.unattributed = unattributed.toInt();
    r.verdict = json.value(QLatin1String("verdict")).toString();
    for (const QJsonValue &step : json.value(QLatin1String("steps")).toArray())
        r.steps << step.toString();
    for (const QJsonValue &kind : json.value(QLatin1String("unchecked_kinds")).toArray())
        r.uncheckedKinds << kind.toString();
    if (!sentencesFromJson(json.value(QLatin1String("verdict_sentences")), &r.verdictSentences,
                           error) ||
        !sentencesFromJson(json.value(QLatin1String("step_sentences")), &r.stepSentences, error))
        return false;
    for (const QJsonValue &value : json.value(QLatin1String("holders")).toArray()) {
        Holder h;
        if (!value.isObject() || !holderFromJson(value.toObject(), &h, error))
            return false;
        r.holders.append(h);
    }
    *report = r;
    return true;
}

} // namespace refscope
