package ir.hamyar.bot.telegram;

import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.List;

/** Mapping that never fails: an update we cannot read is stored as UNSUPPORTED (and so acknowledged once). */
final class InboundMapping {

    private static final Logger log = LoggerFactory.getLogger(InboundMapping.class);

    private InboundMapping() {
    }

    static Inbound safeMap(Platform platform, Update u) {
        try {
            return UpdateMapper.map(platform, u);
        } catch (RuntimeException e) {
            log.warn("{}: unreadable update {} ({})", platform, u.getUpdateId(), e.getClass().getSimpleName());
            return new Inbound(platform, u.getUpdateId() == null ? 0 : u.getUpdateId(), Inbound.Kind.UNSUPPORTED,
                    0, ChatType.CHANNEL, null, 0, null, null, null, null, null, null, null, null, List.of(), null);
        }
    }
}
