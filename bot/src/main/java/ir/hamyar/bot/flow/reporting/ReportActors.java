package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.admin.Admins;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.reporting.ReportActor;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who is pressing or typing, as the reporting domain judges actors: an admin, an active member, or nobody. */
@Component
class ReportActors {

    private final Membership membership;
    private final Admins admins;

    ReportActors(Membership membership, Admins admins) {
        this.membership = membership;
        this.admins = admins;
    }

    Optional<ReportActor> of(Session s) {
        Optional<MemberView> member = membership.findByAccount(s.platform(), s.userId());
        if (admins.isAdmin(s.platform(), s.userId())) {
            return Optional.of(ReportActor.admin(member.map(MemberView::id).orElse(null)));
        }
        return member.filter(MemberView::isActive).map(m -> ReportActor.member(m.id()));
    }

    Optional<MemberView> member(Session s) {
        return membership.findByAccount(s.platform(), s.userId());
    }

    boolean isAdmin(Session s) {
        return admins.isAdmin(s.platform(), s.userId());
    }

    /** The numeric id after {@code head} in callback data, or empty for anything else (forgeries included). */
    static Optional<Long> idAfter(String data, String head) {
        if (data == null || !data.startsWith(head)) {
            return Optional.empty();
        }
        String rest = data.substring(head.length());
        int colon = rest.indexOf(':');
        String digits = colon < 0 ? rest : rest.substring(0, colon);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
