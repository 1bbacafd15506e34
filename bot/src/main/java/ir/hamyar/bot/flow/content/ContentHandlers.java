package ir.hamyar.bot.flow.content;

import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.AdminEntry;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code /about} and {@code /rules} for everyone (the texts in force), and the {@code /content} entry of /admin. */
@Configuration(proxyBeanMethods = false)
class ContentHandlers {

    @Bean
    AdminEntry contentAdminEntry() {
        return new AdminEntry("content.admin.entry", 60, "content", Action.EDIT_CONTENT);
    }

    @Bean
    MenuEntry aboutMenu() {
        return new MenuEntry("content.menu.about", 80, "about");
    }

    @Bean
    CommandHandler aboutCommand(ContentTexts texts) {
        return command("about", s -> texts.about());
    }

    @Bean
    CommandHandler rulesCommand(ContentTexts texts) {
        return command("rules", s -> texts.officeRules());
    }

    private static CommandHandler command(String name, Function<Session, ir.hamyar.bot.runtime.Text> text) {
        return new CommandHandler() {
            @Override
            public Set<String> commands() {
                return Set.of(name);
            }

            @Override
            public List<Reply> handle(Inbound command, Session session) {
                return List.of(Reply.text(text.apply(session)));
            }
        };
    }
}
