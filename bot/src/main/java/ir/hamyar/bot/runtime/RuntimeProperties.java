package ir.hamyar.bot.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the update-processing runtime ({@code hamyar.runtime.*}).
 *
 * @param workers           threads applying updates (different chats in parallel, one chat in order)
 * @param conversationTtl   how long an unfinished form is kept before it expires
 * @param sweepInterval     how often stored-but-unscheduled updates are looked for (restart, other instances)
 * @param maxAttempts       a flow that keeps failing on an update gives up after this many tries
 * @param batchChats        most chats a worker applies in one transaction when several are waiting (group
 *                          commit under load; 1 turns batching off)
 * @param batchPerChat      most updates of one chat applied in one such transaction
 */
@ConfigurationProperties("hamyar.runtime")
public record RuntimeProperties(
        @DefaultValue("8") int workers,
        @DefaultValue("6h") Duration conversationTtl,
        @DefaultValue("500ms") Duration sweepInterval,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("16") int batchChats,
        @DefaultValue("10") int batchPerChat) {
}
