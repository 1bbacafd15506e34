package ir.hamyar.domain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the domain alone for its integration tests (the real application lives in the bot module). */
@SpringBootApplication
public class DomainTestApplication {
}
