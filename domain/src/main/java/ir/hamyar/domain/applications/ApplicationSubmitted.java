package ir.hamyar.domain.applications;

/** A new application awaits review; its co-founders are invited. */
public record ApplicationSubmitted(long applicationId, long founderId, int provinceId) {
}
