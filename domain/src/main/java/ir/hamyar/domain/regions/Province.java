package ir.hamyar.domain.regions;

/** One of Iran's 31 provinces. {@code code} is stable and ours ({@code P01}…); {@code nameFa} is normalised. */
public record Province(int id, String code, String nameFa, String nameEn) {
}
