package ir.hamyar.domain.reporting;

/**
 * Who acts on a report: a member (checked to be a manager of the office concerned), or an administrator of
 * the network (vouched for by the caller, e.g. from the bot's configuration; may have no member id).
 */
public record ReportActor(Long memberId, boolean admin) {

    public static ReportActor member(long memberId) {
        return new ReportActor(memberId, false);
    }

    public static ReportActor admin(Long memberIdOrNull) {
        return new ReportActor(memberIdOrNull, true);
    }
}
