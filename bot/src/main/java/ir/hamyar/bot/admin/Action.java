package ir.hamyar.bot.admin;

/**
 * Everything the chat lets someone do that not every user may. Each command and button asks
 * {@link Access} about one of these; the rules live in {@link Access} alone.
 */
public enum Action {
    /** Member actions: an active (not suspended) member. */
    REPORT_PROBLEM,
    ENROL_IN_COURSE,
    APPLY_FOR_OFFICE,

    /** Office work: an office's managers and deputies (a province office's also for the offices below it). */
    MANAGE_REPORTS,
    MANAGE_COURSES,
    LINK_OFFICE_GROUP,
    VIEW_STATS,
    EXPORT_DATA,
    VIEW_AUDIT,
    /** A manager reaches their own office's members only; admins reach everyone. */
    BROADCAST,

    /** Province work: the MANAGER of a province office, for the offices of that province. */
    ISSUE_APPOINTMENT,
    /** Founding applications: admins, reviewers, and a province office's MANAGER for that province. */
    REVIEW_APPLICATION,

    /** Network work: admins only. */
    GRANT_ROLES,
    SUSPEND_MEMBER,
    EDIT_CONTENT
}
