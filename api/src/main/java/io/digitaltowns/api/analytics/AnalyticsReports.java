package io.digitaltowns.api.analytics;

import io.digitaltowns.events.AnalyticsCatalog;
import io.digitaltowns.events.AnalyticsCatalog.AnalyticsTopic;
import org.springframework.stereotype.Service;

/**
 * The figures of one analytics topic for a range of days: what the API's endpoint and the analytics
 * page show.
 */
@Service
public class AnalyticsReports {

  private final AnalyticsFigures figures;

  AnalyticsReports(AnalyticsFigures figures) {
    this.figures = figures;
  }

  /**
   * @throws UnknownAnalyticsTopicException for a name that is not one of {@link
   *     AnalyticsCatalog#topics()}
   */
  public AnalyticsTopic topic(String shortName) {
    return AnalyticsCatalog.byShortName(shortName).orElseThrow(UnknownAnalyticsTopicException::new);
  }

  /**
   * The topic's rows in the range; {@code listings} is the count as it stands now and ignores the
   * range.
   */
  public AnalyticsReport report(AnalyticsTopic topic, DayRange range) {
    return topic.daily()
        ? figures.read(topic, range.from(), range.to())
        : figures.read(topic, null, null);
  }
}
