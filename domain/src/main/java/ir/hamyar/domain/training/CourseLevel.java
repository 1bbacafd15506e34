package ir.hamyar.domain.training;

public enum CourseLevel {
    INTRO, BASIC, ADVANCED
}
