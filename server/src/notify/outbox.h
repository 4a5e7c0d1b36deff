// The outbox: what a change tells the families, written in the change's own
// transaction. Workers (dispatcher.h) deliver the push and e-mail rows
// afterwards, so a crash loses nothing and a rolled-back change sends nothing.
// An in-app row is the inbox itself: it is written delivered, and announced
// live once the transaction has committed (Dispatcher::Written).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "model/message.h"
#include "notify/templates.h"

namespace tadaima::notify {

// One event told to every guardian of a family.
struct Notice {
  std::string organization_id, family_id;
  std::string kind;       // arrival | departure | not_arrived
  std::string event_key;  // unique per event ("visit:<id>:in"): enqueuing twice is a no-op
  std::optional<std::string> facility_id, child_id;
  std::string child_name, facility_name;
  std::optional<int64_t> at;  // the stamp's time (not_arrived: the expected arrival)
  std::optional<std::string> pickup_by;
  bool emergency = false;  // overrides quiet hours and channel choices
};

// Writes the notifications of `notice` inside `tx`: one per guardian per
// channel they chose (push: per subscribed device; e-mail: when they have an
// address). Push and e-mail wait for the end of a guardian's quiet hours
// unless the notice is an emergency, which also ignores channels turned off.
// Returns the in-app rows it wrote, for the caller to announce after the commit.
Result<std::vector<Notification>> Enqueue(db::Tx& tx, const Notice& notice, const std::string& time_zone,
                                          int64_t now);

// A departure's pick-up, recorded after its notifications were written: the
// in-app rows and those not delivered yet are reworded with it (each in its
// guardian's language), so the inbox says who picked the child up.
Status RewordDeparture(db::Tx& tx, const Visit& visit, const std::string& time_zone);

// A message (or a reminder of it) told to every guardian of the families.
struct MessageNotice {
  std::string organization_id, message_id;
  std::string event_key;  // "message:<id>", a reminder "message:<id>:remind:<reminder id>"
  bool reminder = false;
  std::string title, body;  // as staff wrote them
  std::vector<std::string> attachment_names;
  MessageChannels channels;  // the sender's choice, within each guardian's own
  bool emergency = false;    // every channel the guardian has, quiet hours ignored
};
// Writes the notifications of `notice` for the families inside `tx`, as
// Enqueue does for one event: push and in-app rows carry the title and the
// start of the body, the e-mail row the whole text and the link to the
// message in the app (never the attachments). Returns the in-app rows.
Result<std::vector<Notification>> EnqueueMessage(db::Tx& tx, const MessageNotice& notice,
                                                 const std::vector<std::string>& family_ids,
                                                 const std::string& time_zone, int64_t now);

// A staff member's post in a contact thread, told to the family's guardians.
struct ThreadNotice {
  std::string organization_id, family_id, thread_id, post_id;
  std::string facility_name, body;
};
// Writes the notifications of `notice` inside `tx`: every guardian of the
// family on the channels they chose for messages, push and e-mail after their
// quiet hours; the rows carry the start of the post (the e-mail all of it) and
// the link to the thread in the app. Returns the in-app rows.
Result<std::vector<Notification>> EnqueueThreadPost(db::Tx& tx, const ThreadNotice& notice,
                                                    const std::string& time_zone, int64_t now);

// A survey, a closure or a course's news, told to every guardian of the
// families like a message: push and in-app rows carry the title and the start
// of the body, the e-mail row all of it and the link in the app. An emergency
// (a closure today) goes on every channel, quiet hours ignored.
struct Announcement {
  std::string organization_id;
  std::string kind;       // survey | closure | course
  std::string event_key;  // unique per event ("survey:<id>", "survey:<id>:remind:<n>")
  std::string link;       // in the app ("/app/surveys/<id>")
  MessageChannels channels{true, true, true};  // within each guardian's own choices for messages
  bool emergency = false;
  std::function<Wording(const std::string& language)> words;
};
Result<std::vector<Notification>> EnqueueAnnouncement(db::Tx& tx, const Announcement& a,
                                                      const std::vector<std::string>& family_ids,
                                                      const std::string& time_zone, int64_t now);

// An in-app row as the inbox shows it (the API and the live event alike).
nlohmann::json InboxItemJson(const Notification& n, const std::string& time_zone);

// Whether `now` falls in the quiet hours of `p` in `time_zone`, and if so when they end.
std::optional<int64_t> QuietUntil(const NotificationPreferences& p, const std::string& time_zone, int64_t now);

}  // namespace tadaima::notify
