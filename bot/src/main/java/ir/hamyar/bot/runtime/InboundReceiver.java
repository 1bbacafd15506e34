package ir.hamyar.bot.runtime;

import java.util.List;

/**
 * Entry point for messenger adapters: stores received updates durably (exactly once per platform and update
 * id) and schedules them. Returns only when they are stored, so the adapter may acknowledge them afterwards.
 */
public interface InboundReceiver {

    void receive(List<Inbound> updates);
}
