// Credentials (the signed texts in the QR codes) and the cards that print
// them: one per child, and one per family at a drop-in room. Reissuing makes
// the previous card stop working (credential_replaced). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "report/cards_pdf.h"
#include "service/context.h"
#include "service/secrets.h"

namespace tadaima::service {

struct CredentialInfo {
  std::string text;
  int version = 1;
  bool family = false;
  std::string subject_id;
};

// What a printed card shows.
using Card = report::CardFace;

class Credentials : AreaService {
 public:
  Credentials(Context& ctx, Secrets& secrets) : AreaService(ctx), secrets_(secrets) {}

  Result<CredentialInfo> GetCredential(const Actor& actor, bool family, const std::string& id);
  Result<CredentialInfo> ReissueCredential(const Actor& actor, bool family, const std::string& id);
  // The credential's QR code as an image (report/qr.h).
  enum class ImageFormat { kSvg, kPng };
  Result<std::string> QrImage(const Actor& actor, bool family, const std::string& id, ImageFormat format);
  // The child's card as a PDF (report/cards_pdf.h).
  Result<std::string> ChildCardPdf(const Actor& actor, const std::string& child_id);
  // An A4 sheet of cards: one per enrolled child (per family at a drop-in room).
  Result<std::string> FacilityCardsPdf(const Actor& actor, const std::string& facility_id);

 private:
  Result<Card> ChildCard(const Actor& actor, const std::string& child_id);
  Result<std::vector<Card>> FacilityCards(const Actor& actor, const std::string& facility_id);
  Result<CredentialInfo> CurrentCredential(db::Tx& tx, const Actor& actor, bool family, const std::string& id);

  Secrets& secrets_;
};

}  // namespace tadaima::service
