package ir.hamyar.domain.offices;

/** The office's manager group can no longer be reached (the bot was removed): it is unlinked. */
public record OfficeGroupLost(long officeId) {
}
