package ir.hamyar.bot.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A long choice (provinces, counties, offices, courses) as an inline keyboard of {@link #PAGE_SIZE} items a page,
 * three to a row, with previous/next buttons and, if asked, the back button. Pressing an item sends
 * {@code <prefix>:<pick>:<id>}; turning the page sends {@code <prefix>:<turn>:<page>}. A page out of range shows
 * the nearest page, so a stale or forged page number never fails.
 */
public final class PagedKeyboard {

    public static final int PAGE_SIZE = 12;

    private PagedKeyboard() {
    }

    /**
     * @param first buttons shown above the items on every page (e.g. "everyone"), or empty
     * @param back  whether to end with the back button
     */
    public static <T> Keyboard of(String prefix, String pick, String turn, List<T> all, int page,
                                  Function<T, Text> label, Function<T, ?> id, List<Button> first, boolean back) {
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(0, Math.min(page, pages - 1));
        Keyboard.Builder b = Keyboard.inline();
        if (!first.isEmpty()) {
            b.row(first);
        }
        List<Button> row = new ArrayList<>();
        for (T item : all.subList(p * PAGE_SIZE, Math.min(all.size(), (p + 1) * PAGE_SIZE))) {
            row.add(Button.callback(label.apply(item), prefix + ":" + pick + ":" + id.apply(item)));
            if (row.size() == 3) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        b.row(row);
        List<Button> nav = new ArrayList<>();
        if (p > 0) {
            nav.add(Button.callback(Text.of("common.previous_page"), prefix + ":" + turn + ":" + (p - 1)));
        }
        if (p < pages - 1) {
            nav.add(Button.callback(Text.of("common.next_page"), prefix + ":" + turn + ":" + (p + 1)));
        }
        b.row(nav);
        if (back) {
            b.row(Button.callback(Text.of("common.back"), "nav:back"));
        }
        return b.build();
    }
}
