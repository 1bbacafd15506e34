package ir.hamyar.domain.broadcasting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Settings of broadcasting and delivery preferences ({@code hamyar.broadcasting.*}).
 *
 * @param quietStart start of the quiet hours, local time in {@code zone}
 * @param quietEnd   end of the quiet hours (may be earlier than the start: the window crosses midnight)
 * @param zone       the time zone of the quiet hours and of scheduled broadcasts
 */
@ConfigurationProperties("hamyar.broadcasting")
public record BroadcastingSettings(
        @DefaultValue("22:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd,
        @DefaultValue("Asia/Tehran") ZoneId zone) {

    public QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd, zone);
    }
}
