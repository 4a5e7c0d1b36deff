#include "app/demo.h"

#include <fmt/format.h>

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

}  // namespace

Result<DemoLogins> SeedDemo(service::Services& services) {
  const std::string admin_login = "admin", admin_password = "tadaima-demo";
  TRY(services.CreateOrganization("ただいま市こども未来部", "Asia/Tokyo", admin_login, admin_password));
  auto admin = TRY(services.Login(admin_login, admin_password, "demo")).actor;
  auto club = TRY(services.CreateFacility(admin, {"ひまわり児童クラブ", "after_school", "14:00", "19:00", std::nullopt, std::nullopt}));
  auto room = TRY(services.CreateFacility(admin, {"こどもルームさくら", "drop_in", "09:00", "16:00", std::nullopt, std::nullopt}));
  TRY(services.CreateStaff(admin, {"himawari", "青木 由紀", "himawari-2026", "facility_staff",
                                   std::vector<std::string>{club.id}}));
  TRY(services.CreateStaff(admin, {"sakura", "森田 真理子", "sakura-2026", "facility_staff",
                                   std::vector<std::string>{room.id}}));

  std::string guardian_lines;
  for (int i = 0; i < 30; ++i) {
    const Name& surname = kSurnames[i];
    bool drop_in = i >= 20;
    service::FamilyInput f;
    f.name = surname.kanji;
    f.phone = fmt::format("026-{:03}-{:04}", 200 + i, 1000 + i * 37);
    f.guardians.push_back({fmt::format("{} {}", surname.kanji, kMothers[i % 8]), fmt::format("family{}@example.jp", i + 1), "母"});
    if (i % 3 != 2) f.guardians.push_back({fmt::format("{} {}", surname.kanji, kFathers[i % 8]), std::nullopt, "父"});
    if (i % 7 == 0) f.guardians.push_back({fmt::format("{} 和子", surname.kanji), std::nullopt, "祖母"});
    int children = 1 + (i % 4 == 0);
    for (int k = 0; k < children; ++k) {
      const Name& given = kChildren[(i * 2 + k) % 18];
      // After-school children are 6..11 years old; drop-in children 0..3.
      int age_days = drop_in ? 120 + ((i * 97 + k * 300) % 1200) : 6 * 365 + 100 + ((i * 211 + k * 500) % (5 * 365));
      int64_t ms = (static_cast<int64_t>(services.clock().NowMs()) / 86400000 - age_days) * 86400000;
      f.children.push_back({fmt::format("{} {}", surname.kanji, given.kanji),
                            fmt::format("{} {}", surname.kana, given.kana), DateAt(ms, "Asia/Tokyo").ToString()});
    }
    f.facility_ids = {drop_in ? room.id : club.id};
    auto created = TRY(services.CreateFamily(admin, f));
    if (i == 0 || i == 20)
      for (const auto& login : created.logins)
        guardian_lines += fmt::format("    {:<22} login {}  initial password {}\n", login.guardian.name,
                                      login.guardian.login, login.initial_password);
  }
  DemoLogins out;
  out.text = fmt::format(
      "  organization administrator: login {}  password {}\n"
      "  after-school staff (ひまわり児童クラブ): login himawari  initial password himawari-2026\n"
      "  drop-in room staff (こどもルームさくら): login sakura  initial password sakura-2026\n"
      "  guardians (initial passwords must be changed at first sign-in):\n{}",
      admin_login, admin_password, guardian_lines);
  return out;
}

}  // namespace tadaima::app
