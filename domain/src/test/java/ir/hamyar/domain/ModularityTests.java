package ir.hamyar.domain;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void domainModulesRespectTheirBoundaries() {
        ApplicationModules.of("ir.hamyar.domain").verify();
    }
}
