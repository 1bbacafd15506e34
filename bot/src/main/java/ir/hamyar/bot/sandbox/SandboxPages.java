package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.config.SandboxCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web chat's page: {@code /sandbox} and {@code /sandbox/} serve {@code static/sandbox/index.html} (which
 * refers to its scripts by absolute paths, so both work), and in sandbox mode the site's root leads there. The
 * page's Persian is drawn with the bundled Vazirmatn (the certificates' font, SIL OFL) served from
 * {@code /sandbox/fonts/}, so it renders the same on a machine without any Persian system font.
 */
@Configuration
@Conditional(SandboxCondition.class)
class SandboxPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/sandbox");
        registry.addViewController("/sandbox").setViewName("forward:/sandbox/index.html");
        registry.addViewController("/sandbox/").setViewName("forward:/sandbox/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox/fonts/**").addResourceLocations("classpath:/fonts/");
    }
}
