package ir.hamyar.bot.runtime.outbound;

import com.zaxxer.hikari.HikariDataSource;
import ir.hamyar.bot.runtime.ChatRef;
import ir.hamyar.bot.runtime.JdbcTransactions;
import ir.hamyar.bot.runtime.MigratedPostgres;
import ir.hamyar.bot.runtime.OutboundMessage;
import ir.hamyar.testing.QueryPlans;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox table's store on its own, as two application instances sharing one database would use it. */
class OutboxStoreTests {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private final PayloadCodec codec = new PayloadCodec();

    @BeforeEach
    void database() {
        dataSource = MigratedPostgres.newDataSource("outbox_store");
        jdbc = new JdbcTemplate(dataSource);
        tx = JdbcTransactions.on(jdbc);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static OutboundMessage text(long chat, String text) {
        return OutboundMessage.sendText(new ChatRef(Platform.TELEGRAM, chat), text, false, null);
    }

    @Test
    void rowsWrittenInOneStatementGetTheirIdsInTheOrderGiven() {
        OutboxStore store = new OutboxStore(jdbc);
        List<OutboundMessage> messages = List.of(text(1, "first"), text(2, "second"), text(1, "third"),
                text(3, "fourth"));

        List<Long> ids = tx.execute(s -> store.insert(messages, null));

        assertThat(ids).hasSize(4).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < ids.size(); i++) {
            String payload = jdbc.queryForObject("SELECT payload FROM outbound_message WHERE id = ?", String.class,
                    ids.get(i));
            assertThat(codec.decode(payload)).isEqualTo(messages.get(i));
        }
    }

    @Test
    void aRowWrittenHereIsClaimedAsWrittenAndOneWrittenElsewhereAsStored() {
        OutboxStore here = new OutboxStore(jdbc);
        OutboxStore elsewhere = new OutboxStore(jdbc);
        List<Long> ids = tx.execute(s -> here.insert(List.of(text(1, "as written"), text(2, "as written")), null));
        // The stored payloads differ from what was written: which one a claim returns shows where it came from.
        jdbc.update("UPDATE outbound_message SET payload = ? WHERE id = ? OR id = ?",
                codec.encode(text(9, "as stored")), ids.get(0), ids.get(1));

        List<ClaimedRow> claimedHere = here.claimIds(List.of(ids.get(0)), 10, "here", Duration.ofMinutes(1));
        List<ClaimedRow> claimedElsewhere = elsewhere.claimIds(List.of(ids.get(1)), 10, "elsewhere",
                Duration.ofMinutes(1));

        assertThat(claimedHere).singleElement().satisfies(r -> assertThat(r.message().text()).isEqualTo("as written"));
        assertThat(claimedElsewhere).singleElement()
                .satisfies(r -> assertThat(r.message().text()).isEqualTo("as stored"));
        assertThat(jdbc.queryForList("SELECT claimed_by FROM outbound_message ORDER BY id", String.class))
                .containsExactly("here", "elsewhere");
    }

    @Test
    void outcomesOfSeveralKindsAreStoredForEachRowAndTheChatsNextRowsClaimed() {
        OutboxStore store = new OutboxStore(jdbc);
        List<Long> ids = tx.execute(s -> store.insert(List.of(text(1, "a"), text(2, "b"), text(3, "c"),
                text(1, "a2"), text(2, "b2")), null));
        List<ClaimedRow> claimed = store.claimIds(ids, 10, "me", Duration.ofMinutes(1));
        assertThat(claimed).extracting(ClaimedRow::id).containsExactly(ids.get(0), ids.get(1), ids.get(2));

        List<ClaimedRow> next = store.finishAll(List.of(
                new OutboxStore.Outcome(claimed.get(0), OutboxStore.SENT, 0, 501L, null),
                new OutboxStore.Outcome(claimed.get(1), OutboxStore.SENT, 0, 502L, null),
                new OutboxStore.Outcome(claimed.get(2), OutboxStore.UNREACHABLE, 0, null, "unreachable: blocked")),
                "me", Duration.ofMinutes(1), true);

        assertThat(jdbc.queryForList("SELECT status || '/' || coalesce(sent_message_id::text, '-') || '/' "
                + "|| coalesce(last_error, '-') FROM outbound_message WHERE id IN (?, ?, ?) ORDER BY id", String.class,
                ids.get(0), ids.get(1), ids.get(2)))
                .containsExactly("SENT/501/-", "SENT/502/-", "UNREACHABLE/-/unreachable: blocked");
        assertThat(next).extracting(ClaimedRow::id).containsExactlyInAnyOrder(ids.get(3), ids.get(4));
    }

    /**
     * The statistics PostgreSQL plans with are those of the last ANALYZE: here they say that no row waits while
     * 3,000 do (a broadcast, or a backlog, written since). The claims of given rows and of given chats must still
     * find their rows by key, not by reading every waiting row through the ready rows' index.
     */
    @Test
    void claimsOfGivenRowsAndChatsFindThemByKeyWhateverTheStatisticsSay() {
        jdbc.execute("ALTER TABLE outbound_message SET (autovacuum_enabled = false)");
        String row = "SELECT 'TELEGRAM', g %% 300 + 1, 'T:' || (g %% 300 + 1), 'SEND_TEXT', '{}', '%s', 0, "
                + "now() - interval '1 minute', now(), NULL FROM generate_series(1, %d) g";
        String insert = "INSERT INTO outbound_message (platform, chat_id, chat_key, op, payload, status, attempts, "
                + "not_before, created_at, reference) ";
        jdbc.update(insert + String.format(row, "SENT", 5_000));
        jdbc.execute("ANALYZE outbound_message");
        jdbc.update(insert + String.format(row, "PENDING", 3_000));
        List<Long> waiting = jdbc.queryForList("SELECT id FROM outbound_message WHERE status = 'PENDING' "
                + "ORDER BY id DESC LIMIT 32", Long.class);
        List<String> chats = jdbc.queryForList("SELECT DISTINCT chat_key FROM outbound_message ORDER BY chat_key "
                + "LIMIT 16", String.class);

        String byIds = QueryPlans.custom(jdbc, OutboxStore.CLAIM_IDS, OffsetDateTime.now(),
                waiting.toArray(new Long[0]), waiting.size());
        String byChats = QueryPlans.custom(jdbc, OutboxStore.CLAIM_CHATS, OffsetDateTime.now(),
                chats.toArray(new String[0]), chats.size());
        String byIdsGeneric = QueryPlans.generic(jdbc, OutboxStore.CLAIM_IDS, "now()",
                "ARRAY" + waiting + "::bigint[]", Integer.toString(waiting.size()));
        String byChatsGeneric = QueryPlans.generic(jdbc, OutboxStore.CLAIM_CHATS, "now()",
                chats.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "ARRAY[", "]::varchar[]")),
                Integer.toString(chats.size()));

        assertThat(byIds).contains("outbound_message_pkey").doesNotContain("ix_outbound_ready");
        assertThat(byChats).contains("ix_outbound_unsent").doesNotContain("ix_outbound_ready");
        assertThat(byIdsGeneric).contains("outbound_message_pkey").doesNotContain("ix_outbound_ready");
        assertThat(byChatsGeneric).contains("ix_outbound_unsent").doesNotContain("ix_outbound_ready");
    }
}
