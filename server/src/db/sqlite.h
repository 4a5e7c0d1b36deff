// The SQLite back end: WAL, foreign keys, synchronous=FULL, busy timeout.
#pragma once

#include <memory>
#include <string>

#include "db/database.h"

namespace tadaima::db {

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size);

}  // namespace tadaima::db
