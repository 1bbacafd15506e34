package ir.hamyar.domain.membership;

/** A working group members can be interested in; its name lives in the message bundles under its code. */
public record WorkingGroupView(int id, String code) {
}
