package ir.hamyar.bot.admin.console;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Notifier;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.access.Role;
import ir.hamyar.domain.access.RoleGrant;
import ir.hamyar.domain.access.Roles;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.JalaliDates;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /roles}: the granted roles, each with a revoke button, and "grant a role": who (a member code, the role
 * then going to the account the member last used; or an account typed as {@code telegram:<id>}), which role,
 * confirm. Admins only ({@link Action#GRANT_ROLES}), asked again at every step; the grant or revocation itself is
 * audited by {@link Roles}, and the account is told.
 */
@Component
class RolesFlow extends Flow<RolesFlow.Step, RolesFlow.Draft> {

    static final String ID = "rl";

    enum Step { LIST, WHO, ROLE, CONFIRM }

    /**
     * @param revoke  the confirmation is for a revocation (else a grant)
     */
    record Draft(Platform platform, Long userId, Role role, boolean revoke) {
        static Draft empty() {
            return new Draft(null, null, null, false);
        }
    }

    private final Access access;
    private final Roles roles;
    private final Membership membership;
    private final MemberLookup lookup;
    private final Notifier notifier;

    RolesFlow(Access access, Roles roles, Membership membership, MemberLookup lookup, Notifier notifier) {
        super(ID, Step.class, Draft.class);
        this.access = access;
        this.roles = roles;
        this.membership = membership;
        this.lookup = lookup;
        this.notifier = notifier;
    }

    @Override
    public Set<String> commands() {
        return Set.of("roles");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.WHO);
    }

    private boolean allowed(Session s) {
        return access.may(access.caller(s), Action.GRANT_ROLES);
    }

    @Override
    public Transition<Step, Draft> begin(Session session, Inbound trigger) {
        if (!allowed(session)) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        return Transition.goTo(Step.LIST, Draft.empty());
    }

    @Override
    public Step previous(Step step, Draft d) {
        return switch (step) {
            case LIST -> null;
            case WHO -> Step.LIST;
            case ROLE -> Step.WHO;
            case CONFIRM -> d.revoke() ? Step.LIST : Step.ROLE;
        };
    }

    @Override
    public List<Reply> prompt(Step step, Draft d, Session s) {
        return switch (step) {
            case LIST -> List.of(list(s));
            case WHO -> List.of(Reply.text(Text.of("admin.roles.ask_who"), backOnly()));
            case ROLE -> List.of(Reply.text(Text.of("admin.roles.ask_role", describe(d)), Keyboard.inline()
                    .row(Button.callback(Text.of("admin.role.ADMIN"), ID + ":role:ADMIN"))
                    .row(Button.callback(Text.of("admin.role.REVIEWER"), ID + ":role:REVIEWER"))
                    .row(Button.callback(Text.of("common.back"), ID + ":back:")).build()));
            case CONFIRM -> List.of(Reply.text(Text.of(d.revoke() ? "admin.roles.confirm_revoke"
                            : "admin.roles.confirm_grant", Text.of("admin.role." + d.role().name()), describe(d)),
                    Keyboard.inline().row(Button.callback(Text.of("common.confirm"), ID + ":ok:yes"),
                            Button.callback(Text.of("common.cancel"), ID + ":ok:no")).build()));
        };
    }

    private Reply list(Session s) {
        List<RoleGrant> all = roles.all();
        Keyboard.Builder b = Keyboard.inline();
        b.row(Button.callback(Text.of("admin.roles.grant"), ID + ":grant:"));
        List<Text> lines = new ArrayList<>();
        for (RoleGrant g : all) {
            Text who = lookup.describe(new MemberLookup.Account(g.platform(), g.userId()));
            lines.add(Text.of("admin.roles.line", Text.of("admin.role." + g.role().name()), who,
                    JalaliDates.formatShort(g.grantedAt(), s.locale())));
            b.row(Button.callback(Text.of("admin.roles.revoke_button", Text.of("admin.role." + g.role().name()), who),
                    ID + ":rv:" + g.platform().name().charAt(0) + ":" + g.userId() + ":" + g.role().name().charAt(0)));
        }
        Text body = all.isEmpty() ? Text.of("admin.roles.none") : Text.of("admin.roles.title", Lines.of(lines));
        return Reply.text(body, b.build());
    }

    private Text describe(Draft d) {
        return lookup.describe(new MemberLookup.Account(d.platform(), d.userId()));
    }

    @Override
    public Transition<Step, Draft> onInput(Step step, Draft d, Inbound in, Session s) {
        if (!allowed(s)) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        String data = in.callbackData() == null ? "" : in.callbackData();
        return switch (step) {
            case LIST -> onList(data);
            case WHO -> onWho(d, in);
            case ROLE -> onRole(d, data);
            case CONFIRM -> onConfirm(d, data, s);
        };
    }

    private Transition<Step, Draft> onList(String data) {
        if (data.equals(ID + ":grant:")) {
            return Transition.goTo(Step.WHO, Draft.empty());
        }
        String[] p = data.split(":", -1);
        if (p.length == 5 && p[1].equals("rv")) {
            Optional<Platform> platform = platformOf(p[2]);
            Optional<Role> role = roleOf(p[4]);
            Optional<Long> user = Ids.parse(p[3]);
            if (platform.isPresent() && role.isPresent() && user.isPresent()) {
                return Transition.goTo(Step.CONFIRM, new Draft(platform.get(), user.get(), role.get(), true));
            }
        }
        return Transition.reask("admin.choose_from_buttons");
    }

    private Transition<Step, Draft> onWho(Draft d, Inbound in) {
        Optional<String> typed = MemberLookup.typed(in);
        if (typed.isEmpty()) {
            return Transition.reask("admin.roles.ask_who");
        }
        Optional<MemberLookup.Account> account = MemberLookup.account(typed.get());
        if (account.isEmpty()) {
            account = lookup.member(typed.get()).map(MemberView::id).flatMap(membership::lastUsedAccount)
                    .map(a -> new MemberLookup.Account(a.platform(), a.userId()));
        }
        return account.<Transition<Step, Draft>>map(a -> Transition.goTo(Step.ROLE,
                        new Draft(a.platform(), a.userId(), null, false)))
                .orElseGet(() -> Transition.reask("admin.roles.who_unknown"));
    }

    private Transition<Step, Draft> onRole(Draft d, String data) {
        if (data.equals(ID + ":back:")) {
            return Transition.goTo(Step.WHO, d);
        }
        Optional<Role> role = data.startsWith(ID + ":role:") ? roleOf(data.substring((ID + ":role:").length()))
                : Optional.empty();
        return role.<Transition<Step, Draft>>map(r -> Transition.goTo(Step.CONFIRM,
                        new Draft(d.platform(), d.userId(), r, false)))
                .orElseGet(() -> Transition.reask("admin.choose_from_buttons"));
    }

    private Transition<Step, Draft> onConfirm(Draft d, String data, Session s) {
        if (data.equals(ID + ":ok:no")) {
            return Transition.finish(Reply.text("admin.nothing_changed"));
        }
        if (!data.equals(ID + ":ok:yes") || d.platform() == null || d.userId() == null || d.role() == null) {
            return Transition.reask("admin.choose_from_buttons");
        }
        Caller caller = access.caller(s);
        Text role = Text.of("admin.role." + d.role().name());
        Text who = describe(d);
        // A user's private chat with the bot has the user's id.
        ChatRef account = new ChatRef(d.platform(), d.userId());
        if (d.revoke()) {
            if (!roles.revoke(caller.auditActor(), d.platform(), d.userId(), d.role())) {
                return Transition.finish(Reply.text(Text.of("admin.roles.not_held", role, who)));
            }
            notifier.send(account, null, "role:" + d.userId(), Reply.text(Text.of("admin.roles.revoked_notice", role)));
            return Transition.finish(Reply.text(Text.of("admin.roles.revoked", role, who)));
        }
        if (!roles.grant(caller.auditActor(), d.platform(), d.userId(), d.role())) {
            return Transition.finish(Reply.text(Text.of("admin.roles.already", role, who)));
        }
        notifier.send(account, null, "role:" + d.userId(), Reply.text(Text.of("admin.roles.granted_notice", role)));
        return Transition.finish(Reply.text(Text.of("admin.roles.granted", role, who)));
    }

    private static Optional<Platform> platformOf(String letter) {
        return EnumSet.allOf(Platform.class).stream().filter(p -> letter.equals(String.valueOf(p.name().charAt(0))))
                .findFirst();
    }

    private static Optional<Role> roleOf(String code) {
        return EnumSet.allOf(Role.class).stream()
                .filter(r -> code.equals(r.name()) || code.equals(String.valueOf(r.name().charAt(0)))).findFirst();
    }

    static Keyboard backOnly() {
        return Keyboard.reply().row(Button.text(Text.of("common.back"))).build();
    }
}
