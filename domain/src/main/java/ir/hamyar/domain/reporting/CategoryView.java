package ir.hamyar.domain.reporting;

/** A report category; its name is content keyed by its code. A retired one is no longer offered for new reports. */
public record CategoryView(String code, int sortOrder, boolean active) {
}
