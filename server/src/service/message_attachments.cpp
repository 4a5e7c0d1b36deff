// The attachments of messages (Messages::Upload, Messages::Download): PDF,
// PNG and JPEG files staff upload, kept in the database or, with
// attachment_dir, as files (store/attachment_files.h), and served only to whom
// a message with them reached. The rest of Messages is in ./messages.cpp.
#include "base/ids.h"
#include "base/reasons.h"
#include "notify/webpush.h"
#include "rules/messages.h"
#include "rules/permissions.h"
#include "service/messages.h"
#include "store/attachment_files.h"
#include "store/attachment_store.h"

namespace tadaima::service {

Result<Attachment> Messages::Upload(const Actor& actor, const std::string& name, const std::string& content_type,
                                    const std::string& bytes) {
  TRY_STATUS(RequireStaff(actor));
  FieldErrors errs;
  Attachment a;
  a.name = TrimSpaces(name);
  errs.Check("name", CheckAttachmentName(a.name));
  const auto type = AttachableType(content_type);
  if (!type) errs.Add("content_type", reason::kFileType);
  else if (bytes.size() > kAttachmentMaxBytes) errs.Add("body", reason::kFileTooLarge);
  else if (!BytesMatchType(bytes, *type)) errs.Add("body", reason::kFileNotItsType);
  TRY_STATUS(errs.ToStatus());
  const int64_t now = clock_.NowMs();
  a.id = NewId(now);
  a.organization_id = actor.organization_id;
  a.content_type = *type;
  a.size = static_cast<int64_t>(bytes.size());
  a.created_by_id = actor.user_id;
  a.created_at = now;
  // In the attachment directory the file is written first: a committed row always has its file.
  std::string data;
  if (settings_.attachment_dir.empty()) data = notify::Base64Url(bytes);
  else TRY_STATUS(store::WriteAttachmentFile(settings_.attachment_dir, a.organization_id, a.id, bytes));
  TRY_STATUS(db_.Transact(TxMode::kWrite, [&](db::Tx& tx) -> Status { return store::InsertAttachment(tx, a, data); }));
  return a;
}

Result<AttachmentFile> Messages::Download(const Actor& actor, const std::string& id) {
  TRY_STATUS(RequireGuardianOrStaff(actor));
  const Error not_found = Error::NotFound("attachment not found");
  auto loaded = TRY(db_.Transact(TxMode::kRead, [&](db::Tx& tx) -> Result<std::pair<Attachment, std::string>> {
    auto found = TRY(store::LoadAttachment(tx, actor.organization_id, id));
    if (!found) return Fail(not_found);
    bool may = false;
    if (IsGuardian(actor)) {
      may = TRY(store::AttachmentReachedFamily(tx, id, *actor.family_id));
    } else if (IsOrgAdmin(actor) || found->first.created_by_id == actor.user_id) {
      may = true;
    } else {
      for (const auto& facilities : TRY(store::AttachmentMessageFacilities(tx, id)))
        may = may || CanManageMessage(actor, facilities);
    }
    if (!may) return Fail(not_found);
    return std::move(*found);
  }));
  if (loaded.second.empty()) {  // kept in the attachment directory
    if (settings_.attachment_dir.empty())
      return Fail(Error::Internal("attachment " + id + " is kept in a directory, but attachment_dir is not set"));
    auto file = store::ReadAttachmentFile(settings_.attachment_dir, actor.organization_id, id);
    if (!file) return Fail(Error::Internal(file.error().message));
    return AttachmentFile{std::move(loaded.first), std::move(*file)};
  }
  auto bytes = notify::FromBase64Url(loaded.second);
  if (!bytes) return Fail(Error::Internal("attachment " + id + " is not stored as base64url"));
  return AttachmentFile{std::move(loaded.first), std::move(*bytes)};
}

}  // namespace tadaima::service
