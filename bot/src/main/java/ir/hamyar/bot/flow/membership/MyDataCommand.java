package ir.hamyar.bot.flow.membership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ir.hamyar.bot.runtime.CommandHandler;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.Text;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /mydata}: everything held about the member, as a JSON document sent in the chat. */
@Component
class MyDataCommand implements CommandHandler {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Membership membership;

    MyDataCommand(Membership membership) {
        this.membership = membership;
    }

    @Override
    public Set<String> commands() {
        return Set.of("mydata");
    }

    @Override
    public List<Reply> handle(Inbound command, Session session) {
        Optional<MemberView> m = membership.findByAccount(session.platform(), session.userId());
        if (m.isEmpty()) {
            return List.of(Reply.text("membership.not_member"));
        }
        try {
            Object export = membership.export(m.get().id()).orElseThrow();
            byte[] document = JSON.writeValueAsString(export).getBytes(StandardCharsets.UTF_8);
            return List.of(new Reply.SendDocument(null, "hamyar-my-data.json", document, Text.of("membership.mydata_caption")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export not serialisable", e);
        }
    }
}
