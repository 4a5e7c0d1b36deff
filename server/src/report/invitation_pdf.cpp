#include "report/invitation_pdf.h"

#include <algorithm>

#include "report/pdf.h"

namespace tadaima::report {
namespace {

constexpr double kLeft = 20 * kMm, kWidth = kA4Width - 40 * kMm;
constexpr const char* kBody = "Noto Sans CJK JP 10.5";
constexpr const char* kCode = "Noto Sans Mono CJK JP Bold 13";

const char* const kSteps[] = {
    "スマートフォンで右の二次元コードを読み取るか、アドレスを入力して保護者アプリを開きます。",
    "ブラウザのメニューから「ホーム画面に追加」を選ぶと、アプリとして使えます。",
    "上のログインIDと初期パスワードでログインし、ご自分のパスワードを決めてください。",
    "メニューの「こどもルーム」から、利用したいルームごとに登録します（ルームごとに必要です）。",
    "ルームの職員が承認すると、アプリに家族の二次元コードが表示されます。来館のとき窓口でかざしてください。",
};

void Rule(cairo_t* cr, double y) {
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, kLeft, y);
  cairo_line_to(cr, kLeft + kWidth, y);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
}

Status DrawLetter(cairo_t* cr, const LetterSheet& sheet, const Letter& letter) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = 18 * kMm;
  PdfText(cr, sheet.organization_name + "　" + sheet.issued_on, kLeft, y, kWidth, "Noto Sans CJK JP 9");
  y += 8 * kMm;
  y += PdfText(cr, "保護者アプリ 登録案内状", kLeft, y, kWidth, "Noto Sans CJK JP Bold 20") + 4 * kMm;
  y += PdfText(cr, letter.family_name + "　様", kLeft, y, kWidth, "Noto Sans CJK JP Bold 14") + 3 * kMm;
  y += PdfText(cr,
               "事前登録ありがとうございました。保護者アプリのログインIDと初期パスワードをお知らせします。"
               "アプリで利用したいこどもルームを登録すると、家族の二次元コードで入退館できます。",
               kLeft, y, kWidth, kBody) +
       5 * kMm;

  Rule(cr, y);
  y += 3 * kMm;
  for (const auto& g : letter.guardians) {
    PdfText(cr, g.name, kLeft, y, 45 * kMm, "Noto Sans CJK JP Bold 11");
    PdfText(cr, "ログインID", kLeft + 48 * kMm, y, 30 * kMm, "Noto Sans CJK JP 8");
    PdfText(cr, g.login, kLeft + 48 * kMm, y + 4 * kMm, 50 * kMm, kCode);
    PdfText(cr, "初期パスワード", kLeft + 105 * kMm, y, 40 * kMm, "Noto Sans CJK JP 8");
    if (g.initial_password)
      PdfText(cr, *g.initial_password, kLeft + 105 * kMm, y + 4 * kMm, 65 * kMm, kCode);
    else
      PdfText(cr, "ご自分で決めたパスワードをお使いください", kLeft + 105 * kMm, y + 4.5 * kMm, 65 * kMm,
              "Noto Sans CJK JP 9");
    y += 13 * kMm;
    Rule(cr, y);
    y += 3 * kMm;
  }

  y += 4 * kMm;
  const double qr_side = 45 * kMm, qr_x = kLeft + kWidth - qr_side, qr_top = y;
  TRY_STATUS(PdfQr(cr, sheet.app_url, qr_x, y, qr_side));
  PdfText(cr, sheet.app_url, qr_x - 10 * kMm, y + qr_side + 1 * kMm, qr_side + 10 * kMm, "Noto Sans Mono CJK JP 8");
  y += PdfText(cr, "登録の手順", kLeft, y, kWidth - qr_side, "Noto Sans CJK JP Bold 13") + 2 * kMm;
  int n = 1;
  for (const char* step : kSteps)
    y += PdfText(cr, std::to_string(n++) + ".　" + step, kLeft, y, kWidth - qr_side - 6 * kMm, kBody) + 2 * kMm;
  y = std::max(y, qr_top + qr_side + 6 * kMm) + 6 * kMm;
  PdfText(cr,
          "・初期パスワードは最初のログインで使い、ご自分のパスワードに変えてください。\n"
          "・この案内状を再発行すると、前の案内状の初期パスワードは使えなくなります。\n"
          "・ログインIDとパスワードは他の人に見せず、大切に保管してください。\n"
          "・スマートフォンをお持ちでない方も、これまでどおり利用者票に記入して利用できます。",
          kLeft, y, kWidth, "Noto Sans CJK JP 9");
  return {};
}

}  // namespace

Result<std::string> InvitationPdf(const LetterSheet& sheet) {
  return RenderPdf("保護者アプリ 登録案内状", kA4Width, kA4Height, [&](cairo_t* cr) -> Status {
    for (size_t i = 0; i < sheet.letters.size(); ++i) {
      if (i > 0) cairo_show_page(cr);
      TRY_STATUS(DrawLetter(cr, sheet, sheet.letters[i]));
    }
    return {};
  });
}

}  // namespace tadaima::report
