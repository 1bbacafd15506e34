package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.bot.config.MessengerStandIn;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.domain.shared.Platform;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Whether the application runs its sandbox, decided from the tokens when it starts. The sandbox's beans exist in
 * both modes, because with Spring AOT (the Docker image) which beans exist is fixed when the image is built; they
 * ask this one instead. On (no token): the in-process fake Bot API runs and stands in for the messengers. Off:
 * nothing is started, and the sandbox's pages and API answer 404 like any unknown address.
 */
final class Sandbox implements MessengerStandIn, AutoCloseable {

    static final String TELEGRAM_TOKEN = "sandbox-telegram";
    static final String BALE_TOKEN = "sandbox-bale";

    /** null when off */
    private final FakeBotApi api;

    private Sandbox(FakeBotApi api) {
        this.api = api;
    }

    static Sandbox off() {
        return new Sandbox(null);
    }

    /** Starts the fake Bot API on {@code port} (0: any free one) with a Telegram and a Bale bot. */
    static Sandbox start(int port, JdbcTemplate jdbc) {
        FakeBotApi api = FakeBotApi.start(port);
        api.bot(TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_sandbox_bot")
                .continueUpdateIdsAfter(lastUpdateId(jdbc, Platform.TELEGRAM));
        api.bot(BALE_TOKEN, Flavor.BALE, "hamyar_sandbox_bale_bot")
                .continueUpdateIdsAfter(lastUpdateId(jdbc, Platform.BALE));
        return new Sandbox(api);
    }

    /**
     * The zero-setup database is kept across runs, but a new fake server would number its updates from 1 again,
     * and the inbox drops update ids it has seen: the fake continues after the last one stored instead.
     */
    static int lastUpdateId(JdbcTemplate jdbc, Platform platform) {
        Long last = jdbc.queryForObject("SELECT MAX(update_id) FROM inbox_update WHERE platform = ?", Long.class,
                platform.name());
        return last == null ? 0 : (int) Math.min(last, Integer.MAX_VALUE - 1_000_000L);
    }

    boolean on() {
        return api != null;
    }

    /** The fake Bot API; only when on. */
    FakeBotApi api() {
        if (api == null) {
            throw new IllegalStateException("the sandbox is off: a bot token is configured");
        }
        return api;
    }

    FakeBot bot(Platform platform) {
        return api().bot(platform == Platform.TELEGRAM ? TELEGRAM_TOKEN : BALE_TOKEN);
    }

    @Override
    public List<MessengerEndpoints.Endpoint> endpoints() {
        String url = api().baseUrl();
        return List.of(new MessengerEndpoints.Endpoint(Platform.TELEGRAM, TELEGRAM_TOKEN, url),
                new MessengerEndpoints.Endpoint(Platform.BALE, BALE_TOKEN, url));
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
    }
}
