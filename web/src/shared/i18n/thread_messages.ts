// The texts of the contact threads (連絡) in the admin and the parents' app: Japanese
// first, English typed over it. Spread into ./ja.ts and ./en.ts.
export const threadMessagesJa = {
} as const;

export const threadMessagesEn: Record<keyof typeof threadMessagesJa, string> = {
};
