package io.digitaltowns.api.crm;

import io.digitaltowns.readmodels.crm.CrmCompany;
import io.digitaltowns.readmodels.crm.CrmDeal;
import io.digitaltowns.readmodels.crm.TimelineEntry;
import java.util.List;

/** A company with its deals and its whole timeline, oldest first. */
public record CompanyDetail(
    CrmCompany company, List<CrmDeal> deals, List<TimelineEntry> timeline) {}
