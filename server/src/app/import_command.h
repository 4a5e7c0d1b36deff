// `tadaima import`: families from a CSV file on the command line, with the
// dry run's report and the import's progress on the terminal.
#pragma once

#include <string>

#include "base/error.h"
#include "service/services.h"

namespace tadaima::app {

// The process's exit code: 0 imported (or a clean dry run), 1 the file has errors.
Result<int> ImportFamilies(service::Services& services, const std::string& organization_id, const std::string& file,
                           bool dry_run);

}  // namespace tadaima::app
