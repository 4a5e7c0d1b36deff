// Attachments kept as files (the `attachment_dir` setting) instead of in the
// database: <dir>/<organization id>/<attachment id>, one file each, written
// whole before the attachment's row commits (a temporary file, fsync, rename,
// fsync of the directory), so a committed row always has its file; a crash
// between the two leaves only an unused file. The bytes are never changed.
#pragma once

#include <string>

#include "base/error.h"

namespace tadaima::store {

// Creates `dir` (and its parents) when missing and checks it can be written.
Status PrepareAttachmentDir(const std::string& dir);
Status WriteAttachmentFile(const std::string& dir, const std::string& organization_id, const std::string& id,
                           const std::string& bytes);
// kNotFound when the file is missing.
Result<std::string> ReadAttachmentFile(const std::string& dir, const std::string& organization_id,
                                       const std::string& id);

}  // namespace tadaima::store
