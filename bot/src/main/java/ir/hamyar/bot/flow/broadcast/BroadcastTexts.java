package ir.hamyar.bot.flow.broadcast;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.broadcasting.Audience;
import ir.hamyar.domain.broadcasting.BroadcastCounts;
import ir.hamyar.domain.broadcasting.BroadcastStatus;
import ir.hamyar.domain.broadcasting.BroadcastView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.Training;
import ir.hamyar.messages.Texts;

import java.time.Duration;
import java.time.Instant;

/**
 * What members and the author see of a broadcast. The author's text is delivered as plain text: it is an
 * argument of {@code common.raw}, so the renderer escapes it for Telegram's HTML and Bale gets it as typed.
 */
final class BroadcastTexts {

    static final String CANCEL_PREFIX = "bcx";
    private static final int BAR_CELLS = 10;
    private static final char FULL = '\u2593';
    private static final char EMPTY = '\u2591';

    private BroadcastTexts() {
    }

    /**
     * The message exactly as a member on {@code target} gets it: the photo only on the platform it was sent
     * from (file ids do not cross messengers; members elsewhere get the text), the link as a URL button.
     */
    static Reply memberView(String text, String photo, Platform photoPlatform, String linkLabel, String linkUrl,
                            Platform target) {
        Keyboard keyboard = linkLabel == null ? null
                : Keyboard.inline().row(Button.url(Text.of("common.raw", linkLabel), linkUrl)).build();
        if (photo != null && target == photoPlatform) {
            return new Reply.SendPhoto(null, photo, Text.of("common.raw", text), keyboard);
        }
        return new Reply.Send(null, Text.of("common.raw", text), keyboard, null);
    }

    static Reply memberView(BroadcastView b, Platform target) {
        return memberView(b.body(), b.photoFileId(), b.photoPlatform(), b.linkLabel(), b.linkUrl(), target);
    }

    static Text audience(Audience audience, Regions regions, Offices offices, Training training, boolean english) {
        if (audience instanceof Audience.OfficeMembers o) {
            return Text.of("broadcasting.audience.OFFICE",
                    Text.of("common.raw", offices.find(o.officeId()).map(OfficeView::name).orElse("")));
        }
        if (audience instanceof Audience.Managers g) {
            if (g.provinceIdOrNull() == null) {
                return Text.of("broadcasting.audience.MANAGERS");
            }
            return Text.of("broadcasting.audience.MANAGERS_IN", regions.province(g.provinceIdOrNull())
                    .map(english ? Province::nameEn : Province::nameFa).orElse(""));
        }
        if (audience instanceof Audience.CourseEnrolees c) {
            return Text.of("broadcasting.audience.COURSE",
                    Text.of("common.raw", training.course(c.courseId()).map(CourseView::title).orElse("")));
        }
        if (audience instanceof Audience.InProvince p) {
            String name = regions.province(p.provinceId()).map(x -> english ? x.nameEn() : x.nameFa()).orElse("");
            return Text.of("broadcasting.audience.PROVINCE", name);
        }
        if (audience instanceof Audience.InCounty c) {
            String name = regions.county(c.countyId()).map(County::nameFa).orElse("");
            String province = regions.county(c.countyId()).flatMap(x -> regions.province(x.provinceId()))
                    .map(english ? Province::nameEn : Province::nameFa).orElse("");
            return Text.of("broadcasting.audience.COUNTY", name, province);
        }
        if (audience instanceof Audience.WithInterest i) {
            String key = "membership.interest." + i.workingGroupCode();
            return Text.of("broadcasting.audience.INTEREST",
                    Texts.has(key) ? Text.of(key) : Text.of("common.raw", i.workingGroupCode()));
        }
        return Text.of("broadcasting.audience.ALL");
    }

    static Keyboard cancelKeyboard(long id) {
        return Keyboard.inline().row(Button.callback(Text.of("broadcasting.cancel_sending"),
                CANCEL_PREFIX + ":cancel:" + id)).build();
    }

    /** The author's progress card: counts, a bar, and the time left at the rate so far. */
    static Text progress(BroadcastView b, BroadcastCounts c, Instant now) {
        int percent = c.queued() == 0 ? 100 : (int) (100L * c.done() / c.queued());
        return Text.of("broadcasting.progress", b.id(), c.sent(), c.failed(), c.unreachable(), c.left(),
                bar(c), percent, eta(b.startedAt(), c, now), c.queued(), c.skipped());
    }

    static String bar(BroadcastCounts c) {
        int full = c.queued() == 0 ? BAR_CELLS : (int) ((long) BAR_CELLS * c.done() / c.queued());
        StringBuilder b = new StringBuilder(BAR_CELLS);
        for (int i = 0; i < BAR_CELLS; i++) {
            b.append(i < full ? FULL : EMPTY);
        }
        return b.toString();
    }

    static Text eta(Instant startedAt, BroadcastCounts c, Instant now) {
        if (c.left() == 0) {
            return Text.of("broadcasting.eta_none");
        }
        if (startedAt == null || c.done() == 0 || !now.isAfter(startedAt)) {
            return Text.of("broadcasting.eta_unknown");
        }
        long elapsed = Duration.between(startedAt, now).toSeconds();
        long seconds = Math.max(1, elapsed * c.left() / c.done());
        long minutes = (seconds + 59) / 60;
        return Text.of("broadcasting.eta", minutes / 60, minutes % 60);
    }

    /** The final report: sent after the last delivery, or on cancel. */
    static Text report(BroadcastView b, BroadcastCounts c, BroadcastStatus status, Instant now) {
        long minutes = b.startedAt() == null ? 0 : Math.max(0, Duration.between(b.startedAt(), now).toMinutes());
        return Text.of("broadcasting.report", Text.of("broadcasting.status." + status.name()), b.id(), c.total(),
                c.sent(), c.failed(), c.unreachable(), c.skipped(), c.cancelled(), minutes);
    }
}
