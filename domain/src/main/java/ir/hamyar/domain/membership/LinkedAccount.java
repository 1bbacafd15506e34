package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;

import java.time.Instant;

/** A messenger account bound to a member, as shown in the profile ("linked platforms"). */
public record LinkedAccount(Platform platform, Instant linkedAt, Instant lastSeenAt) {
}
