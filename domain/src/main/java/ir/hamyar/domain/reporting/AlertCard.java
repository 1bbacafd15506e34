package ir.hamyar.domain.reporting;

import ir.hamyar.domain.shared.Platform;

/** A message the bot posted about a report (an alert card), to be edited in place when the report changes. */
public record AlertCard(Platform platform, long chatId, long messageId) {
}
