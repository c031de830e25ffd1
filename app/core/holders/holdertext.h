// SPDX-License-Identifier: GPL-3.0-or-later
// A holder report's words in the reader's language. Every sentence of a
// verdict or a step has one English source here (context
// "refscope::HolderText"): the agent, the CLI and the JSON use it as it is;
// the GUI, where a translator is installed, shows its translation.
#pragma once

#include "holders/holder.h"

#include <optional>

namespace refscope {

enum class TextLanguage {
    English, // the agent, the CLI, the JSON and the session files
    Display, // the running program's translation
};

// `english` is one of this context's sources (QT_TRANSLATE_NOOP), its %1...
// replaced by `args` in one pass.
QString holderPhrase(const char *english, TextLanguage language, const QStringList &args = {});

// A HolderStep sentence names a holder of `holders` by its index.
QString holderSentenceText(const HolderSentence &sentence, const QList<Holder> &holders,
                           TextLanguage language);
// The report's verdict and steps, from its sentences when it has them,
// else its English text (a report saved before sentences existed).
QString holderVerdictText(const HolderReport &report, TextLanguage language);
QStringList holderStepTexts(const HolderReport &report, TextLanguage language);

// How `holder` was attributed, from its rule's codes when it has them.
QString holderRuleText(const Holder &holder, TextLanguage language);
// Sets the rule's parts, and `rule` to their English.
void setHolderRule(Holder &holder, QList<HolderSentence> parts);
void addHolderRulePart(Holder &holder, HolderSentence part);

// "in_use", ...: the JSON's names of the codes.
QString holderSentenceCodeName(HolderSentenceCode code);
std::optional<HolderSentenceCode> holderSentenceCodeFromName(const QString &name);

// The kind and the source as the dock shows them ("file", "exact", ...).
QString holderKindText(HolderKind kind);
QString holderSourceText(HolderSource source);

} // namespace refscope
