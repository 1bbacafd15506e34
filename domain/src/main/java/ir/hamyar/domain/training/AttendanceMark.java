package ir.hamyar.domain.training;

public enum AttendanceMark {
    PRESENT, ABSENT, EXCUSED
}
