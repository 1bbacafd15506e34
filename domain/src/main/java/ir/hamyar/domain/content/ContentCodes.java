package ir.hamyar.domain.content;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The codes content is kept under: three network-wide texts, and one label per report category and interest
 * ({@code report_category.<code>}, {@code interest.<code>}, the item codes reports and members store).
 */
public final class ContentCodes {

    public static final String ABOUT = "about";
    public static final String TERMS = "terms";
    /** The office rules are network-wide: every office follows the same principles (DESIGN §7). */
    public static final String OFFICE_RULES = "office_rules";
    public static final List<String> TEXTS = List.of(ABOUT, TERMS, OFFICE_RULES);

    public static final String CATEGORY_PREFIX = "report_category.";
    public static final String INTEREST_PREFIX = "interest.";

    /** Room for a header around the text within one message (4,096 characters). */
    public static final int MAX_TEXT = 3500;
    /** A label is a button: short and on one line. */
    public static final int MAX_LABEL = 40;

    private static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9_]{1,31}");

    private ContentCodes() {
    }

    public static String category(String itemCode) {
        return CATEGORY_PREFIX + itemCode;
    }

    public static String interest(String itemCode) {
        return INTEREST_PREFIX + itemCode;
    }

    /** The shape of a list item's code (what reports and members store). */
    public static boolean isItemCode(String code) {
        return code != null && ITEM.matcher(code).matches();
    }

    public static boolean isText(String code) {
        return TEXTS.contains(code);
    }

    public static boolean isLabel(String code) {
        if (code == null) {
            return false;
        }
        for (String prefix : List.of(CATEGORY_PREFIX, INTEREST_PREFIX)) {
            if (code.startsWith(prefix)) {
                return isItemCode(code.substring(prefix.length()));
            }
        }
        return false;
    }

    public static boolean isKnown(String code) {
        return isText(code) || isLabel(code);
    }

    static int maxLength(String code) {
        return isLabel(code) ? MAX_LABEL : MAX_TEXT;
    }
}
