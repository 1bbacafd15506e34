package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.shared.Platform;

import java.time.Instant;

/**
 * A broadcast as stored.
 *
 * @param photoPlatform the platform {@code photoFileId} belongs to (file ids do not cross messengers)
 * @param progressChatId the chat of the author's progress message, null until it was sent
 * @param progressMessageId the message id of the author's progress message, null until known
 */
public record BroadcastView(long id, Platform authorPlatform, long authorUserId, Audience audience, String body,
                            String photoFileId, Platform photoPlatform, String linkLabel, String linkUrl,
                            BroadcastStatus status, Instant scheduledAt, Instant createdAt, Instant startedAt,
                            Instant finishedAt, BroadcastCounts counts, Platform progressPlatform,
                            Long progressChatId, Long progressMessageId, Instant progressEditedAt) {

    /** The reference of this broadcast's deliveries in the outbox. */
    public String deliveryReference() {
        return Broadcasting.REFERENCE_PREFIX + id;
    }
}
