// The pure half of messages (API.md "Messages"): the limits of what staff
// write, the channels and priorities they choose, what files may be attached,
// and the preview a notification carries. The service is service/messages.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/field_errors.h"
#include "model/message.h"
#include "rules/validation.h"

namespace tadaima {

inline constexpr long kMessageTitleMax = 100;      // code points
inline constexpr long kMessageBodyMax = 10'000;    // code points
inline constexpr size_t kMessageMaxAttachments = 10;
inline constexpr long kAttachmentNameMax = 200;    // code points
inline constexpr size_t kAttachmentMaxBytes = 10u << 20;
inline constexpr long kNotificationPreviewMax = 120;  // code points a push or in-app row carries
inline constexpr long kThreadSubjectMax = 100;       // code points
inline constexpr long kThreadPostMax = 2'000;        // code points
inline constexpr long kThreadSubjectFromBody = 40;   // code points of the first line when no subject is given
// How far ahead a message may be scheduled.
inline constexpr int64_t kMessageMaxScheduleMs = 366LL * 24 * 3600 * 1000;

// "\r\n" and "\r" become "\n", tabs a space, trailing spaces of the whole text go.
std::string NormalizeMessageText(std::string_view s);

// Records what is wrong with a message's title and body (already normalized).
void CheckMessageText(const std::string& title, const std::string& body, FieldErrors& errs);

// The channels named (push, email, inapp); records not_a_choice naming
// `field`[i] for an unknown one and empty when none is given.
MessageChannels ParseChannels(const std::vector<std::string>& names, const std::string& field, FieldErrors& errs);
std::vector<std::string> ChannelNames(const MessageChannels& c);
// "push,email,inapp" as stored, and back.
std::string JoinChannels(const MessageChannels& c);
MessageChannels SplitChannels(std::string_view stored);

// The type of an attachment as stored (application/pdf, image/png,
// image/jpeg) from a Content-Type header (parameters and case ignored);
// nullopt for any other type.
std::optional<std::string> AttachableType(std::string_view content_type);
// Whether the bytes begin as a file of that type does (%PDF-, the PNG
// signature, the JPEG start of image).
bool BytesMatchType(std::string_view bytes, const std::string& content_type);
// A file name as people see it: no path, no control characters, 1..200 code points.
MaybeProblem CheckAttachmentName(std::string_view name);

// The start of `text` in at most `max` code points, cut at a code point and
// marked "…" when cut; lines joined by a space.
std::string TextPreview(std::string_view text, long max);
// The start of `body` for a notification (kNotificationPreviewMax code points).
inline std::string NotificationPreview(std::string_view body) { return TextPreview(body, kNotificationPreviewMax); }

// Records what is wrong with a contact thread's post (normalized) and, when
// given, its subject.
void CheckThreadText(const std::optional<std::string>& subject, const std::string& body, FieldErrors& errs);
// A thread's subject when none is given: the start of the first post's first line.
std::string ThreadSubjectOf(std::string_view body);

}  // namespace tadaima
