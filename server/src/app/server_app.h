// Wiring: opens the database, builds the services, the routes and the HTTP
// server from a Config, and runs them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "db/database.h"
#include "service/services.h"

namespace tadaima::app {

// Hashes passwords at argon2id's minimum cost when test_password_cost asks for
// it (refused unless only this machine can reach the server).
Status ApplyPasswordCost(const Config& config);
// The clock the configuration asks for (TADAIMA_CLOCK_START or the system's).
Result<Clock> MakeClock(const Config& config);
// The services' settings; invalid consultation keys are an error.
Result<service::Settings> MakeSettings(const Config& config);

// Serves until SIGINT/SIGTERM. `on_ready` runs once listening, with the base URL.
// REQUIRES: the database schema is current.
Status Serve(const Config& config, db::Database& db, const std::function<void(const std::string&)>& on_ready);

// "METHOD pattern" of every API route.
std::vector<std::string> RouteList();

// The directory with the built front ends: config.web_root, or web/dist
// found next to the executable's build directory or the working directory.
std::string FindWebRoot(const Config& config);

}  // namespace tadaima::app
