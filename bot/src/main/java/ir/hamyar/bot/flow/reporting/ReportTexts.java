package ir.hamyar.bot.flow.reporting;

import ir.hamyar.bot.flow.content.ContentTexts;
import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.reporting.HistoryEntry;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportAction;
import ir.hamyar.domain.reporting.ReportStatus;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The texts and keyboards reporting shows in several places: the alert card (office groups, admins, a
 * manager's /track), list lines, category and status labels. Texts stay locale-free ({@link Text} values) so
 * each chat renders them in its own language.
 */
@Component
class ReportTexts {

    /** Callback prefix of the card buttons: {@code rep:<action>:<report id>}. */
    static final String CARD = "rep";

    private static final int TITLE_IN_LABEL = 30;
    private static final String OSM = "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=17/%.5f/%.5f";

    private final ProblemReporting reporting;
    private final Membership membership;
    private final Offices offices;
    private final Regions regions;
    private final ContentTexts labels;

    ReportTexts(ProblemReporting reporting, Membership membership, Offices offices, Regions regions,
                ContentTexts labels) {
        this.labels = labels;
        this.reporting = reporting;
        this.membership = membership;
        this.offices = offices;
        this.regions = regions;
    }

    static Text raw(String s) {
        return Text.of("common.raw", s == null ? "" : s);
    }

    /** A category's name: the admins' label when they gave one, else the shipped one. */
    Text category(String code) {
        return labels.category(code);
    }

    static Text status(ReportStatus status) {
        return Text.of("reporting.status." + status.name());
    }

    /** Lines joined by new lines, as one text. */
    static Text lines(List<Text> lines) {
        Text joined = null;
        for (Text line : lines) {
            joined = joined == null ? line : Text.of("reporting.lines_join", joined, line);
        }
        return joined == null ? raw("") : joined;
    }

    static String shortTitle(String title) {
        if (title.codePointCount(0, title.length()) <= TITLE_IN_LABEL) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, TITLE_IN_LABEL - 1)) + "…";
    }

    Text officeName(Long officeId) {
        if (officeId == null) {
            return Text.of("reporting.office_admins");
        }
        return raw(offices.find(officeId).map(OfficeView::name).orElse("#" + officeId));
    }

    Text place(ReportView r) {
        Text point = r.hasLocation() ? Text.of("reporting.location_point", String.format(Locale.ROOT, OSM,
                r.latitude(), r.longitude(), r.latitude(), r.longitude())) : null;
        Text address = r.address() == null ? null : Text.of("reporting.location_address", r.address());
        if (point != null && address != null) {
            return Text.of("reporting.location_both", address, point);
        }
        return point != null ? point : address != null ? address : Text.of("reporting.location_none");
    }

    private Text reporter(ReportView r) {
        if (!r.showName() || r.reporterId() == null) {
            return Text.of("reporting.reporter_anonymous");
        }
        return membership.find(r.reporterId()).map(MemberView::fullName).filter(n -> n != null)
                .map(ReportTexts::raw).orElse(Text.of("reporting.reporter_anonymous"));
    }

    Text actorName(Long actorId) {
        if (actorId == null) {
            return Text.of("reporting.admin_actor");
        }
        return membership.find(actorId).map(MemberView::fullName).filter(n -> n != null).map(ReportTexts::raw)
                .orElse(Text.of("reporting.admin_actor"));
    }

    /** The card's status line: the status, and who set it when a person did. */
    private Text statusLine(ReportView r) {
        List<HistoryEntry> history = reporting.history(r.id());
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (isManagerMove(h.action()) && h.to() == r.status()) {
                return Text.of("reporting.card_status_by", status(r.status()), actorName(h.actorId()));
            }
        }
        return Text.of("reporting.card_status", status(r.status()));
    }

    private static boolean isManagerMove(ReportAction a) {
        return a == ReportAction.ACKNOWLEDGED || a == ReportAction.IN_PROGRESS || a == ReportAction.RESOLVED
                || a == ReportAction.REJECTED;
    }

    Text card(ReportView r) {
        String county = regions.county(r.countyId()).map(County::nameFa).orElse("");
        return Text.of("reporting.card", r.trackingCode(), category(r.category()), r.title(), r.description(),
                county, place(r), reporter(r), r.supporters(), officeName(r.officeId()), statusLine(r));
    }

    /** The manager buttons a card shows in this status (none once the report is closed). */
    static Keyboard cardKeyboard(ReportView r) {
        long id = r.id();
        ReportStatus s = r.status();
        List<Button> first = new ArrayList<>();
        if (s.managerMayMoveTo(ReportStatus.ACKNOWLEDGED)) {
            first.add(Button.callback(Text.of("reporting.btn.ack"), CARD + ":ack:" + id));
        }
        if (s.managerMayMoveTo(ReportStatus.IN_PROGRESS)) {
            first.add(Button.callback(Text.of("reporting.btn.progress"), CARD + ":prog:" + id));
        }
        if (s.managerMayMoveTo(ReportStatus.RESOLVED)) {
            first.add(Button.callback(Text.of("reporting.btn.resolve"), CARD + ":res:" + id));
        }
        if (!s.isOpen()) {
            return null;
        }
        return Keyboard.inline().row(first)
                .row(Button.callback(Text.of("reporting.btn.reject"), CARD + ":rej:" + id),
                        Button.callback(Text.of("reporting.btn.forward"), CARD + ":fwd:" + id))
                .build();
    }

    /** A card shown to a manager in private (/track): the status buttons, notes, and reject/forward at once. */
    static Keyboard privateCardKeyboard(ReportView r) {
        Keyboard card = cardKeyboard(r);
        Keyboard.Builder b = Keyboard.inline();
        if (card != null) {
            b.row(card.rows().get(0));
            b.row(Button.callback(Text.of("reporting.btn.reject"), RejectFlow.ID + ":start:" + r.id()),
                    Button.callback(Text.of("reporting.btn.forward"), ForwardFlow.ID + ":start:" + r.id()));
        }
        b.row(Button.callback(Text.of("reporting.btn.note"), NoteFlow.ID + ":start:" + r.id() + ":i"));
        b.row(Button.callback(Text.of("reporting.btn.public_note"), NoteFlow.ID + ":start:" + r.id() + ":p"));
        return b.build();
    }

    /** {@code • R-7K4M2 — subject — title — status (date)}. */
    Text listLine(ReportView r, Locale locale) {
        return Text.of("reporting.list_line", r.trackingCode(), category(r.category()), r.title(), status(r.status()),
                JalaliDates.formatShort(r.createdAt(), locale));
    }

    Text trackView(ReportView r, Locale locale) {
        return Text.of("reporting.track_view", r.trackingCode(), r.title(), category(r.category()), status(r.status()),
                JalaliDates.formatLong(r.createdAt(), locale), officeName(r.officeId()));
    }

    Optional<ReportView> find(long reportId) {
        return reporting.find(reportId);
    }
}
