package ir.hamyar.domain.offices;

/** A new office exists (and is active). */
public record OfficeCreated(long officeId, OfficeLevel level, Long parentId) {
}
