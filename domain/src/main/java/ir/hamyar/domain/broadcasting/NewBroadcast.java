package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.shared.Platform;

/**
 * What an admin composed. The body is delivered as plain text (the bot escapes it for Telegram's HTML).
 *
 * @param photoFileId a photo file id of the author's platform, or null
 * @param linkLabel   label of the optional link button; null together with {@code linkUrl}
 */
public record NewBroadcast(Platform authorPlatform, long authorUserId, Audience audience, String body,
                           String photoFileId, String linkLabel, String linkUrl) {
}
