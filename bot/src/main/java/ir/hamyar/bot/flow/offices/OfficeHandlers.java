package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /offices}: the office for my county (its managers, address, donation link) and browsing the offices of
 * any province. Read-only, open to everyone; buttons carry ids only and are looked up afresh.
 */
@Configuration
class OfficeHandlers {

    static final String PREFIX = "ob";
    /** A page of a province's office list: {@code ob:l<province>:<page>}. */
    private static final Pattern LIST_PAGE = Pattern.compile(PREFIX + ":l(\\d+):(\\d+)");

    @Bean
    MenuEntry officesMenu() {
        return new MenuEntry("offices.menu", 30, "offices");
    }

    @Bean
    OfficeScreens officeScreens(Offices offices, Appointments appointments, Regions regions, Cards cards) {
        return new OfficeScreens(offices, appointments, regions, cards);
    }

    @Bean
    CommandHandler officesCommand(OfficeScreens screens, Authority authority, Offices offices) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("offices");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                Optional<MemberView> me = authority.activeMember(session);
                if (me.isEmpty() || me.get().countyId() == null) {
                    return List.of(screens.provincePicker(0, session.locale(), null));
                }
                int county = me.get().countyId();
                List<OfficeView> route = offices.routeFor(county, null);
                Keyboard browse = Keyboard.inline()
                        .row(Button.callback(Text.of("offices.browse_my_province"), PREFIX + ":prov:" + me.get().provinceId()))
                        .row(Button.callback(Text.of("offices.browse_other"), PREFIX + ":pp:0")).build();
                if (route.isEmpty()) {
                    return List.of(Reply.text(Text.of("offices.none_for_county", Ui.countyName(screens.regions(), county)),
                            browse));
                }
                return List.of(Reply.text(screens.card(route.get(0), session.locale()), browse));
            }
        };
    }

    @Bean
    CallbackHandler officeBrowsing(OfficeScreens screens, Offices offices) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return PREFIX;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<Integer> page = Ui.intArg(callback, PREFIX, "pp");
                if (page.isPresent()) {
                    return List.of(screens.provincePicker(page.get(), session.locale(), callback));
                }
                Optional<Integer> province = Ui.intArg(callback, PREFIX, "prov")
                        .filter(p -> screens.regions().province(p).isPresent());
                if (province.isPresent()) {
                    return List.of(screens.provinceList(province.get(), 0, session.locale(), null));
                }
                Matcher turn = LIST_PAGE.matcher(callback.callbackData() == null ? "" : callback.callbackData());
                if (turn.matches() && turn.group(1).length() < 4 && turn.group(2).length() < 4
                        && screens.regions().province(Integer.parseInt(turn.group(1))).isPresent()) {
                    return List.of(screens.provinceList(Integer.parseInt(turn.group(1)),
                            Integer.parseInt(turn.group(2)), session.locale(), callback));
                }
                Optional<OfficeView> office = Ui.longArg(callback, PREFIX, "o").flatMap(offices::find)
                        .filter(OfficeView::isActive);
                if (office.isPresent()) {
                    return List.of(Reply.text(screens.card(office.get(), session.locale())));
                }
                return List.of(Ui.notice(callback, "runtime.callback_stale"));
            }
        };
    }

    /** The screens of {@code /offices}. */
    static final class OfficeScreens {
        private final Offices offices;
        private final Appointments appointments;
        private final Regions regions;
        private final Cards cards;

        OfficeScreens(Offices offices, Appointments appointments, Regions regions, Cards cards) {
            this.offices = offices;
            this.appointments = appointments;
            this.regions = regions;
            this.cards = cards;
        }

        Regions regions() {
            return regions;
        }

        Text card(OfficeView o, Locale locale) {
            List<String> managers = new ArrayList<>();
            for (Long id : appointments.activeManagersOf(o.id())) {
                managers.add(cards.name(id));
            }
            String donation = offices.donationUrlFor(o.id());
            return Text.of("offices.card", Ui.officeLabel(o, regions, locale),
                    managers.isEmpty() ? Text.of("offices.no_manager")
                            : String.join(Texts.get(locale, "common.list_separator"), managers),
                    o.address() == null ? Text.of("offices.unknown") : o.address(),
                    donation == null ? Text.of("offices.no_donation_link") : donation,
                    o.description() == null ? "" : o.description());
        }

        Reply provincePicker(int page, Locale locale, Inbound callback) {
            Keyboard keyboard = Ui.provinces(PREFIX, regions.provinces(), page, locale, false);
            Text text = Text.of("offices.choose_province");
            return callback == null ? Reply.text(text, keyboard) : Ui.editOrSend(callback, text, keyboard);
        }

        Reply provinceList(int provinceId, int page, Locale locale, Inbound callback) {
            List<OfficeView> list = offices.ofProvince(provinceId).stream().filter(OfficeView::isActive).toList();
            String province = Ui.provinceName(regions, provinceId, locale);
            if (list.isEmpty()) {
                return Reply.text("offices.none_in_province", province);
            }
            Text text = Text.of("offices.province_list", province, list.size());
            Keyboard keyboard = Ui.paged(PREFIX, "o", "l" + provinceId, list, page,
                    o -> Ui.officeLabel(o, regions, locale), OfficeView::id, false);
            return callback == null ? Reply.text(text, keyboard) : Ui.editOrSend(callback, text, keyboard);
        }
    }
}
