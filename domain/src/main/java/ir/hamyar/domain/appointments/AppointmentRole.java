package ir.hamyar.domain.appointments;

/** The roles a decree can give. Managers and deputies hold manager powers over their office. */
public enum AppointmentRole {
    MANAGER,
    DEPUTY,
    WORKING_GROUP_LEAD;

    public boolean managesOffice() {
        return this == MANAGER || this == DEPUTY;
    }
}
