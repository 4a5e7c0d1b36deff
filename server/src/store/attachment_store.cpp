#include "store/attachment_store.h"

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace tadaima::store {
namespace {

constexpr db::Query kInsertAttachment{
    "insert_attachment",
    "INSERT INTO attachments (id, organization_id, name, content_type, size, data, created_by_id, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"};
constexpr db::Query kFindAttachments{
    "find_attachments",
    "SELECT " TADAIMA_ATTACHMENT_COLUMNS " FROM attachments a WHERE a.organization_id = $1 AND "
    TADAIMA_IN_JSON("a.id", 2),
    "SELECT " TADAIMA_ATTACHMENT_COLUMNS " FROM attachments a WHERE a.organization_id = $1 AND "
    TADAIMA_IN_JSON_PG("a.id", 2)};
constexpr db::Query kLoadAttachment{
    "load_attachment",
    "SELECT " TADAIMA_ATTACHMENT_COLUMNS ", a.data FROM attachments a WHERE a.organization_id = $1 AND a.id = $2"};
constexpr db::Query kAttachmentReachedFamily{
    "attachment_reached_family",
    "SELECT 1 FROM message_attachments ma JOIN message_recipients r ON r.message_id = ma.message_id"
    " WHERE ma.attachment_id = $1 AND r.family_id = $2 LIMIT 1"};
constexpr db::Query kAttachmentMessageFacilities{
    "attachment_message_facilities",
    "SELECT ma.message_id, mf.facility_id FROM message_attachments ma"
    " JOIN message_facilities mf ON mf.message_id = ma.message_id WHERE ma.attachment_id = $1"
    " ORDER BY ma.message_id, mf.facility_id"};

}  // namespace

Status InsertAttachment(db::Tx& tx, const Attachment& a, const std::string& data) {
  TRY(tx.Exec(kInsertAttachment, {a.id, a.organization_id, a.name, a.content_type, a.size, data, a.created_by_id,
                                  a.created_at}));
  return {};
}

Result<std::vector<Attachment>> FindAttachments(db::Tx& tx, const std::string& organization_id,
                                                const std::vector<std::string>& ids) {
  std::vector<Attachment> out;
  if (ids.empty()) return out;
  for (const auto& r : TRY(tx.Exec(kFindAttachments, {organization_id, nlohmann::json(ids).dump()})).rows)
    out.push_back(AttachmentFrom(r, 0));
  return out;
}

Result<std::optional<std::pair<Attachment, std::string>>> LoadAttachment(db::Tx& tx,
                                                                        const std::string& organization_id,
                                                                        const std::string& id) {
  auto rs = TRY(tx.Exec(kLoadAttachment, {organization_id, id}));
  if (rs.empty()) return std::optional<std::pair<Attachment, std::string>>();
  return std::optional(std::make_pair(AttachmentFrom(rs.rows[0], 0), rs.rows[0].Text(7)));
}

Result<bool> AttachmentReachedFamily(db::Tx& tx, const std::string& attachment_id, const std::string& family_id) {
  return !TRY(tx.Exec(kAttachmentReachedFamily, {attachment_id, family_id})).empty();
}

Result<std::vector<std::vector<std::string>>> AttachmentMessageFacilities(db::Tx& tx,
                                                                         const std::string& attachment_id) {
  std::vector<std::vector<std::string>> out;
  std::string last;
  for (const auto& r : TRY(tx.Exec(kAttachmentMessageFacilities, {attachment_id})).rows) {
    if (out.empty() || r.Text(0) != last) out.emplace_back();
    last = r.Text(0);
    out.back().push_back(r.Text(1));
  }
  return out;
}

}  // namespace tadaima::store
