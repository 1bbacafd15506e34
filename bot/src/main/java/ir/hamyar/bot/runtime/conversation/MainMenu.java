package ir.hamyar.bot.runtime.conversation;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.MenuEntry;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.messages.PersianText;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The main menu (a reply keyboard) built from the features' {@link MenuEntry} beans. */
@Component
class MainMenu {

    private final List<MenuEntry> entries;
    private final ReplyRenderer renderer;
    private final Map<Locale, Map<String, String>> commandByLabel = new ConcurrentHashMap<>();

    MainMenu(List<MenuEntry> entries, ReplyRenderer renderer) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
        this.renderer = renderer;
    }

    Keyboard keyboard() {
        Keyboard.Builder b = Keyboard.reply();
        List<Button> row = new ArrayList<>();
        int rowGroup = Integer.MIN_VALUE;
        for (MenuEntry e : entries) {
            int group = e.order() / 10;
            if (!row.isEmpty() && (group != rowGroup || row.size() == 2)) {
                b.row(row);
                row = new ArrayList<>();
            }
            rowGroup = group;
            row.add(Button.text(Text.of(e.labelKey())));
        }
        b.row(row);
        return b.build();
    }

    /** The command a tapped menu label stands for. */
    Optional<String> commandForLabel(String text, Locale locale) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> byLabel = commandByLabel.computeIfAbsent(locale, l -> {
            Map<String, String> m = new ConcurrentHashMap<>();
            for (MenuEntry e : entries) {
                m.put(PersianText.normalize(renderer.label(Text.of(e.labelKey()), l)), e.command());
            }
            return m;
        });
        return Optional.ofNullable(byLabel.get(PersianText.normalize(text)));
    }
}
