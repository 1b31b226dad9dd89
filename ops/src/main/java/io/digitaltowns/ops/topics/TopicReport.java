package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

final class TopicReport {

  private TopicReport() {}

  /**
   * @return the number of topics that differ
   */
  static int print(PrintWriter out, Map<TopicDefinition, List<TopicStep>> survey) {
    int width =
        survey.keySet().stream().mapToInt(definition -> definition.name().length()).max().orElse(0);
    int differing = 0;
    for (Map.Entry<TopicDefinition, List<TopicStep>> topic : survey.entrySet()) {
      String name = topic.getKey().name();
      String padded = name + " ".repeat(width - name.length());
      if (topic.getValue().isEmpty()) {
        out.println(padded + "  ok");
        continue;
      }
      differing++;
      for (TopicStep step : topic.getValue()) {
        out.println(padded + "  " + step.describe());
      }
    }
    out.flush();
    return differing;
  }
}
