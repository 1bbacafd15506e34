package ir.hamyar.bot.flow.training;

import ir.hamyar.domain.training.CertificateView;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.Locale;

/**
 * Draws a certificate as a PNG with Java2D and the bundled Vazirmatn font (SIL OFL, see fonts/Vazirmatn-OFL.txt).
 * Each line is one right-to-left {@link TextLayout}, which shapes the Arabic script (joined letter forms) and
 * orders mixed Persian and Latin runs (the code) by the Unicode bidi algorithm.
 */
@Component
class CertificateImages {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1130;
    private static final Color INK = new Color(0x1F, 0x2A, 0x44);
    private static final Color ACCENT = new Color(0x2E, 0x7D, 0x5B);
    private static final Color PAPER = new Color(0xFB, 0xF8, 0xF0);

    /**
     * Loaded on the first certificate, not at startup: a font brings up AWT's font manager (native libraries,
     * thousands of classes), which costs startup time and idle memory for something drawn rarely.
     */
    private static final class Fonts {
        static final Font REGULAR = load("/fonts/Vazirmatn-Regular.ttf");
        static final Font BOLD = load("/fonts/Vazirmatn-Bold.ttf");
    }

    private final String publicUrl;

    CertificateImages(@Value("${hamyar.training.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    private static Font load(String resource) {
        try (InputStream in = CertificateImages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("unreadable font " + resource, e);
        }
    }

    /** The verification address printed on certificates, or "" when the app has no public URL configured. */
    String verifyUrl(String code) {
        return publicUrl.isEmpty() ? "" : publicUrl + "/verify/" + code;
    }

    byte[] render(CertificateView c) {
        Locale fa = Texts.FA;
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke(14));
            g.drawRect(40, 40, WIDTH - 80, HEIGHT - 80);
            g.setStroke(new BasicStroke(3));
            g.drawRect(70, 70, WIDTH - 140, HEIGHT - 140);

            String dates = c.firstSessionAt() == null ? "" : Texts.get(fa, "training.certificate.dates",
                    JalaliDates.formatLong(c.firstSessionAt(), fa), JalaliDates.formatLong(c.lastSessionAt(), fa));
            centred(g, Texts.get(fa, "training.certificate.network"), Fonts.REGULAR.deriveFont(34f), INK, 170);
            centred(g, Texts.get(fa, "training.certificate.title"), Fonts.BOLD.deriveFont(76f), ACCENT, 290);
            centred(g, Texts.get(fa, "training.certificate.certifies"), Fonts.REGULAR.deriveFont(36f), INK, 400);
            centred(g, c.holderName() == null ? "" : c.holderName(), Fonts.BOLD.deriveFont(66f), INK, 500);
            centred(g, Texts.get(fa, "training.certificate.completed"), Fonts.REGULAR.deriveFont(36f), INK, 600);
            centred(g, c.courseTitle(), Fonts.BOLD.deriveFont(52f), ACCENT, 690);
            centred(g, dates, Fonts.REGULAR.deriveFont(32f), INK, 780);
            centred(g, Texts.get(fa, "training.certificate.issued", JalaliDates.formatLong(c.issuedAt(), fa)),
                    Fonts.REGULAR.deriveFont(30f), INK, 840);
            centred(g, Texts.get(fa, "training.certificate.code", c.code()), Fonts.BOLD.deriveFont(36f), INK, 940);
            String url = verifyUrl(c.code());
            centred(g, url.isEmpty() ? Texts.get(fa, "training.certificate.verify_in_bot", c.code())
                    : Texts.get(fa, "training.certificate.verify_at", url), Fonts.REGULAR.deriveFont(26f), INK, 1000);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void centred(Graphics2D g, String text, Font font, Color color, float baseline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        AttributedString s = new AttributedString(text);
        s.addAttribute(TextAttribute.FONT, font);
        s.addAttribute(TextAttribute.RUN_DIRECTION, TextAttribute.RUN_DIRECTION_RTL);
        FontRenderContext frc = g.getFontRenderContext();
        TextLayout layout = new TextLayout(s.getIterator(), frc);
        float width = (float) layout.getAdvance();
        if (width > WIDTH - 200) { // a very long course title: shrink to fit the frame rather than overflow
            centred(g, text, font.deriveFont(font.getSize2D() * (WIDTH - 200) / width), color, baseline);
            return;
        }
        g.setColor(color);
        layout.draw(g, (WIDTH - width) / 2f, baseline);
    }
}
