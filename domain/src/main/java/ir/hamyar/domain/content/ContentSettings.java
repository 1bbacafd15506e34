package ir.hamyar.domain.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the content store ({@code hamyar.content.*}).
 *
 * @param cacheTtl how long an instance keeps a code's current version without asking the database. An edit clears
 *                 the editing instance's cache at once; other instances sharing the database see it at most this
 *                 late (there is no cross-instance message bus, and a short TTL costs one query per code per TTL).
 */
@ConfigurationProperties("hamyar.content")
public record ContentSettings(@DefaultValue("30s") Duration cacheTtl) {
}
