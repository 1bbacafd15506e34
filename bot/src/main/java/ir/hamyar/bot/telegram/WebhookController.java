package ir.hamyar.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.config.HamyarProperties;
import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.bot.runtime.InboundReceiver;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Webhook mode: the messenger POSTs each update here. It is stored before we answer 200, so an update is
 * acknowledged only once it is safe. Telegram proves itself with the secret header, Bale (which has no such
 * header) with the secret in the path; both compared in constant time.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final HamyarProperties properties;
    private final MessengerEndpoints endpoints;
    private final InboundReceiver receiver;
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    WebhookController(HamyarProperties properties, MessengerEndpoints endpoints, InboundReceiver receiver) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.receiver = receiver;
    }

    @PostMapping("/webhook/telegram")
    ResponseEntity<Void> telegram(@RequestHeader(value = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret,
                                  @RequestBody(required = false) String body) {
        return accept(Platform.TELEGRAM, secret, body);
    }

    @PostMapping("/webhook/bale/{secret}")
    ResponseEntity<Void> bale(@PathVariable String secret, @RequestBody(required = false) String body) {
        return accept(Platform.BALE, secret, body);
    }

    private ResponseEntity<Void> accept(Platform platform, String secret, String body) {
        if (!properties.webhook().enabled() || endpoints.endpoints().stream().noneMatch(e -> e.platform() == platform)) {
            return ResponseEntity.notFound().build();
        }
        if (!sameSecret(secret, properties.webhook().secret())) {
            log.warn("{} webhook call with a wrong secret refused", platform);
            return ResponseEntity.status(401).build();
        }
        Update update;
        try {
            update = mapper.readValue(body == null ? "" : body, Update.class);
        } catch (Exception e) {
            return ResponseEntity.badRequest().build();
        }
        try {
            receiver.receive(List.of(InboundMapping.safeMap(platform, update)));
        } catch (RuntimeException e) {
            // Not stored, so not acknowledged: the messenger delivers it again. Logged by type only, because a
            // database error's message may quote the statement's values (the update's text).
            log.warn("{} webhook update could not be stored ({}); the messenger will resend it",
                    platform, e.getClass().getSimpleName());
            return ResponseEntity.status(503).build();
        }
        return ResponseEntity.ok().build();
    }

    static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
