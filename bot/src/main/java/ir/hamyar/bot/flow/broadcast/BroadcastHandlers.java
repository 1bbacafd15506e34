package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.AdminEntry;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CallbackHandler;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.broadcasting.BroadcastView;
import ir.hamyar.domain.broadcasting.Broadcasting;
import ir.hamyar.domain.broadcasting.DeliveryPreferences;
import ir.hamyar.domain.broadcasting.PreferenceSetting;
import ir.hamyar.domain.broadcasting.PreferenceView;
import ir.hamyar.domain.broadcasting.QuietHours;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Cancelling a broadcast from its card, and the members' {@code /settings} (delivery preferences). */
@Configuration
class BroadcastHandlers {

    static final String PREFERENCE_PREFIX = "pref";

    @Bean
    MenuEntry settingsMenu() {
        return new MenuEntry("broadcasting.menu.settings", 91, "settings");
    }

    /** In {@code /admin} for admins and for managers (who reach their own office's members). */
    @Bean
    AdminEntry broadcastAdminEntry() {
        return new AdminEntry("broadcasting.menu.broadcast", 50, "broadcast", Action.BROADCAST);
    }

    /**
     * {@code bcx:cancel:<id>} on a progress card or a scheduling confirmation; any admin may press it, and the
     * author (a manager) for their own broadcast.
     */
    @Bean
    CallbackHandler broadcastCancel(BroadcastAuthority authority, Broadcasting broadcasting,
                                    BroadcastDispatcher dispatcher) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return BroadcastTexts.CANCEL_PREFIX;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                String data = callback.callbackData();
                String prefix = BroadcastTexts.CANCEL_PREFIX + ":cancel:";
                if (data == null || !data.startsWith(prefix) || !data.substring(prefix.length()).matches("[0-9]{1,18}")) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("runtime.callback_stale")));
                }
                Optional<BroadcastView> b = broadcasting.find(Long.parseLong(data.substring(prefix.length())));
                boolean admin = authority.isAdmin(session.platform(), session.userId());
                if (b.isEmpty() || !(admin || isAuthor(b.get(), session))) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("runtime.callback_stale")));
                }
                b = broadcasting.lock(b.get().id());
                if (b.isEmpty() || !b.get().status().open()) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(),
                            Text.of("broadcasting.cancel_too_late")));
                }
                dispatcher.cancel(b.get(), Actor.account(session.platform(), session.userId(),
                        authority.memberId(session.platform(), session.userId()).orElse(null)), null);
                return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("broadcasting.cancelled")));
            }
        };
    }

    @Bean
    CommandHandler settingsCommand(Membership membership, DeliveryPreferences preferences) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of("settings");
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                Optional<MemberView> m = membership.findByAccount(session.platform(), session.userId());
                if (m.isEmpty()) {
                    return List.of(Reply.text("membership.not_member"));
                }
                PreferenceView p = preferences.of(m.get().id());
                return List.of(Reply.text(card(preferences.quietHours(), session.locale()), keyboard(p)));
            }
        };
    }

    /** {@code pref:<SETTING>}: flips one switch of the presser's own preferences and redraws the card. */
    @Bean
    CallbackHandler preferenceToggle(Membership membership, DeliveryPreferences preferences) {
        return new CallbackHandler() {
            @Override
            public String prefix() {
                return PREFERENCE_PREFIX;
            }

            @Override
            public List<Reply> handle(Inbound callback, Session session) {
                Optional<MemberView> m = membership.findByAccount(session.platform(), session.userId());
                Optional<PreferenceSetting> setting = setting(callback.callbackData());
                if (m.isEmpty() || setting.isEmpty()) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("runtime.callback_stale")));
                }
                Optional<PreferenceView> p = preferences.toggle(m.get().id(), setting.get());
                if (p.isEmpty()) {
                    return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("runtime.callback_stale")));
                }
                Text text = card(preferences.quietHours(), session.locale());
                return List.of(new Reply.AnswerCallback(null, callback.callbackId(), Text.of("broadcasting.saved")),
                        callback.messageId() == null ? Reply.text(text, keyboard(p.get()))
                                : new Reply.Edit(null, callback.messageId(), text, keyboard(p.get())));
            }
        };
    }

    private static boolean isAuthor(BroadcastView b, Session session) {
        return b.authorPlatform() == session.platform() && b.authorUserId() == session.userId();
    }

    static Optional<PreferenceSetting> setting(String data) {
        if (data == null || !data.startsWith(PREFERENCE_PREFIX + ":")) {
            return Optional.empty();
        }
        String name = data.substring(PREFERENCE_PREFIX.length() + 1);
        for (PreferenceSetting s : PreferenceSetting.values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static Text card(QuietHours quiet, Locale locale) {
        String start = quiet.start().toString();
        String end = quiet.end().toString();
        if (!Texts.EN.equals(locale)) {
            start = PersianText.toPersianDigits(start);
            end = PersianText.toPersianDigits(end);
        }
        return Text.of("broadcasting.settings", start, end);
    }

    static Keyboard keyboard(PreferenceView p) {
        Keyboard.Builder b = Keyboard.inline();
        for (PreferenceSetting s : PreferenceSetting.values()) {
            b.row(Button.callback(Text.of("broadcasting.toggle", Text.of("broadcasting.setting." + s.name()),
                            Text.of(p.isOn(s) ? "broadcasting.on" : "broadcasting.off")),
                    PREFERENCE_PREFIX + ":" + s.name()));
        }
        return b.build();
    }
}
