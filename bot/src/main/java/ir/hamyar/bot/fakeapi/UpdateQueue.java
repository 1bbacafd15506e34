package ir.hamyar.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The updates waiting for one bot, with Telegram's delivery rules: getUpdates' {@code offset} confirms (drops)
 * earlier updates, a newer getUpdates terminates a waiting one with 409, getUpdates is refused with 409 while a
 * webhook is set, and {@code allowed_updates} is remembered between calls.
 */
final class UpdateQueue {

    /** A waiting update; a re-delivered duplicate is handed out regardless of offset until confirmed after that. */
    static final class Pending {
        private final int updateId;
        private final String kind;
        private final ObjectNode json;
        private final boolean duplicate;
        private boolean deliveredOnce;

        Pending(int updateId, String kind, ObjectNode json, boolean duplicate) {
            this.updateId = updateId;
            this.kind = kind;
            this.json = json;
            this.duplicate = duplicate;
        }

        int updateId() {
            return updateId;
        }

        String kind() {
            return kind;
        }

        ObjectNode json() {
            return json;
        }

        boolean duplicate() {
            return duplicate;
        }

        /** Confirmed by an offset beyond it; a duplicate only once it was handed out at least once. */
        boolean confirmedBy(long offset) {
            return updateId < offset && (!duplicate || deliveredOnce);
        }
    }

    record WebhookConfig(String url, String secret) {
    }

    private static final Set<String> EXCLUDED_BY_DEFAULT = Set.of("chat_member", "message_reaction",
            "message_reaction_count");
    private static final int HISTORY_LIMIT = 200_000;

    private final Object lock = new Object();
    private final List<Pending> pending = new ArrayList<>();
    private final Map<Integer, ObjectNode> history = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ObjectNode> eldest) {
            return size() > historyLimit;
        }
    };
    /** Delivered updates kept for {@link #redeliver}; written under {@code lock}, like the map. */
    private int historyLimit = HISTORY_LIMIT;
    private int nextUpdateId = 1;
    private Set<String> allowed;
    private long pollGeneration;
    private WebhookConfig webhook;
    private boolean closed;

    /** Ids continue after {@code lastUpdateId} (never go back). */
    void continueAfter(int lastUpdateId) {
        synchronized (lock) {
            nextUpdateId = Math.max(nextUpdateId, lastUpdateId + 1);
        }
    }

    int add(ObjectNode update) {
        synchronized (lock) {
            int id = nextUpdateId++;
            ObjectNode numbered = Json.object();
            numbered.put("update_id", id);
            update.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("update_id")) {
                    numbered.set(field.getKey(), field.getValue());
                }
            });
            pending.add(new Pending(id, kind(numbered), numbered, false));
            history.put(id, numbered);
            lock.notifyAll();
            return id;
        }
    }

    /** Keeps only the newest {@code limit} updates for redelivery (the older ones go at the next injection). */
    void limitHistory(int limit) {
        synchronized (lock) {
            historyLimit = limit;
        }
    }

    void redeliver(int updateId) {
        synchronized (lock) {
            ObjectNode update = history.get(updateId);
            if (update == null) {
                throw new IllegalArgumentException("no update " + updateId + " was injected (or it is no longer kept)");
            }
            pending.add(new Pending(updateId, kind(update), update.deepCopy(), true));
            lock.notifyAll();
        }
    }

    ArrayNode poll(long offset, int limit, int timeoutSeconds, Set<String> allowedUpdates) throws InterruptedException {
        synchronized (lock) {
            refuseWhileWebhookIsSet();
            if (allowedUpdates != null) {
                allowed = allowedUpdates.isEmpty() ? null : Set.copyOf(allowedUpdates);
            }
            confirm(offset);
            long generation = ++pollGeneration;
            lock.notifyAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (true) {
                if (closed) {
                    return Json.array();
                }
                if (generation != pollGeneration) {
                    throw ApiException.conflict(
                            "terminated by other getUpdates request; make sure that only one bot instance is running");
                }
                refuseWhileWebhookIsSet();
                ArrayNode batch = take(offset, limit);
                long remaining = deadline - System.nanoTime();
                if (!batch.isEmpty() || remaining <= 0) {
                    return batch;
                }
                lock.wait(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
            }
        }
    }

    private void refuseWhileWebhookIsSet() {
        if (webhook != null) {
            throw ApiException.conflict(
                    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
    }

    private void confirm(long offset) {
        if (offset > 0) {
            pending.removeIf(p -> p.confirmedBy(offset));
        } else if (offset < 0) {
            long keep = -offset;
            long originals = pending.stream().filter(p -> !p.duplicate()).count();
            Iterator<Pending> it = pending.iterator();
            while (originals > keep && it.hasNext()) {
                if (!it.next().duplicate()) {
                    it.remove();
                    originals--;
                }
            }
        }
    }

    private ArrayNode take(long offset, int limit) {
        ArrayNode batch = Json.array();
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext() && batch.size() < limit) {
            Pending next = it.next();
            if (!isAllowed(next)) {
                it.remove();
            } else if (next.duplicate()) {
                batch.add(next.json());
                next.deliveredOnce = true;
            } else if (offset <= 0 || next.updateId() >= offset) {
                batch.add(next.json());
            }
        }
        return batch;
    }

    private boolean isAllowed(Pending update) {
        return allowed == null ? !EXCLUDED_BY_DEFAULT.contains(update.kind()) : allowed.contains(update.kind());
    }

    void setWebhook(WebhookConfig config, boolean dropPending, Set<String> allowedUpdates) {
        synchronized (lock) {
            webhook = config;
            if (allowedUpdates != null) {
                allowed = allowedUpdates.isEmpty() ? null : Set.copyOf(allowedUpdates);
            }
            if (dropPending) {
                pending.clear();
            }
            lock.notifyAll();
        }
    }

    void deleteWebhook(boolean dropPending) {
        synchronized (lock) {
            webhook = null;
            if (dropPending) {
                pending.clear();
            }
            lock.notifyAll();
        }
    }

    WebhookConfig webhook() {
        synchronized (lock) {
            return webhook;
        }
    }

    int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** The next update to push to {@code config}'s URL; null once that webhook is gone or the fake closes. */
    Pending awaitHead(WebhookConfig config) throws InterruptedException {
        synchronized (lock) {
            while (!closed && webhook == config) {
                Iterator<Pending> it = pending.iterator();
                while (it.hasNext()) {
                    Pending head = it.next();
                    if (isAllowed(head)) {
                        return head;
                    }
                    it.remove();
                }
                lock.wait(1_000);
            }
            return null;
        }
    }

    boolean stillCurrent(WebhookConfig config) {
        synchronized (lock) {
            return !closed && webhook == config;
        }
    }

    void delivered(Pending update) {
        synchronized (lock) {
            // identity, not equality: a re-delivered duplicate must not remove its original
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                if (it.next() == update) {
                    it.remove();
                    return;
                }
            }
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private static String kind(ObjectNode update) {
        Iterator<String> names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "";
    }
}
