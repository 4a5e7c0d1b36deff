// Message store tests, on SQLite and PostgreSQL.
#include "store/message_store.h"

#include <algorithm>

#include "store/attachment_store.h"
#include "store/message_receipt_store.h"
#include "store/store_test_fixture.h"

namespace tadaima::store {
namespace {

class MessageStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    org_ = MakeOrg("A市");
    club_ = MakeFacility(org_, "ひまわり児童クラブ");
    room_ = MakeFacility(org_, "こどもルームさくら", FacilityKind::kDropIn);
    yamada_ = MakeFamily(org_, "山田");
    sato_ = MakeFamily(org_, "佐藤");
    staff_ = MakeStaff(org_);
  }

  Message NewMessage(std::vector<std::string> facility_ids, const std::string& status = "sent") {
    Message m;
    m.id = Id();
    m.organization_id = org_;
    m.title = "12月のおたより";
    m.body = "今月の予定です。";
    m.channels = {true, false, true};
    m.status = status;
    m.send_at = now_;
    if (status == "sent") m.sent_at = now_;
    m.created_by_id = staff_.id;
    m.created_by_name = staff_.name;
    m.created_at = m.updated_at = now_;
    m.facility_ids = std::move(facility_ids);
    m.audience.facility_ids = m.facility_ids;
    return m;
  }

  Message Insert(Message m, const std::vector<std::string>& families = {}) {
    Write([&](db::Tx& tx) -> Status {
      TRY_STATUS(InsertMessage(tx, m));
      return InsertRecipients(tx, org_, m.id, families, true);
    });
    return m;
  }

  Attachment Upload(const std::string& name, const std::string& by) {
    Attachment a{Id(), org_, name, "application/pdf", 8, by, now_};
    Write([&](db::Tx& tx) { return InsertAttachment(tx, a, "JVBERi0xLjcK"); });
    return a;
  }

  Actor Reader(const User& u) {
    Actor a;
    a.user_id = u.id;
    a.organization_id = org_;
    a.name = u.name;
    a.role = u.role;
    a.family_id = u.family_id;
    return a;
  }

  std::string org_;
  Facility club_, room_;
  Family yamada_, sato_;
  User staff_;
};

TEST_P(MessageStoreTest, AMessageComesBackWithItsAudienceFacilitiesAndAttachmentsInOrder) {
  Attachment first = Upload("おたより.pdf", staff_.id), second = Upload("地図.pdf", staff_.id);
  Message m = NewMessage({club_.id, room_.id});
  m.audience.grades = {"小1"};
  m.audience.age_months_min = 72;
  m.attachments = {second, first};
  m.client_id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  m.families = 2;
  m.guardians = 3;
  Insert(m);

  auto back = Read([&](db::Tx& tx) { return FindMessage(tx, org_, m.id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->title, m.title);
  EXPECT_EQ(back->status, "sent");
  EXPECT_FALSE(back->emergency);
  EXPECT_EQ(back->audience.grades, m.audience.grades);
  EXPECT_EQ(back->audience.age_months_min, 72);
  EXPECT_TRUE(back->channels.push);
  EXPECT_FALSE(back->channels.email);
  EXPECT_EQ(back->facility_ids, (std::vector<std::string>{club_.id, room_.id}));
  ASSERT_EQ(back->attachments.size(), 2u);
  EXPECT_EQ(back->attachments[0].id, second.id);
  EXPECT_EQ(back->attachments[1].name, "おたより.pdf");
  EXPECT_EQ(back->families, 2);
  EXPECT_EQ(back->guardians, 3);

  auto by_client = Read([&](db::Tx& tx) { return FindMessageByClientId(tx, org_, *m.client_id); });
  ASSERT_TRUE(by_client);
  EXPECT_EQ(by_client->id, m.id);
  // The same client_id again is a conflict; another organization's id answers nothing.
  Message twice = NewMessage({club_.id});
  twice.client_id = m.client_id;
  auto again = Try([&](db::Tx& tx) { return InsertMessage(tx, twice); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindMessage(tx, other, m.id); }));
}

TEST_P(MessageStoreTest, ListsNewestFirstWithinTheStaffsFacilitiesWithReadCounts) {
  Message both = Insert(NewMessage({club_.id, room_.id}), {yamada_.id, sato_.id});
  Message club = Insert(NewMessage({club_.id}), {yamada_.id});
  Message later = Insert(NewMessage({room_.id}, "scheduled"));
  User hanako = MakeGuardian(yamada_);
  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkMessageRead(tx, org_, both.id, yamada_.id, Reader(hanako), now_); }));

  auto ids = [](const std::vector<MessageWithReads>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.message.id);
    return out;
  };
  MessageQuery all{org_};
  auto rows = Read([&](db::Tx& tx) { return ListMessages(tx, all); });
  EXPECT_EQ(ids(rows), (std::vector<std::string>{later.id, club.id, both.id}));
  EXPECT_EQ(rows[2].read_families, 1);
  EXPECT_EQ(rows[1].read_families, 0);

  MessageQuery club_staff{org_, std::vector<std::string>{club_.id}};
  EXPECT_EQ(ids(Read([&](db::Tx& tx) { return ListMessages(tx, club_staff); })), std::vector<std::string>{club.id});
  MessageQuery addressing_room{org_, std::nullopt, room_.id};
  EXPECT_EQ(ids(Read([&](db::Tx& tx) { return ListMessages(tx, addressing_room); })),
            (std::vector<std::string>{later.id, both.id}));
  MessageQuery scheduled{org_, std::nullopt, std::nullopt, "scheduled"};
  EXPECT_EQ(ids(Read([&](db::Tx& tx) { return ListMessages(tx, scheduled); })), std::vector<std::string>{later.id});
  MessageQuery page{org_, std::nullopt, std::nullopt, std::nullopt, later.id, 1};
  EXPECT_EQ(ids(Read([&](db::Tx& tx) { return ListMessages(tx, page); })), std::vector<std::string>{club.id});
  const std::string other = MakeOrg("B市");
  MessageQuery foreign{other};
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ListMessages(tx, foreign); }).empty());
}

TEST_P(MessageStoreTest, StatusMovesOnceAndOnlyAnEmergencyEnds) {
  Message scheduled = Insert(NewMessage({club_.id}, "scheduled"));
  EXPECT_EQ(Read([&](db::Tx& tx) { return DueMessages(tx, now_, 10); }).size(), 1u);
  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkMessageSent(tx, scheduled.id, now_, 1, 2); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkMessageSent(tx, scheduled.id, now_, 1, 2); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return CancelMessage(tx, org_, scheduled.id, now_); }));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return DueMessages(tx, now_, 10); }).empty());

  Message later = NewMessage({club_.id}, "scheduled");
  later.send_at = now_ + 60'000;
  Insert(later);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return DueMessages(tx, now_, 10); }).empty());
  const std::string other = MakeOrg("B市");
  EXPECT_FALSE(Write([&](db::Tx& tx) { return CancelMessage(tx, other, later.id, now_); }));
  EXPECT_TRUE(Write([&](db::Tx& tx) { return CancelMessage(tx, org_, later.id, now_); }));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return DueMessages(tx, now_ + 120'000, 10); }).empty());

  EXPECT_FALSE(Write([&](db::Tx& tx) { return EndMessage(tx, org_, scheduled.id, now_, "青木"); }));
  Message storm = NewMessage({club_.id, room_.id});
  storm.emergency = true;
  Insert(storm, {yamada_.id});
  EXPECT_EQ(Read([&](db::Tx& tx) { return ActiveEmergencies(tx, org_, room_.id); }).size(), 1u);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FamilyEmergencies(tx, org_, yamada_.id); }).size(), 1u);
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FamilyEmergencies(tx, org_, sato_.id); }).empty());
  EXPECT_TRUE(Write([&](db::Tx& tx) { return EndMessage(tx, org_, storm.id, now_, "青木"); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return EndMessage(tx, org_, storm.id, now_, "青木"); }));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return ActiveEmergencies(tx, org_, std::nullopt); }).empty());
  auto ended = Read([&](db::Tx& tx) { return FindMessage(tx, org_, storm.id); });
  EXPECT_EQ(ended->ended_by_name, "青木");
}

TEST_P(MessageStoreTest, ReceiptsReadOnceRemindTheUnreadAndTellDelivery) {
  Message m = Insert(NewMessage({club_.id}), {yamada_.id, sato_.id});
  User hanako = MakeGuardian(yamada_, "山田 花子"), ken = MakeGuardian(yamada_, "山田 健");
  MakeGuardian(sato_, "佐藤 ゆい");

  // Delivered: one of the family's guardians got a delivered row of the message itself.
  Notification inapp = NewNotification(ken, "inapp", "", "message:" + m.id);
  inapp.status = "delivered";
  Write([&](db::Tx& tx) { return InsertNotifications(tx, {inapp}); });

  const int64_t read_at = now_;
  EXPECT_TRUE(Write([&](db::Tx& tx) { return MarkMessageRead(tx, org_, m.id, yamada_.id, Reader(hanako), read_at); }));
  EXPECT_FALSE(Write([&](db::Tx& tx) { return MarkMessageRead(tx, org_, m.id, yamada_.id, Reader(ken), read_at + 1); }));
  EXPECT_EQ(Read([&](db::Tx& tx) { return CountReadFamilies(tx, org_, m.id); }), 1);

  auto unread = Read([&](db::Tx& tx) { return UnreadFamilies(tx, org_, m.id); });
  EXPECT_EQ(unread, std::vector<std::string>{sato_.id});
  Write([&](db::Tx& tx) { return RecordReminder(tx, org_, m.id, Id(), Reader(staff_), unread, now_); });

  auto receipts = Read([&](db::Tx& tx) { return ListReceipts(tx, org_, m.id, "message:" + m.id); });
  ASSERT_EQ(receipts.size(), 2u);
  const auto& sato = receipts[0].receipt.family_id == sato_.id ? receipts[0] : receipts[1];
  const auto& yamada = receipts[0].receipt.family_id == yamada_.id ? receipts[0] : receipts[1];
  EXPECT_EQ(yamada.receipt.family_name, "山田");
  EXPECT_EQ(yamada.receipt.read_at, read_at);
  EXPECT_EQ(yamada.receipt.read_by_name, "山田 花子");
  EXPECT_TRUE(yamada.delivered);
  EXPECT_EQ(yamada.receipt.reminders, 0);
  EXPECT_FALSE(sato.receipt.read_at);
  EXPECT_FALSE(sato.delivered);
  EXPECT_EQ(sato.receipt.reminders, 1);

  auto mine = Read([&](db::Tx& tx) { return ListFamilyMessages(tx, org_, yamada_.id, std::nullopt, 10); });
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].read_at, read_at);
  const Family suzuki = MakeFamily(org_, "鈴木");
  EXPECT_FALSE(Read([&](db::Tx& tx) { return FindFamilyMessage(tx, org_, suzuki.id, m.id); }));
}

TEST_P(MessageStoreTest, AnAttachmentIsTheOrganizationsAndReachesTheFamiliesItsMessageReached) {
  Attachment a = Upload("おたより.pdf", staff_.id);
  EXPECT_EQ(Read([&](db::Tx& tx) { return FindAttachments(tx, org_, {a.id, "nope"}); }).size(), 1u);
  const std::string other = MakeOrg("B市");
  EXPECT_TRUE(Read([&](db::Tx& tx) { return FindAttachments(tx, other, {a.id}); }).empty());
  auto loaded = Read([&](db::Tx& tx) { return LoadAttachment(tx, org_, a.id); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->first.name, "おたより.pdf");
  EXPECT_EQ(loaded->second, "JVBERi0xLjcK");

  EXPECT_FALSE(Read([&](db::Tx& tx) { return AttachmentReachedFamily(tx, a.id, yamada_.id); }));
  Message m = NewMessage({club_.id, room_.id});
  m.attachments = {a};
  Insert(m, {yamada_.id});
  EXPECT_TRUE(Read([&](db::Tx& tx) { return AttachmentReachedFamily(tx, a.id, yamada_.id); }));
  EXPECT_FALSE(Read([&](db::Tx& tx) { return AttachmentReachedFamily(tx, a.id, sato_.id); }));
  EXPECT_EQ(Read([&](db::Tx& tx) { return AttachmentMessageFacilities(tx, a.id); }),
            (std::vector<std::vector<std::string>>{{club_.id, room_.id}}));
}

TEST_P(MessageStoreTest, RecipientsOfFamiliesAreTheirGuardiansWithDevices) {
  User hanako = MakeGuardian(yamada_, "山田 花子", std::nullopt, "hanako@example.jp");
  MakeGuardian(sato_, "佐藤 ゆい");
  MakeGuardian(MakeFamily(org_, "鈴木"), "鈴木 一郎");
  auto rows = Read([&](db::Tx& tx) { return RecipientsOfFamilies(tx, org_, {yamada_.id, sato_.id}); });
  ASSERT_EQ(rows.size(), 2u);
  const auto& yamada = rows[0].family_id == yamada_.id ? rows[0] : rows[1];
  EXPECT_EQ(yamada.recipient.user_id, hanako.id);
  EXPECT_EQ(yamada.recipient.email, "hanako@example.jp");
  EXPECT_EQ(yamada.recipient.subscription_id, "");
  EXPECT_TRUE(yamada.recipient.preferences.messages.push);
  const std::string other = MakeOrg("B市");
  EXPECT_TRUE(Read([&](db::Tx& tx) { return RecipientsOfFamilies(tx, other, {yamada_.id}); }).empty());
}

TEST_P(MessageStoreTest, FamiliesWaitingForTheirNotificationsAreFoundInBatchesUntilMarked) {
  Message m = NewMessage({club_.id});
  const Family suzuki = MakeFamily(org_, "鈴木");
  Write([&](db::Tx& tx) -> Status {
    TRY_STATUS(InsertMessage(tx, m));
    return InsertRecipients(tx, org_, m.id, {yamada_.id, sato_.id, suzuki.id}, false);
  });
  Insert(NewMessage({club_.id}), {yamada_.id});  // notified with its send: nothing to do
  auto todo = Read([&](db::Tx& tx) { return MessagesToNotify(tx, 10); });
  ASSERT_EQ(todo.size(), 1u);
  EXPECT_EQ(todo[0], std::make_pair(org_, m.id));
  auto first = Read([&](db::Tx& tx) { return FamiliesToNotify(tx, m.id, 2); });
  ASSERT_EQ(first.size(), 2u);
  Write([&](db::Tx& tx) { return MarkNotified(tx, m.id, first); });
  auto rest = Read([&](db::Tx& tx) { return FamiliesToNotify(tx, m.id, 2); });
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_TRUE(std::find(first.begin(), first.end(), rest[0]) == first.end());
  Write([&](db::Tx& tx) { return MarkNotified(tx, m.id, rest); });
  EXPECT_TRUE(Read([&](db::Tx& tx) { return MessagesToNotify(tx, 10); }).empty());
  // A scheduled message has no receipts yet; a cancelled one never will.
  Insert(NewMessage({club_.id}, "scheduled"));
  EXPECT_TRUE(Read([&](db::Tx& tx) { return MessagesToNotify(tx, 10); }).empty());
}

TADAIMA_STORE_TEST_SUITE(MessageStoreTest);

}  // namespace
}  // namespace tadaima::store
