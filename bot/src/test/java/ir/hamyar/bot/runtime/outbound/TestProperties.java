package ir.hamyar.bot.runtime.outbound;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.HashMap;
import java.util.Map;

/** {@link OutboundProperties} as Spring would bind them: the defaults, overridden by the given settings. */
final class TestProperties {

    private TestProperties() {
    }

    static OutboundProperties outbound(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put("hamyar.outbound." + keyValues[i], keyValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(map))
                .bindOrCreate("hamyar.outbound", OutboundProperties.class);
    }
}
