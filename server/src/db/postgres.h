// The PostgreSQL back end through libpq: a pool of connections, parameters
// sent as text, prepared statements cached per connection.
#pragma once

#include <memory>
#include <string>

#include "db/database.h"

namespace tadaima::db {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size);

}  // namespace tadaima::db
