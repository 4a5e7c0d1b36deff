// Stamps: a scan at the kiosk (or staff's stamp by hand) becomes an arrival,
// a departure or a duplicate (rules/stamp.h decides), recorded through the
// group commit (stamp_writer.h) with the family's notifications in the same
// transaction. A client_id seen before answers the first answer again
// (replayed), so a kiosk's retries never stamp twice. At a drop-in room the
// arrivals of one stamp are one visit (組) with the adults who came. A kiosk stamps by code,
// or by child_id while its staff menu is open (service/kiosks.h). Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "service/context.h"
#include "service/secrets.h"

namespace tadaima::service {

struct StampInput {
  std::string facility_id;
  std::string client_id;
  std::optional<std::string> credential;
  std::optional<std::string> child_id;
  std::optional<std::string> family_id;  // staff's stamp of a family by hand
  std::optional<std::vector<std::string>> child_ids;  // with a family code or family_id: who came
  std::optional<int> adults;  // drop-in rooms: the adults who came (default 1)
  std::string direction = "auto";  // auto | in | out
  std::optional<int64_t> scanned_at;
  std::optional<std::string> pickup_by;
};

struct StampResult {
  std::string result;  // arrived | departed | duplicate
  Visit visit;
  std::string family_id;  // the child's (empty in replayed answers)
};

struct StampOutcome {
  bool replayed = false;  // the client_id was seen before: this is the first answer
  bool family = false;    // a family credential: several results
  std::vector<StampResult> results;
  std::vector<std::string> pickup_choices;  // the family's guardians
  bool pickup_alone = false;                // every child departed may go home alone
  std::vector<Notification> inbox;  // the in-app notifications written, announced after the commit
  // At a drop-in room: the visit (組) the arrivals formed, and its adults.
  std::optional<std::string> group_id;
  int adults = 0;
};

struct StampPreview {
  bool family = false;
  std::string family_name;
  struct Entry {
    std::string child_id, name;
    bool present = false;
  };
  std::vector<Entry> children;
  std::vector<std::string> pickup_choices;
  bool pickup_alone = false;  // every child named may go home alone
  bool asks_adults = false;   // a drop-in room: the kiosk asks who came, adults too
};

class StampWriter;

class Stamps : AreaService {
 public:
  Stamps(Context& ctx, Secrets& secrets);
  ~Stamps();

  // Who a credential names at the facility and whether each child is here.
  Result<StampPreview> PreviewStamp(const Actor& actor, const std::string& facility_id, const std::string& credential);
  // Records a stamp through the group commit. Bad input is refused at once (and
  // `done` is not called); otherwise `done` runs on the writer's thread once
  // the stamp is durable or refused.
  using StampDone = std::function<void(Result<StampOutcome>)>;
  Status Stamp(const Actor& actor, const StampInput& in, StampDone done);

 private:
  // The stamp's work inside the writer's transaction; `key` verifies codes.
  Result<StampOutcome> StampInTx(db::Tx& tx, const Actor& actor, const StampInput& in, const std::string& key);
  // After a stamp committed: live events, and a nudge to the notification workers.
  void AfterStamp(const StampOutcome& outcome, const std::string& time_zone) const;

  Secrets& secrets_;
  std::unique_ptr<StampWriter> stamp_writer_;
};

}  // namespace tadaima::service
