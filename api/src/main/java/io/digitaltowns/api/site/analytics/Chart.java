package io.digitaltowns.api.site.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One figure as a bar chart drawn on the server (inline SVG; the template draws what this
 * computes): a bar per label and series, grouped by label, on a y axis from zero to a round
 * maximum. The same numbers go into the page's table, which is the chart's text alternative.
 *
 * @param id unique on the page; the SVG's title and description ids derive from it
 * @param title what is counted
 * @param summary the totals and the highest value, the SVG's description
 * @param labelHeading what the labels are ("Day", "Category"), the table's first column
 * @param labels the x axis: days (yyyy-MM-dd) or categories
 * @param series one or more counts per label
 */
public record Chart(
    String id,
    String title,
    String summary,
    String labelHeading,
    List<String> labels,
    List<Series> series) {

  public static final int WIDTH = 480;
  public static final int HEIGHT = 220;
  static final int LEFT = 44;
  static final int RIGHT = 8;
  static final int TOP = 10;
  static final int BOTTOM = 34;

  /** x-axis labels drawn at most; the table has them all */
  static final int MAX_X_LABELS = 6;

  /**
   * @param values one per label, in the labels' order
   */
  public record Series(String name, List<Long> values) {

    long total() {
      return values.stream().mapToLong(Long::longValue).sum();
    }
  }

  /** One bar, in the SVG's coordinates; {@code series} picks its colour. */
  public record Bar(
      String x, String y, String width, String height, int series, String label, long value) {}

  /** A y-axis line and its value. */
  public record Tick(String y, String text) {}

  /** An x-axis label under its group of bars. */
  public record XLabel(String x, String text) {}

  public boolean empty() {
    return labels.isEmpty() || series.stream().allMatch(s -> s.total() == 0);
  }

  /**
   * The top of the y axis: the largest value rounded up to 1, 2 or 5 times a power of ten (at least
   * 1).
   */
  public long top() {
    long max =
        series.stream()
            .flatMap(s -> s.values().stream())
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    long step = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (factor * step >= max) {
          return Math.max(1, factor * step);
        }
      }
      step *= 10;
    }
  }

  public int plotLeft() {
    return LEFT;
  }

  public int plotRight() {
    return WIDTH - RIGHT;
  }

  public int plotBottom() {
    return HEIGHT - BOTTOM;
  }

  public int labelBaseline() {
    return HEIGHT - BOTTOM + 16;
  }

  public List<Bar> bars() {
    double plotWidth = WIDTH - LEFT - RIGHT;
    double group = plotWidth / labels.size();
    double barWidth = group * 0.8 / series.size();
    double plotHeight = HEIGHT - TOP - BOTTOM;
    long top = top();
    List<Bar> bars = new ArrayList<>();
    for (int label = 0; label < labels.size(); label++) {
      for (int s = 0; s < series.size(); s++) {
        long value = series.get(s).values().get(label);
        double height = plotHeight * value / top;
        double x = LEFT + group * label + group * 0.1 + barWidth * s;
        bars.add(
            new Bar(
                number(x),
                number(plotBottom() - height),
                number(barWidth),
                number(height),
                s,
                labels.get(label),
                value));
      }
    }
    return bars;
  }

  public List<Tick> ticks() {
    long top = top();
    double plotHeight = HEIGHT - TOP - BOTTOM;
    return IntStream.rangeClosed(0, 2)
        .mapToObj(
            step ->
                new Tick(number(plotBottom() - plotHeight * step / 2), format(top * step / 2.0)))
        .toList();
  }

  public List<XLabel> xLabels() {
    double group = (double) (WIDTH - LEFT - RIGHT) / labels.size();
    int every = Math.max(1, (int) Math.ceil(labels.size() / (double) MAX_X_LABELS));
    List<XLabel> shown = new ArrayList<>();
    for (int label = 0; label < labels.size(); label += every) {
      shown.add(
          new XLabel(number(LEFT + group * label + group / 2), shortLabel(labels.get(label))));
    }
    return shown;
  }

  /** Rows of the table: each series' value for one label. */
  public List<List<Long>> rows() {
    return IntStream.range(0, labels.size())
        .mapToObj(label -> series.stream().map(s -> s.values().get(label)).toList())
        .toList();
  }

  /** {@code 03-01} for a day; a category as it is, cut to fit under its bars. */
  private static String shortLabel(String label) {
    if (label.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return label.substring(5);
    }
    return label.length() > 12 ? label.substring(0, 11) + "…" : label;
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
