package ir.hamyar.bot.flow.offices;

import ir.hamyar.bot.runtime.Button;
import ir.hamyar.bot.runtime.Keyboard;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.applications.ApplicationView;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The texts of applications, decrees and offices, shared by commands and notifications. */
@Component
class Cards {

    private final Membership membership;
    private final Offices offices;
    private final Regions regions;

    Cards(Membership membership, Offices offices, Regions regions) {
        this.membership = membership;
        this.offices = offices;
        this.regions = regions;
    }

    String name(long memberId) {
        return membership.find(memberId).map(MemberView::fullName).filter(n -> n != null).orElse("—");
    }

    /** The application as reviewers see it. */
    Text application(ApplicationView a, Locale locale) {
        List<String> team = new ArrayList<>();
        for (ApplicationView.Cofounder c : a.cofounders()) {
            team.add(Texts.get(locale, "founding.cofounder_entry", name(c.memberId()),
                    Texts.get(locale, "founding.cofounder_status." + c.status().name())));
        }
        return Text.of("founding.review_card", a.trackingNo(), name(a.founderId()),
                Text.of("founding.level." + a.level().name()), Ui.provinceName(regions, a.provinceId(), locale),
                Ui.countyName(regions, a.countyId()),
                a.neighbourhood() == null ? Text.of("founding.none") : a.neighbourhood(), a.proposedName(),
                a.spaceAddress(), Text.of("founding.tenure." + a.tenure().name()),
                team.isEmpty() ? Text.of("founding.none") : String.join(Texts.get(locale, "common.list_separator"), team),
                a.background(), JalaliDates.formatLong(a.submittedAt(), locale),
                Text.of("founding.status." + a.status().name()));
    }

    static Keyboard reviewButtons(long applicationId) {
        return Keyboard.inline()
                .row(Button.callback(Text.of("founding.approve"), FoundingHandlers.APPROVE + applicationId))
                .row(Button.callback(Text.of("founding.reject"), ReviewNoteFlow.REJECT + applicationId),
                        Button.callback(Text.of("founding.ask_more"), ReviewNoteFlow.ASK + applicationId))
                .build();
    }

    /** The decree as its holder receives it. */
    Text decree(AppointmentView a, Locale locale) {
        OfficeView office = offices.find(a.officeId()).orElseThrow();
        return Text.of(a.renewalOf() == null ? "appointments.decree" : "appointments.decree_renewed", name(a.memberId()),
                Text.of("appointments.role." + a.role().name()), Ui.officeLabel(office, regions, locale),
                JalaliDates.formatLong(a.termStart(), locale), JalaliDates.formatLong(a.termEnd(), locale),
                a.decreeNo(), JalaliDates.formatLong(a.issuedAt(), locale));
    }

    /** A decree as admins and province managers look it up, with what they may do. */
    Text decreeSummary(AppointmentView a, Locale locale) {
        OfficeView office = offices.find(a.officeId()).orElseThrow();
        return Text.of("appointments.summary", a.decreeNo(), name(a.memberId()),
                Text.of("appointments.role." + a.role().name()), Ui.officeLabel(office, regions, locale),
                JalaliDates.formatLong(a.termStart(), locale), JalaliDates.formatLong(a.termEnd(), locale),
                Text.of("appointments.status." + a.status().name()));
    }

    static Keyboard decreeButtons(long appointmentId) {
        return Keyboard.inline()
                .row(Button.callback(Text.of("appointments.renew"), DecreeHandlers.RENEW + appointmentId),
                        Button.callback(Text.of("appointments.revoke"), RevokeFlow.ID + ":" + appointmentId))
                .build();
    }
}
