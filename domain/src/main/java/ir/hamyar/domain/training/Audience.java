package ir.hamyar.domain.training;

/** Who may enrol: everyone, members of one province, or of one county (the course holds the region id). */
public enum Audience {
    ALL, PROVINCE, COUNTY
}
