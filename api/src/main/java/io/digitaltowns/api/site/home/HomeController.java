package io.digitaltowns.api.site.home;

import io.digitaltowns.api.site.layout.Browsing;
import io.digitaltowns.api.towns.Towns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: choose a town. */
@Controller
@Browsing
class HomeController {

  private final Towns towns;

  HomeController(Towns towns) {
    this.towns = towns;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("towns", towns.all());
    return "home/home";
  }
}
