package ir.hamyar.domain.applications;

/** Why an application action was refused; nothing changed. */
public enum Refusal {
    // submission
    FOUNDER_NOT_ACTIVE,
    INVALID_LEVEL,
    COUNTY_NOT_IN_PROVINCE,
    NEIGHBOURHOOD_REQUIRED,
    INVALID_NAME,
    INVALID_ADDRESS,
    INVALID_TENURE,
    INVALID_BACKGROUND,
    PRINCIPLES_NOT_ACCEPTED,
    INVALID_COFOUNDER,
    TOO_MANY_COFOUNDERS,
    /** the founder already has an open application for this county */
    OPEN_APPLICATION_EXISTS,
    /** the region already has an active office of that level */
    REGION_HAS_OFFICE,
    // review and answers
    NO_SUCH_APPLICATION,
    NOT_AUTHORISED,
    WRONG_STATE,
    TEXT_REQUIRED,
    // approval
    /** the founder cannot hold a decree: not an active member */
    FOUNDER_NOT_ELIGIBLE_INACTIVE,
    /** the founder cannot hold a decree: no training completed */
    FOUNDER_NOT_ELIGIBLE_TRAINING,
    /** a local centre needs its county office first */
    PARENT_OFFICE_MISSING,
    OFFICE_NOT_CREATED,
    // co-founders
    NOT_INVITED,
    ALREADY_RESPONDED
}
