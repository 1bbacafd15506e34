package ir.hamyar.domain.applications;

/** How the founder provides the office's space. */
public enum SpaceTenure {
    OWNED,
    LENT,
    RENTED
}
