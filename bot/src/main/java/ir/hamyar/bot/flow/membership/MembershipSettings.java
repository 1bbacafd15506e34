package ir.hamyar.bot.flow.membership;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param termsVersion the version of the membership terms in force; members who accepted an older one are
 *                     asked to accept again at their next interaction
 */
@ConfigurationProperties("hamyar.membership")
record MembershipSettings(@DefaultValue("1") String termsVersion) {
}
