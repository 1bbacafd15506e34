package ir.hamyar.bot.admin;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** {@code /admin}: the entries the caller may use now, one button each; nothing for those who may use none. */
@Component
class AdminMenu implements CommandHandler {

    private final Access access;
    private final List<AdminEntry> entries;

    AdminMenu(Access access, List<AdminEntry> entries) {
        this.access = access;
        this.entries = entries.stream().sorted(Comparator.comparingInt(AdminEntry::order)).toList();
    }

    @Override
    public Set<String> commands() {
        return Set.of("admin");
    }

    @Override
    public List<Reply> handle(Inbound command, Session session) {
        Caller caller = access.caller(session);
        List<AdminEntry> allowed = entries.stream().filter(e -> access.may(caller, e.action())).toList();
        if (allowed.isEmpty()) {
            return List.of(Reply.text("admin.menu.none"));
        }
        Keyboard.Builder keyboard = Keyboard.inline();
        allowed.forEach(e -> keyboard.row(Button.command(Text.of(e.labelKey()), e.command())));
        return List.of(Reply.text(Text.of(caller.isAdmin() ? "admin.menu.title_admin" : "admin.menu.title_manager"),
                keyboard.build()));
    }
}
