// QR credentials, their images and the printable cards.
#include "api/api.h"
#include "api/dto.h"

namespace tadaima::api {
namespace {

bool IsFamilyPath(const http::Request& req) { return req.route.rfind("/api/v1/families/", 0) == 0; }

}  // namespace

Result<http::Response> GetCredential(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto c = TRY(ctx.services->credentials.GetCredential(actor, IsFamilyPath(req), req.path_params["id"]));
  return http::Response::Json(200, {{"credential", CredentialJson(c)}});
}

Result<http::Response> ReissueCredential(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto c = TRY(ctx.services->credentials.ReissueCredential(actor, IsFamilyPath(req), req.path_params["id"]));
  return http::Response::Json(201, {{"credential", CredentialJson(c)}});
}

Result<http::Response> QrImage(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  using Format = service::Credentials::ImageFormat;
  const bool svg = req.path.ends_with(".svg");
  auto image = TRY(ctx.services->credentials.QrImage(actor, IsFamilyPath(req), req.path_params["id"],
                                                     svg ? Format::kSvg : Format::kPng));
  return FileResponse(std::move(image), svg ? "image/svg+xml" : "image/png");
}

Result<http::Response> ChildCardPdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto pdf = TRY(ctx.services->credentials.ChildCardPdf(actor, req.path_params["id"]));
  return FileResponse(std::move(pdf), "application/pdf", "inline; filename=\"card.pdf\"");
}

Result<http::Response> FacilityCardsPdf(ApiContext& ctx, http::Request& req) {
  auto actor = TRY(Authenticate(ctx, req));
  auto pdf = TRY(ctx.services->credentials.FacilityCardsPdf(actor, req.path_params["id"]));
  return FileResponse(std::move(pdf), "application/pdf", "inline; filename=\"cards.pdf\"");
}

}  // namespace tadaima::api
