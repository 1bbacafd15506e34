package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.ChatEventHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.offices.LinkCode;
import ir.hamyar.domain.offices.LinkResult;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.PersianText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Linking an office's manager group: {@code /linkcode} in private gives a manager a one-time code;
 * {@code /link <code>} in the group binds it; {@code /unlink} there (by a manager) unbinds it; the bot being
 * removed from the group unlinks it and its managers are told.
 */
@Configuration
class GroupLinking {

    static final String PREFIX = "lc";

    @Bean
    CommandHandler linkCodeCommand(Authority authority, Offices offices, Regions regions,
                                   Clock clock) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("linkcode");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                List<OfficeView> mine = authority.ownOffices(session);
                if (mine.isEmpty()) {
                    return List.of(Reply.text("offices.linkcode_not_manager"));
                }
                if (mine.size() == 1) {
                    return List.of(code(offices, regions, mine.get(0), session, clock));
                }
                Keyboard.Builder b = Keyboard.inline();
                mine.forEach(o -> b.row(Button.callback(Ui.officeLabel(o, regions, session.locale()),
                        PREFIX + ":o:" + o.id())));
                return List.of(Reply.text(Text.of("offices.linkcode_choose"), b.build()));
            }
        };
    }

    @Bean
    CallbackHandler linkCodeForOffice(Authority authority, Offices offices, Regions regions, Clock clock) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return PREFIX;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<OfficeView> office = Ui.longArg(callback, PREFIX, "o").flatMap(offices::find)
                        .filter(OfficeView::isActive);
                boolean manager = office.isPresent() && authority.activeMember(session).isPresent()
                        && authority.managesOffice(session, office.get().id());
                if (!manager || !session.isPrivate()) {
                    return List.of(Ui.notice(callback, "runtime.not_allowed"), Reply.text("runtime.not_allowed"));
                }
                return List.of(code(offices, regions, office.get(), session, clock));
            }
        };
    }

    private static Reply code(Offices offices, Regions regions, OfficeView office, Session session, Clock clock) {
        LinkCode code = offices.issueLinkCode(office.id(), clock.instant());
        return Reply.text(Text.of("offices.linkcode", Ui.officeLabel(office, regions, session.locale()), code.code(),
                "/link " + code.code()));
    }

    @Bean
    CommandHandler linkCommand(Offices offices, Regions regions, Clock clock) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("link");
            }

            @Override
            public boolean inGroups() {
                return true;
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                if (session.isPrivate()) {
                    return List.of(Reply.text("offices.link_in_group"));
                }
                String code = PersianText.normalize(command.commandArgument());
                LinkResult r = offices.linkGroup(code, session.platform(), session.chat().chatId(), clock.instant());
                if (r instanceof LinkResult.Linked linked) {
                    return List.of(Reply.text(Text.of("offices.linked",
                            Ui.officeLabel(linked.office(), regions, session.locale()))));
                }
                return List.of(Reply.text("offices.link_rejected." + ((LinkResult.Rejected) r).reason().name()));
            }
        };
    }

    @Bean
    CommandHandler unlinkCommand(Offices offices, Authority authority, Regions regions) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("unlink");
            }

            @Override
            public boolean inGroups() {
                return true;
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                if (session.isPrivate()) {
                    return List.of(Reply.text("offices.link_in_group"));
                }
                Optional<OfficeView> office = offices.byGroup(session.platform(), session.chat().chatId());
                if (office.isEmpty()) {
                    return List.of(Reply.text("offices.not_linked"));
                }
                if (!authority.managesOffice(session, office.get().id())) {
                    return List.of(Reply.text("runtime.not_allowed"));
                }
                offices.unlinkGroup(office.get().id());
                return List.of(Reply.text(Text.of("offices.unlinked",
                        Ui.officeLabel(office.get(), regions, session.locale()))));
            }
        };
    }

    /** Greets a group the bot joins; a group it leaves stops being an office's channel. */
    @Bean
    ChatEventHandler groupMembership(Offices offices) {
        return (event, session) -> {
            if (session.isPrivate() || event.botMember() == null) {
                return List.of();
            }
            if (event.botMember()) {
                return List.of(Reply.text("runtime.group_hello"));
            }
            offices.groupLost(session.platform(), session.chat().chatId());
            return List.of();
        };
    }
}
