package ir.hamyar.bot.flow.stats;

import ir.hamyar.domain.statistics.Figures.RegionCount;
import ir.hamyar.domain.statistics.Figures.WeekCount;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the {@code /stats} charts as PNG with JFreeChart and the bundled Vazirmatn font (SIL OFL), so they look
 * the same on a server without fonts. Java2D shapes the Persian script (joined letters) and orders it right to
 * left; for Persian the layout is right-to-left too: title right-aligned, value axis on the right, the first
 * category at the right. Numbers are written with the locale's digits.
 */
@Component
class StatsCharts {

    static final int WIDTH = 1200;
    static final int HEIGHT = 750;
    /** Bars beyond this many regions are summed into one "other" bar, so labels stay readable. */
    static final int MAX_BARS = 12;

    private static final Color INK = new Color(0x1F, 0x2A, 0x44);
    private static final Color ACCENT = new Color(0x2E, 0x7D, 0x5B);
    private static final Color GRID = new Color(0xD8, 0xDC, 0xE3);

    /**
     * The fonts, loaded on the first chart rather than at startup: loading a font brings up AWT and its font
     * manager (native libraries, thousands of classes), which costs startup time and idle memory for a feature few
     * users touch. The holder idiom makes that first load thread-safe without locking afterwards.
     */
    private static final class Fonts {
        static final Font REGULAR = load("/fonts/Vazirmatn-Regular.ttf");
        static final Font BOLD = load("/fonts/Vazirmatn-Bold.ttf");
    }

    private static Font load(String resource) {
        try (InputStream in = StatsCharts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            // Registered so that anything asking for the family by name (JFreeChart's theme copies) finds it.
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("unreadable font " + resource, e);
        }
    }

    /** Members per region as vertical bars, largest first (from the right in Persian). */
    byte[] membersBar(List<RegionCount> regions, String titleKey, Locale locale) {
        boolean rtl = isRtl(locale);
        List<RegionCount> bars = new ArrayList<>(regions.subList(0, Math.min(MAX_BARS, regions.size())));
        if (regions.size() > MAX_BARS) {
            long rest = regions.subList(MAX_BARS, regions.size()).stream().mapToLong(RegionCount::members).sum();
            bars.add(new RegionCount(0, Texts.get(locale, "stats.chart_other"), rest));
        }
        if (rtl) {
            java.util.Collections.reverse(bars);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = Texts.get(locale, "stats.chart_axis_members");
        for (RegionCount r : bars) {
            data.addValue(r.members(), series, r.name());
        }
        CategoryPlot plot = plot(data, locale, "stats.chart_axis_region", "stats.chart_axis_members");
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", digits(locale)));
        renderer.setDefaultItemLabelFont(Fonts.BOLD.deriveFont(15f));
        renderer.setDefaultItemLabelPaint(INK);
        renderer.setDefaultItemLabelsVisible(true);
        plot.setRenderer(renderer);
        if (bars.size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(rtl ? CategoryLabelPositions.UP_45
                    : CategoryLabelPositions.DOWN_45);
        }
        return png(chart(plot, titleKey, locale));
    }

    /** Registrations per week as a line, weeks labelled by their Jalali start day; time runs right to left in Persian. */
    byte[] registrationsLine(List<WeekCount> weeks, Locale locale) {
        boolean rtl = isRtl(locale);
        List<WeekCount> points = new ArrayList<>(weeks);
        if (rtl) {
            java.util.Collections.reverse(points);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = Texts.get(locale, "stats.chart_axis_registrations");
        for (WeekCount w : points) {
            data.addValue(w.registrations(), series, JalaliDates.formatDayMonth(w.weekStart(), locale));
        }
        CategoryPlot plot = plot(data, locale, "stats.chart_axis_week", "stats.chart_axis_registrations");
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", digits(locale)));
        renderer.setDefaultItemLabelFont(Fonts.BOLD.deriveFont(14f));
        renderer.setDefaultItemLabelPaint(INK);
        renderer.setDefaultItemLabelsVisible(true);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setCategoryLabelPositions(rtl ? CategoryLabelPositions.UP_45
                : CategoryLabelPositions.DOWN_45);
        return png(chart(plot, "stats.chart_registrations", locale));
    }

    private CategoryPlot plot(DefaultCategoryDataset data, Locale locale, String domainKey, String rangeKey) {
        CategoryAxis domain = new CategoryAxis(Texts.get(locale, domainKey));
        NumberAxis range = new NumberAxis(Texts.get(locale, rangeKey));
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setNumberFormatOverride(digits(locale));
        range.setUpperMargin(0.12); // room for the value labels above the highest bar
        CategoryPlot plot = new CategoryPlot(data, domain, range, null);
        plot.setOrientation(PlotOrientation.VERTICAL);
        if (isRtl(locale)) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(10, 20, 10, 20));
        return plot;
    }

    private JFreeChart chart(CategoryPlot plot, String titleKey, Locale locale) {
        JFreeChart chart = new JFreeChart(Texts.get(locale, titleKey), Fonts.BOLD.deriveFont(26f), plot, false);
        StandardChartTheme theme = new StandardChartTheme("hamyar");
        theme.setExtraLargeFont(Fonts.BOLD.deriveFont(26f));
        theme.setLargeFont(Fonts.BOLD.deriveFont(17f));
        theme.setRegularFont(Fonts.REGULAR.deriveFont(15f));
        theme.setSmallFont(Fonts.REGULAR.deriveFont(13f));
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setTitlePaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(GRID);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        Object labels = plot.getRenderer().getDefaultItemLabelFont();
        theme.apply(chart);
        plot.getRenderer().setDefaultItemLabelFont((Font) labels);
        plot.getRenderer().setSeriesPaint(0, ACCENT);
        if (plot.getRenderer() instanceof LineAndShapeRenderer line) { // the theme resets series strokes
            line.setSeriesStroke(0, new BasicStroke(3.5f));
            line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        }
        TextTitle title = chart.getTitle();
        title.setHorizontalAlignment(isRtl(locale) ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT);
        title.setMargin(14, 24, 10, 24);
        chart.setPadding(new RectangleInsets(8, 16, 8, 16));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    private static byte[] png(JFreeChart chart) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRtl(Locale locale) {
        return !"en".equals(locale.getLanguage());
    }

    /** Whole numbers with grouping in the locale's digits (ICU: Persian digits and separator for Persian). */
    static NumberFormat digits(Locale locale) {
        com.ibm.icu.text.NumberFormat icu = com.ibm.icu.text.NumberFormat.getIntegerInstance(
                isRtl(locale) ? new com.ibm.icu.util.ULocale("fa_IR") : com.ibm.icu.util.ULocale.ENGLISH);
        icu.setGroupingUsed(true);
        return new NumberFormat() {
            @Override
            public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
                return format(Math.round(number), to, pos);
            }

            @Override
            public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
                synchronized (icu) {
                    return to.append(icu.format(number));
                }
            }

            @Override
            public Number parse(String source, ParsePosition pos) {
                synchronized (icu) {
                    return icu.parse(source, pos);
                }
            }
        };
    }
}
