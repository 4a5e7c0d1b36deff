// Text encodings the files we hand out, and the files staff bring, may need
// besides UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tadaima::report {

// UTF-8 text in Windows-31J (Shift_JIS as Windows and Excel read it, CP932).
// A character it cannot hold (an emoji, a rare kanji) becomes "?"; invalid
// UTF-8 bytes too.
std::string ToWindows31J(std::string_view utf8);

// Text a spreadsheet saved, as UTF-8: UTF-8 (its byte-order mark dropped) when
// it is valid UTF-8, else Windows-31J; nullopt when it is neither.
std::optional<std::string> SpreadsheetTextToUtf8(std::string_view bytes);

}  // namespace tadaima::report
