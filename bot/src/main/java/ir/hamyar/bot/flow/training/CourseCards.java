package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.training.CourseMode;
import ir.hamyar.domain.training.CourseView;
import ir.hamyar.domain.training.SessionView;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Course texts shared by the member's and the manager's views: the card, the session list, names of places. */
@Component
class CourseCards {

    private final Offices offices;
    private final Regions regions;

    CourseCards(Offices offices, Regions regions) {
        this.offices = offices;
        this.regions = regions;
    }

    static String when(Instant at, Locale locale) {
        return JalaliDates.formatDateTime(at, locale);
    }

    Text card(CourseView c, Locale locale) {
        return Text.of("training.card", c.title(), Text.of("training.level." + c.level().name()),
                offeredBy(c.officeId(), locale), Text.of("training.mode." + c.mode().name()),
                c.mode() == CourseMode.ONLINE ? PersianText.rtlLine(c.location()) : c.location(),
                sessions(c.sessions(), locale), c.seatsLeft(), c.capacity(),
                when(c.enrolmentDeadline(), locale), audience(c, locale), c.description(),
                Text.of("training.status." + c.status().name()));
    }

    Text offeredBy(Long officeId, Locale locale) {
        if (officeId == null) {
            return Text.of("training.national");
        }
        return Text.of("common.raw", offices.find(officeId).map(OfficeView::name).orElse(""));
    }

    Text sessions(List<SessionView> sessions, Locale locale) {
        Text list = null;
        for (SessionView s : sessions) {
            Text line = Text.of("training.session_line", s.number(), when(s.startsAt(), locale),
                    s.durationMinutes());
            list = list == null ? line : Text.of("training.lines", list, line);
        }
        return list == null ? Text.of("common.raw", "") : list;
    }

    Text audience(CourseView c, Locale locale) {
        return switch (c.audience()) {
            case ALL -> Text.of("training.audience.ALL");
            case PROVINCE -> Text.of("training.audience_of", Text.of("training.audience.PROVINCE"),
                    regions.province(c.audienceRegionId())
                            .map(p -> Texts.EN.equals(locale) ? p.nameEn() : p.nameFa()).orElse(""));
            case COUNTY -> Text.of("training.audience_of", Text.of("training.audience.COUNTY"),
                    regions.county(c.audienceRegionId()).map(x -> x.nameFa()).orElse(""));
        };
    }
}
