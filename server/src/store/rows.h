// Row <-> value conversions shared by more than one store file. Private to
// store/: nothing outside it includes this header.
// ChildFrom's column order: id, organization_id, family_id, name, name_kana,
// birth_date, credential_version, may_leave_alone.
#pragma once

#include <optional>

#include "db/database.h"
#include "model/message.h"
#include "model/model.h"

namespace tadaima::store {

inline Child ChildFrom(const db::Row& r) {
  Child c;
  c.id = r.Text(0);
  c.organization_id = r.Text(1);
  c.family_id = r.Text(2);
  c.name = r.Text(3);
  c.name_kana = r.OptText(4);
  c.birth_date = CivilDate::Parse(r.Text(5)).value_or(CivilDate{});
  c.credential_version = static_cast<int>(r.Int(6));
  c.may_leave_alone = r.Int(7) != 0;
  return c;
}

// An attachment's metadata, TADAIMA_ATTACHMENT_COLUMNS from column i.
#define TADAIMA_ATTACHMENT_COLUMNS "a.id, a.organization_id, a.name, a.content_type, a.size, a.created_by_id, a.created_at"
inline Attachment AttachmentFrom(const db::Row& r, size_t i) {
  Attachment a;
  a.id = r.Text(i);
  a.organization_id = r.Text(i + 1);
  a.name = r.Text(i + 2);
  a.content_type = r.Text(i + 3);
  a.size = r.Int(i + 4);
  a.created_by_id = r.Text(i + 5);
  a.created_at = r.Int(i + 6);
  return a;
}

// `column` is one of the ids of the JSON array parameter $n (SQLite, PostgreSQL).
#define TADAIMA_IN_JSON(column, n) column " IN (SELECT value FROM json_each($" #n "))"
#define TADAIMA_IN_JSON_PG(column, n) column " = ANY (ARRAY(SELECT json_array_elements_text($" #n "::json)))"

// An optional instant as a parameter (nullopt -> NULL).
inline db::Value OptInt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }
// A nullable integer column.
inline std::optional<int64_t> IntOrNull(const db::Row& r, size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional<int64_t>(r.Int(i));
}

}  // namespace tadaima::store
