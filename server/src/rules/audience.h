// The pure half of audiences (API.md "Audiences"): checking the filters a
// sender gives, and whether a child matches the child filters on a day. The
// service (service/audiences.h) loads the candidates and counts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "base/field_errors.h"
#include "base/time.h"
#include "model/model.h"

namespace tadaima {

inline constexpr size_t kAudienceMaxIds = 10'000;  // per list
inline constexpr int kAudienceMaxAgeMonths = 30 * 12;

// Records what is wrong with the audience's values under `prefix`
// ("audience."): empty or over-long id lists, empty ids, unknown grades,
// ages out of range or min above max. Repeated ids are harmless (a set).
void CheckAudienceValues(const Audience& a, const std::string& prefix, FieldErrors& errs);

// Whether a child born on `birth` matches the audience's child filters
// (child_ids, grades, age_months) on `on`.
bool ChildMatches(const Audience& a, const std::string& child_id, const CivilDate& birth, const CivilDate& on);

// Whether the audience has any child filter (then a family needs a matching child).
bool HasChildFilter(const Audience& a);

// The audience as JSON (API.md's shape; keys given only), and back from JSON
// written so (keys of other types are left out).
nlohmann::json AudienceJson(const Audience& a);
Audience AudienceFromJson(const nlohmann::json& j);

}  // namespace tadaima
