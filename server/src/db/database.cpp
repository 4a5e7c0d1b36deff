#include "db/database.h"

#include <charconv>
#include <cstdlib>

#include "db/postgres.h"
#include "db/sqlite.h"

namespace tadaima::db {

int64_t Row::Int(size_t i) const {
  const std::string& s = Text(i);
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);
    if (path.empty()) return Fail(Error::InvalidArgument("sqlite URL needs a path: sqlite:/path/to/file.db"));
    return OpenSqlite(path, pool_size);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return OpenPostgres(url, pool_size);
  return Fail(Error::InvalidArgument("database URL must start with sqlite: or postgresql://"));
}

}  // namespace tadaima::db
