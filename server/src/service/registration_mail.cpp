// The confirmation mail of a pre-registration: what the family does next.
#include <fmt/format.h>

#include "base/reasons.h"
#include "notify/email.h"
#include "service/registrations.h"
#include "store/organization_store.h"
#include "store/registration_store.h"

namespace tadaima::service {
namespace {

constexpr int kBatch = 50;
constexpr int64_t kLeaseMs = 5 * 60 * 1000;
constexpr int kMaxAttempts = 12;  // a minute, doubling, at most an hour apart: about a day

std::string MailText(const std::string& organization, const std::string& family_name, const std::string& number) {
  return fmt::format(
      "{} 様\n\n"
      "{}の事前登録を受け付けました。\n"
      "受付番号: {}\n\n"
      "これからの流れ\n"
      "1. こどもルームの職員が、お申込みの内容を確認します。\n"
      "2. 約10日後から、どのこどもルームの窓口でも「登録案内状」をお渡しします。\n"
      "   窓口で「事前登録をした」とお伝えください。特別な持ち物はいりません。\n"
      "   保護者ごとのログインIDと初期パスワード、アプリのアドレスが書いてあります。\n"
      "3. アプリにログインし、利用するこどもルームごとに利用登録をしてください。\n"
      "   ルームの職員が承認すると、家族の2次元コードがそのルームで使えるようになります。\n\n"
      "このメールに心当たりがない場合は、お手数ですがこのメールを破棄してください。\n"
      "このメールは送信専用です。\n\n"
      "{}\n",
      family_name, organization, number, organization);
}

}  // namespace

Result<int> Registrations::MailConfirmations(const std::string& from, const SendMail& send) {
  const int64_t now = clock_.NowMs();
  auto due = TRY(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) { return store::ClaimDueMails(tx, now, now + kLeaseMs, kBatch); }));
  std::vector<std::pair<std::string, std::string>> mails;
  for (const auto& m : due) {
    auto org = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) { return store::FindOrganization(tx, m.organization_id); }));
    const std::string organization = org ? org->name : "";
    const std::string domain = from.find('@') != std::string::npos ? from.substr(from.find('@') + 1) : "localhost";
    notify::MailMessage mail{from, m.email, "【" + organization + "】事前登録を受け付けました",
                             MailText(organization, m.family_name, m.id.substr(m.id.size() - 8)),
                             "registration-" + m.id + "@" + domain, now, org ? org->time_zone : "Asia/Tokyo"};
    mails.emplace_back(m.email, notify::BuildMime(mail));
  }
  const auto results = mails.empty() ? std::vector<notify::SendResult>{} : send(mails);
  int sent = 0;
  for (size_t i = 0; i < due.size(); ++i) {
    const auto& m = due[i];
    const notify::SendResult r = i < results.size() ? results[i] : notify::SendResult{};
    const bool done = r.kind == notify::SendResult::Kind::kDelivered;
    const bool give_up = !done && (r.kind != notify::SendResult::Kind::kRetry || m.attempts >= kMaxAttempts);
    const int64_t backoff = std::min<int64_t>(int64_t{60'000} << std::min(m.attempts - 1, 6), 3'600'000);
    TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) {
      return store::MarkMail(tx, m.id, done ? "sent" : give_up ? "failed" : "pending",
                             done || give_up ? std::nullopt : std::optional<int64_t>(now + backoff));
    }));
    sent += done;
  }
  return sent;
}

}  // namespace tadaima::service
