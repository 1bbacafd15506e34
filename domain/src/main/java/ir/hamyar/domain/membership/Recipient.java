package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;

/** Where and in which language to notify a member: the chat they last spoke to the bot from. */
public record Recipient(Platform platform, long chatId, String locale) {
}
