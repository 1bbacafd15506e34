package ir.hamyar.bot.flow.membership;

import ir.hamyar.bot.flow.content.ContentTexts;
import ir.hamyar.bot.runtime.BotDirectory;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundGuard;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.StartPolicy;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberStandings;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.ProfileChange;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The membership commands and rules around the member form: start, guard, profile, invite, language. */
@Configuration
@EnableConfigurationProperties(MembershipSettings.class)
class MembershipHandlers {

    /** Commands a suspended member may still use (help and cancel are always handled before guards). */
    static final Set<String> ALLOWED_WHEN_SUSPENDED = Set.of("mydata", "deleteme", "start", "menu");

    @Bean
    MenuEntry profileMenu() {
        return new MenuEntry("membership.menu.profile", 10, "profile");
    }

    @Bean
    MenuEntry inviteMenu() {
        return new MenuEntry("membership.menu.invite", 11, "invite");
    }

    @Bean
    MenuEntry helpMenu() {
        return new MenuEntry("membership.menu.help", 90, "help");
    }

    /** A newcomer's /start opens the member form; a member gets the greeting and menu. */
    @Bean
    StartPolicy membershipStart(Membership membership) {
        return (start, session) -> membership.findByAccount(session.platform(), session.userId()).isPresent()
                ? Optional.empty() : Optional.of(MemberFormFlow.ID);
    }

    /** Last-seen is written at most this often per account (it only picks a member's most recent account). */
    static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

    /** Runs on every input of every user: one query for a member (none written unless last-seen is stale). */
    @Bean
    InboundGuard membershipGuard(Membership membership, MemberStandings standings, MembershipSettings settings,
                                 ContentTexts content, Clock clock) {
        return new MemberGuard(membership, standings, settings, content, clock);
    }

    @Bean
    CallbackHandler termsAcceptance(Membership membership, MembershipSettings settings, ContentTexts content,
                                    Clock clock) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return "terms";
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<MemberView> m = membership.findByAccount(session.platform(), session.userId());
                String version = content.termsVersion(settings.termsVersion());
                // Only the version in force can be accepted: a button of terms edited since is stale.
                if (m.isEmpty() || !("terms:accept:" + version).equals(callback.callbackData())) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("runtime.callback_stale")));
                }
                membership.acceptTerms(m.get().id(), version, clock.instant());
                return List.of(Reply.text("membership.terms_thanks"));
            }
        };
    }

    @Bean
    CommandHandler profileCommand(Membership membership, Regions regions, ContentTexts content) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("profile");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                return membership.findByAccount(session.platform(), session.userId())
                        .map(m -> List.<Reply>of(Reply.text(profileCard(m, regions, content, session), profileKeyboard(m))))
                        .orElseGet(() -> List.of(Reply.text("membership.not_member")));
            }
        };
    }

    static Text profileCard(MemberView m, Regions regions, ContentTexts content, Session s) {
        boolean en = Texts.EN.equals(s.locale());
        String province = m.provinceId() == null ? "" : regions.province(m.provinceId())
                .map(p -> en ? p.nameEn() : p.nameFa()).orElse("");
        String county = m.countyId() == null ? "" : regions.county(m.countyId()).map(County::nameFa).orElse("");
        String interests = m.interestCodes().stream()
                .map(c -> content.interestName(c, s.locale()))
                .collect(Collectors.joining(Texts.get(s.locale(), "common.list_separator")));
        String platforms = m.accounts().stream().map(a -> Texts.get(s.locale(), "membership.platform." + a.platform().name()))
                .distinct().collect(Collectors.joining(Texts.get(s.locale(), "common.list_separator")));
        return Text.of("membership.profile", m.fullName(), PersianText.rtlLine(m.phone() == null ? "" : m.phone()),
                Text.of(m.phoneVerified() ? "membership.verified" : "membership.unverified"),
                m.nationalCode(), m.birthYear(), Text.of("membership.education." + m.education()),
                m.expertise() == null ? Text.of("membership.none") : m.expertise(), province, county,
                interests.isEmpty() ? Text.of("membership.none") : interests, platforms,
                JalaliDates.formatLong(m.createdAt(), s.locale()),
                Text.of("membership.status." + m.status().name()));
    }

    static Keyboard profileKeyboard(MemberView m) {
        String p = MemberFormFlow.ID + ":edit:";
        return Keyboard.inline()
                .row(Button.callback(Text.of("membership.field.NAME"), p + "NAME"),
                        Button.callback(Text.of("membership.field.PHONE"), p + "PHONE"))
                .row(Button.callback(Text.of("membership.field.BIRTH_YEAR"), p + "BIRTH_YEAR"),
                        Button.callback(Text.of("membership.field.EDUCATION"), p + "EDUCATION"))
                .row(Button.callback(Text.of("membership.field.EXPERTISE"), p + "EXPERTISE"),
                        Button.callback(Text.of("membership.field.PROVINCE"), p + "PROVINCE"))
                .row(Button.callback(Text.of("membership.field.INTERESTS"), p + "INTERESTS"))
                .row(Button.callback(Text.of("membership.language.fa"), "lang:fa"),
                        Button.callback(Text.of("membership.language.en"), "lang:en"))
                .build();
    }

    /** Switches the chat's and the member's language. */
    @Bean
    CallbackHandler languageSwitch(Membership membership) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return "lang";
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                String data = callback.callbackData();
                String locale = "lang:en".equals(data) ? "en" : "lang:fa".equals(data) ? "fa" : null;
                if (locale == null) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("runtime.callback_stale")));
                }
                membership.findByAccount(session.platform(), session.userId())
                        .ifPresent(m -> membership.updateProfile(m.id(), new ProfileChange.Language(locale)));
                return List.of(new Reply.SwitchLanguage(null, locale), Reply.text("membership.language_switched"));
            }
        };
    }

    @Bean
    CommandHandler inviteCommand(Membership membership, BotDirectory bots) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("invite");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                Optional<MemberView> m = membership.findByAccount(session.platform(), session.userId());
                if (m.isEmpty()) {
                    return List.of(Reply.text("membership.not_member"));
                }
                String bot = bots.username(session.platform()).orElse("hamyar_bot");
                String host = session.platform() == Platform.BALE ? "ble.ir" : "t.me";
                String link = "https://" + host + "/" + bot + "?start=ref_" + m.get().referralCode();
                return List.of(Reply.text("membership.invite", link, membership.referralCount(m.get().id())));
            }
        };
    }
}
