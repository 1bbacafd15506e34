package ir.hamyar.domain.reporting;

import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import org.springframework.stereotype.Component;

import java.util.List;

/** The office hierarchy and manager authority as reporting sees them, over the offices and appointments modules. */
@Component
class OfficesDirectory implements OfficeDirectory {

    private final Offices offices;
    private final Appointments appointments;

    OfficesDirectory(Offices offices, Appointments appointments) {
        this.offices = offices;
        this.appointments = appointments;
    }

    @Override
    public List<Long> routeFor(int countyId, String neighbourhood) {
        return offices.routeFor(countyId, neighbourhood).stream().map(OfficeView::id).toList();
    }

    @Override
    public List<Long> ancestors(long officeId) {
        return offices.ancestors(officeId).stream().map(OfficeView::id).toList();
    }

    @Override
    public boolean isActive(long officeId) {
        return offices.find(officeId).map(OfficeView::isActive).orElse(false);
    }

    @Override
    public int responseHours(long officeId) {
        return offices.find(officeId).map(OfficeView::responseHours).orElse(48);
    }

    @Override
    public boolean isManagerOf(long memberId, long officeId) {
        return appointments.isManagerOf(memberId, officeId);
    }
}
