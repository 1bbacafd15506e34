package ir.hamyar.domain.training;

import ir.hamyar.domain.shared.Platform;

/**
 * Who created a course: a messenger account (admins need not be members) and the member behind it, if any.
 */
public record Creator(Long memberId, Platform platform, long userId) {
}
