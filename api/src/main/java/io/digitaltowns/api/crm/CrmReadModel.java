package io.digitaltowns.api.crm;

import io.digitaltowns.readmodels.crm.CrmCompany;
import io.digitaltowns.readmodels.crm.CrmContact;
import io.digitaltowns.readmodels.crm.CrmViewQueries;
import io.digitaltowns.readmodels.crm.TimelineEntry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What admins see of the CRM read model ({@code consumers.crm_view_*}, written only by the {@code
 * crm} consumer group), read through its owner's queries ({@link CrmViewQueries}, module
 * readmodels); here the answers an admin gets when a company or contact is unknown (404) or the
 * tables do not exist yet (503).
 */
@Component
public class CrmReadModel {

  private final CrmViewQueries queries;

  CrmReadModel(JdbcClient jdbc) {
    this.queries = new CrmViewQueries(jdbc);
  }

  /** Most recently changed first. */
  public List<CrmCompany> companies(String query, int limit) {
    return read(() -> queries.companies(query, limit));
  }

  /**
   * @throws CompanyNotFoundException (404) when the CRM has no such company
   */
  public CompanyDetail companyDetail(UUID businessId) {
    String id = businessId.toString();
    CrmCompany company = company(id).orElseThrow(CompanyNotFoundException::new);
    return new CompanyDetail(company, read(() -> queries.deals(id)), timelineOfCompany(id));
  }

  /**
   * @throws ContactNotFoundException (404) when the CRM has no such contact
   */
  public ContactDetail contactDetail(UUID userId) {
    String id = userId.toString();
    CrmContact contact = read(() -> queries.contact(id)).orElseThrow(ContactNotFoundException::new);
    return new ContactDetail(
        contact,
        read(() -> queries.companiesOwnedBy(id)),
        read(() -> queries.timelineOfContact(id)));
  }

  Optional<CrmCompany> company(String businessId) {
    return read(() -> queries.company(businessId));
  }

  /** Oldest first; entries of the same instant in the order they were projected. */
  List<TimelineEntry> timelineOfCompany(String businessId) {
    return read(() -> queries.timelineOfCompany(businessId));
  }

  /** Most recently registered first. */
  public List<CrmContact> contacts(String query, int limit) {
    return read(() -> queries.contacts(query, limit));
  }

  /** The tables belong to the consumers: until they ran once, there is nothing to read. */
  private static <T> T read(Supplier<T> query) {
    try {
      return query.get();
    } catch (BadSqlGrammarException e) {
      if (e.getSQLException() != null && "42P01".equals(e.getSQLException().getSQLState())) {
        throw new CrmReadModelUnavailableException(e);
      }
      throw e;
    }
  }
}
