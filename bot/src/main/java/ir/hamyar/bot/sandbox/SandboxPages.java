package ir.hamyar.bot.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;

/**
 * The web chat's page: {@code /sandbox} and {@code /sandbox/} serve {@code static/sandbox/index.html} (which
 * refers to its scripts by absolute paths, so both work), and in sandbox mode the site's root leads there. The
 * page's Persian is drawn with the bundled Vazirmatn (the certificates' font, SIL OFL) served from
 * {@code /sandbox/fonts/}, so it renders the same on a machine without any Persian system font.
 *
 * <p>With a token (the sandbox off) everything under {@code /sandbox} answers 404, the same as any unknown address:
 * the page, its scripts and fonts (which Spring Boot's static resources would otherwise serve) and the API.
 */
@Configuration
class SandboxPages implements WebMvcConfigurer {

    static final String[] PATHS = {"/sandbox", "/sandbox/**"};

    private final Sandbox sandbox;

    SandboxPages(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        if (!sandbox.on()) {
            return;
        }
        registry.addRedirectViewController("/", "/sandbox");
        registry.addViewController("/sandbox").setViewName("forward:/sandbox/index.html");
        registry.addViewController("/sandbox/").setViewName("forward:/sandbox/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox/fonts/**").addResourceLocations("classpath:/fonts/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (!sandbox.on()) {
            registry.addInterceptor(new Closed()).addPathPatterns(PATHS);
        }
    }

    /** Answers 404 through the servlet container's error handling, exactly as an address nothing serves. */
    private static final class Closed implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
    }
}
