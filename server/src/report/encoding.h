// Text encodings the files we hand out may need besides UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace tadaima::report {

// UTF-8 text in Windows-31J (Shift_JIS as Windows and Excel read it, CP932).
// A character it cannot hold (an emoji, a rare kanji) becomes "?"; invalid
// UTF-8 bytes too.
std::string ToWindows31J(std::string_view utf8);

}  // namespace tadaima::report
