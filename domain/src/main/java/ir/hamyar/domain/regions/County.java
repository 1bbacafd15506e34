package ir.hamyar.domain.regions;

/** A county (shahrestan) of a province. {@code code} is stable and ours ({@code P01C001}…). */
public record County(int id, int provinceId, String code, String nameFa) {
}
