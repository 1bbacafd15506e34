package ir.hamyar.bot.flow.training;

import ir.hamyar.domain.training.Training;
import ir.hamyar.domain.training.Verification;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /verify/{code}}: the public check printed on certificates. A small Persian right-to-left page that
 * names the holder, the course and the date of a genuine certificate, and nothing else; 404 otherwise.
 */
@RestController
class VerifyPage {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final Training training;

    VerifyPage(Training training) {
        this.training = training;
    }

    @GetMapping("/verify/{code}")
    ResponseEntity<String> verify(@PathVariable String code) {
        Locale fa = Texts.FA;
        Optional<Verification> v = training.verify(code);
        String body = v.map(x -> Texts.get(fa, "training.page.valid", HtmlUtils.htmlEscape(x.holderName()),
                        HtmlUtils.htmlEscape(x.courseTitle()), HtmlUtils.htmlEscape(JalaliDates.formatLong(x.issuedAt(), fa))))
                .orElseGet(() -> Texts.get(fa, "training.page.invalid"));
        String page = "<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(Texts.get(fa, "training.page.title")) + "</title>"
                + "<style>body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;"
                + "line-height:1.8;color:#1f2a44}h1{color:#2e7d5b;font-size:1.4em}</style></head><body><h1>"
                + HtmlUtils.htmlEscape(Texts.get(fa, "training.page.title")) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(v.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .cacheControl(CacheControl.noStore()).contentType(HTML).body(page);
    }
}
