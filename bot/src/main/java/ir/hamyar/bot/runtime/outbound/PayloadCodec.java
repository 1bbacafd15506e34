package ir.hamyar.bot.runtime.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.runtime.OutboundMessage;

/**
 * An {@link OutboundMessage} as the JSON text stored in {@code outbound_message.payload}; file bytes become
 * base64. A mapper of its own, so that the application's JSON settings cannot change what is stored.
 */
final class PayloadCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    String encode(OutboundMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbound message cannot be stored as JSON", e);
        }
    }

    OutboundMessage decode(String payload) {
        try {
            return mapper.readValue(payload, OutboundMessage.class);
        } catch (JsonProcessingException e) {
            // The exception text would quote the payload, which holds a message text: keep only its kind.
            throw new IllegalArgumentException("unreadable outbound payload (" + e.getClass().getSimpleName() + ")");
        }
    }
}
