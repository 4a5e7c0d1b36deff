// For store tests only (include from store/*_test.cpp): a fixture whose
// tests run once on SQLite and once on PostgreSQL (TADAIMA_TEST_PG_URL, set by
// scripts/with-postgres; without it the PostgreSQL cases fail, they do not
// skip), each on a fresh migrated database, with helpers that write the rows
// most tests need through the stores themselves.
//
// Helpers fail the test when a write fails. Ids come from NewId, which
// increases strictly within the process, so rows made later sort later.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <source_location>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/ids.h"
#include "db/test_database.h"
#include "model/model.h"
#include "rules/search_text.h"
#include "store/enrollment_store.h"
#include "store/family_store.h"
#include "store/organization_store.h"
#include "store/user_store.h"

namespace tadaima::store {

// The value of a successful result. A failed one fails the test where Must
// was called and throws, which ends the test.
template <class T>
T Must(Result<T> r, std::source_location at = std::source_location::current()) {
  if (!r) {
    ADD_FAILURE_AT(at.file_name(), at.line()) << r.error().message;
    throw std::runtime_error(r.error().message);
  }
  if constexpr (!std::is_void_v<T>) return std::move(*r);
}

class StoreTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = db::FreshTestDatabase(GetParam());
    ASSERT_TRUE(db_);
  }

  // Runs `body` in a transaction; Read and Write return its value (a failure
  // fails the test), Try returns the Result itself.
  template <class F>
  auto Read(F&& body, std::source_location at = std::source_location::current()) {
    return Must(db_->Transact(db::TxMode::kRead, std::forward<F>(body)), at);
  }
  template <class F>
  auto Write(F&& body, std::source_location at = std::source_location::current()) {
    return Must(db_->Transact(db::TxMode::kWrite, std::forward<F>(body)), at);
  }
  template <class F>
  auto Try(F&& body) {
    return db_->Transact(db::TxMode::kWrite, std::forward<F>(body));
  }

  // A new id, after every id made before.
  std::string Id() { return NewId(++now_); }

  // A new organization in Tokyo; returns its id.
  std::string MakeOrg(const std::string& name = "A市") {
    Organization org{Id(), name, "Asia/Tokyo"};
    Write([&](db::Tx& tx) { return InsertOrganization(tx, org, now_); });
    return org.id;
  }

  // A facility open 14:00 to 19:00.
  Facility MakeFacility(const std::string& org, const std::string& name = "ひまわり児童クラブ",
                        FacilityKind kind = FacilityKind::kAfterSchool) {
    Facility f{Id(), org, name, kind, 14 * 60, 19 * 60};
    Write([&](db::Tx& tx) { return InsertFacility(tx, f, now_); });
    return f;
  }

  // A family without members, searchable by name and kana.
  Family MakeFamily(const std::string& org, const std::string& name = "山田", const std::string& kana = "やまだ") {
    Family f;
    f.id = Id();
    f.organization_id = org;
    f.name = name;
    Write([&](db::Tx& tx) { return InsertFamily(tx, f, NormalizeForSearch(name + "|" + kana), now_); });
    return f;
  }

  Child MakeChild(const Family& f, const std::string& name, std::optional<std::string> kana = std::nullopt,
                  const char* birth_date = "2019-05-10") {
    Child c{Id(), f.organization_id, f.id, name, std::move(kana), *CivilDate::Parse(birth_date)};
    Write([&](db::Tx& tx) { return InsertChild(tx, c, now_); });
    return c;
  }

  // Enrolls the child (or, without one, the whole family) at the facility.
  Enrollment Enroll(const Facility& at, const Family& f, const std::optional<Child>& c = std::nullopt,
                    EnrollmentStatus status = EnrollmentStatus::kActive) {
    Enrollment e{Id(), f.organization_id, at.id, c ? std::optional(c->id) : std::nullopt, f.id, status};
    Write([&](db::Tx& tx) { return InsertEnrollment(tx, e, now_); });
    return e;
  }

  // A family with one child enrolled at the facility; returns the child.
  Child MakeEnrolledChild(const Facility& at, const std::string& name) {
    Family f = MakeFamily(at.organization_id, name, name);
    Child c = MakeChild(f, name);
    Enroll(at, f, c);
    return c;
  }

  User MakeGuardian(const Family& f, const std::string& name = "山田 花子",
                    std::optional<std::string> relation = std::nullopt,
                    std::optional<std::string> email = std::nullopt) {
    User u = NewUser(f.organization_id, Role::kGuardian, name);
    u.family_id = f.id;
    u.relation = std::move(relation);
    u.email = std::move(email);
    Write([&](db::Tx& tx) { return InsertUser(tx, u, now_); });
    return u;
  }

  User MakeStaff(const std::string& org, Role role = Role::kOrgAdmin, std::vector<std::string> facility_ids = {},
                 const std::string& name = "青木 由紀") {
    User u = NewUser(org, role, name);
    u.facility_ids = std::move(facility_ids);
    Write([&](db::Tx& tx) { return InsertUser(tx, u, now_); });
    return u;
  }

  // A user not written yet, with a unique login.
  User NewUser(const std::string& org, Role role, const std::string& name) {
    User u;
    u.id = Id();
    u.organization_id = org;
    u.role = role;
    u.login = "u-" + u.id;
    u.name = name;
    u.password_hash = "-";
    return u;
  }

  // A pending notification of the user on `channel`, not written yet, due now.
  Notification NewNotification(const User& u, const std::string& channel, const std::string& target = "",
                               const std::string& event_key = "") {
    Notification n;
    n.id = Id();
    n.organization_id = u.organization_id;
    n.user_id = u.id;
    n.channel = channel;
    n.kind = "arrival";
    n.event_key = event_key.empty() ? "visit:" + n.id : event_key;
    n.target = target;
    n.payload = R"({"title":"おかえりなさい"})";
    n.next_attempt_at = now_;
    n.created_at = now_;
    return n;
  }

  std::unique_ptr<db::Database> db_;
  int64_t now_ = 1795241045000;  // 2026-11-21 15:04:05 in Tokyo
};

// Runs the suite once per database, named sqlite and postgres.
#define TADAIMA_STORE_TEST_SUITE(Suite)                                            \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, testing::Values("sqlite", "postgres"), \
                           [](const testing::TestParamInfo<std::string>& info) { return info.param; })

}  // namespace tadaima::store
