package ir.hamyar.bot.flow.membership;

import ir.hamyar.bot.flow.content.ContentTexts;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundGuard;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberStanding;
import ir.hamyar.domain.membership.MemberStandings;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.shared.Platform;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The member check on every private input: a suspended member may use a few commands only, a member must accept
 * new terms first, and the account's last-seen time is kept (written at most once a minute).
 *
 * <p>One query per input, except in a batch ({@link #prepare}): then the standings of all the batch's senders are
 * read in one query, and each sender's first input of the batch is checked against it. A sender's later inputs
 * of the same batch are checked by a query of their own, because that sender's earlier inputs may have changed
 * the standing (accepted the terms, registered). Under load this was the workers' largest single cost: a query per
 * update for a row that, for most of them, does not exist.
 */
final class MemberGuard implements InboundGuard {

    private final Membership membership;
    private final MemberStandings standings;
    private final MembershipSettings settings;
    private final ContentTexts content;
    private final Clock clock;

    /** For the batch being applied on this thread: the standing of each sender's first input, by update. */
    private final ThreadLocal<Map<String, Optional<MemberStanding>>> batch = new ThreadLocal<>();

    MemberGuard(Membership membership, MemberStandings standings, MembershipSettings settings, ContentTexts content,
                Clock clock) {
        this.membership = membership;
        this.standings = standings;
        this.settings = settings;
        this.content = content;
        this.clock = clock;
    }

    @Override
    public void prepare(List<Inbound> inputs) {
        Map<Platform, Set<Long>> senders = new EnumMap<>(Platform.class);
        Map<String, Inbound> firsts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Inbound in : inputs) {
            if (in.chatType() == ChatType.PRIVATE && in.platform() != null
                    && seen.add(in.platform().name() + ':' + in.userId())) {
                senders.computeIfAbsent(in.platform(), p -> new LinkedHashSet<>()).add(in.userId());
                firsts.put(updateKey(in), in);
            }
        }
        if (firsts.size() < 2) {
            return; // nothing to share: the check queries as usual
        }
        Map<Platform, Map<Long, MemberStanding>> found = new EnumMap<>(Platform.class);
        senders.forEach((platform, users) -> found.put(platform, standings.ofAll(platform, users)));
        Map<String, Optional<MemberStanding>> byUpdate = new HashMap<>();
        firsts.forEach((key, in) -> byUpdate.put(key,
                Optional.ofNullable(found.get(in.platform()).get(in.userId()))));
        batch.set(byUpdate);
    }

    @Override
    public void batchDone() {
        batch.remove();
    }

    @Override
    public Optional<List<Reply>> check(Inbound input, Session session, String command, String flow) {
        Optional<MemberStanding> m = standingFor(input, session);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (m.get().lastSeenOutdated(session.chat().chatId(), now, MembershipHandlers.LAST_SEEN_GRANULARITY)) {
            membership.touch(session.platform(), session.userId(), session.chat().chatId(), now);
        }
        if (m.get().status() == MemberStatus.SUSPENDED && !MembershipHandlers.ALLOWED_WHEN_SUSPENDED.contains(command)) {
            return Optional.of(List.of(Reply.text("membership.suspended")));
        }
        String version = content.termsVersion(settings.termsVersion());
        if (m.get().isActive() && flow == null && m.get().needsTermsAcceptance(version)) {
            // The terms themselves come with the question: accepting what one has not been shown means nothing.
            return Optional.of(List.of(Reply.text(Text.of("membership.terms_updated", version,
                            content.terms(settings.termsVersion())),
                    Keyboard.inline().row(Button.callback(Text.of("membership.terms_accept"),
                            "terms:accept:" + version)).build())));
        }
        return Optional.empty();
    }

    private Optional<MemberStanding> standingFor(Inbound input, Session session) {
        Map<String, Optional<MemberStanding>> read = batch.get();
        if (read != null && input != null && input.platform() == session.platform()
                && input.userId() == session.userId()) {
            // taken out: only this input was read for (a repeated check of it reads again)
            Optional<MemberStanding> m = read.remove(updateKey(input));
            if (m != null) {
                return m;
            }
        }
        return standings.of(session.platform(), session.userId());
    }

    private static String updateKey(Inbound in) {
        return in.platform().name() + ':' + in.updateId();
    }
}
