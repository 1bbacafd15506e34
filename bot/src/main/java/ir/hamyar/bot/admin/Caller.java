package ir.hamyar.bot.admin;

import ir.hamyar.domain.access.Role;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.shared.Platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is pressing or typing, read afresh from the database for every update: the account, the member behind it
 * (if any), its roles, and the offices it manages today with the level of its appointment there.
 *
 * @param bootstrapAdmin named in {@code HAMYAR_ADMINS}
 * @param managed        offices where an appointment in force gives manager powers (MANAGER or DEPUTY)
 * @param provinceHead   province offices where the member is the MANAGER (deputies do not head a province)
 */
public record Caller(Platform platform, long userId, MemberView member, boolean bootstrapAdmin, Set<Role> roles,
                     List<OfficeView> managed, List<OfficeView> provinceHead) {

    public Caller {
        roles = Set.copyOf(roles);
        managed = List.copyOf(managed);
        provinceHead = List.copyOf(provinceHead);
    }

    public boolean isAdmin() {
        return bootstrapAdmin || roles.contains(Role.ADMIN);
    }

    public boolean isReviewer() {
        return roles.contains(Role.REVIEWER);
    }

    public Optional<MemberView> memberView() {
        return Optional.ofNullable(member);
    }

    public Optional<Long> memberId() {
        return memberView().map(MemberView::id);
    }

    public boolean isActiveMember() {
        return member != null && member.isActive();
    }

    public boolean isSuspended() {
        return member != null && member.status() == MemberStatus.SUSPENDED;
    }

    /** The caller as the audit trail names actors. */
    public Actor auditActor() {
        return Actor.account(platform, userId, member == null ? null : member.id());
    }

    @Override
    public String toString() {
        return "Caller[" + platform + ":" + userId + ", member=" + memberId().orElse(null) + ", admin=" + isAdmin()
                + ", roles=" + roles + ", managed=" + managed.stream().map(OfficeView::id).toList() + "]";
    }
}
