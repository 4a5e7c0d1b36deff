// Normalisation for name search: katakana folded to hiragana, ASCII to lower
// case, spaces (ASCII and ideographic) removed. "ヤマダ タロウ" and "やまだたろう"
// normalise alike. Pure function.
#pragma once

#include <string>
#include <string_view>

namespace tadaima {

std::string NormalizeForSearch(std::string_view text);

}  // namespace tadaima
