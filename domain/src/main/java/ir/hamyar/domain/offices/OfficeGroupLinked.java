package ir.hamyar.domain.offices;

import ir.hamyar.domain.shared.Platform;

/** A group chat became the office's alert channel. */
public record OfficeGroupLinked(long officeId, Platform platform, long chatId) {
}
