package io.digitaltowns.api.site.operations;

import io.digitaltowns.api.ops.DeadLetterEntry;
import io.digitaltowns.api.ops.DeadLetterException;
import io.digitaltowns.api.ops.DeadLetterRedrives;
import io.digitaltowns.api.ops.OpsStatus;
import io.digitaltowns.api.ops.OpsStatus.DeadLetterTopic;
import io.digitaltowns.api.ops.OpsStatuses;
import io.digitaltowns.platform.deadletters.NoSuchDeadLetterException;
import io.digitaltowns.platform.deadletters.Redrive;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations page for admins ({@code /admin/operations}): the relay's role and lag, each
 * consumer group's lag, the dead letters of each topic, and a button that sends one dead letter
 * back to its topic under the same rule as {@code ops dlt redrive} (once, recorded). Reads the same
 * {@link OpsStatus} as {@code /api/admin/ops/status}.
 */
@Controller
class OperationsPage {

  static final String PATH = "/admin/operations";

  /** Records listed per dead-letter topic; the rest are for {@code ops dlt list}. */
  static final int RECORDS_PER_TOPIC = 20;

  private final OpsStatuses statuses;
  private final DeadLetterRedrives deadLetters;

  OperationsPage(OpsStatuses statuses, DeadLetterRedrives deadLetters) {
    this.statuses = statuses;
    this.deadLetters = deadLetters;
  }

  @GetMapping(PATH)
  String page(Model model) {
    return render(model, null);
  }

  /** The ops page's old address (the static page it replaces) leads here. */
  @GetMapping({"/ops", "/ops/", "/ops/index.html"})
  String formerAddress() {
    return "redirect:" + PATH;
  }

  @PostMapping(PATH + "/redrive")
  String redrive(
      @RequestParam String topic,
      @RequestParam int partition,
      @RequestParam long offset,
      RedirectAttributes redirect,
      HttpServletResponse response,
      Model model) {
    String record = topic + " " + partition + ":" + offset;
    try {
      Redrive.Outcome outcome = deadLetters.redrive(topic, partition, offset);
      if (outcome instanceof Redrive.Redriven redriven) {
        redirect.addFlashAttribute(
            "notice",
            "Sent "
                + record
                + " back to "
                + redriven.destination()
                + " (now partition "
                + redriven.sent().partition()
                + ", offset "
                + redriven.sent().offset()
                + "). Every consumer group of that topic sees it again; those that had processed it skip it.");
        return "redirect:" + PATH;
      }
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return render(
          model,
          record
              + " was already redriven (here or with ops dlt redrive); it is sent once, "
              + "so nothing was sent now.");
    } catch (NoSuchDeadLetterException e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return render(model, "There is no " + record + ": " + e.getMessage() + ". Nothing was sent.");
    } catch (DeadLetterException e) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return render(model, "Could not redrive " + record + ": " + e.getMessage());
    }
  }

  private String render(Model model, String problem) {
    OpsStatus status = statuses.current();
    List<String> withRecords =
        status.kafka().deadLetters().stream()
            .filter(topic -> topic.records() > 0)
            .map(DeadLetterTopic::topic)
            .toList();
    Map<String, List<DeadLetterEntry>> records = Map.of();
    String recordsProblem = null;
    try {
      records = deadLetters.waitingIn(withRecords, RECORDS_PER_TOPIC);
    } catch (DeadLetterException | NoSuchDeadLetterException e) {
      recordsProblem = "The dead-lettered records could not be read: " + e.getMessage();
    }
    model.addAttribute("status", status);
    model.addAttribute("records", records);
    model.addAttribute("recordsProblem", recordsProblem);
    model.addAttribute("problem", problem);
    model.addAttribute("perTopic", RECORDS_PER_TOPIC);
    return "operations/operations";
  }
}
