package ir.hamyar.domain.applications;

public enum CofounderStatus {
    INVITED,
    CONFIRMED,
    DECLINED
}
