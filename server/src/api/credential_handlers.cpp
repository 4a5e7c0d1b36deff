// QR credentials, their images and the printable cards.
#include "api/api.h"
#include "api/dto.h"
#include "report/cards_pdf.h"
#include "report/qr.h"

namespace tadaima::api {
namespace {

bool IsFamilyPath(const http::Request& req) { return req.route.rfind("/api/v1/families/", 0) == 0; }

http::Response Binary(std::string body, const char* type, const std::string& filename = "") {
  http::Response r;
  r.content_type = type;
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "private, no-store");
  if (!filename.empty()) r.headers.emplace_back("Content-Disposition", "inline; filename=\"" + filename + "\"");
  return r;
}

}  // namespace

Result<http::Response> GetCredential(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto c = TRY(ctx.services->GetCredential(actor, IsFamilyPath(req), req.path_params["id"]));
  return http::Response::Json(200, {{"credential", CredentialJson(c)}});
}

Result<http::Response> ReissueCredential(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto c = TRY(ctx.services->ReissueCredential(actor, IsFamilyPath(req), req.path_params["id"]));
  return http::Response::Json(201, {{"credential", CredentialJson(c)}});
}

Result<http::Response> QrImage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto c = TRY(ctx.services->GetCredential(actor, IsFamilyPath(req), req.path_params["id"]));
  if (req.path.ends_with(".svg")) return Binary(TRY(report::QrSvg(c.text)), "image/svg+xml");
  return Binary(TRY(report::QrPng(c.text)), "image/png");
}

Result<http::Response> ChildCardPdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto card = TRY(ctx.services->ChildCard(actor, req.path_params["id"]));
  return Binary(TRY(report::CardsPdf({card})), "application/pdf", "card.pdf");
}

Result<http::Response> FacilityCardsPdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto cards = TRY(ctx.services->FacilityCards(actor, req.path_params["id"]));
  return Binary(TRY(report::CardsPdf(cards)), "application/pdf", "cards.pdf");
}

}  // namespace tadaima::api
