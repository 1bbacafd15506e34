package ir.hamyar.domain.access;

/** A role an admin can give. Admins may do everything; reviewers decide founding applications network-wide. */
public enum Role {
    ADMIN,
    REVIEWER
}
