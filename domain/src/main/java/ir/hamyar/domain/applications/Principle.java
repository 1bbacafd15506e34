package ir.hamyar.domain.applications;

/** The four principles every founder accepts, one by one (DESIGN §7). */
public enum Principle {
    /** financial and legal independence */
    FINANCIAL_INDEPENDENCE,
    /** no personal business, contracting or partisan use of the name (breach: permit revoked) */
    NO_PERSONAL_OR_PARTISAN_USE,
    /** no fees from visitors; donations only through the central page of the province or county */
    DONATIONS_ONLY_CENTRAL,
    /** follow the network's policies */
    FOLLOW_POLICIES
}
