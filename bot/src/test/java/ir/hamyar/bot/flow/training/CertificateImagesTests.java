package ir.hamyar.bot.flow.training;

import ir.hamyar.domain.training.CertificateView;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateImagesTests {

    private static final CertificateView CERTIFICATE = new CertificateView(1, "K7M2-Q9XD", 5, 7, "مریم احمدی",
            "آشنایی با شبکهٔ همیار", Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-12-08T15:00:00Z"),
            Instant.parse("2026-12-09T08:00:00Z"));

    @Test
    void drawsAPngCertificateWithTextOnIt() throws Exception {
        byte[] png = new CertificateImages("https://hamyar.example.org").render(CERTIFICATE);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(CertificateImages.WIDTH);
        assertThat(image.getHeight()).isEqualTo(CertificateImages.HEIGHT);
        assertThat(inkedPixelsInRow(image, 480)).as("the holder's name is drawn").isGreaterThan(50);
        // kept for a look by eye: target/certificate-sample.png
        Files.write(Path.of("target", "certificate-sample.png"), png);
    }

    @Test
    void printsTheVerificationAddressWhenThereIsAPublicUrl() {
        assertThat(new CertificateImages("https://hamyar.example.org/").verifyUrl("K7M2-Q9XD"))
                .isEqualTo("https://hamyar.example.org/verify/K7M2-Q9XD");
        assertThat(new CertificateImages("").verifyUrl("K7M2-Q9XD")).isEmpty();
    }

    private static int inkedPixelsInRow(BufferedImage image, int y) {
        int inked = 0;
        for (int x = 100; x < image.getWidth() - 100; x++) {
            int rgb = image.getRGB(x, y) & 0xFFFFFF;
            if (((rgb >> 16) & 0xFF) < 120 && ((rgb >> 8) & 0xFF) < 120) {
                inked++;
            }
        }
        return inked;
    }
}
