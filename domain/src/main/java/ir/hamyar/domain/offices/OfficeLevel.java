package ir.hamyar.domain.offices;

/** The three levels of the network, top down. */
public enum OfficeLevel {
    PROVINCE,
    COUNTY,
    LOCAL
}
