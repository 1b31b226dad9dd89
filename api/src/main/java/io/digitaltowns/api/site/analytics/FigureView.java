package io.digitaltowns.api.site.analytics;

/**
 * One figure on the analytics page: its chart and the address of its CSV download for the same
 * range.
 *
 * @param about what it counts, in a sentence
 */
public record FigureView(String title, String about, Chart chart, String csvHref) {}
