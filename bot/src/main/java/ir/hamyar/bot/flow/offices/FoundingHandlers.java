package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.applications.Applications;
import ir.hamyar.domain.applications.Result;
import ir.hamyar.domain.applications.Reviewer;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The review's Approve button, co-founders' answers, and {@code /applications} (mine, or open ones to review). */
@Configuration
class FoundingHandlers {

    static final String APPROVE = "fa:ok:";
    static final String COFOUNDER = "cf";

    @Bean
    MenuEntry foundMenu() {
        return new MenuEntry("founding.menu", 31, "found");
    }

    @Bean
    CallbackHandler approveApplication(Applications applications, Authority authority, Offices offices,
                                       Regions regions) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return "fa";
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<Long> id = Ui.longArg(callback, "fa", "ok");
                Optional<Reviewer> reviewer = id.flatMap(i -> authority.reviewerOf(session, i));
                if (reviewer.isEmpty()) {
                    return List.of(Ui.notice(callback, "runtime.not_allowed"), Reply.text("runtime.not_allowed"));
                }
                Result r = applications.approve(id.get(), reviewer.get());
                if (r instanceof Result.Approved approved) {
                    return List.of(Reply.text(Text.of("founding.approved_done", approved.application().trackingNo(),
                            Ui.officeLabel(offices.find(approved.officeId()).orElseThrow(), regions, session.locale()),
                            approved.application().permitNo())));
                }
                return List.of(Reply.text("founding.refused." + ((Result.Refused) r).reason().name()));
            }
        };
    }

    @Bean
    CallbackHandler cofounderAnswer(Applications applications, Authority authority) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return COFOUNDER;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<Long> yes = Ui.longArg(callback, COFOUNDER, "y");
                Optional<Long> no = Ui.longArg(callback, COFOUNDER, "n");
                Optional<Long> me = authority.activeMember(session).map(MemberView::id);
                if (me.isEmpty() || (yes.isEmpty() && no.isEmpty())) {
                    return List.of(Ui.notice(callback, "runtime.callback_stale"));
                }
                long app = yes.orElseGet(no::get);
                Result r = applications.respondAsCofounder(app, me.get(), yes.isPresent());
                if (r instanceof Result.Refused refused) {
                    return List.of(Reply.text("founding.refused." + refused.reason().name()));
                }
                return List.of(Reply.text(yes.isPresent() ? "founding.cofounder_confirmed" : "founding.cofounder_declined",
                        ((Result.Done) r).application().trackingNo()));
            }
        };
    }

    /** The speaker's own applications with their status; for reviewers also the open ones they may decide. */
    @Bean
    CommandHandler applicationsCommand(Applications applications, Authority authority, Cards cards) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("applications");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                List<Reply> replies = new ArrayList<>();
                authority.activeMember(session).ifPresent(m -> {
                    for (ApplicationView a : applications.ofFounder(m.id())) {
                        replies.add(Reply.text("founding.mine", a.trackingNo(), a.proposedName(),
                                Text.of("founding.status." + a.status().name())));
                    }
                });
                List<Integer> provinces = authority.networkWide(session, Action.REVIEW_APPLICATION)
                        ? Collections.singletonList(null) : authority.provinces(session, Action.REVIEW_APPLICATION);
                for (Integer province : provinces) {
                    for (ApplicationView a : applications.open(province)) {
                        if (authority.reviewerOf(session, a.id()).isPresent()) {
                            replies.add(Reply.text(cards.application(a, session.locale()), Cards.reviewButtons(a.id())));
                        }
                    }
                }
                return replies.isEmpty() ? List.of(Reply.text("founding.no_applications")) : replies;
            }
        };
    }
}
