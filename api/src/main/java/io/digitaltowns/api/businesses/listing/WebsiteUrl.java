package io.digitaltowns.api.businesses.listing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A listing's website: empty, or an absolute http(s) URL that java.net.URI parses, with a host and
 * without user information. Nothing else reaches a page as a link: no {@code javascript:} or {@code
 * data:}, no relative path, no {@code https://bank.example@evil.example} (whose host is the part
 * after the {@code @}).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebsiteUrl.Check.class)
@interface WebsiteUrl {

  String message() default
      "must be an absolute http(s) URL with a host, such as https://example.org";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<WebsiteUrl, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      return isWebsite(value.trim());
    }

    static boolean isWebsite(String value) {
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        return false;
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return uri.isAbsolute()
          && !uri.isOpaque()
          && (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty()
          && uri.getRawUserInfo() == null;
    }
  }
}
