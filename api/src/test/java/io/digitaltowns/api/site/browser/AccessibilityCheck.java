package io.digitaltowns.api.site.browser;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs Deque's axe-core rules in a page and fails on any serious or critical violation, listing
 * each.
 */
public final class AccessibilityCheck {

  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private AccessibilityCheck() {}

  public static void assertNoSeriousViolations(Page page) {
    AxeResults results = new AxeBuilder(page).analyze();
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
            .toList();
    if (!blocking.isEmpty()) {
      fail(
          "axe-core found %d serious or critical accessibility violation(s) on %s:%n%s"
              .formatted(
                  blocking.size(),
                  page.url(),
                  blocking.stream()
                      .map(AccessibilityCheck::describe)
                      .collect(Collectors.joining("\n"))));
    }
  }

  private static String describe(Rule rule) {
    String nodes =
        rule.getNodes().stream()
            .map(CheckedNode::getTarget)
            .map(String::valueOf)
            .limit(5)
            .collect(Collectors.joining(", "));
    return "- [%s] %s: %s (%s) at %s"
        .formatted(rule.getImpact(), rule.getId(), rule.getHelp(), rule.getHelpUrl(), nodes);
  }
}
