package ir.hamyar.bot;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void botModulesRespectTheirBoundaries() {
        ApplicationModules.of(HamyarApplication.class).verify();
    }
}
