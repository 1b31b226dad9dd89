package io.digitaltowns.api.crm;

import java.util.List;

/** A contact with the companies they own and everything they did, oldest first. */
public record ContactDetail(CrmContact contact, List<CrmCompany> companies, List<TimelineEntry> activities) {
}
