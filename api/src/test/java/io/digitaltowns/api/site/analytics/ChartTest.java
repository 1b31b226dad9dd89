package io.digitaltowns.api.site.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry the analytics page's SVG is drawn from. */
class ChartTest {

  private final Chart chart =
      new Chart(
          "signups",
          "Sign-ups",
          "summary",
          "Day (UTC)",
          List.of("2026-03-01", "2026-03-02", "2026-03-03"),
          List.of(
              new Chart.Series("Registrations", List.of(4L, 0L, 7L)),
              new Chart.Series("Confirmed", List.of(2L, 0L, 5L))));

  @Test
  void the_y_axis_ends_at_a_round_number_above_the_largest_value() {
    assertThat(chart.top()).isEqualTo(10);
    assertThat(chart.ticks()).extracting(Chart.Tick::text).containsExactly("0", "5", "10");
    assertThat(
            new Chart("x", "x", "x", "x", List.of("a"), List.of(new Chart.Series("s", List.of(0L))))
                .top())
        .isEqualTo(1);
    assertThat(
            new Chart(
                    "x",
                    "x",
                    "x",
                    "x",
                    List.of("a"),
                    List.of(new Chart.Series("s", List.of(2900L))))
                .top())
        .isEqualTo(5000);
  }

  @Test
  void each_label_gets_a_bar_per_series_as_tall_as_its_share_of_the_axis_and_inside_the_plot() {
    List<Chart.Bar> bars = chart.bars();

    assertThat(bars).hasSize(6);
    assertThat(bars).extracting(Chart.Bar::value).containsExactly(4L, 2L, 0L, 0L, 7L, 5L);
    double plotHeight = Chart.HEIGHT - Chart.TOP - Chart.BOTTOM;
    assertThat(Double.parseDouble(bars.get(4).height()))
        .isCloseTo(plotHeight * 0.7, org.assertj.core.data.Offset.offset(0.1));
    assertThat(bars)
        .allSatisfy(
            bar -> {
              assertThat(Double.parseDouble(bar.x())).isGreaterThanOrEqualTo(chart.plotLeft());
              assertThat(Double.parseDouble(bar.x()) + Double.parseDouble(bar.width()))
                  .isLessThanOrEqualTo(chart.plotRight());
              assertThat(Double.parseDouble(bar.y()) + Double.parseDouble(bar.height()))
                  .isCloseTo(chart.plotBottom(), org.assertj.core.data.Offset.offset(0.11));
            });
  }

  @Test
  void a_long_range_labels_only_some_days_and_the_table_keeps_every_one() {
    List<String> days =
        java.util.stream.IntStream.range(0, 30)
            .mapToObj(day -> java.time.LocalDate.of(2026, 3, 1).plusDays(day).toString())
            .toList();
    Chart month =
        new Chart(
            "m",
            "m",
            "m",
            "Day",
            days,
            List.of(new Chart.Series("s", days.stream().map(day -> 1L).toList())));

    assertThat(month.xLabels()).hasSizeLessThanOrEqualTo(Chart.MAX_X_LABELS);
    assertThat(month.xLabels().get(0).text()).isEqualTo("03-01");
    assertThat(month.rows()).hasSize(30);
  }
}
