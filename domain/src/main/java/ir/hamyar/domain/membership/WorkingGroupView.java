package ir.hamyar.domain.membership;

/**
 * A working group members can be interested in; its name is content keyed by its code (the shipped names live in
 * the message bundles). A retired group ({@code active == false}) is no longer offered; members keep it.
 */
public record WorkingGroupView(int id, String code, boolean active) {

    public WorkingGroupView(int id, String code) {
        this(id, code, true);
    }
}
