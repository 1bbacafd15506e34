package ir.hamyar.bot.flow.content;

import ir.hamyar.bot.admin.Access;
import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.Caller;
import ir.hamyar.bot.flow.content.ContentDraft.What;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Flow;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.bot.runtime.Transition;
import ir.hamyar.domain.content.ContentCodes;
import ir.hamyar.domain.content.ContentLists;
import ir.hamyar.domain.content.ContentLists.Kind;
import ir.hamyar.domain.content.ContentStore;
import ir.hamyar.domain.content.ContentVersion;
import ir.hamyar.domain.content.EditResult;
import ir.hamyar.domain.content.ListItem;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /content} (admins): choose a text, a list or the donation links; a text shows its version in force and
 * takes the new Persian text, then the English one (or skip), then a preview to confirm; a list shows its items
 * with rename, retire/restore and add buttons; a donation link is chosen by province and office. Every input is
 * re-authorised, so an admin whose role ends mid-edit saves nothing; every button's item is looked up afresh.
 */
@Component
class ContentFlow extends Flow<ContentFlow.Step, ContentDraft> {

    static final String ID = "ct";

    enum Step { MENU, LIST, PROVINCE, OFFICE, URL, FA, EN, PREVIEW }

    private static final List<String> MENU = List.of(ContentCodes.ABOUT, ContentCodes.TERMS, ContentCodes.OFFICE_RULES,
            "categories", "interests", "donations");
    private static final Map<String, Kind> LISTS = Map.of("categories", Kind.REPORT_CATEGORIES,
            "interests", Kind.INTERESTS);

    private final Access access;
    private final ContentStore store;
    private final ContentLists lists;
    private final ContentTexts texts;
    private final Offices offices;
    private final Regions regions;
    private final String initialTermsVersion;

    ContentFlow(Access access, ContentStore store, ContentLists lists, ContentTexts texts, Offices offices,
                Regions regions, @Value("${hamyar.membership.terms-version:1}") String initialTermsVersion) {
        super(ID, Step.class, ContentDraft.class);
        this.initialTermsVersion = initialTermsVersion;
        this.access = access;
        this.store = store;
        this.lists = lists;
        this.texts = texts;
        this.offices = offices;
        this.regions = regions;
    }

    @Override
    public Set<String> commands() {
        return Set.of("content");
    }

    @Override
    public Set<Step> textSteps() {
        return EnumSet.of(Step.FA, Step.EN, Step.URL);
    }

    @Override
    public Transition<Step, ContentDraft> begin(Session session, Inbound trigger) {
        if (!allowed(session)) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        return Transition.goTo(Step.MENU, ContentDraft.start());
    }

    private boolean allowed(Session session) {
        Caller caller = access.caller(session);
        return access.may(caller, Action.EDIT_CONTENT);
    }

    @Override
    public Step previous(Step step, ContentDraft d) {
        return switch (step) {
            case MENU -> null;
            case LIST, PROVINCE -> Step.MENU;
            case OFFICE -> Step.PROVINCE;
            case URL -> Step.OFFICE;
            case FA -> d.isLabel() ? Step.LIST : Step.MENU;
            case EN -> Step.FA;
            case PREVIEW -> d.kind() == What.LINK ? Step.URL : Step.EN;
        };
    }

    // ---------------------------------------------------------------- prompts

    @Override
    public List<Reply> prompt(Step step, ContentDraft d, Session s) {
        return switch (step) {
            case MENU -> List.of(Reply.text(Text.of("content.menu_title"), menu()));
            case LIST -> List.of(Reply.text(Text.of("content.list.title_" + listName(d)), list(Kind.valueOf(d.target()))));
            case PROVINCE -> List.of(Reply.text(Text.of("content.donation.ask_province"), provinces(s)));
            case OFFICE -> officePrompt(d, s);
            case URL -> List.of(Reply.text(Text.of("content.donation.ask_url", officeName(d.officeId()),
                    currentLink(d.officeId())), Keyboard.inline()
                    .row(Button.callback(Text.of("content.donation.clear"), ID + ":url:clear"))
                    .row(back()).build()));
            case FA -> List.of(Reply.text(d.isLabel()
                    ? Text.of("content.ask_label_fa", ContentCodes.MAX_LABEL)
                    : Text.of("content.ask_fa", ContentCodes.MAX_TEXT), Keyboard.inline().row(back()).build()));
            case EN -> List.of(Reply.text(Text.of(d.isLabel() ? "content.ask_label_en" : "content.ask_en"),
                    Keyboard.inline().row(Button.callback(Text.of("common.skip"), ID + ":en:skip")).row(back()).build()));
            case PREVIEW -> List.of(Reply.text(preview(d), Keyboard.inline()
                    .row(Button.callback(Text.of("common.confirm"), ID + ":ok:yes"),
                            Button.callback(Text.of("common.cancel"), ID + ":ok:no"))
                    .row(back()).build()));
        };
    }

    private static Button back() {
        return Button.callback(Text.of("common.back"), "nav:back");
    }

    private static Keyboard menu() {
        Keyboard.Builder b = Keyboard.inline();
        for (int i = 0; i < MENU.size(); i += 2) {
            b.row(Button.callback(Text.of("content.item." + MENU.get(i)), ID + ":m:" + MENU.get(i)),
                    Button.callback(Text.of("content.item." + MENU.get(i + 1)), ID + ":m:" + MENU.get(i + 1)));
        }
        return b.build();
    }

    private static String listName(ContentDraft d) {
        return Kind.valueOf(d.target()) == Kind.REPORT_CATEGORIES ? "categories" : "interests";
    }

    private Text name(Kind kind, String code) {
        return kind == Kind.REPORT_CATEGORIES ? texts.category(code) : texts.interest(code);
    }

    private Keyboard list(Kind kind) {
        Keyboard.Builder b = Keyboard.inline();
        for (ListItem item : lists.items(kind)) {
            Text name = name(kind, item.code());
            b.row(Button.callback(Text.of("content.list.rename", item.active() ? name
                            : Text.of("content.list.retired_item", name)), ID + ":l:ren:" + item.code()),
                    item.active() ? Button.callback(Text.of("content.list.retire"), ID + ":l:ret:" + item.code())
                            : Button.callback(Text.of("content.list.restore"), ID + ":l:res:" + item.code()));
        }
        return b.row(Button.callback(Text.of("content.list.add"), ID + ":l:add")).row(back()).build();
    }

    private static Text raw(String s) {
        return Text.of("common.raw", s == null ? "" : s);
    }

    private Keyboard provinces(Session s) {
        Keyboard.Builder b = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (Province p : regions.provinces()) {
            row.add(Button.callback(raw(Texts.EN.equals(s.locale()) ? p.nameEn() : p.nameFa()), ID + ":pv:" + p.id()));
            if (row.size() == 3) {
                b.row(row);
                row = new ArrayList<>();
            }
        }
        return b.row(row).row(back()).build();
    }

    /** Province and county offices in force: the ones whose link donations go through. */
    private List<OfficeView> linkable(int provinceId) {
        return offices.ofProvince(provinceId).stream()
                .filter(o -> o.level() != OfficeLevel.LOCAL && o.isActive()).toList();
    }

    private List<Reply> officePrompt(ContentDraft d, Session s) {
        String province = regions.province(d.provinceId())
                .map(p -> Texts.EN.equals(s.locale()) ? p.nameEn() : p.nameFa()).orElse("");
        List<OfficeView> found = linkable(d.provinceId());
        if (found.isEmpty()) {
            return List.of(Reply.text(Text.of("content.donation.no_offices", province),
                    Keyboard.inline().row(back()).build()));
        }
        Keyboard.Builder b = Keyboard.inline();
        Text lines = null;
        for (OfficeView o : found) {
            Text line = Text.of("content.donation.office_line", o.name(), currentLink(o.id()));
            lines = lines == null ? line : Text.of("content.lines_join", lines, line);
            b.row(Button.callback(raw(o.name()), ID + ":of:" + o.id()));
        }
        return List.of(Reply.text(Text.of("content.donation.ask_office", province, lines), b.row(back()).build()));
    }

    private Text officeName(Long officeId) {
        return raw(officeId == null ? "" : offices.find(officeId).map(OfficeView::name).orElse(""));
    }

    private Object currentLink(Long officeId) {
        String url = officeId == null ? null : offices.find(officeId).map(OfficeView::donationUrl).orElse(null);
        return url == null ? Text.of("content.donation.none") : url;
    }

    private Text preview(ContentDraft d) {
        if (d.kind() == What.LINK) {
            return Text.of("content.donation.preview", officeName(d.officeId()),
                    d.url().isEmpty() ? Text.of("content.donation.none") : d.url());
        }
        Text text = Text.of("content.preview", d.fa(), d.en() == null ? Text.of("content.preview_no_english") : d.en());
        return ContentCodes.TERMS.equals(d.target())
                ? Text.of("content.lines_join", text, Text.of("content.preview_terms")) : text;
    }

    /** The text in force and where it comes from, shown before the admin writes a new one. */
    private Text current(String code, Session s) {
        Optional<ContentVersion> v = store.current(code);
        Text origin = v.<Text>map(x -> Text.of("content.current_version", x.version(),
                JalaliDates.formatLong(x.editedAt(), s.locale()))).orElseGet(() -> Text.of("content.current_shipped"));
        Text body = switch (code) {
            case ContentCodes.ABOUT -> texts.about();
            case ContentCodes.TERMS -> texts.terms(termsInitial());
            default -> texts.officeRules();
        };
        return Text.of("content.current", Text.of("content.item." + code), origin, body);
    }

    private String termsInitial() {
        return initialTermsVersion;
    }

    // ---------------------------------------------------------------- input

    @Override
    public Transition<Step, ContentDraft> onInput(Step step, ContentDraft d, Inbound in, Session s) {
        if (!allowed(s)) {
            return Transition.finish(Reply.text("runtime.not_allowed"));
        }
        return switch (step) {
            case MENU -> menuChoice(d, in, s);
            case LIST -> listAction(d, in, s);
            case PROVINCE -> arg(in, "pv").flatMap(ContentFlow::number)
                    .filter(id -> regions.province(id.intValue()).isPresent())
                    .map(id -> Transition.<Step, ContentDraft>goTo(Step.OFFICE, d.province(id.intValue())))
                    .orElseGet(() -> Transition.reask("runtime.callback_stale"));
            case OFFICE -> arg(in, "of").flatMap(ContentFlow::number)
                    .filter(id -> linkable(d.provinceId()).stream().anyMatch(o -> o.id() == id))
                    .map(id -> Transition.<Step, ContentDraft>goTo(Step.URL, d.office(id)))
                    .orElseGet(() -> Transition.reask("runtime.callback_stale"));
            case URL -> url(d, in);
            case FA -> persian(d, in);
            case EN -> english(d, in);
            case PREVIEW -> confirm(d, in, s);
        };
    }

    private Transition<Step, ContentDraft> menuChoice(ContentDraft d, Inbound in, Session s) {
        Optional<String> item = arg(in, "m").filter(MENU::contains);
        if (item.isEmpty()) {
            return Transition.reask("runtime.callback_stale");
        }
        String chosen = item.get();
        if (ContentCodes.isText(chosen)) {
            return Transition.goTo(Step.FA, d.editing(What.TEXT, chosen, null), Reply.text(current(chosen, s)));
        }
        if (LISTS.containsKey(chosen)) {
            return Transition.goTo(Step.LIST, d.editing(What.RENAME, LISTS.get(chosen).name(), null));
        }
        return Transition.goTo(Step.PROVINCE, d.province(0));
    }

    private Transition<Step, ContentDraft> listAction(ContentDraft d, Inbound in, Session s) {
        Kind kind = Kind.valueOf(d.target());
        if ((ID + ":l:add").equals(in.callbackData())) {
            return Transition.goTo(Step.FA, d.editing(What.ADD, kind.name(), null));
        }
        Optional<String> data = arg(in, "l");
        if (data.isEmpty() || data.get().length() < 5) {
            return Transition.reask("runtime.callback_stale");
        }
        String action = data.get().substring(0, 3);
        String code = data.get().substring(4);
        // The button names an item: it must exist now, whatever the message it was on said.
        Optional<ListItem> item = lists.item(kind, code);
        if (item.isEmpty()) {
            return Transition.reask("runtime.callback_stale");
        }
        Text name = name(kind, code);
        return switch (action) {
            case "ren" -> Transition.goTo(Step.FA, d.editing(What.RENAME, kind.name(), code),
                    Reply.text(Text.of("content.current_label", name)));
            case "ret", "res" -> {
                boolean restore = "res".equals(action);
                EditResult r = lists.setActive(access.caller(s).auditActor(), kind, code, restore);
                yield Transition.goTo(Step.LIST, d, Reply.text(r.done()
                        ? Text.of(restore ? "content.list.restored" : "content.list.retired", name)
                        : refusal(r)));
            }
            default -> Transition.reask("runtime.callback_stale");
        };
    }

    private Transition<Step, ContentDraft> url(ContentDraft d, Inbound in) {
        if ((ID + ":url:clear").equals(in.callbackData())) {
            return Transition.goTo(Step.PREVIEW, d.link(""));
        }
        if (in.text() == null || in.callbackData() != null) {
            return Transition.reask("content.donation.invalid");
        }
        String link = in.text().strip();
        if (!link.startsWith("https://") || link.length() > 500 || link.chars().anyMatch(Character::isWhitespace)) {
            return Transition.reask("content.donation.invalid");
        }
        return Transition.goTo(Step.PREVIEW, d.link(link));
    }

    private Transition<Step, ContentDraft> persian(ContentDraft d, Inbound in) {
        Optional<String> text = typed(in, d.isLabel());
        if (text.isEmpty()) {
            return Transition.reask("content.need_text");
        }
        int max = d.isLabel() ? ContentCodes.MAX_LABEL : ContentCodes.MAX_TEXT;
        if (text.get().codePointCount(0, text.get().length()) > max) {
            return Transition.reask("content.refused.TOO_LONG");
        }
        return Transition.goTo(Step.EN, d.persian(text.get()));
    }

    private Transition<Step, ContentDraft> english(ContentDraft d, Inbound in) {
        if ((ID + ":en:skip").equals(in.callbackData())) {
            return Transition.goTo(Step.PREVIEW, d.english(null));
        }
        Optional<String> text = typed(in, d.isLabel());
        if (text.isEmpty()) {
            return Transition.reask("content.need_text");
        }
        int max = d.isLabel() ? ContentCodes.MAX_LABEL : ContentCodes.MAX_TEXT;
        if (text.get().codePointCount(0, text.get().length()) > max) {
            return Transition.reask("content.refused.TOO_LONG");
        }
        return Transition.goTo(Step.PREVIEW, d.english(text.get()));
    }

    private Transition<Step, ContentDraft> confirm(ContentDraft d, Inbound in, Session s) {
        if ((ID + ":ok:no").equals(in.callbackData())) {
            return Transition.finish(Reply.text("content.discarded"));
        }
        if (!(ID + ":ok:yes").equals(in.callbackData())) {
            return Transition.reask("runtime.callback_stale");
        }
        var by = access.caller(s).auditActor();
        EditResult result = switch (d.kind()) {
            case TEXT -> store.publish(by, d.target(), d.fa(), d.en());
            case ADD -> lists.add(by, Kind.valueOf(d.target()), d.fa(), d.en());
            case RENAME -> lists.rename(by, Kind.valueOf(d.target()), d.item(), d.fa(), d.en());
            case LINK -> lists.setDonationUrl(by, d.officeId(), d.url());
        };
        if (result instanceof EditResult.Done done) {
            Text saved = d.kind() == What.LINK ? Text.of("content.donation.saved", officeName(d.officeId()))
                    : d.kind() == What.TEXT ? Text.of("content.saved", done.version()) : Text.of("content.saved_label");
            return Transition.finish(Reply.text(saved));
        }
        return Transition.finish(Reply.text(refusal(result)));
    }

    private static Text refusal(EditResult r) {
        return r instanceof EditResult.Refused refused ? Text.of("content.refused." + refused.reason().name())
                : Text.of("content.saved_label");
    }

    /**
     * A typed text as stored: Arabic yeh and kaf as their Persian forms, line ends unified; a label also on one
     * line with digits normalised like every short answer.
     */
    private static Optional<String> typed(Inbound in, boolean label) {
        if (in.kind() != Inbound.Kind.MESSAGE || in.text() == null || in.text().startsWith("/")) {
            return Optional.empty();
        }
        String text = label ? PersianText.normalize(in.text()).replace('\n', ' ')
                : in.text().replace('\u064A', '\u06CC').replace('\u0649', '\u06CC').replace('\u0643', '\u06A9')
                .replace("\r\n", "\n").strip();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<String> arg(Inbound in, String tag) {
        String data = in.callbackData();
        String head = ID + ":" + tag + ":";
        return data != null && data.startsWith(head) ? Optional.of(data.substring(head.length())) : Optional.empty();
    }

    private static Optional<Long> number(String s) {
        return s.matches("[0-9]{1,12}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }
}
