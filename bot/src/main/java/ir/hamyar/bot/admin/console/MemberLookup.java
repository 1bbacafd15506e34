package ir.hamyar.bot.admin.console;

import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.PersianText;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who an admin means: a member by their member code (the code in their invite link, which they may send
 * whole), or a messenger account written as {@code telegram:<id>} / {@code bale:<id>} (as in
 * {@code HAMYAR_ADMINS}), for admins who are not members.
 */
@Component
class MemberLookup {

    private static final Pattern INVITE = Pattern.compile("start=(?:ref_)?([A-Za-z0-9]+)");
    private static final Pattern ACCOUNT = Pattern.compile("(telegram|bale)\\s*:\\s*(\\d{1,18})");

    private final Membership membership;

    MemberLookup(Membership membership) {
        this.membership = membership;
    }

    /** The typed text of a message, normalised (Persian digits become ASCII); empty for anything else. */
    static Optional<String> typed(Inbound in) {
        if (in.kind() != Inbound.Kind.MESSAGE || in.text() == null || in.contact() != null) {
            return Optional.empty();
        }
        String t = PersianText.normalize(in.text());
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** A member (not erased) by member code or invite link. */
    Optional<MemberView> member(String typed) {
        String code = typed.strip();
        Matcher m = INVITE.matcher(code);
        if (m.find()) {
            code = m.group(1);
        }
        return membership.memberIdByReferralCode(code).flatMap(membership::find)
                .filter(v -> v.status() != MemberStatus.ERASED);
    }

    /** An account typed as {@code telegram:<id>} or {@code bale:<id>}. */
    static Optional<Account> account(String typed) {
        Matcher m = ACCOUNT.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Account(Platform.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                Long.parseLong(m.group(2))));
    }

    /** How an account is shown: the member behind it (name and code), else platform and id. */
    Text describe(Account a) {
        return membership.findByAccount(a.platform(), a.userId()).map(MemberLookup::describe)
                .orElseGet(() -> Text.of("admin.account", Text.of("membership.platform." + a.platform().name()),
                        Long.toString(a.userId())));
    }

    static Text describe(MemberView m) {
        if (m.status() == MemberStatus.ERASED || m.fullName() == null) {
            return Text.of("admin.member_erased", Long.toString(m.id()));
        }
        return Text.of("admin.member", m.fullName(), m.referralCode());
    }

    /** A messenger account. */
    record Account(Platform platform, long userId) {
    }
}
