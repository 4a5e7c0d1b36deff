#include "app/demo.h"

#include <fmt/format.h>

#include <future>

#include "base/ids.h"

namespace tadaima::app {
namespace {

struct Name {
  const char* kanji;
  const char* kana;
};

constexpr Name kSurnames[] = {
    {"佐藤", "さとう"}, {"鈴木", "すずき"}, {"高橋", "たかはし"}, {"田中", "たなか"}, {"伊藤", "いとう"},
    {"渡辺", "わたなべ"}, {"山本", "やまもと"}, {"中村", "なかむら"}, {"小林", "こばやし"}, {"加藤", "かとう"},
    {"吉田", "よしだ"}, {"山田", "やまだ"}, {"佐々木", "ささき"}, {"山口", "やまぐち"}, {"松本", "まつもと"},
    {"井上", "いのうえ"}, {"木村", "きむら"}, {"林", "はやし"}, {"斎藤", "さいとう"}, {"清水", "しみず"},
    {"山崎", "やまざき"}, {"森", "もり"}, {"池田", "いけだ"}, {"橋本", "はしもと"}, {"阿部", "あべ"},
    {"石川", "いしかわ"}, {"山下", "やました"}, {"中島", "なかじま"}, {"石井", "いしい"}, {"小川", "おがわ"}};
constexpr Name kChildren[] = {
    {"陽翔", "はると"}, {"結菜", "ゆいな"}, {"蓮", "れん"}, {"陽葵", "ひまり"}, {"湊", "みなと"}, {"凛", "りん"},
    {"蒼", "あおい"}, {"芽依", "めい"}, {"悠真", "ゆうま"}, {"さくら", "さくら"}, {"大和", "やまと"}, {"葵", "あおい"},
    {"樹", "いつき"}, {"結衣", "ゆい"}, {"颯太", "そうた"}, {"美桜", "みお"}, {"律", "りつ"}, {"紬", "つむぎ"}};
constexpr const char* kMothers[] = {"美咲", "恵", "由美", "愛", "真由美", "彩", "智子", "麻衣"};
constexpr const char* kFathers[] = {"健太", "大輔", "翔太", "拓也", "直樹", "誠", "和也", "亮"};

service::FacilityInput FacilityOf(const char* name, const char* kind, const char* opens_at, const char* closes_at) {
  service::FacilityInput in;
  in.name = name;
  in.kind = kind;
  in.opens_at = opens_at;
  in.closes_at = closes_at;
  return in;
}

// A random UUID v4 (the client_id of a stamp).
std::string NewUuid() {
  std::string h = HashToken(RandomToken(16)).substr(0, 32);
  h[12] = '4';
  h[16] = "89ab"[h[16] % 4];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

// A staff stamp of one child at `at`, waited for.
Status StampAt(service::Services& services, const Actor& staff, const std::string& facility_id,
               const std::string& child_id, const char* direction, int64_t at,
               const std::optional<std::string>& pickup_by) {
  service::StampInput in;
  in.facility_id = facility_id;
  in.client_id = NewUuid();
  in.child_id = child_id;
  in.direction = direction;
  in.scanned_at = at;
  in.pickup_by = pickup_by;
  std::promise<Status> done;
  TRY_STATUS(services.stamps.Stamp(staff, in, [&](Result<service::StampOutcome> r) {
    done.set_value(r ? Status{} : Status(std::unexpected(r.error())));
  }));
  return done.get_future().get();
}

// Attendance plans of the club's children for today and the next two weeks
// (not Sundays), entered by their guardians: most come on weekdays at 15:00
// or 15:30, some are absent with a reason, a few have no plan. Entered
// before the deadline, then two changes after it (flagged late for staff).
Status SeedPlans(service::Services& services, const Actor& admin, const Facility& club,
                 const std::vector<std::pair<Actor, std::vector<Child>>>& families) {
  constexpr const char* kReasons[] = {"発熱のため", "通院のため", "家族で外出", "習い事の発表会"};
  constexpr const char* kPickups[] = {"母", "父", "祖母"};
  service::FacilityInput open_deadline;
  open_deadline.plan_deadline_days = 0;
  open_deadline.plan_deadline_time = "23:59";
  TRY(services.facilities.UpdateFacility(admin, club.id, open_deadline));
  const CivilDate today = services.context.Today(admin);
  int k = 0;
  for (const auto& [guardian, children] : families) {
    for (const auto& child : children) {
      ++k;
      if (k % 6 == 5) continue;  // this family plans nothing: unplanned on the roster
      service::PlansInput in;
      in.facility_id = club.id;
      for (int d = 0; d < 14; ++d) {
        CivilDate day = AddDays(today, d);
        if (Weekday(day) == 0) continue;  // Sunday: the club is closed
        PlanDayInput p;
        p.date = day.ToString();
        if ((k + d) % 9 == 0) {
          p.status = "absent";
          p.reason = kReasons[(k + d) % 4];
        } else if (Weekday(day) == 6 && k % 2 == 0) {
          continue;  // most stay home on Saturdays
        } else {
          p.status = "attend";
          p.arrive_at = k % 3 == 0 ? "15:30" : "15:00";
          p.leave_at = k % 4 == 0 ? "17:00" : "18:00";
          if (k % 5 == 0) p.pickup_by = kPickups[k % 3];
        }
        in.days.push_back(std::move(p));
      }
      TRY(services.plans.SetPlans(guardian, child.id, in));
    }
  }
  service::FacilityInput usual;
  usual.plan_deadline_days = 1;
  usual.plan_deadline_time = "17:00";
  usual.not_arrived_notify = true;
  TRY(services.facilities.UpdateFacility(admin, club.id, usual));
  // Two changes after the deadline: a sudden absence today, a later arrival.
  if (families.size() >= 2) {
    service::PlansInput sick;
    sick.days.push_back({today.ToString(), "absent", std::nullopt, std::nullopt, std::nullopt, "朝から熱があるため"});
    TRY(services.plans.SetPlans(families[0].first, families[0].second.at(0).id, sick));
    service::PlansInput later;
    later.days.push_back({today.ToString(), "attend", "16:30", "18:00", "祖母", "歯医者の後に行きます"});
    TRY(services.plans.SetPlans(families[1].first, families[1].second.at(0).id, later));
  }

  // The day so far: the expected children whose time has come arrived a few
  // minutes after it (and left at their time), except one who never did:
  // the roster shows them not_arrived once the grace has passed.
  const int64_t now = services.context.clock.NowMs();
  const std::string& tz = admin.time_zone;
  bool one_missing = false;
  const auto roster = TRY(services.visits.GetRoster(admin, club.id, std::nullopt));
  for (const auto& item : roster.items) {
    if (!item.plan) continue;
    const Plan& p = *item.plan;
    if (p.status != PlanStatus::kAttend || !p.arrive_at) continue;
    const int64_t arrive = InstantAt(today, *p.arrive_at, tz) + (p.child_id.back() % 9) * 60 * 1000;
    if (arrive > now) continue;
    if (!one_missing) {
      one_missing = true;
      continue;
    }
    TRY_STATUS(StampAt(services, admin, club.id, p.child_id, "in", arrive, std::nullopt));
    if (p.leave_at && InstantAt(today, *p.leave_at, tz) <= now)
      TRY_STATUS(StampAt(services, admin, club.id, p.child_id, "out", InstantAt(today, *p.leave_at, tz),
                         p.pickup_by.value_or("母")));
  }
  return {};
}

// What staff and families have written: a newsletter to the club, a notice to the drop-in
// room's one-year-olds, and two contact threads (one answered, one waiting for staff).
// What staff must know of a few children: an allergy, a medical need, and
// older children whom their guardians let go home alone.
Status SeedCare(service::Services& services, const Actor& admin, int family_index, const std::vector<Child>& children) {
  const Child& child = children.front();
  if (family_index % 5 == 1) TRY(services.families.PutCare(admin, child.id, {std::optional<std::string>("卵・乳（除去食）"), {}, {}}));
  if (family_index == 3)
    TRY(services.families.PutCare(admin, child.id, {{}, std::optional<std::string>("気管支ぜん息（吸入薬をランドセルに携帯）"), {}}));
  if (family_index % 4 == 2 && family_index < 20) {  // the after-school families
    service::ChildPatch alone;
    alone.may_leave_alone = true;
    TRY(services.families.UpdateChild(admin, child.id, alone));
  }
  return {};
}

Status SeedMessages(service::Services& services, const Actor& admin, const Facility& club, const Facility& room,
                    const std::vector<std::pair<Actor, std::vector<Child>>>& families) {
  service::SendMessageInput letter;
  letter.title = "ひまわりだより 7月号";
  letter.body =
      "夏休み中は8時から開所します。お弁当と水筒をお持ちください。\n"
      "7月25日（金）はプール遊びです。水着・タオル・帽子に名前を書いてください。\n"
      "行事の予定は https://example.jp/himawari/7 にも載せています。";
  letter.audience.facility_ids = std::vector<std::string>{club.id};
  letter.channels = {"inapp"};
  TRY(services.messages.Send(admin, letter));
  service::SendMessageInput warabe;
  warabe.title = "1歳児向け わらべうたの会のご案内";
  warabe.body = "来週水曜日の10時30分から、1歳のお子さんと保護者の方向けにわらべうたの会を開きます。";
  warabe.audience.facility_ids = std::vector<std::string>{room.id};
  warabe.audience.age_months_min = 12;
  warabe.audience.age_months_max = 23;
  warabe.channels = {"inapp"};
  TRY(services.messages.Send(admin, warabe));

  if (families.size() < 2) return {};
  const auto& [first, first_children] = families[0];
  auto pickup = TRY(services.threads.Create(first, {first_children.at(0).id, club.id, std::nullopt,
                                                    "今日は仕事で遅くなるため、18時30分にお迎えに行きます。", std::nullopt}));
  TRY(services.threads.Post(admin, pickup.thread.id, "承知しました。18時30分までお預かりします。お気をつけてお越しください。",
                            std::nullopt));
  const auto& [second, second_children] = families[1];
  TRY(services.threads.Create(second, {second_children.at(0).id, club.id, std::string("咳について"),
                                       "朝から少し咳が出ています。熱はありませんが、外遊びは控えめにお願いできますか。", std::nullopt}));
  return {};
}

// A survey of the club's summer festival (two families answered), a closure next week and
// a parenting course at the drop-in room for one- and two-year-olds.
Status SeedCalendar(service::Services& services, const Actor& admin, const Facility& club, const Facility& room,
                    const std::vector<std::pair<Actor, std::vector<Child>>>& families) {
  const std::string& tz = admin.time_zone;
  const CivilDate today = services.context.Today(admin);
  service::SurveyInput festival;
  festival.title = "夏まつりの参加について";
  festival.description = "7月26日（土）の夏まつりの参加予定を教えてください。";
  festival.questions = {{"join", QuestionKind::kSingle, "参加しますか", {"参加する", "参加しない", "未定"}, true},
                        {"people", QuestionKind::kNumber, "参加する人数（お子さんを含む）", {}, false},
                        {"help", QuestionKind::kMultiple, "お手伝いできること", {"受付", "模擬店", "片付け"}, false},
                        {"note", QuestionKind::kText, "ご意見・ご質問", {}, false}};
  festival.audience.facility_ids = std::vector<std::string>{club.id};
  festival.closes_at = InstantAt(AddDays(today, 7), 17 * 60, tz);
  festival.channels = std::vector<std::string>{"inapp"};
  auto survey = TRY(services.surveys.Send(admin, festival));
  for (size_t i = 0; i < families.size() && i < 2; ++i)
    TRY(services.surveys.Answer(families[i].first, survey.survey.id,
                                {{"join", i == 0 ? "参加する" : "未定"}, {"people", 3 - static_cast<int>(i)}}));

  service::EventInput closure;
  closure.event.facility_id = club.id;
  closure.event.kind = EventKind::kClosure;
  closure.event.title = "施設点検のため休館";
  closure.event.starts_at = InstantAt(AddDays(today, 8), 0, tz);
  closure.event.ends_at = InstantAt(AddDays(today, 9), 0, tz);
  TRY(services.calendar.Create(admin, closure));

  service::EventInput course;
  course.event.facility_id = room.id;
  course.event.kind = EventKind::kCourse;
  course.event.title = "親子ふれあい講座「わらべうたとリズム遊び」";
  course.event.description = "1〜2歳のお子さんと保護者の方が対象です。動きやすい服装でお越しください。";
  course.event.starts_at = InstantAt(AddDays(today, 10), 10 * 60 + 30, tz);
  course.event.ends_at = InstantAt(AddDays(today, 10), 11 * 60 + 30, tz);
  course.event.capacity = 8;
  course.event.age_min_months = 12;
  course.event.age_max_months = 35;
  course.event.apply_until = InstantAt(AddDays(today, 9), 17 * 60, tz);
  TRY(services.calendar.Create(admin, course));
  return {};
}

}  // namespace

// The drop-in room's paper visitor forms of the last days, and a consultation of its first family.
Status SeedDropIn(service::Services& services, const Actor& admin, const Facility& room, const std::string& family_id) {
  const int64_t now = services.context.clock.NowMs();
  const CivilDate today = DateAt(now, "Asia/Tokyo");
  for (int i = 0; i < 6; ++i) {
    service::WalkInInput w;
    w.client_id = NewUuid();
    const CivilDate day = AddDays(today, -1 - i / 2);
    w.visited_at = InstantAt(day, 10 * 60 + 15 * i, "Asia/Tokyo");
    w.adults = 1 + (i % 3 == 0);
    w.children.push_back({std::nullopt, std::nullopt, int64_t{6 + i * 5}});
    if (i % 2) w.children.push_back({std::nullopt, std::nullopt, int64_t{30 + i}});
    w.area = i % 2 ? "中央町" : "北町";
    TRY(services.walk_ins.Create(admin, room.id, w));
  }
  service::ConsultationInput c{room.id, "development", "ことばが遅いのではと心配されている。家庭での様子を聞き、来月もう一度様子を見ることにした。",
                               AddDays(today, 30).ToString(), now - 3600 * 1000};
  TRY(services.consultations.Create(admin, family_id, c));
  return {};
}

Result<DemoLogins> SeedDemo(service::Services& services) {
  const std::string admin_login = "admin", admin_password = "tadaima-demo";
  auto org = TRY(services.auth.CreateOrganization("ただいま市こども未来部", "Asia/Tokyo", admin_login, admin_password,
                                       "こども未来部 佐藤"));
  auto admin = TRY(services.auth.Login(admin_login, admin_password, "demo")).actor;
  auto club = TRY(services.facilities.CreateFacility(admin, FacilityOf("ひまわり児童クラブ", "after_school", "14:00", "19:00")));
  auto room = TRY(services.facilities.CreateFacility(admin, FacilityOf("こどもルームさくら", "drop_in", "09:00", "16:00")));
  TRY(services.facilities.CreateStaff(admin, {"himawari", "青木 由紀", "himawari-2026", "facility_staff",
                                   std::vector<std::string>{club.id}}));
  TRY(services.facilities.CreateStaff(admin, {"sakura", "森田 真理子", "sakura-2026", "facility_staff",
                                   std::vector<std::string>{room.id}}));

  std::string guardian_lines;
  std::vector<std::pair<Actor, std::vector<Child>>> club_families;  // first guardian, children
  std::string first_room_family;
  for (int i = 0; i < 30; ++i) {
    const Name& surname = kSurnames[i];
    bool drop_in = i >= 20;
    service::FamilyInput f;
    f.name = surname.kanji;
    f.phone = fmt::format("026-{:03}-{:04}", 200 + i, 1000 + i * 37);
    const std::string mobile = fmt::format("090-{:04}-{:04}", 1200 + i, 3400 + i * 53);
    f.guardians.push_back({fmt::format("{} {}", surname.kanji, kMothers[i % 8]), fmt::format("family{}@example.jp", i + 1),
                           "母", std::nullopt, mobile});
    if (i % 3 != 2)
      f.guardians.push_back({fmt::format("{} {}", surname.kanji, kFathers[i % 8]), std::nullopt, "父", std::nullopt,
                             std::nullopt});
    if (i % 7 == 0)
      f.guardians.push_back({fmt::format("{} 和子", surname.kanji), std::nullopt, "祖母", std::nullopt, std::nullopt});
    int children = 1 + (i % 4 == 0);
    for (int k = 0; k < children; ++k) {
      const Name& given = kChildren[(i * 2 + k) % 18];
      // After-school children are 6..11 years old; drop-in children 0..3.
      int age_days = drop_in ? 120 + ((i * 97 + k * 300) % 1200) : 6 * 365 + 100 + ((i * 211 + k * 500) % (5 * 365));
      int64_t ms = (static_cast<int64_t>(services.context.clock.NowMs()) / 86400000 - age_days) * 86400000;
      f.children.push_back({fmt::format("{} {}", surname.kanji, given.kanji),
                            fmt::format("{} {}", surname.kana, given.kana), DateAt(ms, "Asia/Tokyo").ToString()});
    }
    f.facility_ids = {drop_in ? room.id : club.id};
    auto created = TRY(services.families.CreateFamily(admin, f));
    TRY_STATUS(SeedCare(services, admin, i, created.family.children));
    if (drop_in && first_room_family.empty()) first_room_family = created.family.id;
    if (!drop_in) {
      const auto& first = created.logins.at(0);
      auto guardian = TRY(services.auth.Login(first.guardian.login, first.initial_password, "demo")).actor;
      club_families.emplace_back(guardian, created.family.children);
    }
    if (i == 0 || i == 20)
      for (const auto& login : created.logins)
        guardian_lines += fmt::format("    {:<22} login {}  initial password {}\n", login.guardian.name,
                                      login.guardian.login, login.initial_password);
  }
  TRY_STATUS(SeedPlans(services, admin, club, club_families));
  TRY_STATUS(SeedMessages(services, admin, club, room, club_families));
  TRY_STATUS(SeedCalendar(services, admin, club, room, club_families));
  TRY_STATUS(SeedDropIn(services, admin, room, first_room_family));
  DemoLogins out;
  out.text = fmt::format(
      "  organization administrator: login {}  password {}\n"
      "  after-school staff (ひまわり児童クラブ): login himawari  initial password himawari-2026\n"
      "  drop-in room staff (こどもルームさくら): login sakura  initial password sakura-2026\n"
      "  guardians (initial passwords must be changed at first sign-in):\n{}",
      admin_login, admin_password, guardian_lines);
  out.organization_id = org.id;
  return out;
}

}  // namespace tadaima::app
