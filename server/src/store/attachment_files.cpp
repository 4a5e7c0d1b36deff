#include "store/attachment_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/ids.h"

namespace tadaima::store {
namespace {

namespace fs = std::filesystem;

Error Failed(const std::string& what, const fs::path& path, int err) {
  return Error::Internal(what + " " + path.string() + ": " + std::strerror(err));
}

// The ids name files: only ids we made (no '/', no "..") are accepted.
Status CheckIds(const std::string& organization_id, const std::string& id) {
  if (!LooksLikeId(organization_id) || !LooksLikeId(id)) return Fail(Error::Internal("not an id: " + id));
  return {};
}

Status SyncPath(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Fail(Failed("cannot open", path, errno));
  const bool ok = ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok) return Fail(Failed("cannot sync", path, err));
  return {};
}

}  // namespace

Status PrepareAttachmentDir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Fail(Error::Internal("cannot create the attachment directory " + dir + ": " + ec.message()));
  if (::access(dir.c_str(), W_OK | X_OK) != 0) return Fail(Failed("cannot write the attachment directory", dir, errno));
  return {};
}

Status WriteAttachmentFile(const std::string& dir, const std::string& organization_id, const std::string& id,
                           const std::string& bytes) {
  TRY_STATUS(CheckIds(organization_id, id));
  const fs::path folder = fs::path(dir) / organization_id;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Fail(Error::Internal("cannot create " + folder.string() + ": " + ec.message()));
  const fs::path final_path = folder / id;
  const fs::path temp = folder / (id + ".part");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) return Fail(Failed("cannot create", temp, errno));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return Fail(Failed("cannot write", temp, err));
    }
    done += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!synced) return Fail(Failed("cannot sync", temp, err));
  fs::rename(temp, final_path, ec);
  if (ec) return Fail(Error::Internal("cannot rename " + temp.string() + ": " + ec.message()));
  return SyncPath(folder, O_RDONLY | O_DIRECTORY);
}

Result<std::string> ReadAttachmentFile(const std::string& dir, const std::string& organization_id,
                                       const std::string& id) {
  TRY_STATUS(CheckIds(organization_id, id));
  const fs::path path = fs::path(dir) / organization_id / id;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return Fail(Error::NotFound("attachment file " + path.string() + " is missing"));
    return Fail(Failed("cannot read", path, errno));
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace tadaima::store
