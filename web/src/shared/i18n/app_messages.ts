// The texts of the parents' app and the kiosk screens of messages (お知らせ), emergency
// notices and contact: Japanese first, English typed over it. Spread into ./ja.ts and ./en.ts.
export const appMessagesJa = {
} as const;

export const appMessagesEn: Record<keyof typeof appMessagesJa, string> = {
};
