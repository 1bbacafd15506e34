package ir.hamyar.domain.training;

/** In person (the course's location is an address) or online (it is a link). */
public enum CourseMode {
    IN_PERSON, ONLINE
}
