// Surveys (アンケート) staff send to the families an audience reaches, and
// each family's one response. Plain structs, like model.h; answers are JSON
// values checked by rules/surveys.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/message.h"
#include "model/model.h"

namespace tadaima {

enum class QuestionKind { kSingle, kMultiple, kText, kDate, kNumber };

struct SurveyQuestion {
  std::string id;  // unique in the survey, the key of its answer
  QuestionKind kind = QuestionKind::kText;
  std::string text;
  std::vector<std::string> options;  // single and multiple only
  bool required = false;
};

struct Survey {
  std::string id;
  std::string organization_id;
  std::string title, description;
  std::vector<SurveyQuestion> questions;
  Audience audience;
  MessageChannels channels;
  int64_t closes_at = 0;
  std::optional<int64_t> closed_at;  // closed early by staff
  int64_t families = 0, guardians = 0;  // reached when it was sent
  std::optional<std::string> client_id;
  std::string created_by_id, created_by_name;
  int64_t created_at = 0, updated_at = 0;
  std::vector<std::string> facility_ids;  // sorted

  // When answers stop being taken.
  int64_t ClosesAt() const { return closed_at && *closed_at < closes_at ? *closed_at : closes_at; }
};

// A family's response (nothing answered yet: no answers).
struct SurveyResponse {
  std::string family_id, family_name;
  std::optional<nlohmann::json> answers;  // question id -> value
  std::optional<int64_t> answered_at;
  std::optional<std::string> answered_by_name;
  int reminders = 0;  // how many reminders reached the family
};

}  // namespace tadaima
