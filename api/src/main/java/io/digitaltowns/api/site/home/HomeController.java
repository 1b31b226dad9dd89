package io.digitaltowns.api.site.home;

import io.digitaltowns.api.site.layout.Browsing;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.towns.Towns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: choose a town. */
@Controller
@Browsing
class HomeController {

  private final Towns towns;

  HomeController(Towns towns) {
    this.towns = towns;
  }

  @GetMapping("/")
  String home(@RequestParam(required = false) String notice, Model model) {
    model.addAttribute("towns", towns.all());
    model.addAttribute("notice", Notice.messageFor(notice));
    return "home/home";
  }
}
