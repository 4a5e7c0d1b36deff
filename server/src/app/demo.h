// The demo organization: an after-school club and a drop-in room, about 30
// families with Japanese names, staff accounts. Prints the logins.
#pragma once

#include <string>

#include "service/services.h"

namespace tadaima::app {

struct DemoLogins {
  std::string text;  // what to print for the person trying the demo
  std::string organization_id;  // its public pre-registration form is /register/?org=<id>
};

// Seeds the demo through the services (so every rule applies).
Result<DemoLogins> SeedDemo(service::Services& services);

}  // namespace tadaima::app
