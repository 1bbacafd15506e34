package ir.hamyar.bot.runtime;

import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The commands shown in the messenger's command menu, with their descriptions in each language. */
@Component
public class BotCommands {

    static final List<String> COMMANDS = List.of("start", "menu", "profile", "report", "courses", "help", "cancel");

    public Map<String, String> descriptions(Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : COMMANDS) {
            m.put(c, Texts.get(locale, "runtime.commands." + c));
        }
        return m;
    }
}
