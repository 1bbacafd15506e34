package ir.hamyar.domain.content;

/**
 * An item of an editable list.
 *
 * @param code   the stable code reports or members store
 * @param active false once retired: no longer offered for new choices
 * @param label  the admins' label in force, or null when the shipped name applies
 */
public record ListItem(String code, boolean active, ContentVersion label) {
}
