package ir.hamyar.bot.telegram;

import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookControllerTests {

    static final String SECRET = "0123456789abcdef0123";
    static final String UPDATE = "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1,"
            + "\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"A\"},"
            + "\"text\":\"hello\"}}";

    static WebhookController controller(ir.hamyar.bot.runtime.InboundReceiver receiver) {
        HamyarProperties properties = new HamyarProperties(new HamyarProperties.Bot("1:t", ""),
                new HamyarProperties.Bot("", ""), new HamyarProperties.Webhook("https://bot.example.org", SECRET), "",
                Duration.ofSeconds(50), Duration.ofSeconds(5), Duration.ofMillis(10));
        MessengerEndpoints endpoints = new MessengerEndpoints(List.of(
                new MessengerEndpoints.Endpoint(Platform.TELEGRAM, "1:t", "https://api.telegram.org")));
        return new WebhookController(properties, endpoints, receiver);
    }

    @Test
    void acknowledgesAnUpdateOnceItIsStored() {
        List<Inbound> stored = new ArrayList<>();
        assertThat(controller(stored::addAll).telegram(SECRET, UPDATE).getStatusCode().value()).isEqualTo(200);
        assertThat(stored).extracting(Inbound::updateId).containsExactly(5L);
    }

    @Test
    void answers503WithoutThrowingWhenTheUpdateCannotBeStoredSoTheMessengerResendsIt() {
        WebhookController controller = controller(updates -> {
            throw new DataAccessResourceFailureException("INSERT ... VALUES ('hello')");
        });
        assertThat(controller.telegram(SECRET, UPDATE).getStatusCode().value()).isEqualTo(503);
    }
}
