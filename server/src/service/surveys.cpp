#include "service/surveys.h"

#include <spdlog/spdlog.h>

#include "base/ids.h"
#include "base/reasons.h"
#include "notify/outbox.h"
#include "report/encoding.h"
#include "report/survey_export.h"
#include "rules/messages.h"
#include "rules/permissions.h"
#include "rules/surveys.h"
#include "store/survey_store.h"

namespace tadaima::service {
namespace {

const Error kNotFound = Error::NotFound("survey not found");

// The survey when `actor` (staff) may manage it; not_found otherwise.
Result<Survey> ManagedSurvey(db::Tx& tx, const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireStaff(actor));
  auto s = TRY(store::FindSurvey(tx, actor.organization_id, id));
  if (!s || !CanManageMessage(actor, s->facility_ids)) return Fail(kNotFound);
  return std::move(*s);
}

// Checks what is typed and chosen (no database): fills in `s`.
Status CheckInput(const SurveyInput& in, int64_t now, Survey& s) {
  FieldErrors errs;
  s.title = in.title;
  s.description = in.description;
  s.questions = in.questions;
  CheckSurveyContent(s, errs);
  s.channels = in.channels ? ParseChannels(*in.channels, "channels", errs) : MessageChannels{true, false, true};
  if (in.closes_at <= now) errs.Add("closes_at", reason::kNotFuture);
  else if (in.closes_at > now + kSurveyMaxOpenMs) errs.Add("closes_at", reason::kBeyondAYear);
  s.closes_at = in.closes_at;
  if (in.client_id && !IsUuid(*in.client_id)) errs.Add("client_id", reason::kNotUuid);
  return errs.ToStatus();
}

notify::Announcement AnnouncementOf(const Survey& s, const std::string& time_zone, bool reminder,
                                    const std::string& key_suffix) {
  notify::Announcement a;
  a.organization_id = s.organization_id;
  a.kind = "survey";
  a.event_key = "survey:" + s.id + key_suffix;
  a.link = "/app/surveys/" + s.id;
  a.channels = s.channels;
  a.words = [title = s.title, closes = s.ClosesAt(), time_zone, reminder](const std::string& language) {
    return notify::SurveyWording(language, title, closes, time_zone, reminder);
  };
  return a;
}

}  // namespace

Result<SentSurvey> Surveys::Send(const Actor& actor, const SurveyInput& in) {
  TRY_STATUS(RequireStaff(actor));
  const int64_t now = clock_.NowMs();
  Survey s;
  TRY_STATUS(CheckInput(in, now, s));

  std::vector<Notification> inbox;
  auto sent = TRY(WriteOnce(in.client_id, [&](db::Tx& tx) -> Result<SentSurvey> {
    inbox.clear();
    if (in.client_id)
      if (auto first = TRY(store::FindSurveyByClientId(tx, actor.organization_id, *in.client_id))) {
        if (!CanManageMessage(actor, first->facility_ids)) return Fail(Error::Conflict(reason::kTaken));
        return SentSurvey{*first, {first->families, first->guardians, 0}, true};
      }
    const auto checked = TRY(audiences_.Check(tx, actor, in.audience));
    const auto resolved = TRY(audiences_.Resolve(tx, actor.organization_id, checked, ctx_.Today(actor)));
    if (resolved.family_ids.empty()) return Fail(Error::InvalidField("audience", reason::kNoRecipients));
    s.id = NewId(now);
    s.organization_id = actor.organization_id;
    s.audience = in.audience;
    s.families = resolved.count.families;
    s.guardians = resolved.count.guardians;
    s.client_id = in.client_id;
    s.created_by_id = actor.user_id;
    s.created_by_name = actor.name;
    s.created_at = s.updated_at = now;
    s.facility_ids = checked.facility_ids;
    TRY_STATUS(store::InsertSurvey(tx, s, resolved.family_ids));
    inbox = TRY(notify::EnqueueAnnouncement(tx, AnnouncementOf(s, actor.time_zone, false, ""), resolved.family_ids,
                                            actor.time_zone, now));
    return SentSurvey{s, resolved.count, false};
  }));
  if (!sent.replayed) {
    ctx_.AnnounceInbox(inbox);
    spdlog::info("survey {} sent to {} families", sent.survey.id, sent.survey.families);
  }
  return sent;
}

Result<SurveyPage> Surveys::List(const Actor& actor, bool open_only, const std::string& cursor, int limit) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const std::optional<int64_t> open_at = open_only ? std::optional(clock_.NowMs()) : std::nullopt;
  const std::optional<std::string> before = cursor.empty() ? std::nullopt : std::optional(cursor);
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<SurveyPage> {
    SurveyPage page;
    if (IsGuardian(actor)) {
      auto rows = TRY(store::ListFamilySurveys(tx, actor.organization_id, *actor.family_id, open_at, before, limit + 1));
      for (auto& r : rows) page.items.push_back({std::move(r.survey), 0, std::move(r.response)});
    } else {
      store::SurveyQuery q{actor.organization_id, std::nullopt, open_at, before, limit + 1};
      if (IsFacilityStaff(actor)) q.within_facilities = actor.facility_ids;
      for (auto& r : TRY(store::ListSurveys(tx, q))) page.items.push_back({std::move(r.survey), r.respondents, {}});
    }
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.resize(limit);
      page.next_cursor = page.items.back().survey.id;
    }
    return page;
  });
}

Result<SurveyView> Surveys::Get(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<SurveyView> {
    if (IsGuardian(actor)) {
      auto mine = TRY(store::FindFamilySurvey(tx, actor.organization_id, *actor.family_id, id));
      if (!mine) return Fail(kNotFound);
      return SurveyView{std::move(mine->survey), 0, std::move(mine->response)};
    }
    auto s = TRY(ManagedSurvey(tx, actor, id));
    const int64_t respondents = TRY(store::CountRespondents(tx, actor.organization_id, id));
    return SurveyView{std::move(s), respondents, {}};
  });
}

Result<SurveyView> Surveys::Close(const Actor& actor, const std::string& id) {
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<SurveyView> {
    auto s = TRY(ManagedSurvey(tx, actor, id));
    if (now < s.ClosesAt()) {
      TRY_STATUS(store::CloseSurvey(tx, actor.organization_id, id, now));
      s.closed_at = now;
      s.updated_at = now;
    }
    const int64_t respondents = TRY(store::CountRespondents(tx, actor.organization_id, id));
    return SurveyView{std::move(s), respondents, {}};
  });
}

Result<SurveyResponse> Surveys::Answer(const Actor& actor, const std::string& id, const nlohmann::json& answers) {
  TRY_STATUS(RequireGuardian(actor));
  const int64_t now = clock_.NowMs();
  return db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<SurveyResponse> {
    auto mine = TRY(store::FindFamilySurvey(tx, actor.organization_id, *actor.family_id, id));
    if (!mine) return Fail(kNotFound);
    if (now >= mine->survey.ClosesAt()) return Fail(Error::Conflict(reason::kSurveyClosed));
    const auto normalized = TRY(CheckAnswers(mine->survey.questions, answers));
    TRY_STATUS(store::SaveResponse(tx, actor.organization_id, id, *actor.family_id, normalized, actor, now));
    return SurveyResponse{*actor.family_id, "", normalized, now, actor.name};
  });
}

Result<SurveyResults> Surveys::Results(const Actor& actor, const std::string& id) {
  return db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<SurveyResults> {
    SurveyResults out{TRY(ManagedSurvey(tx, actor, id)), TRY(store::ListResponses(tx, actor.organization_id, id)), 0};
    for (const auto& r : out.responses)
      if (r.answers) ++out.respondents;
    return out;
  });
}

Result<SurveyFile> Surveys::Export(const Actor& actor, const std::string& id, SurveyFormat format) {
  const auto r = TRY(Results(actor, id));
  const std::string name = "survey-" + id;
  switch (format) {
    case SurveyFormat::kCsv:
      return SurveyFile{report::SurveyCsv(r.survey, r.responses, actor.time_zone), "text/csv; charset=utf-8",
                        name + ".csv"};
    case SurveyFormat::kCsvShiftJis:
      return SurveyFile{report::ToWindows31J(report::SurveyCsv(r.survey, r.responses, actor.time_zone, false)),
                        "text/csv; charset=Shift_JIS", name + "-sjis.csv"};
    case SurveyFormat::kXlsx:
      return SurveyFile{TRY(report::SurveyXlsx(r.survey, r.responses, actor.time_zone)),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"};
  }
  return Fail(Error::Internal("unknown survey format"));
}

Result<int64_t> Surveys::Remind(const Actor& actor, const std::string& id) {
  std::vector<Notification> inbox;
  const int64_t now = clock_.NowMs();
  auto families = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Result<int64_t> {
    inbox.clear();
    const auto s = TRY(ManagedSurvey(tx, actor, id));
    if (now >= s.ClosesAt()) return Fail(Error::Conflict(reason::kSurveyClosed));
    const auto unanswered = TRY(store::RemindUnanswered(tx, actor.organization_id, id));
    if (unanswered.empty()) return int64_t{0};
    inbox = TRY(notify::EnqueueAnnouncement(tx, AnnouncementOf(s, actor.time_zone, true, ":remind:" + NewId(now)),
                                            unanswered, actor.time_zone, now));
    return static_cast<int64_t>(unanswered.size());
  }));
  ctx_.AnnounceInbox(inbox);
  return families;
}

}  // namespace tadaima::service
