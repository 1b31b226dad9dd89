package io.digitaltowns.api.crm;

import java.util.List;

/** A company with its deals and its whole timeline, oldest first. */
public record CompanyDetail(CrmCompany company, List<CrmDeal> deals, List<TimelineEntry> timeline) {
}
