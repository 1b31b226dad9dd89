/**
 * The CRM service: what admins see of contacts (users), companies (businesses), deals
 * (subscriptions) and each company's timeline, read from the read model the {@code crm} consumer
 * group builds from the events (tables {@code consumers.crm_view_*}, owned by module readmodels and
 * read through its {@code CrmViewQueries}); and notes, which are events too ({@code CrmNoteAdded}
 * on {@code dt.crm.events}).
 *
 * <p>Every endpoint is under {@code /api/admin/crm} (admins only). The api jar serves them itself
 * (the local stack, a single web service), as the private CRM service ({@code SERVICE_ROLE=crm},
 * port 3001, nothing else served), or forwards them there from the web service when {@code
 * CRM_SERVICE_URL} is set.
 */
package io.digitaltowns.api.crm;
