package ir.hamyar.bot.flow.training;

import ir.hamyar.bot.runtime.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrainingMenu {

    @Bean
    MenuEntry coursesMenu() {
        return new MenuEntry("training.menu.courses", 20, "courses");
    }

    @Bean
    MenuEntry myCoursesMenu() {
        return new MenuEntry("training.menu.mycourses", 21, "mycourses");
    }
}
