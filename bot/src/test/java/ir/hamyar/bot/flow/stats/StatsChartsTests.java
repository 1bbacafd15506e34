package ir.hamyar.bot.flow.stats;

import ir.hamyar.domain.statistics.Figures.RegionCount;
import ir.hamyar.domain.statistics.Figures.WeekCount;
import ir.hamyar.messages.Texts;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the charts and keeps them under {@code target/stats/} for a person to look at (Persian must come out
 * shaped and right to left). The assertions check what a machine can: a PNG of the agreed size, drawn, with the
 * largest bar at the right in Persian and at the left in English.
 */
class StatsChartsTests {

    static final StatsCharts charts = new StatsCharts();
    static final Path OUT = Path.of("target", "stats");

    static List<RegionCount> provinces() {
        return List.of(new RegionCount(8, "تهران", 1250), new RegionCount(4, "اصفهان", 830),
                new RegionCount(11, "خراسان رضوی", 610), new RegionCount(17, "فارس", 420),
                new RegionCount(1, "آذربایجان شرقی", 305), new RegionCount(16, "سیستان و بلوچستان", 120),
                new RegionCount(23, "کهگیلویه و بویراحمد", 45));
    }

    static List<WeekCount> weeks() {
        List<WeekCount> weeks = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 10);
        long[] counts = {12, 18, 25, 22, 40, 38, 51, 47, 66, 90, 84, 120};
        for (int i = 0; i < counts.length; i++) {
            weeks.add(new WeekCount(start.plusWeeks(i), counts[i]));
        }
        return weeks;
    }

    @Test
    void drawsMembersByProvinceAsBarsLargestAtTheRightInPersian() throws IOException {
        byte[] png = charts.membersBar(provinces(), "stats.chart_members_province", Texts.FA);
        BufferedImage image = save("members-by-province.png", png);

        assertThat(image.getWidth()).isEqualTo(StatsCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(StatsCharts.HEIGHT);
        assertThat(tallestBarX(image)).as("Tehran's bar stands in the right half").isGreaterThan(StatsCharts.WIDTH / 2);

        BufferedImage english = save("members-by-province-en.png",
                charts.membersBar(provinces(), "stats.chart_members_province", Locale.ENGLISH));
        assertThat(tallestBarX(english)).as("left to right in English").isLessThan(StatsCharts.WIDTH / 2);
    }

    @Test
    void drawsRegistrationsPerWeekAsALine() throws IOException {
        BufferedImage image = save("registrations-per-week.png", charts.registrationsLine(weeks(), Texts.FA));
        assertThat(image.getWidth()).isEqualTo(StatsCharts.WIDTH);
        assertThat(countPixels(image, StatsChartsTests::isAccent)).as("the line is drawn").isGreaterThan(500);
    }

    @Test
    void foldsRegionsBeyondTheBarLimitIntoOne() throws IOException {
        List<RegionCount> many = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            many.add(new RegionCount(i, "شهرستان " + i, 100 - i));
        }
        BufferedImage image = save("members-by-county.png",
                charts.membersBar(many, "stats.chart_members_county", Texts.FA));
        assertThat(image.getHeight()).isEqualTo(StatsCharts.HEIGHT);
    }

    @Test
    void writesNumbersInTheLocalesDigits() {
        assertThat(StatsCharts.digits(Texts.FA).format(12500)).isEqualTo("۱۲٬۵۰۰");
        assertThat(StatsCharts.digits(Locale.ENGLISH).format(12500)).isEqualTo("12,500");
    }

    private static BufferedImage save(String name, byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The x of the column holding the most bar-coloured pixels: the tallest bar. */
    private static int tallestBarX(BufferedImage image) {
        int best = -1;
        int bestCount = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                if (isAccent(image.getRGB(x, y))) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                best = x;
            }
        }
        return best;
    }

    private static int countPixels(BufferedImage image, java.util.function.IntPredicate matching) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (matching.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isAccent(int rgb) {
        return (rgb & 0xFFFFFF) == 0x2E7D5B;
    }
}
