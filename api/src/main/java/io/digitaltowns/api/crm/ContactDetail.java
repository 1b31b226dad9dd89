package io.digitaltowns.api.crm;

import io.digitaltowns.readmodels.crm.CrmCompany;
import io.digitaltowns.readmodels.crm.CrmContact;
import io.digitaltowns.readmodels.crm.TimelineEntry;
import java.util.List;

/** A contact with the companies they own and everything they did, oldest first. */
public record ContactDetail(
    CrmContact contact, List<CrmCompany> companies, List<TimelineEntry> activities) {}
