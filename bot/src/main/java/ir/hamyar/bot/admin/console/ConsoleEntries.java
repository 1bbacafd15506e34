package ir.hamyar.bot.admin.console;

import ir.hamyar.bot.admin.Action;
import ir.hamyar.bot.admin.AdminEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's entries in the {@code /admin} menu (orders 10–39). */
@Configuration
class ConsoleEntries {

    @Bean
    AdminEntry auditEntry() {
        return new AdminEntry("admin.menu.audit", 10, "audit", Action.VIEW_AUDIT);
    }

    @Bean
    AdminEntry rolesEntry() {
        return new AdminEntry("admin.menu.roles", 20, "roles", Action.GRANT_ROLES);
    }

    @Bean
    AdminEntry suspendEntry() {
        return new AdminEntry("admin.menu.suspend", 30, "suspend", Action.SUSPEND_MEMBER);
    }

    @Bean
    AdminEntry reinstateEntry() {
        return new AdminEntry("admin.menu.reinstate", 31, "reinstate", Action.SUSPEND_MEMBER);
    }
}
