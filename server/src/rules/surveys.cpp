#include "rules/surveys.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/reasons.h"
#include "base/time.h"
#include "rules/messages.h"
#include "rules/validation.h"

namespace tadaima {
namespace {

constexpr const char* kKindNames[] = {"single", "multiple", "text", "date", "number"};

bool HasOptions(QuestionKind k) { return k == QuestionKind::kSingle || k == QuestionKind::kMultiple; }

bool IsQuestionIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

void CheckQuestion(SurveyQuestion& q, const std::string& at, std::set<std::string>& ids, FieldErrors& errs) {
  if (q.id.empty()) errs.Add(at + ".id", reason::kEmpty);
  else if (q.id.size() > kQuestionIdMax) errs.Add(at + ".id", reason::TooLong(kQuestionIdMax));
  else if (!std::all_of(q.id.begin(), q.id.end(), IsQuestionIdChar)) errs.Add(at + ".id", reason::kQuestionIdCharacters);
  else if (!ids.insert(q.id).second) errs.Add(at + ".id", reason::kDuplicateQuestion);
  q.text = NormalizeMessageText(TrimSpaces(q.text));
  if (q.text.empty()) errs.Add(at + ".text", reason::kEmpty);
  else errs.Check(at + ".text", CheckText(q.text, kQuestionTextMax));
  if (!HasOptions(q.kind)) {
    if (!q.options.empty()) errs.Add(at + ".options", reason::kOptionsNotAllowed);
    return;
  }
  if (q.options.size() < kQuestionMinOptions || q.options.size() > kQuestionMaxOptions) {
    errs.Add(at + ".options", reason::kOptionsNeeded);
    return;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < q.options.size(); ++i) {
    auto& o = q.options[i];
    o = TrimSpaces(o);
    const std::string field = at + ".options[" + std::to_string(i) + "]";
    if (auto p = CheckName(o, kOptionMax)) errs.Add(field, *p);
    else if (!seen.insert(o).second) errs.Add(field, reason::kDuplicateOption);
  }
}

// What is wrong with the answer `v` to `q`; else `out` is it normalized (null: no answer).
MaybeProblem CheckAnswer(const SurveyQuestion& q, const nlohmann::json& v, nlohmann::json& out) {
  out = nullptr;
  const auto offered = [&](const nlohmann::json& e) {
    return std::find(q.options.begin(), q.options.end(), e.get<std::string>()) != q.options.end();
  };
  if (v.is_null()) return std::nullopt;
  switch (q.kind) {
    case QuestionKind::kSingle:
      if (!v.is_string()) return reason::kWrongAnswerKind;
      if (v.get<std::string>().empty()) return std::nullopt;
      if (!offered(v)) return reason::kNotAnOption;
      out = v;
      return std::nullopt;
    case QuestionKind::kMultiple: {
      if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](const auto& e) { return e.is_string(); }))
        return reason::kWrongAnswerKind;
      std::set<std::string> chosen;
      for (const auto& e : v) {
        if (!offered(e)) return reason::kNotAnOption;
        if (!chosen.insert(e.get<std::string>()).second) return reason::kDuplicateOption;
      }
      if (chosen.empty()) return std::nullopt;
      out = nlohmann::json::array();
      for (const auto& o : q.options)
        if (chosen.count(o)) out.push_back(o);
      return std::nullopt;
    }
    case QuestionKind::kText: {
      if (!v.is_string()) return reason::kWrongAnswerKind;
      const std::string text = NormalizeMessageText(TrimSpaces(v.get<std::string>()));
      if (text.empty()) return std::nullopt;
      if (auto p = CheckText(text, kTextAnswerMax)) return p;
      out = text;
      return std::nullopt;
    }
    case QuestionKind::kDate:
      if (!v.is_string()) return reason::kWrongAnswerKind;
      if (v.get<std::string>().empty()) return std::nullopt;
      if (!CivilDate::Parse(v.get<std::string>())) return reason::kNotRealDate;
      out = v;
      return std::nullopt;
    case QuestionKind::kNumber:
      if (!v.is_number() || !std::isfinite(v.get<double>()) || std::fabs(v.get<double>()) > kNumberAnswerMax)
        return reason::kWrongAnswerKind;
      out = v;
      return std::nullopt;
  }
  return reason::kWrongAnswerKind;
}

}  // namespace

const char* QuestionKindName(QuestionKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<QuestionKind> ParseQuestionKind(std::string_view name) {
  for (int i = 0; i < 5; ++i)
    if (name == kKindNames[i]) return static_cast<QuestionKind>(i);
  return std::nullopt;
}

void CheckSurveyContent(Survey& s, FieldErrors& errs) {
  s.title = TrimSpaces(s.title);
  errs.Check("title", CheckName(s.title, kSurveyTitleMax));
  s.description = NormalizeMessageText(TrimSpaces(s.description));
  errs.Check("description", CheckText(s.description, kSurveyDescriptionMax));
  if (s.questions.empty()) errs.Add("questions", reason::kEmpty);
  if (s.questions.size() > kSurveyMaxQuestions) errs.Add("questions", reason::OutOfRange(1, kSurveyMaxQuestions));
  std::set<std::string> ids;
  for (size_t i = 0; i < s.questions.size() && i < kSurveyMaxQuestions; ++i)
    CheckQuestion(s.questions[i], "questions[" + std::to_string(i) + "]", ids, errs);
}

Result<nlohmann::json> CheckAnswers(const std::vector<SurveyQuestion>& questions, const nlohmann::json& answers) {
  FieldErrors errs;
  if (!answers.is_object()) return Fail(Error::InvalidField("answers", reason::kNotObject));
  for (const auto& [key, _] : answers.items())
    if (std::none_of(questions.begin(), questions.end(), [&](const SurveyQuestion& q) { return q.id == key; }))
      errs.Add("answers." + key, reason::kUnknownQuestion);
  nlohmann::json out = nlohmann::json::object();
  for (const auto& q : questions) {
    auto it = answers.find(q.id);
    nlohmann::json value;
    if (auto p = CheckAnswer(q, it == answers.end() ? nlohmann::json() : *it, value)) errs.Add("answers." + q.id, *p);
    else if (!value.is_null()) out[q.id] = std::move(value);
    else if (q.required) errs.Add("answers." + q.id, reason::kRequired);
  }
  TRY_STATUS(errs.ToStatus());
  return out;
}

nlohmann::json QuestionsJson(const std::vector<SurveyQuestion>& questions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : questions) {
    nlohmann::json j{{"id", q.id}, {"kind", QuestionKindName(q.kind)}, {"text", q.text}, {"required", q.required}};
    if (HasOptions(q.kind)) j["options"] = q.options;
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<SurveyQuestion> QuestionsFromJson(const nlohmann::json& j) {
  std::vector<SurveyQuestion> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    SurveyQuestion q;
    q.id = e.value("id", "");
    q.kind = ParseQuestionKind(e.value("kind", "")).value_or(QuestionKind::kText);
    q.text = e.value("text", "");
    q.options = e.value("options", std::vector<std::string>{});
    q.required = e.value("required", false);
    out.push_back(std::move(q));
  }
  return out;
}

std::string AnswerText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& e : value) out += (out.empty() ? "" : "、") + e.get<std::string>();
    return out;
  }
  if (value.is_null()) return "";
  return value.dump();
}

std::vector<QuestionTally> TallySurvey(const std::vector<SurveyQuestion>& questions,
                                       const std::vector<SurveyResponse>& responses) {
  std::vector<QuestionTally> out(questions.size());
  for (size_t i = 0; i < questions.size(); ++i) {
    const auto& q = questions[i];
    auto& t = out[i];
    std::map<std::string, int64_t> counts;
    for (const auto& r : responses) {
      if (!r.answers || !r.answers->contains(q.id)) continue;
      const auto& v = (*r.answers)[q.id];
      ++t.answered;
      if (v.is_array())
        for (const auto& e : v) ++counts[e.get<std::string>()];
      else if (HasOptions(q.kind) && v.is_string()) ++counts[v.get<std::string>()];
      else t.values.push_back(v);
    }
    if (HasOptions(q.kind))
      for (const auto& o : q.options) t.counts.emplace_back(o, counts[o]);
  }
  return out;
}

}  // namespace tadaima
