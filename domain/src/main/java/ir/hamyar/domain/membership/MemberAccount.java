package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A messenger account bound to a member. Created by {@link MemberInserts} (race-safe insert). */
@Entity
@Table(name = "member_account")
class MemberAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Platform platform;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "chat_id", nullable = false)
    private Long chatId;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected MemberAccount() {
    }

    long memberId() {
        return memberId;
    }

    long userId() {
        return userId;
    }

    Platform platform() {
        return platform;
    }

    long chatId() {
        return chatId;
    }

    LinkedAccount toLinkedAccount() {
        return new LinkedAccount(platform, linkedAt, lastSeenAt);
    }

    MemberExport.Account toExport() {
        return new MemberExport.Account(platform, userId, chatId, linkedAt, lastSeenAt);
    }
}
