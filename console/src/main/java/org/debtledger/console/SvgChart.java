package org.debtledger.console;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * A chart as inline SVG made on the server: grouped bars or lines of a few series over labelled points, with a legend,
 * the axis at zero and at its top, and a title for screen readers. It scales with its box ({@code viewBox}); the
 * page shows the same numbers in a table below it.
 */
final class SvgChart {

    /** A series: its name and a value for each label. */
    record Series(String name, List<Long> values) {
    }

    private static final String[] COLOURS = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
        "#7f7f00", "#000000"};
    private static final int WIDTH = 520;
    private static final int HEIGHT = 260;
    private static final int LEFT = 92;
    private static final int BOTTOM = 40;
    private static final int RIGHT = 12;

    private SvgChart() {
    }

    static String bars(String title, List<String> labels, List<Series> series, LongFunction<String> axis) {
        return chart(title, labels, series, axis, true);
    }

    static String lines(String title, List<String> labels, List<Series> series, LongFunction<String> axis) {
        return chart(title, labels, series, axis, false);
    }

    private static String chart(String title, List<String> labels, List<Series> series, LongFunction<String> axis,
                                boolean bars) {
        long max = Math.max(1, series.stream().flatMap(one -> one.values().stream()).mapToLong(Long::longValue)
                .max().orElse(1));
        long min = Math.min(0, series.stream().flatMap(one -> one.values().stream()).mapToLong(Long::longValue)
                .min().orElse(0));
        int top = 14 + 18 * ((series.size() + 1) / 2); // room for the legend, two series a row
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - top - BOTTOM;
        double step = plotWidth / Math.max(1, labels.size());
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""
                + " viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" aria-label=\"" + text(title) + "\"><title>"
                + text(title) + "</title>");
        for (long tick : List.of(min, max)) {
            double y = y(tick, min, max, top, plotHeight);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#d5dbe1"))
                    .append(label(LEFT - 6, y + 4, "end", axis.apply(tick)));
        }
        if (min < 0) {
            double zero = y(0, min, max, top, plotHeight);
            svg.append(line(LEFT, zero, WIDTH - RIGHT, zero, "#56606b")).append(label(LEFT - 6, zero + 4, "end", "0"));
        }
        int every = Math.max(1, (int) Math.ceil(labels.size() / 8.0));
        for (int i = 0; i < labels.size(); i += every) {
            svg.append(label(LEFT + step * (i + 0.5), HEIGHT - BOTTOM + 18, "middle", labels.get(i)));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            int x = LEFT + s % 2 * 210;
            int y = 6 + s / 2 * 18;
            svg.append(rect(x, y, 12, 12, colour)).append(label(x + 16, y + 11, "start", series.get(s).name()));
            List<Long> values = series.get(s).values();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (bars) {
                    double high = y(Math.max(0, values.get(i)), min, max, top, plotHeight);
                    double low = y(Math.min(0, values.get(i)), min, max, top, plotHeight);
                    double width = step * 0.8 / series.size();
                    svg.append(rect(LEFT + step * (i + 0.1) + width * s, high, width, low - high, colour));
                } else {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + step * (i + 0.5),
                            y(values.get(i), min, max, top, plotHeight)));
                }
            }
            if (!bars) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                        .append("\" points=\"").append(points.toString().strip()).append("\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static double y(long value, long min, long max, int top, double plotHeight) {
        return top + plotHeight * (max - value) / (double) (max - min);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                x1, y1, x2, y2, colour);
    }

    private static String rect(double x, double y, double width, double height, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y, width, height, colour);
    }

    private static String label(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"13\""
                + " fill=\"#1d232b\">%s</text>", x, y, anchor, text(text));
    }

    private static String text(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
