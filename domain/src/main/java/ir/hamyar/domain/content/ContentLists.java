package ir.hamyar.domain.content;

import ir.hamyar.domain.audit.Actor;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.content.EditResult.Reason;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeLevel;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.reporting.ProblemReporting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lists admins edit: report categories and interests (working groups) — add, rename, retire, restore — and
 * the donation links of province and county offices. Item codes never change (reports and members store them);
 * a rename publishes a new label version, retiring only hides the item from new choices. Every change is audited
 * as {@link ContentStore#EDITED}.
 */
@Service
@Transactional
public class ContentLists {

    /** Audit subject type of a donation link change (subject and office: the office; reason: the new link). */
    public static final String DONATION_LINK = "donation_link";
    /** Audit reasons of list changes that publish no version. */
    public static final String RETIRED = "RETIRED";
    public static final String RESTORED = "RESTORED";

    public enum Kind {
        REPORT_CATEGORIES(ContentCodes.CATEGORY_PREFIX),
        INTERESTS(ContentCodes.INTEREST_PREFIX);

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The content code of an item's label. */
        public String labelCode(String itemCode) {
            return prefix + itemCode;
        }
    }

    private final ContentStore store;
    private final ProblemReporting reporting;
    private final Membership membership;
    private final Offices offices;
    private final AuditTrail audit;

    ContentLists(ContentStore store, ProblemReporting reporting, Membership membership, Offices offices,
                 AuditTrail audit) {
        this.store = store;
        this.reporting = reporting;
        this.membership = membership;
        this.offices = offices;
        this.audit = audit;
    }

    /** Every item, retired ones included, in display order, with the label admins gave it (if any). */
    @Transactional(readOnly = true)
    public List<ListItem> items(Kind kind) {
        return switch (kind) {
            case REPORT_CATEGORIES -> reporting.allCategories().stream()
                    .map(c -> new ListItem(c.code(), c.active(), store.current(kind.labelCode(c.code())).orElse(null)))
                    .toList();
            case INTERESTS -> membership.allWorkingGroups().stream()
                    .map(g -> new ListItem(g.code(), g.active(), store.current(kind.labelCode(g.code())).orElse(null)))
                    .toList();
        };
    }

    @Transactional(readOnly = true)
    public Optional<ListItem> item(Kind kind, String code) {
        return items(kind).stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /**
     * Adds an item labelled so. Its code is made from the English label when there is one (else from the list's
     * name) and never changes afterwards.
     */
    public EditResult add(Actor by, Kind kind, String fa, String en) {
        String code = freeCode(kind, en);
        Optional<Reason> problem = store.check(kind.labelCode(code), fa, en);
        if (problem.isPresent()) {
            return EditResult.refused(problem.get());
        }
        boolean added = kind == Kind.REPORT_CATEGORIES ? reporting.addCategory(code) : membership.addWorkingGroup(code);
        if (!added) {
            return EditResult.refused(Reason.CONCURRENT_EDIT);
        }
        return store.publish(by, kind.labelCode(code), fa, en);
    }

    /** Gives an existing item (retired or not) a new label. */
    public EditResult rename(Actor by, Kind kind, String code, String fa, String en) {
        if (item(kind, code).isEmpty()) {
            return EditResult.refused(Reason.UNKNOWN);
        }
        return store.publish(by, kind.labelCode(code), fa, en);
    }

    /** Retires ({@code active == false}) or restores an item. */
    public EditResult setActive(Actor by, Kind kind, String code, boolean active) {
        if (item(kind, code).isEmpty()) {
            return EditResult.refused(Reason.UNKNOWN);
        }
        boolean changed = kind == Kind.REPORT_CATEGORIES ? reporting.setCategoryActive(code, active)
                : membership.setWorkingGroupActive(code, active);
        if (!changed) {
            return EditResult.refused(Reason.ALREADY_SO);
        }
        audit.record(by, ContentStore.EDITED, kind.labelCode(code), null, null, active ? RESTORED : RETIRED);
        return new EditResult.Done(code, 0);
    }

    /** Sets (or clears, with a blank link) a province or county office's donation link; https only. */
    public EditResult setDonationUrl(Actor by, long officeId, String url) {
        Optional<OfficeView> office = offices.find(officeId);
        if (office.isEmpty()) {
            return EditResult.refused(Reason.UNKNOWN);
        }
        if (office.get().level() == OfficeLevel.LOCAL || !offices.setDonationUrl(officeId, url)) {
            return EditResult.refused(Reason.INVALID_LINK);
        }
        String clean = url == null || url.isBlank() ? null : url.strip();
        audit.record(by, ContentStore.EDITED, DONATION_LINK, officeId, officeId, clean);
        return new EditResult.Done(DONATION_LINK, 0);
    }

    private String freeCode(Kind kind, String en) {
        Set<String> taken = items(kind).stream().map(ListItem::code).collect(Collectors.toSet());
        String base = slug(en);
        if (base == null) {
            base = kind == Kind.REPORT_CATEGORIES ? "category" : "group";
        }
        String code = base;
        for (int n = 2; taken.contains(code) || !ContentCodes.isItemCode(code); n++) {
            code = base + "_" + n;
        }
        return code;
    }

    /** {@code "Road Safety!"} → {@code road_safety}; null when nothing Latin is left. */
    static String slug(String label) {
        if (label == null) {
            return null;
        }
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^[^a-z]+|_+$", "");
        if (ascii.length() > 24) {
            ascii = ascii.substring(0, 24).replaceAll("_+$", "");
        }
        return ascii.length() < 2 ? null : ascii;
    }
}
