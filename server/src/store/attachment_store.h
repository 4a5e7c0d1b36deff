// Attachments of messages (sql/migrations/*/0007_messages.sql): their rows,
// and who may fetch them. Every query takes or follows the organization id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/message.h"

namespace tadaima::store {

// `data`: the file's bytes, base64url; "" when they are kept as a file in the
// attachment directory (store/attachment_files.h).
Status InsertAttachment(db::Tx& tx, const Attachment& a, const std::string& data);
// The organization's attachments among `ids` (metadata only), in no order.
Result<std::vector<Attachment>> FindAttachments(db::Tx& tx, const std::string& organization_id,
                                                const std::vector<std::string>& ids);
// The attachment with its bytes (base64).
Result<std::optional<std::pair<Attachment, std::string>>> LoadAttachment(db::Tx& tx,
                                                                        const std::string& organization_id,
                                                                        const std::string& id);
// Whether a sent message with the attachment reached the family.
Result<bool> AttachmentReachedFamily(db::Tx& tx, const std::string& attachment_id, const std::string& family_id);
// The facilities of each message the attachment is attached to.
Result<std::vector<std::vector<std::string>>> AttachmentMessageFacilities(db::Tx& tx,
                                                                         const std::string& attachment_id);

}  // namespace tadaima::store
