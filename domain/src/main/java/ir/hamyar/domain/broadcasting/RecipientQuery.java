package ir.hamyar.domain.broadcasting;

import java.util.List;

/**
 * A SELECT of the members a message goes to, one row per member, for set-based delivery: columns
 * {@code member_id}, {@code platform} (TELEGRAM/BALE), {@code chat_id}, {@code locale} (fa/en) and
 * {@code not_before} (the end of the quiet hours for a member they hold back, else NULL: at once). Each member's most recently seen account whose chat is
 * not marked unreachable is chosen; members without one, inactive members and members who opted out of the
 * kind are not in it. Use it as a sub-query: {@code ... FROM (<sql>) r WHERE r.platform = ?}.
 */
public record RecipientQuery(String sql, List<Object> args) {

    public RecipientQuery {
        args = List.copyOf(args);
    }
}
